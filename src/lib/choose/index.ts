// The selection helper's knowledge: situations, rules, sources and lesson slugs.
export * from './lessons.ts';
export * from './rules.ts';
export * from './situation.ts';
export * from './sources.ts';
