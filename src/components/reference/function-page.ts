// What a function's reference page (/functions/<id>/) says beyond the catalogue entry itself:
// which lessons teach it, and the page's description. Pure, so it is tested without a build.

import type { ActivationInfo } from '../../lib/activations/index.ts';
import { lessons } from '../../lib/choose/lessons.ts';

const courseOrder = Object.keys(lessons);
const rank = (id: string) => {
  const i = courseOrder.indexOf(id);
  return i < 0 ? courseOrder.length : i;
};

/** The lesson that teaches each family (CURRICULUM.md, Part II). */
const familyLesson: Record<ActivationInfo['family'], string> = {
  linear: 'functions/output-layers',
  sigmoidal: 'functions/sigmoid-and-tanh',
  rectifier: 'functions/rectifiers',
  exponential: 'functions/rectifiers',
  smooth: 'functions/smooth-activations',
  hard: 'functions/sigmoid-and-tanh',
  vector: 'functions/output-layers',
};

/** Entries taught outside their family's lesson. */
const lessonOf: Readonly<Record<string, string>> = {
  'hard-swish': 'functions/smooth-activations',
  maxout: 'functions/rectifiers',
};

export interface LessonPage {
  /** The page's id in the docs collection: 'functions/sigmoid-and-tanh'. */
  id: string;
  title: string;
  body?: string;
}

/**
 * The lessons that use an entry, in course order: the lesson of its family (or its own), then
 * every other lesson whose source names it as a quoted id (`fns={['gelu']}`). Only lessons that
 * exist are returned, so the page never links to a missing one.
 */
export function lessonsUsing(entry: Pick<ActivationInfo, 'id' | 'family'>, pages: LessonPage[]) {
  const home = lessonOf[entry.id] ?? familyLesson[entry.family];
  const quoted = new RegExp(`['"]${entry.id}['"]`);
  return pages
    .filter((p) => rank(p.id) < courseOrder.length) // lessons only, not the widget gallery
    .filter((p) => p.id === home || quoted.test(p.body ?? ''))
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map(({ id, title }) => ({ href: `/${id}/`, title }));
}

/** A one-sentence description for the page's metadata. */
export function describeEntry(entry: Pick<ActivationInfo, 'name' | 'aliases' | 'year'>): string {
  const aka = entry.aliases.length ? ` (also ${entry.aliases.join(', ')})` : '';
  return `${entry.name}${aka}: formula, derivative, properties, framework defaults, citation and the course's own implementation.`;
}
