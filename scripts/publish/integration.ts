// Build-time publishing steps that need the finished `dist/`, as an Astro integration (listed
// last in astro.config.mjs, so Starlight's search index exists when it runs):
//
// - Under a base path (BASE_PATH=/nonlinear/), root-relative links that components and page
//   frontmatter wrote without it (`href="/functions/gelu/"`) get it, and the build log names
//   the pages; Markdown links get it earlier (src/markdown/rehype-base-links.mjs).
// - `_headers` (public/_headers is the template): the hashes of every inline script the
//   build emitted go into the Content-Security-Policy, and rule paths get the base path.
// - `sw.js`: scripts/publish/sw.js behind a precache manifest of this build's files.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Every file under `dir`, as a path relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).replace(/\\/g, '/'));
    }
  };
  walk(dir);
  return files.sort();
}

const sha256 = (data: string | Buffer, encoding: 'base64' | 'hex') =>
  createHash('sha256').update(data).digest(encoding);

/** The CSP source of each distinct inline script that a browser would run. */
export function inlineScriptHashes(htmls: string[]): string[] {
  const hashes = new Set<string>();
  for (const html of htmls) {
    for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (/\ssrc\s*=/i.test(attrs)) continue;
      const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
      const runs = !type || type === 'module' || type.endsWith('javascript');
      if (runs) hashes.add(`'sha256-${sha256(body, 'base64')}'`);
    }
  }
  return [...hashes].sort();
}

/** Fills the `_headers` template: the script hashes, and the base path in front of rules. */
export function fillHeaders(template: string, hashes: string[], base: string): string {
  const prefix = base.replace(/\/$/, '');
  return template
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => (line.startsWith('/') ? `${prefix}${line}` : line))
    .join('\n')
    .replace('{{inline-script-hashes}}', hashes.join(' '))
    .replace(/^\n+/, '');
}

/** What the service worker precaches: pages, scripts, styles, woff2 fonts, search, icons. */
export function precacheEntries(files: string[], read: (file: string) => Buffer) {
  const wanted = (f: string) =>
    (f.endsWith('.html') ||
      /^_astro\/.*\.(js|css|woff2|svg|png|webp|avif)$/.test(f) ||
      f.startsWith('pagefind/') ||
      /^icons\/.*\.png$/.test(f) ||
      ['favicon.svg', 'manifest.webmanifest'].includes(f)) &&
    !f.startsWith('og/');
  return files.filter(wanted).map((f) => {
    // A page is requested as its folder: foundations/why-nonlinearity/ for .../index.html.
    const path = f === 'index.html' ? './' : f.replace(/(^|\/)index\.html$/, '$1');
    return [path, sha256(read(f), 'hex').slice(0, 12)] as [string, string];
  });
}

/**
 * `html` with the base in front of every root-relative href, src and action lacking it, and
 * the paths it fixed (so the warning can say which component to mend).
 */
export function addBase(
  html: string,
  base: string,
): { html: string; fixed: number; paths: string[] } {
  if (base === '/') return { html, fixed: 0, paths: [] };
  const paths: string[] = [];
  const out = html.replace(/(\s(?:href|src|action)=")(\/(?!\/)[^"]*)"/g, (all, attr, path) => {
    if (path.startsWith(base) || `${path}/` === base) return all;
    paths.push(path);
    return `${attr}${base}${path.slice(1)}"`;
  });
  return { html: out, fixed: paths.length, paths };
}

export default function publish(): AstroIntegration {
  let base = '/';
  return {
    name: 'nonlinear:publish',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = listFiles(out);
        const read = (f: string) => readFileSync(join(out, f));
        const pages = files.filter((f) => f.endsWith('.html'));
        const fixedLinks: string[] = [];
        const htmls = pages.map((f) => {
          const { html, paths } = addBase(read(f).toString(), base);
          if (paths.length > 0) {
            writeFileSync(join(out, f), html);
            fixedLinks.push(...paths.map((p) => `${p} in ${f}`));
          }
          return html;
        });
        if (fixedLinks.length > 0) {
          logger.warn(
            `${fixedLinks.length} links were written without the base ${base} and got it here (${fixedLinks.slice(0, 5).join(', ')}); components should build them from import.meta.env.BASE_URL`,
          );
        }

        const hashes = inlineScriptHashes(htmls);
        const template = readFileSync(join(out, '_headers'), 'utf8');
        writeFileSync(join(out, '_headers'), fillHeaders(template, hashes, base));
        logger.info(`_headers: ${hashes.length} inline script hashes in the CSP`);

        const entries = precacheEntries(files, read);
        const version = sha256(JSON.stringify(entries), 'hex').slice(0, 12);
        const manifest = JSON.stringify({ version, base, entries });
        const source = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
        writeFileSync(join(out, 'sw.js'), `const PRECACHE = ${manifest};\n${source}`);
        const bytes = entries.reduce((sum, [path]) => {
          const file =
            path === './' ? 'index.html' : path.endsWith('/') ? `${path}index.html` : path;
          return sum + statSync(join(out, file)).size;
        }, 0);
        logger.info(
          `sw.js: ${entries.length} files precached (${(bytes / 1e6).toFixed(1)} MB), version ${version}`,
        );
      },
    },
  };
}
