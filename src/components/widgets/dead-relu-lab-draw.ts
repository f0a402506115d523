// The heavy half of <nl-dead-relu-lab>: five training runs (one TrainingSession each, in the
// workers of lab-runs.ts, through comlink), Plot and the engine, loaded on first use. Each
// run asks for one epoch at a time; the page keeps the histories and draws at most once per
// animation frame, changing the figures in place.

import type * as Plot from '@observablehq/plot';
import {
  type DeadReluLabState,
  type DrHistory,
  deadFigure,
  describeRuns,
  drAppend,
  drColour,
  drInitialHistories,
  drLossDomain,
  drRows,
  drSessionConfig,
  drStepsPerEpoch,
  drTotalText,
  drVariants,
  lossFigure,
} from '../figures/dead-relu-lab.ts';
import type { Snapshot } from '../workers/training-session.ts';
import { drawLog, frameScheduler, messageLine } from './lab-draw.ts';
import type { LabRuns } from './lab-element.ts';
import { labSessions } from './lab-runs.ts';
import { drawPlot } from './plot.ts';

/** The run buttons' actions (lab-element.ts), Step included. */
export type Lab = Required<LabRuns<DeadReluLabState>>;

/** Each run asks for its next epoch at most this often, in ms: about 30 a second. */
const ROUND_MS = 33;

export async function createLab(widget: HTMLElement, initial: DeadReluLabState): Promise<Lab> {
  const finish = drawLog(widget, 400);
  const q = <T extends Element>(s: string) => widget.querySelector(s) as T;
  const button = (name: string) => q<HTMLButtonElement>(`button[name=${name}]`);
  const sessions = labSessions(drVariants(initial).length);

  let state = initial;
  let histories: DrHistory[] = [];
  let running = false;
  /** Bumped by every configure and reset: rounds of an older generation stop. */
  let generation = 0;
  let busy = false;
  let lastText = 0;

  const setRunning = (on: boolean) => {
    running = on;
    button('play').textContent = on ? 'Pause' : 'Play';
  };

  const problem = messageLine(widget, '.dr-failure');

  const finished = (h: DrHistory) =>
    h.diverged !== null || (h.points.at(-1)?.epoch ?? 0) >= state.epochs;

  const progress = () => {
    const epochs = histories.map((h) => h.points.at(-1)?.epoch ?? 0);
    const lo = Math.min(...epochs);
    const hi = Math.max(...epochs);
    if (histories.every(finished)) return `Done: ${hi} epochs`;
    if (hi === 0) return `Epoch 0 of ${state.epochs}: press Play`;
    return `Epoch ${lo === hi ? hi : `${lo}–${hi}`} of ${state.epochs}`;
  };

  // The figures are drawn whole when runs start; while they train, a redraw only adds
  // what is new (the new epochs' cells, a × where a run diverged), changes the panel
  // totals and the loss lines' paths, on axes that stay put.
  let deadSvg: (SVGSVGElement & Plot.Plot) | null = null;
  let lossSvg: (SVGSVGElement & Plot.Plot) | null = null;
  let painted: number[] = [];
  let crossed: boolean[] = [];
  const SVG = 'http://www.w3.org/2000/svg';

  const drawWhole = () => {
    const dead = q<HTMLElement>('.dr-dead .nl-plot');
    const width = Math.round(Math.min(640, dead.clientWidth || 560));
    deadSvg = drawPlot(deadFigure(state, histories, width)) as SVGSVGElement & Plot.Plot;
    dead.replaceChildren(deadSvg);
    lossSvg = drawPlot(lossFigure(state, histories, width)) as SVGSVGElement & Plot.Plot;
    q<HTMLElement>('.dr-loss .nl-plot').replaceChildren(lossSvg);
    painted = histories.map((h) => h.points.length);
    crossed = histories.map((h) => h.diverged !== null);
  };

  const drawChanges = (svgDead: SVGSVGElement & Plot.Plot, svgLoss: SVGSVGElement & Plot.Plot) => {
    const panels = svgDead.querySelectorAll('g.nl-dead-cells');
    const totals = svgDead.querySelectorAll('g.nl-dead-totals text');
    const cx = svgDead.scale('x');
    const cy = svgDead.scale('y');
    const band = cy?.bandwidth ?? 0;
    histories.forEach((h, i) => {
      const panel = panels[i];
      // New cells, as Plot draws them: from epoch − 1 to epoch, the layer's band.
      for (let k = painted[i] ?? 0; k < h.points.length && panel && cx && cy; k++) {
        const p = h.points[k];
        const x1 = cx.apply(p.epoch - 1) as number;
        const x2 = cx.apply(p.epoch) as number;
        p.dead.forEach((d, layer) => {
          const rect = document.createElementNS(SVG, 'rect');
          rect.setAttribute('x', String(x1));
          rect.setAttribute('width', String(x2 - x1));
          rect.setAttribute('y', String(cy.apply(String(layer + 1))));
          rect.setAttribute('height', String(band));
          rect.setAttribute('fill-opacity', String(d / state.units));
          panel.append(rect);
        });
      }
      painted[i] = h.points.length;
      const total = totals[i];
      if (total) total.textContent = drTotalText(state, h);
    });
    const x = svgLoss.scale('x');
    const y = svgLoss.scale('y');
    if (!x || !y) return;
    const [lo, hi] = drLossDomain;
    const at = (p: { epoch: number; trainLoss: number }) => [
      x.apply(p.epoch) as number,
      y.apply(Number.isNaN(p.trainLoss) ? hi : Math.min(hi, Math.max(lo, p.trainLoss))) as number,
    ];
    drVariants(state).forEach((v, i) => {
      const h = histories[i];
      const path = svgLoss.querySelector(`g.nl-loss-${v.id} path`);
      const points = (h?.points ?? []).filter((p) => !Number.isNaN(p.trainLoss));
      if (path && points.length > 0) {
        const d = points.map(
          (p, k) =>
            `${k ? 'L' : 'M'}${at(p)
              .map((c) => c.toFixed(1))
              .join(',')}`,
        );
        path.setAttribute('d', d.join(''));
      }
      const last = h?.points.at(-1);
      if (h?.diverged && last && !crossed[i]) {
        // The × that lossFigure draws for a diverged run, added in place.
        const [px, py] = at(last);
        const cross = document.createElementNS(SVG, 'text');
        cross.setAttribute('x', String(px));
        cross.setAttribute('y', String(py));
        cross.setAttribute('text-anchor', 'middle');
        cross.setAttribute('dominant-baseline', 'central');
        cross.setAttribute('font-size', '16');
        cross.setAttribute('font-weight', '700');
        cross.setAttribute('fill', drColour[v.id]);
        cross.setAttribute('aria-hidden', 'true');
        cross.textContent = '×';
        svgLoss.append(cross);
        crossed[i] = true;
      }
    });
  };

  const draw = () => {
    const t0 = performance.now();
    if (!deadSvg || !lossSvg) drawWhole();
    else drawChanges(deadSvg, lossSvg);
    // The text (counter, table, alert) changes the page's layout; while running it is
    // updated four times a second, the figures every frame.
    if (running && t0 - lastText < 250) return finish(t0);
    lastText = t0;
    q<HTMLOutputElement>('output[name=progress]').value = progress();
    for (const r of drRows(state, histories)) {
      const row = q<HTMLTableRowElement>(`.dr-table tr[data-run="${r.id}"]`);
      const cell = (name: string, text: string) => {
        const td = row.querySelector(`[data-cell=${name}]`) as HTMLElement;
        if (td.textContent !== text) td.textContent = text;
      };
      cell('setting', r.setting);
      cell('epoch', r.status ? `${r.epoch} (${r.status})` : r.epoch);
      cell('trainLoss', r.trainLoss);
      cell('testAccuracy', r.testAccuracy);
      cell('dead', r.dead);
    }
    const diverged = drVariants(state)
      .map((v, i) => ({ v, h: histories[i] }))
      .filter(({ h }) => h?.diverged);
    const box = q<HTMLElement>('.dr-diverged .nl-message');
    box.hidden = diverged.length === 0;
    q<HTMLElement>('.dr-diverged-text').textContent = diverged
      .map(({ v, h }) => `${v.label} diverged at step ${h.diverged?.step}.`)
      .join(' ');
    // The summary is a live region: it changes when the runs stop, not 30 times a second.
    if (!running) q<HTMLElement>('.dr-summary').textContent = describeRuns(state, histories);
    widget.dataset.epoch = String(
      Math.max(0, ...histories.map((h) => h.points.at(-1)?.epoch ?? 0)),
    );
    finish(t0);
  };

  const schedule = frameScheduler(draw, () => running);

  /** One more epoch of every run that is not finished; false if nothing was left to do. */
  const round = async (): Promise<boolean> => {
    const mine = generation;
    const steps = drStepsPerEpoch();
    const todo = histories.map((h, i) => ({ h, i })).filter(({ h }) => !finished(h));
    if (todo.length === 0) return false;
    const results = await Promise.all(todo.map(({ i }) => sessions[i].step(steps)));
    if (mine !== generation) return false;
    results.forEach((r, k) => {
      const i = todo[k].i;
      if (r.ok) histories[i] = drAppend(histories[i], r.value as Snapshot, state.units);
      else problem(`Training failed: ${r.error}`);
    });
    schedule();
    return histories.some((h) => !finished(h));
  };

  /** Run i trains epoch after epoch, at most one every ROUND_MS, until done or paused. */
  const advance = async (i: number, mine: number) => {
    const steps = drStepsPerEpoch();
    while (running && mine === generation && !finished(histories[i])) {
      const t0 = performance.now();
      const r = await sessions[i].step(steps);
      if (mine !== generation) return;
      if (r.ok) histories[i] = drAppend(histories[i], r.value as Snapshot, state.units);
      else {
        problem(`Training failed: ${r.error}`);
        return;
      }
      schedule();
      const wait = ROUND_MS - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };

  // Each run goes at its own pace (a run that diverged or trains fast does not wait for
  // the others); the page redraws whenever any of them reports.
  const loop = async () => {
    if (busy) return;
    busy = true;
    const mine = generation;
    try {
      await Promise.all(histories.map((_, i) => advance(i, mine)));
    } finally {
      busy = false;
    }
    if (mine === generation && running) {
      setRunning(false);
      schedule();
    }
  };

  const start = async (next: DeadReluLabState) => {
    generation++;
    setRunning(false);
    state = next;
    problem(null);
    histories = drInitialHistories(next);
    deadSvg = null;
    schedule();
    const mine = generation;
    const results = await Promise.all(
      drVariants(next).map((v, i) => sessions[i].configure(drSessionConfig(next, v))),
    );
    if (mine !== generation) return;
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) problem(`Training failed: ${failed.error}`);
  };

  let configured = '';
  const lab: Lab = {
    async configure(next) {
      const key = JSON.stringify(next);
      if (key === configured) return;
      configured = key;
      await start(next);
    },
    async toggle() {
      if (running) {
        setRunning(false);
        schedule();
        return;
      }
      if (histories.every(finished)) await start(state);
      setRunning(true);
      await loop();
    },
    async step() {
      setRunning(false);
      // Let a round in flight finish first.
      while (busy) await new Promise((r) => setTimeout(r, 5));
      await round();
    },
    async reset() {
      await start(state);
    },
  };

  await lab.configure(initial);
  return lab;
}
