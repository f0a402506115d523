// The heavy half of <nl-function-explorer>: Plot and the kernel, loaded on first use.
// A change of the crosshair alone moves the crosshair's marks in the SVGs already drawn
// (through each panel's scales); any other change draws the panels again.

import {
  describeFunctionExplorer,
  describeReadout,
  type FunctionExplorerState,
  fmt,
  functionExplorerData,
  functionExplorerFigure,
  functionExplorerReadout,
} from '../figures/function-explorer.ts';
import { boxWidth, drawPlot, showFigures } from './plot.ts';

type Scale = { apply(v: number): number };
interface Drawn {
  state: FunctionExplorerState;
  problems: string[];
  svgs: (SVGSVGElement & { scale(name: 'x' | 'y'): Scale })[];
}
const drawn = new WeakMap<HTMLElement, Drawn>();

/** Whether a and b differ only in the crosshair's x. */
const onlyX = (a: FunctionExplorerState, b: FunctionExplorerState) =>
  JSON.stringify({ ...a, x: 0 }) === JSON.stringify({ ...b, x: 0 });

/** Moves each panel's crosshair to `state.x`; false if a dot is missing and a redraw is due. */
function moveCrosshair({ svgs }: Drawn, state: FunctionExplorerState): boolean {
  const rows = functionExplorerReadout(state);
  for (const svg of svgs) {
    const x = svg.scale('x').apply(state.x);
    const y = svg.scale('y');
    for (const line of svg.querySelectorAll('.fx-cross line')) {
      line.setAttribute('x1', String(x));
      line.setAttribute('x2', String(x));
    }
    const key = svg.dataset.panel;
    const values =
      key === 'diff'
        ? [rows[0].f - rows[1].f]
        : rows.map((r) => (key === 'f' ? r.f : key === 'df' ? r.df : r.d2));
    for (let i = 0; i < values.length; i++) {
      const circle = svg.querySelector(`.fx-dot-${i} circle`);
      if (!circle) return false;
      const ok = Number.isFinite(values[i]);
      circle.setAttribute('visibility', ok ? 'visible' : 'hidden');
      circle.setAttribute('cx', String(x));
      if (ok) circle.setAttribute('cy', String(y.apply(values[i])));
    }
  }
  return true;
}

/** The values at the crosshair, as a table row per function. */
function updateReadout(widget: HTMLElement, state: FunctionExplorerState) {
  const body = widget.querySelector('.fx-readout tbody') as HTMLElement;
  const rows = functionExplorerReadout(state).map((r) => {
    const tr = document.createElement('tr');
    tr.style.setProperty('--fx-c', r.colour);
    const th = document.createElement('th');
    th.scope = 'row';
    const swatch = document.createElement('span');
    swatch.className = 'fx-swatch';
    swatch.setAttribute('aria-hidden', 'true');
    th.append(swatch, r.name);
    tr.append(th);
    for (const v of [r.f, r.df, r.d2]) {
      const td = document.createElement('td');
      td.textContent = fmt(v, 4);
      tr.append(td);
    }
    (tr.lastElementChild as HTMLElement).className = 'fx-d2';
    (tr.lastElementChild as HTMLElement).hidden = !state.d2;
    return tr;
  });
  body.replaceChildren(...rows);
  for (const th of widget.querySelectorAll<HTMLElement>('.fx-readout thead .fx-d2')) {
    th.hidden = !state.d2;
  }
  (widget.querySelector('.fx-readout .fx-x') as HTMLElement).textContent = fmt(state.x);
  widget.querySelector('input[name=x]')?.setAttribute('aria-valuetext', describeReadout(state));
}

/** Draws `state` into `widget`; returns the problems the kernel found with its parameters. */
export function draw(widget: HTMLElement, state: FunctionExplorerState): string[] {
  const start = performance.now();
  const last = drawn.get(widget);
  let problems: string[] = [];
  if (!(last && onlyX(last.state, state) && moveCrosshair(last, state))) {
    const plot = widget.querySelector('.fx-plot') as HTMLElement;
    // Draw at the width the reader has, so phone screens get readable labels.
    const width = boxWidth(plot, 640);
    const data = functionExplorerData(state);
    const figures = functionExplorerFigure(state, width, data).map(({ key, options }) => {
      const svg = drawPlot(options);
      (svg as SVGSVGElement).dataset.panel = key;
      return svg;
    });
    const svgs = showFigures(plot, figures) as unknown as Drawn['svgs'];
    (widget.querySelector('figcaption') as HTMLElement).textContent = describeFunctionExplorer(
      state,
      data,
    );
    problems = data.problems;
    drawn.set(widget, { state, svgs, problems });
  } else {
    problems = last.problems;
    drawn.set(widget, { ...last, state });
  }
  updateReadout(widget, state);
  widget.dataset.state = JSON.stringify(state);
  performance.measure('fx-draw', { start });
  return problems;
}
