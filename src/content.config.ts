import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { topicSchema } from './components/quiz/schema.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // UI strings of later editions (zh-cn) go in src/content/i18n/<locale>.json.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  // The quiz bank: one YAML file per topic (src/content/quiz/<topic>.yaml), checked against
  // the schema at build time: unknown activation ids or lessons fail the build.
  quiz: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './src/content/quiz' }),
    schema: topicSchema,
  }),
};
