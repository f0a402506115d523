// The social card of a page (1200 × 630, Open Graph's size) as an SVG string: the site's
// name, the page's title and description, and for a lesson a small plot of the functions it
// covers, drawn with the catalogue itself. Rendered to PNG by src/pages/og/[...slug].png.ts.

import { activationIds, activations } from '../../lib/activations/index.ts';

export const cardSize = { width: 1200, height: 630 };

// The dark theme's series colours (src/styles/nonlinear.css) on the favicon's navy.
const background = '#1b1f4b';
const ink = '#f4f5fb';
const muted = '#b9bfdc';
const colours = ['#8fb8ff', '#ffae57', '#6fdc9b', '#d4a5ff', '#ff8fa3', '#e6d35a'];

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Greedy line breaking by an average glyph width; the last line ends with … if cut. */
export function wrap(text: string, maxChars: number, maxLines: number, ellipsis = '…'): string[] {
  if (maxLines <= 0) return [];
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (next.length <= maxChars || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines) {
      lines[maxLines - 1] = `${lines[maxLines - 1].replace(/[\s,.;:]+$/, '')}${ellipsis}`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The scalar functions a lesson covers, from its source: the ids its widgets plot
 * (`fns={['gelu', 'relu']}`), else any catalogue id it quotes, else the functions its title
 * names. At most `max`, in order of first appearance.
 */
export function functionsCovered(body: string, title: string, max = 4): string[] {
  const known = new Set<string>(activationIds);
  const pick = (ids: Iterable<string>) => [...new Set([...ids].filter((id) => known.has(id)))];
  const quoted = (s: string) => [...s.matchAll(/['"]([a-z0-9-]+)['"]/g)].map((m) => m[1]);
  const plotted = pick([...body.matchAll(/\bfns=\{\[([^\]]*)\]\}/g)].flatMap((m) => quoted(m[1])));
  if (plotted.length > 0) return plotted.slice(0, max);
  const mentioned = pick(quoted(body));
  if (mentioned.length > 0) return mentioned.slice(0, max);
  const words = title.toLowerCase();
  const named = activationIds.filter((id) => {
    const name = activations[id].name.toLowerCase();
    return new RegExp(
      `(^|[^a-z-])(${id}|${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})s?([^a-z-]|$)`,
    ).test(words);
  });
  return named.slice(0, max);
}

/** The plot of `fns` on [-4, 4] in a `size` square, as SVG elements. */
function plot(fns: string[], x0: number, y0: number, size: number): string {
  const xs = Array.from({ length: 241 }, (_, i) => -4 + (8 * i) / 240);
  const series = fns.map((id) => xs.map((x) => activations[id].f(x)));
  const finite = series.flat().filter(Number.isFinite);
  let lo = Math.max(-4, Math.min(-1, ...finite));
  let hi = Math.min(4, Math.max(1, ...finite));
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const sx = (x: number) => x0 + ((x + 4.4) / 8.8) * size;
  const sy = (y: number) => y0 + size - ((Math.min(hi, Math.max(lo, y)) - lo) / (hi - lo)) * size;
  const axes = [
    `<rect x="${x0}" y="${y0}" width="${size}" height="${size}" rx="18" fill="#262b63"/>`,
    `<line x1="${sx(-4.4)}" y1="${sy(0)}" x2="${sx(4.4)}" y2="${sy(0)}" stroke="${muted}" stroke-opacity="0.55" stroke-width="2"/>`,
    `<line x1="${sx(0)}" y1="${y0}" x2="${sx(0)}" y2="${y0 + size}" stroke="${muted}" stroke-opacity="0.55" stroke-width="2"/>`,
  ];
  const curves = series.map((ys, i) => {
    const points = xs.map((x, j) => `${sx(x).toFixed(1)},${sy(ys[j]).toFixed(1)}`).join(' ');
    return `<polyline points="${points}" fill="none" stroke="${colours[i % colours.length]}" stroke-width="7" stroke-linejoin="round" stroke-linecap="round"/>`;
  });
  return [...axes, ...curves].join('\n');
}

/** The site's mark (public/favicon.svg), for pages that cover no particular function. */
function mark(x0: number, y0: number, size: number): string {
  const k = size / 32;
  return `<g transform="translate(${x0} ${y0}) scale(${k})"><rect width="32" height="32" rx="6" fill="#262b63"/><path d="M4 26 C 12 26, 14 26, 16 16 S 20 6, 28 6" fill="none" stroke="#8fd3ff" stroke-width="2" stroke-linecap="round"/><path d="M4 20 L16 20 L28 8" fill="none" stroke="#ffb86b" stroke-width="1.4" stroke-linecap="round" stroke-dasharray="0.1 3"/></g>`;
}

export interface Card {
  title: string;
  description: string;
  /** Scalar catalogue ids to plot; none shows the site's mark. */
  fns: string[];
  /** A small line above the title: the site's name, or the page's kind. */
  kicker: string;
}

export function cardSvg({ title, description, fns, kicker }: Card): string {
  const { width, height } = cardSize;
  const figure = 440;
  const fx = width - figure - 70;
  const fy = (height - figure) / 2;
  const left = 70;
  const textWidth = fx - left - 50;
  const titleSize = title.length > 40 ? 54 : 66;
  // The sans-serif font has no '…'.
  const titleLines = wrap(title, Math.floor(textWidth / (titleSize * 0.56)), 3, '...');
  const descSize = 26;
  // One legend row per function when a name is long, two to a row otherwise.
  const columns = fns.some((id) => activations[id].name.length > 14) ? 1 : 2;
  const legendRows = Math.ceil(fns.length / columns);
  const legendTop = height - 60 - legendRows * 46;
  let y = 130;
  const text: string[] = [
    `<text x="${left}" y="${y}" font-size="30" font-weight="bold" fill="${colours[0]}" letter-spacing="2">${escapeXml(kicker.toUpperCase())}</text>`,
  ];
  y += 30 + titleSize * 1.1;
  for (const line of titleLines) {
    text.push(
      `<text x="${left}" y="${y}" font-size="${titleSize}" font-weight="bold" fill="${ink}">${escapeXml(line)}</text>`,
    );
    y += titleSize * 1.12;
  }
  y += 12;
  const descRoom = Math.max(0, Math.floor((legendTop - 10 - y) / (descSize * 1.35)) + 1);
  for (const line of wrap(
    description,
    Math.floor(textWidth / (descSize * 0.5)),
    Math.min(4, descRoom),
  )) {
    text.push(
      `<text x="${left}" y="${y}" font-size="${descSize}" font-family="KaTeX_Main" fill="${muted}">${escapeXml(line)}</text>`,
    );
    y += descSize * 1.35;
  }
  const legend = fns.map((id, i) => {
    const lx = left + (i % columns) * (textWidth / 2);
    const ly = legendTop + 30 + Math.floor(i / columns) * 46;
    const name = escapeXml(activations[id].name);
    return `<rect x="${lx}" y="${ly - 12}" width="28" height="8" rx="4" fill="${colours[i % colours.length]}"/><text x="${lx + 38}" y="${ly}" font-size="26" font-weight="bold" fill="${ink}">${name}</text>`;
  });
  const picture = fns.length > 0 ? plot(fns, fx, fy, figure) : mark(fx, fy, figure);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="KaTeX_SansSerif">
<rect width="${width}" height="${height}" fill="${background}"/>
<rect y="${height - 12}" width="${width}" height="12" fill="${colours[1]}"/>
${text.join('\n')}
${legend.join('\n')}
${picture}
</svg>`;
}

/** The card's slug for a page's path below the base: `/functions/gelu/` -> `functions/gelu`. */
export function slugOf(path: string): string {
  const slug = path.replace(/^\/+|\/+$/g, '').replace(/(^|\/)index\.html$|\.html$/, '');
  return slug === '' ? 'index' : slug;
}
