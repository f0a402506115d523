// The publishing pieces that are pure functions: social card text and function choice, the
// base-path link fixes, the CSP hashes, the `_headers` filling and parsing, the precache list.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addBase,
  fillHeaders,
  inlineScriptHashes,
  precacheEntries,
} from '../../scripts/publish/integration.ts';
import { headersFor, parseHeaders } from '../../scripts/serve.ts';
import { cardSvg, functionsCovered, slugOf, wrap } from '../../src/components/publish/og-card.ts';
import rehypeBaseLinks from '../../src/markdown/rehype-base-links.mjs';

describe('functionsCovered(body, title)', () => {
  it('takes the ids the widgets plot, in order, at most four', () => {
    const body = `<FunctionExplorer fns={['gelu', 'relu']} />\n<X fns={["silu", 'gelu', 'mish', 'elu']} />`;
    expect(functionsCovered(body, 'Anything')).toEqual(['gelu', 'relu', 'silu', 'mish']);
  });
  it('falls back to quoted ids, then to the functions the title names', () => {
    expect(functionsCovered(`activations['tanh'].f(1)`, 'x')).toEqual(['tanh']);
    expect(functionsCovered('no code', 'Sigmoid and tanh')).toEqual(['sigmoid', 'tanh']);
    expect(functionsCovered('', 'Why nonlinearity')).toEqual([]);
  });
  it('ignores ids that are not scalar catalogue entries', () => {
    expect(functionsCovered(`fns={['softmax', 'nope', 'relu']}`, '')).toEqual(['relu']);
  });
});

describe('wrap(text, maxChars, maxLines)', () => {
  it('breaks at spaces and marks a cut with an ellipsis', () => {
    expect(wrap('one two three four', 9, 5)).toEqual(['one two', 'three', 'four']);
    expect(wrap('one two three four five', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrap('anything', 9, 0)).toEqual([]);
  });
});

describe('cardSvg(card)', () => {
  it('escapes the title and draws one curve per function', () => {
    const svg = cardSvg({
      title: 'A <b> & "c"',
      description: 'd',
      fns: ['relu', 'tanh'],
      kicker: 'k',
    });
    expect(svg).toContain('A &#60;b&#62; &#38; &#34;c&#34;');
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).not.toContain('NaN');
  });
});

describe('slugOf(path)', () => {
  it('names the card of a page by its path below the base', () => {
    expect(slugOf('')).toBe('index');
    expect(slugOf('/')).toBe('index');
    expect(slugOf('functions/gelu/')).toBe('functions/gelu');
    expect(slugOf('404.html')).toBe('404');
  });
});

describe('base paths', () => {
  it('rehypeBaseLinks puts the base before root-relative links only', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'a', properties: { href: '/functions/gelu/' } },
        { type: 'element', tagName: 'a', properties: { href: '/nonlinear/quiz/' } },
        { type: 'element', tagName: 'a', properties: { href: '//cdn.example/x' } },
        { type: 'element', tagName: 'a', properties: { href: 'https://arxiv.org/' } },
        { type: 'element', tagName: 'img', properties: { src: '/data/x.png' } },
      ],
    };
    rehypeBaseLinks({ base: '/nonlinear/' })(tree);
    expect(tree.children.map((c) => Object.values(c.properties)[0])).toEqual([
      '/nonlinear/functions/gelu/',
      '/nonlinear/quiz/',
      '//cdn.example/x',
      'https://arxiv.org/',
      '/nonlinear/data/x.png',
    ]);
  });
  it('addBase fixes attributes in built HTML and leaves the rest', () => {
    const html =
      '<a href="/functions/">f</a><a href="/nonlinear/">h</a><a href="/">r</a><p>href="/x"</p>';
    expect(addBase(html, '/nonlinear/')).toEqual({
      html: '<a href="/nonlinear/functions/">f</a><a href="/nonlinear/">h</a><a href="/nonlinear/">r</a><p>href="/x"</p>',
      fixed: 2,
      paths: ['/functions/', '/'],
    });
    expect(addBase(html, '/')).toEqual({ html, fixed: 0, paths: [] });
  });
});

describe('the Content-Security-Policy and _headers', () => {
  it('hashes the inline scripts a browser runs, not data or external ones', () => {
    const html =
      '<script>a()</script><script type="module">b()</script><script type="application/json">{}</script><script src="/x.js"></script><script>a()</script>';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(inlineScriptHashes([html])).toEqual([hash('a()'), hash('b()')].sort());
  });
  it('fills the hashes in, drops comments and prefixes rules with the base', () => {
    const template =
      "# comment\n/*\n  Content-Security-Policy: script-src 'self' {{inline-script-hashes}}\n";
    expect(fillHeaders(template, ["'sha256-x'"], '/nonlinear/')).toBe(
      "/nonlinear/*\n  Content-Security-Policy: script-src 'self' 'sha256-x'\n",
    );
  });
  it('applies rules in order, joins repeats and detaches with !', () => {
    const rules = parseHeaders('/*\n  A: 1\n  B: page\n/_astro/*\n  A: 2\n  ! B\n  B: worker\n');
    expect(Object.fromEntries(headersFor(rules, '/quiz/'))).toEqual({ a: '1', b: 'page' });
    expect(Object.fromEntries(headersFor(rules, '/_astro/x.js'))).toEqual({
      a: '1, 2',
      b: 'worker',
    });
  });
});

describe('precacheEntries(files)', () => {
  it('takes pages as folders, built assets, woff2 fonts and search; not cards, data or old fonts', () => {
    const files = [
      'index.html',
      '404.html',
      'quiz/index.html',
      '_astro/a.js',
      '_astro/k.woff2',
      '_astro/k.ttf',
      'pagefind/pagefind.js',
      'og/index.png',
      'data/digits.bin',
      'icons/icon-192.png',
      'sitemap-index.xml',
    ];
    const entries = precacheEntries(files, (f) => Buffer.from(f));
    expect(entries.map(([path]) => path)).toEqual([
      './',
      '404.html',
      'quiz/',
      '_astro/a.js',
      '_astro/k.woff2',
      'pagefind/pagefind.js',
      'icons/icon-192.png',
    ]);
    expect(entries[0][1]).toMatch(/^[0-9a-f]{12}$/);
  });
});
