// The helper's recommendation as HTML, from one function used at build time (the first,
// server-rendered state of /choose/) and in the browser (every change), so both agree.
// Takes names and existing pages as arguments, so the browser bundle stays free of the kernel.

import {
  lessonHref,
  lessonTitle,
  type Recommendation,
  sources,
  splitLessonRef,
} from '../../lib/choose/index.ts';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]);

export interface RenderContext {
  /** Slugs of the docs pages in this build ('foundations/why-nonlinearity'). */
  pages: ReadonlySet<string>;
  /** Slug of the page the helper is on: "Read more" does not link a lesson to itself. */
  here?: string;
  /**
   * The site's base path ('/' or '/nonlinear/'). The build rewrites root links in the pages it
   * writes, but not the ones this function makes in the browser, so they carry it themselves.
   */
  base?: string;
}

const list = (items: string[]) =>
  items.length === 0 ? '' : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

export function recommendationHtml(
  rec: Recommendation,
  { pages, here, base = '/' }: RenderContext,
): string {
  const e = escapeHtml;
  const root = base.replace(/\/$/, '');
  const name = (id: string, label: string) =>
    pages.has(`functions/${id}`)
      ? `<a href="${e(root)}/functions/${e(id)}/">${e(label)}</a>`
      : e(label);
  const elsewhere = rec.lessons.filter((ref) => splitLessonRef(ref).slug !== here);
  const lessonLinks = elsewhere.map((ref) =>
    pages.has(splitLessonRef(ref).slug)
      ? `<a href="${e(root + lessonHref(ref))}">${e(lessonTitle(ref))}</a>`
      : `${e(lessonTitle(ref))} (lesson coming soon)`,
  );
  const parts = [
    `<p class="nl-choose-primary">Recommended: <strong>${name(rec.primary.id, rec.primary.label)}</strong>. ${e(rec.primary.why)}</p>`,
  ];
  if (rec.notes.length > 0)
    parts.push(`<div class="nl-choose-notes">${list(rec.notes.map(e))}</div>`);
  parts.push(`<h3>Why</h3>${list(rec.reasons.map(e))}`);
  const pairing = [
    rec.pairing.init && `Initialisation: ${e(rec.pairing.init)}`,
    rec.pairing.loss && `Loss: ${e(rec.pairing.loss)}`,
  ].filter((x): x is string => Boolean(x));
  if (pairing.length > 0) parts.push(`<h3>Goes with</h3>${list(pairing)}`);
  if (rec.alternatives.length > 0) {
    parts.push(
      `<h3>Alternatives</h3>${list(rec.alternatives.map((a) => `<strong>${name(a.id, a.label)}</strong>: ${e(a.why)}`))}`,
    );
  }
  if (rec.avoid.length > 0) {
    parts.push(
      `<h3>Less suited here</h3>${list(rec.avoid.map((a) => `<strong>${name(a.id, a.label)}</strong>: ${e(a.why)}`))}`,
    );
  }
  if (lessonLinks.length > 0) parts.push(`<h3>Read more</h3>${list(lessonLinks)}`);
  if (rec.sources.length > 0) {
    parts.push(
      `<h3>Sources</h3>${list(
        rec.sources.map((k) => {
          const s = sources[k] as { cite: string; arxiv?: string };
          return e(s.arxiv ? `${s.cite} arXiv:${s.arxiv}.` : s.cite);
        }),
      )}`,
    );
  }
  return parts.join('');
}
