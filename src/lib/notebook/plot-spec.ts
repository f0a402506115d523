// Figures from the kernel. A cell writes Observable Plot as usual,
//   plot({ marks: [Plot.lineY(ys, { x: xs, stroke: 'var(--nl-series-1)' })] })
// but the kernel runs in a worker and Plot runs on the page, so `Plot` in the kernel only
// records which mark was asked for. plot() turns the options into plain data (channels given
// as functions are evaluated in the kernel, typed arrays become arrays) and the page builds
// the real Plot options from that data with an allow-list: a cell can draw, not script.

/** Mark functions a cell can use (Plot.<name>(data, options)). */
export const markNames = [
  'area',
  'areaX',
  'areaY',
  'arrow',
  'axisX',
  'axisY',
  'barX',
  'barY',
  'cell',
  'dot',
  'dotX',
  'dotY',
  'frame',
  'gridX',
  'gridY',
  'line',
  'lineX',
  'lineY',
  'link',
  'rect',
  'rectX',
  'rectY',
  'ruleX',
  'ruleY',
  'text',
  'textX',
  'textY',
  'tickX',
  'tickY',
] as const;

export type MarkName = (typeof markNames)[number];

export interface MarkSpec {
  mark: MarkName;
  data: unknown[] | null;
  options: Record<string, unknown>;
}

export interface PlotSpec {
  options: Record<string, unknown>;
  marks: MarkSpec[];
}

const MARK = Symbol.for('nonlinear.notebook.mark');

/** The kernel's `Plot`: each mark function records its name, data and options. */
export const plotShim: Record<
  MarkName,
  (data?: unknown, options?: Record<string, unknown>) => unknown
> = Object.fromEntries(
  markNames.map((name) => [
    name,
    (data?: unknown, options?: Record<string, unknown>) => ({
      [MARK]: true,
      mark: name,
      data,
      options,
    }),
  ]),
) as never;

/** Top-level plot options a cell may set; everything else is dropped. */
const plotKeys = new Set([
  'width',
  'height',
  'margin',
  'marginTop',
  'marginRight',
  'marginBottom',
  'marginLeft',
  'inset',
  'grid',
  'title',
  'subtitle',
  'caption',
  'ariaLabel',
  'ariaDescription',
  'x',
  'y',
  'color',
  'r',
  'opacity',
  'symbol',
  'length',
  'fx',
  'fy',
  'aspectRatio',
  'clip',
]);

/** Option names that could reach the network or run script on the page. */
const forbidden = new Set(['href', 'target', 'src', 'style', 'render', 'className', 'document']);

export class PlotError extends Error {
  override name = 'PlotError';
}

/** Plain data from a value: arrays and typed arrays become arrays, objects are copied. */
function plain(value: unknown, path: string, budget: { points: number }, depth = 0): unknown {
  if (value === null || ['number', 'string', 'boolean', 'undefined'].includes(typeof value)) {
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'function') {
    throw new PlotError(
      `plot(): ${path} is a function; only mark channels (x, y, stroke, ...) may be functions. Use a string format such as tickFormat: ".2f".`,
    );
  }
  if (value instanceof Date) return value;
  if (depth > 8) throw new PlotError(`plot(): ${path} is nested too deeply`);
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const arr = Array.from(value as ArrayLike<unknown>);
    budget.points -= arr.length;
    if (budget.points < 0) throw new PlotError('plot(): too many data points for one figure');
    return arr.map((v, i) => plain(v, `${path}[${i}]`, budget, depth + 1));
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (forbidden.has(k)) continue;
      out[k] = plain(v, `${path}.${k}`, budget, depth + 1);
    }
    return out;
  }
  throw new PlotError(`plot(): ${path} cannot be drawn (${typeof value})`);
}

/**
 * A serialisable figure from what a cell passed to plot(): `{ marks: [...], ...options }`.
 * Throws a PlotError that names the problem when something cannot be drawn.
 */
export function toPlotSpec(input: unknown, maxPoints = 100_000): PlotSpec {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new PlotError('plot() takes Plot options: plot({ marks: [Plot.lineY(ys)] })');
  }
  const budget = { points: maxPoints };
  const given = input as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(given)) {
    if (k === 'marks' || !plotKeys.has(k)) continue;
    options[k] = plain(v, k, budget);
  }
  const marks = (Array.isArray(given.marks) ? given.marks : [given.marks])
    .flat(Infinity)
    .filter(Boolean);
  if (marks.length === 0)
    throw new PlotError('plot(): no marks; give marks: [Plot.lineY(ys), ...]');
  return {
    options,
    marks: marks.map((m, i) => {
      const rec = m as { [MARK]?: boolean; mark?: string; data?: unknown; options?: unknown };
      if (!rec || typeof rec !== 'object' || !markNames.includes(rec.mark as MarkName)) {
        throw new PlotError(
          `plot(): marks[${i}] is not a mark; use ${markNames
            .slice(0, 4)
            .map((n) => `Plot.${n}`)
            .join(', ')}, ...`,
        );
      }
      let data: unknown[] | null = null;
      if (rec.data != null) {
        if (typeof rec.data !== 'object' || !(Symbol.iterator in rec.data)) {
          throw new PlotError(
            `plot(): the data of marks[${i}] (Plot.${rec.mark}) must be an array`,
          );
        }
        data = Array.from(rec.data as Iterable<unknown>);
      }
      const opts: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((rec.options ?? {}) as Record<string, unknown>)) {
        if (forbidden.has(k)) continue;
        if (typeof v === 'function' && data) {
          // A channel accessor runs here, in the kernel: the page receives the values.
          const f = v as (d: unknown, i: number) => unknown;
          opts[k] = plain(
            data.map((d, j) => f(d, j)),
            `marks[${i}].${k}`,
            budget,
          );
        } else opts[k] = plain(v, `marks[${i}].${k}`, budget);
      }
      return {
        mark: rec.mark as MarkName,
        data: data && (plain(data, `marks[${i}].data`, budget) as unknown[]),
        options: opts,
      };
    }),
  };
}

type PlotModule = Record<MarkName, (data?: unknown, options?: unknown) => unknown>;

/**
 * Real Plot options from a spec that came from the kernel (treated as untrusted data: mark
 * names are checked, forbidden options dropped again). `width` is the space on the page.
 */
export function fromPlotSpec(
  spec: PlotSpec,
  Plot: PlotModule,
  width?: number,
): Record<string, unknown> {
  const budget = { points: Number.POSITIVE_INFINITY };
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec?.options ?? {})) {
    if (plotKeys.has(k)) options[k] = plain(v, k, budget);
  }
  const marks = (Array.isArray(spec?.marks) ? spec.marks : [])
    .filter((m) => markNames.includes(m?.mark))
    .map((m) => {
      const opts = plain(m.options ?? {}, 'options', budget) as Record<string, unknown>;
      // The figure's caption describes it; the marks' own labels would only repeat it.
      return Plot[m.mark](Array.isArray(m.data) ? m.data : undefined, {
        ...opts,
        ariaHidden: 'true',
      });
    });
  if (width && options.width === undefined) options.width = width;
  return { ...options, marks };
}

/** A sentence for readers who cannot see the figure: its marks, sizes and labels. */
export function describePlotSpec(spec: PlotSpec): string {
  const given = spec.options.ariaLabel ?? spec.options.title ?? spec.options.caption;
  const counts = spec.marks.map((m) => {
    const n = m.data?.length;
    return n === undefined ? m.mark : `${m.mark} (${n} point${n === 1 ? '' : 's'})`;
  });
  const what = `Figure with ${counts.length} mark${counts.length === 1 ? '' : 's'}: ${counts.join(', ')}.`;
  return typeof given === 'string' && given ? `${given}. ${what}` : what;
}
