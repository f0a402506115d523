// Types for cell files (code shown in a <Cell> through a `?raw` import): what the notebook
// kernel provides, so that a cell file is type-checked like the rest of the course.

declare module 'nonlinear' {
  const library: typeof import('../../../lib/notebook/library.ts');
  export = library;
}

/** Prints values to the cell's output (strings as they are, other values formatted). */
declare function print(...values: unknown[]): void;
/** Shows rows (objects or arrays) as a table. */
declare function table(rows: readonly unknown[], columns?: string[]): void;
/** Draws Plot options on the page: plot({ marks: [Plot.lineY(ys)] }). */
declare function plot(options: import('@observablehq/plot').PlotOptions): void;
/** The kernel's Plot: the mark functions of Observable Plot. */
declare const Plot: Pick<
  typeof import('@observablehq/plot'),
  import('../../../lib/notebook/plot-spec.ts').MarkName
>;
/** The course library, also importable as 'nonlinear'. */
declare const nonlinear: typeof import('../../../lib/notebook/library.ts');
