// A static host for the browser tests: serves a build folder the way Cloudflare Pages or
// Netlify would, with the response headers of its `_headers` file (so the tests run under the
// real Content-Security-Policy), `/a/b` redirected to `/a/b/`, and 404.html for a missing page.
//
//   node scripts/serve.ts [--dir dist] [--port 4329] [--host 127.0.0.1]
//
// `_headers` as Cloudflare Pages reads it: a rule is a path pattern (`*` matches anything)
// followed by indented `Name: value` lines; every matching rule applies in order, a header set
// twice is joined with a comma, and `! Name` removes what an earlier rule set.

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';

export interface Rule {
  pattern: RegExp;
  set: [string, string][];
  detach: string[];
}

export function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: a header before any path: ${line}`);
    const entry = line.trim();
    if (entry.startsWith('!')) rule.detach.push(entry.slice(1).trim().toLowerCase());
    else {
      const colon = entry.indexOf(':');
      rule.set.push([entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers `rules` give the URL path `path`, by lower-case name. */
export function headersFor(rules: Rule[], path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const name of rule.detach) headers.delete(name);
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

export function serve({ dir = 'dist', port = 4329, host = '127.0.0.1' } = {}) {
  const headersFile = join(dir, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const send = (status: number, file: string, extra: Record<string, string> = {}) => {
      const headers: Record<string, string> = Object.fromEntries(headersFor(rules, url.pathname));
      headers['content-type'] = types[extname(file)] ?? 'application/octet-stream';
      headers['content-length'] = String(statSync(file).size);
      res.writeHead(status, { ...headers, ...extra });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    const local = normalize(join(dir, path));
    if (!local.startsWith(normalize(dir))) {
      res.writeHead(403).end();
    } else if (path.endsWith('/') && isFile(join(local, 'index.html'))) {
      send(200, join(local, 'index.html'));
    } else if (!path.endsWith('/') && isFile(local)) {
      send(200, local);
    } else if (!path.endsWith('/') && isFile(join(local, 'index.html'))) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
    } else if (isFile(join(dir, '404.html'))) {
      send(404, join(dir, '404.html'));
    } else {
      res.writeHead(404).end();
    }
  });
  server.listen(port, host);
  return server;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: process.env.E2E_PORT ?? '4329' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  serve({ dir: values.dir, port: Number(values.port), host: values.host });
  console.log(`serving ${values.dir} at http://${values.host}:${values.port}/`);
}
