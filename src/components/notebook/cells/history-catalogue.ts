// The data behind the timeline: each catalogue
// entry's year and citation, from the kernel.
import { catalogue } from 'nonlinear';

const last = (name: string) => name.split(' ').at(-1);
const cited = (authors: string[]) =>
  authors.length === 1
    ? last(authors[0])
    : authors.length === 2
      ? `${last(authors[0])} & ${last(authors[1])}`
      : `${last(authors[0])} et al.`;

const rows = [...catalogue]
  .sort((a, b) => a.year - b.year)
  .map((e) => ({
    year: e.year,
    function: e.name,
    cited: e.citation ? cited(e.citation.authors) : '(none)',
    published: e.citation?.year ?? '',
  }));
table(rows);
const differ = rows.filter((r) => r.published !== r.year);
print(`${differ.length} of ${rows.length}: year ≠ published, or no citation.`);
