// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import publish from './scripts/publish/integration.ts';
import { parts } from './src/course/parts.mjs';
import rehypeBaseLinks from './src/markdown/rehype-base-links.mjs';
import rehypeScrollableTables from './src/markdown/rehype-scrollable-tables.mjs';

// Where the site is published, from the environment so that any host works: SITE_URL is its
// origin (canonical URLs, the sitemap, social cards), BASE_PATH the sub-path it is served
// under (`/nonlinear/` on GitHub Pages for a project site). OUT_DIR lets the tests build a
// second copy (with a base) without touching dist/.
const site = process.env.SITE_URL || 'https://nonlinear.example';
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const withBase = (/** @type {string} */ path) => `${base}${path}`;

// The curriculum's parts (shared/CURRICULUM.md), one folder of lessons each, shared with the
// landing page. A part appears in the sidebar only once it has a lesson, so the sidebar never
// links to a missing page.
/** @param {string} directory */
const hasLessons = (directory) => {
  const dir = new URL(`./src/content/docs/${directory}/`, import.meta.url);
  return existsSync(dir) && readdirSync(dir).some((f) => /\.mdx?$/.test(f));
};

export default defineConfig({
  site,
  base,
  ...(process.env.OUT_DIR ? { outDir: process.env.OUT_DIR } : {}),
  // Math is rendered to HTML at build time; the page needs only KaTeX's CSS and fonts.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [rehypeKatex, rehypeScrollableTables, [rehypeBaseLinks, { base }]],
    }),
  },
  integrations: [
    starlight({
      title: 'Nonlinear',
      description:
        'An interactive course on neural-network activation functions: why they exist, how each one behaves, and how to choose.',
      favicon: '/favicon.svg',
      // The 404 page is src/content/docs/404.md, rendered like any other page.
      disable404Route: true,
      // English at the root; a Chinese edition is added as `'zh-cn': { label: '简体中文', lang: 'zh-CN' }`
      // with its pages under src/content/docs/zh-cn/.
      defaultLocale: 'root',
      locales: { root: { label: 'English', lang: 'en' } },
      // Long code lines wrap: a code block that scrolls sideways is a keyboard trap for axe,
      // and Expressive Code makes it focusable only after a delayed script.
      expressiveCode: { defaultProps: { wrap: true } },
      customCss: [
        'katex/dist/katex.min.css',
        './src/styles/nonlinear.css',
        './src/styles/print.css',
      ],
      // Social cards (og:image) per page; the rest of the sharing tags are Starlight's.
      routeMiddleware: './src/components/publish/route-middleware.ts',
      // The footer adds the "available offline" line and registers the service worker.
      components: { Footer: './src/components/overrides/Footer.astro' },
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: withBase('manifest.webmanifest') } },
        {
          tag: 'link',
          attrs: { rel: 'apple-touch-icon', href: withBase('icons/apple-touch-icon.png') },
        },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#1b1f4b' } },
      ],
      sidebar: [
        ...parts
          .filter((part) => hasLessons(part.directory))
          .map((part) => ({
            label: part.label,
            items: [
              { autogenerate: { directory: part.directory } },
              ...(part.extra ?? []).map(({ label, link }) => ({ label, link })),
            ],
          })),
        {
          label: 'Try it yourself',
          items: [
            { label: 'Quiz', link: '/quiz/' },
            { label: 'Choose an activation', link: '/choose/' },
            { label: 'Scratchpad', link: '/scratchpad/' },
          ],
        },
        // For authors and the browser tests: every widget on its own page.
        ...(hasLessons('widgets')
          ? [
              {
                label: 'Widget gallery',
                collapsed: true,
                items: [{ autogenerate: { directory: 'widgets' } }],
              },
            ]
          : []),
      ],
    }),
    mdx(),
    // Last: needs the finished dist/ (search index included) for _headers and sw.js.
    publish(),
  ],
});
