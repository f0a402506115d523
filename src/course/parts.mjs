// The course's parts, in reading order: each is a directory of lessons under
// src/content/docs/, plus pages made elsewhere that belong to the part (`extra`, listed
// after its lessons). The sidebar (astro.config.mjs) and the landing page's path through
// the course (src/components/course/CoursePath.astro) both read this list.
/**
 * @type {{ label: string; directory: string;
 *   extra?: { label: string; link: string; order: number; description: string }[] }[]}
 */
export const parts = [
  { label: 'Part I: Foundations', directory: 'foundations' },
  {
    label: 'Part II: The functions',
    directory: 'functions',
    extra: [
      {
        label: 'Function reference',
        link: '/functions/',
        order: 7,
        // One generated page per catalogue entry (src/pages/functions/).
        description:
          'One page per function in the catalogue: formula, derivative, properties, framework defaults and the paper that introduced it.',
      },
    ],
  },
  { label: 'Part III: Gradients', directory: 'gradients' },
  { label: 'Part IV: Architecture', directory: 'architecture' },
  { label: 'Part V: Practice', directory: 'practice' },
];
