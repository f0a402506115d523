// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import rehypeScrollableTables from './src/markdown/rehype-scrollable-tables.mjs';

// The curriculum's parts (shared/CURRICULUM.md), one folder of lessons each. A part appears
// in the sidebar only once it has a lesson, so the sidebar never links to a missing page.
const parts = [
  { label: 'Part I: Foundations', directory: 'foundations' },
  { label: 'Part II: The functions', directory: 'functions' },
  { label: 'Part III: Gradients', directory: 'gradients' },
  { label: 'Part IV: Architecture', directory: 'architecture' },
  { label: 'Part V: Practice', directory: 'practice' },
];
/** @param {string} directory */
const hasLessons = (directory) => {
  const dir = new URL(`./src/content/docs/${directory}/`, import.meta.url);
  return existsSync(dir) && readdirSync(dir).some((f) => /\.mdx?$/.test(f));
};

export default defineConfig({
  site: 'https://nonlinear.example',
  // Math is rendered to HTML at build time; the page needs only KaTeX's CSS and fonts.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [rehypeKatex, rehypeScrollableTables],
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
      customCss: ['katex/dist/katex.min.css', './src/styles/nonlinear.css'],
      sidebar: [
        ...parts
          .filter((part) => hasLessons(part.directory))
          .map((part) => ({
            label: part.label,
            items: [
              { autogenerate: { directory: part.directory } },
              // One generated page per catalogue entry (src/pages/functions/).
              ...(part.directory === 'functions'
                ? [{ label: 'Function reference', link: '/functions/' }]
                : []),
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
  ],
});
