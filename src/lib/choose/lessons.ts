// The course's lessons as CURRICULUM.md plans them, by the slug each will have under
// src/content/docs/. Most are not written yet: the quiz and the helper record the slug
// and render a link only once the page exists in the build (see src/components/quiz/links.ts).
// A slug here is a plan, not a promise: when a lesson lands under another name, the unit test
// test/quiz/bank.test.ts names every reference that no longer resolves.

export const lessons = {
  'foundations/why-nonlinearity': 'Why nonlinearity',
  'foundations/what-makes-a-good-activation': 'What makes a good activation',
  'functions/sigmoid-and-tanh': 'Sigmoid and tanh',
  'functions/rectifiers': 'The rectifier family',
  'functions/smooth-activations': 'Smooth modern activations',
  'functions/output-layers': 'Output layers',
  'gradients/gradient-visualisation': 'Gradient visualisation',
  'gradients/training-problems': 'Training problems and their fixes',
  'architecture/normalisation-order': 'Normalisation order',
  'architecture/choosing-an-activation': 'Choosing an activation',
  'architecture/mathematics': 'The mathematics',
  'architecture/history': 'History',
  'practice/training-lab': 'The training lab',
  'practice/digits': 'Real data: handwritten digits',
} as const;

export type LessonSlug = keyof typeof lessons;

/** A lesson reference: a slug, optionally with a section anchor (`functions/output-layers#softmax`). */
export function splitLessonRef(ref: string): { slug: string; anchor: string | undefined } {
  const [slug, anchor] = ref.split('#', 2);
  return { slug: slug.replace(/^\/|\/$/g, ''), anchor: anchor || undefined };
}

/** Whether `ref` names a planned lesson (whatever its anchor). */
export function isPlannedLesson(ref: string): boolean {
  return Object.hasOwn(lessons, splitLessonRef(ref).slug);
}

/** The URL path of a lesson reference: `/functions/output-layers/#softmax`. */
export function lessonHref(ref: string): string {
  const { slug, anchor } = splitLessonRef(ref);
  return `/${slug}/${anchor ? `#${anchor}` : ''}`;
}

/** The title of a lesson reference, or its slug when the lesson is not in the plan. */
export function lessonTitle(ref: string): string {
  const { slug } = splitLessonRef(ref);
  return Object.hasOwn(lessons, slug) ? lessons[slug as LessonSlug] : slug;
}
