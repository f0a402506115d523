// The link checker over a build: every internal link, script, stylesheet, image, font, icon
// and social image of every page resolves to a file of the build (anchors included), nothing
// points outside the base path, and every page carries what sharing needs (a title, a
// description, a canonical URL and an Open Graph image that exists). Also checks the files a
// host and a crawler read: robots.txt, the sitemap, _headers, sw.js and the web manifest.
//
//   node scripts/check-links.ts [--dir dist] [--base /] [--site https://nonlinear.example]
//
// Prints each problem, then `links: N passed, N failed` (one check per page, plus the
// site-wide files). Exit code 1 on any problem.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listFiles } from './publish/integration.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
    site: { type: 'string', default: 'https://nonlinear.example' },
  },
});
const dir = values.dir;
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const site = new URL(values.site).origin;

const files = listFiles(dir);
const fileSet = new Set(files);
const pages = files.filter((f) => f.endsWith('.html'));
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'");

/** The ids a page defines, for anchors. */
const ids = new Map<string, Set<string>>();
const idsOf = (file: string) => {
  let set = ids.get(file);
  if (!set) {
    set = new Set([...read(file).matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1])));
    ids.set(file, set);
  }
  return set;
};

/** The file a URL path under the base stands for, or undefined. */
function target(pathname: string): string | undefined {
  const path = decodeURIComponent(pathname.slice(base.length));
  if (path === '' || path.endsWith('/')) {
    const index = `${path}index.html`;
    return fileSet.has(index) ? index : undefined;
  }
  if (fileSet.has(path)) return path;
  return fileSet.has(`${path}/index.html`) ? `${path}/index.html` : undefined;
}

/** Checks one reference made from `from` (a URL of the site); returns a problem or null. */
function check(ref: string, from: URL): string | null {
  if (/^(data|blob|mailto|tel|javascript):/i.test(ref) || ref === '' || ref.startsWith('#')) {
    if (ref.startsWith('#') && ref.length > 1 && from.pathname.endsWith('/')) {
      const file = target(from.pathname);
      const id = decodeURIComponent(ref.slice(1));
      if (file && !idsOf(file).has(id)) return `missing anchor ${ref}`;
    }
    return null;
  }
  const url = new URL(ref, from);
  if (url.origin !== from.origin && url.origin !== site) return null; // external: not ours to check
  if (!url.pathname.startsWith(base)) return `outside the base ${base}: ${ref}`;
  const file = target(url.pathname);
  if (!file) return `broken: ${ref}`;
  if (url.hash.length > 1 && file.endsWith('.html')) {
    const id = decodeURIComponent(url.hash.slice(1));
    if (!idsOf(file).has(id)) return `missing anchor: ${ref}`;
  }
  return null;
}

const urlOf = (file: string) =>
  new URL(`${base}${file.replace(/(^|\/)index\.html$/, '$1')}`, 'http://site.test');

let passed = 0;
let failed = 0;
const report = (what: string, problems: string[]) => {
  if (problems.length === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${what}`);
    for (const p of [...new Set(problems)]) console.log(`    ${p}`);
  }
};

for (const page of pages) {
  const html = read(page);
  const from = urlOf(page);
  const problems: string[] = [];
  const refs: string[] = [];
  for (const m of html.matchAll(/<(a|link|script|img|source|iframe|use|image)\b[^>]*>/gi)) {
    const tag = m[0];
    if (/^<link/i.test(tag) && /rel="(preconnect|dns-prefetch|alternate|canonical)"/i.test(tag))
      continue;
    for (const a of tag.matchAll(/\s(href|src|xlink:href)="([^"]*)"/gi)) refs.push(decode(a[2]));
    for (const a of tag.matchAll(/\ssrcset="([^"]*)"/gi)) {
      for (const part of decode(a[1]).split(',')) refs.push(part.trim().split(/\s+/)[0]);
    }
  }
  for (const m of html.matchAll(
    /<meta\s[^>]*(?:property|name)="(og:image|twitter:image)"[^>]*>/g,
  )) {
    const content = /content="([^"]*)"/.exec(m[0])?.[1];
    if (content) refs.push(decode(content));
  }
  for (const ref of refs) {
    const problem = check(ref, from);
    if (problem) problems.push(problem);
  }
  // What sharing needs; 404.html is not shared but is held to the same standard.
  const meta = (key: string) =>
    new RegExp(`<meta\\s+(?:property|name)="${key}"\\s+content="([^"]*)"`).exec(html)?.[1];
  if (!/<title>[^<]+<\/title>/.test(html)) problems.push('no <title>');
  if (!meta('description')?.trim()) problems.push('no meta description');
  const image = meta('og:image');
  if (!image) problems.push('no og:image');
  else if (!image.startsWith(`${site}${base}`))
    problems.push(`og:image not absolute under the site: ${image}`);
  if (meta('twitter:card') !== 'summary_large_image')
    problems.push('no twitter:card summary_large_image');
  const canonical = /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
  if (page !== '404.html') {
    if (!canonical) problems.push('no canonical URL');
    else if (canonical !== `${site}${from.pathname}`)
      problems.push(`canonical ${canonical} is not ${site}${from.pathname}`);
  }
  report(page, problems);
}

// Stylesheets: fonts and images they point at.
for (const css of files.filter((f) => f.endsWith('.css'))) {
  const from = urlOf(css);
  const problems = [...read(css).matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((m) => check(m[1], from))
    .filter((p): p is string => p !== null);
  report(css, problems);
}

// What hosts, crawlers and browsers read at the root of the site.
const siteProblems: string[] = [];
const need = (file: string) => {
  if (!fileSet.has(file)) siteProblems.push(`missing ${file}`);
  return fileSet.has(file);
};
if (
  need('robots.txt') &&
  !read('robots.txt').includes(`Sitemap: ${site}${base}sitemap-index.xml`)
) {
  siteProblems.push('robots.txt does not name the sitemap');
}
if (need('sitemap-index.xml')) {
  const sitemaps = [...read('sitemap-index.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  const urls = sitemaps.flatMap((s) => {
    const file = s.slice(`${site}${base}`.length);
    return need(file) ? [...read(file).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]) : [];
  });
  const listed = pages.filter((p) => p !== '404.html').length;
  if (urls.length !== listed)
    siteProblems.push(`sitemap lists ${urls.length} pages, the build has ${listed}`);
  for (const u of urls) {
    if (!u.startsWith(`${site}${base}`) || !target(new URL(u).pathname))
      siteProblems.push(`sitemap: ${u}`);
  }
}
if (need('_headers')) {
  const headers = read('_headers');
  for (const want of [
    `${base}*`,
    `${base}_astro/*`,
    'Content-Security-Policy:',
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy:',
    'immutable',
  ]) {
    if (!headers.includes(want)) siteProblems.push(`_headers lacks ${want}`);
  }
  if (headers.includes('{{')) siteProblems.push('_headers has an unfilled placeholder');
}
if (need('sw.js')) {
  const manifest = /^const PRECACHE = (.*);$/m.exec(read('sw.js'))?.[1];
  const entries: [string, string][] = manifest ? JSON.parse(manifest).entries : [];
  if (entries.length === 0) siteProblems.push('sw.js precaches nothing');
  for (const [path] of entries) {
    if (!target(`${base}${path === './' ? '' : path}`))
      siteProblems.push(`sw.js precaches a missing ${path}`);
  }
  for (const page of pages) {
    const path = page === 'index.html' ? './' : page.replace(/(^|\/)index\.html$/, '$1');
    if (!entries.some(([p]) => p === path)) siteProblems.push(`sw.js does not precache ${page}`);
  }
}
if (need('manifest.webmanifest')) {
  const manifest = JSON.parse(read('manifest.webmanifest'));
  const from = urlOf('manifest.webmanifest');
  for (const icon of manifest.icons ?? []) {
    const problem = check(icon.src, from);
    if (problem) siteProblems.push(`manifest icon ${problem}`);
  }
  for (const size of ['192x192', '512x512']) {
    if (!manifest.icons?.some((i: { sizes: string }) => i.sizes === size))
      siteProblems.push(`manifest has no ${size} icon`);
  }
  if (!manifest.icons?.some((i: { purpose?: string }) => i.purpose?.includes('maskable'))) {
    siteProblems.push('manifest has no maskable icon');
  }
}
for (const png of files.filter((f) => f.startsWith('og/'))) {
  const bytes = readFileSync(join(dir, png));
  if (bytes.readUInt32BE(16) !== 1200 || bytes.readUInt32BE(20) !== 630)
    siteProblems.push(`${png} is not 1200×630`);
}
report('site files (robots.txt, sitemap, _headers, sw.js, manifest, social cards)', siteProblems);

const size = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
console.log(
  `${pages.length} pages, ${files.length} files, ${(size / 1e6).toFixed(1)} MB in ${dir}`,
);
console.log(`links: ${passed} passed, ${failed} failed`);
if (!existsSync(dir) || failed > 0) process.exitCode = 1;
