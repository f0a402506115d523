// The heavy half of <nl-saturation-lab>: the training worker (through comlink), Plot and
// the engine, loaded on first use. The run lives in the worker's TrainingSession; this side
// keeps a summary per snapshot and draws at most once per animation frame. Plot draws the
// charts when their axes change (a new configuration, a wider page, the step axis doubling);
// in between, the bands, medians and bars are moved in place, which costs well under a
// millisecond instead of tens.

import * as Comlink from 'comlink';
import {
  appendPoint,
  bandPath,
  describeLayers,
  histogramBars,
  histogramFigure,
  historyFigure,
  type LayerSummary,
  linePath,
  rowY,
  type SatPoint,
  type SaturationLabState,
  satSessionConfig,
  summarise,
  xMaxFor,
} from '../figures/saturation-lab.ts';
import type { Snapshot, TrainingSession } from '../workers/training-session.ts';
import { drawLog, frameScheduler, messageLine, showDivergence } from './lab-draw.ts';
import type { LabRuns } from './lab-element.ts';
import { drawPlot } from './plot.ts';

/** The run buttons' actions (lab-element.ts), Step included. */
export type Lab = Required<LabRuns<SaturationLabState>>;

type Scale = { apply(v: number): number };
type Chart = Element & { scale(name: 'x' | 'y'): Scale };

export async function createLab(widget: HTMLElement, initial: SaturationLabState): Promise<Lab> {
  const logDraw = drawLog(widget, 200);
  const worker = new Worker(new URL('../workers/training-worker.ts', import.meta.url), {
    type: 'module',
  });
  const session = Comlink.wrap<TrainingSession>(worker);
  const q = <T extends Element>(s: string) => widget.querySelector(s) as T;
  const button = (name: string) => q<HTMLButtonElement>(`.sat-run button[name=${name}]`);

  let state: SaturationLabState | null = null;
  let configured = '';
  let history: SatPoint[] = [];
  let layers: LayerSummary[] = [];
  let latest: Snapshot | null = null;
  let running = false;
  let chartKey = '';
  let histogramKey = '';
  let historyChart: Chart | null = null;
  let histogramChart: Chart | null = null;

  const setRunning = (on: boolean) => {
    running = on;
    button('play').textContent = on ? 'Pause' : 'Play';
  };

  const problem = messageLine(widget, '.sat-problems');

  /** Moves the marks of the drawn charts to the current data; false if they do not fit. */
  const moveInPlace = (st: SaturationLabState): boolean => {
    if (!historyChart || !histogramChart) return false;
    const x = historyChart.scale('x');
    const y = historyChart.scale('y');
    const xs = history.map((p) => x.apply(p.step));
    for (let k = 1; k <= st.depth; k++) {
      const band = historyChart.querySelector(`.sat-band-${k} path`);
      const median = historyChart.querySelector(`.sat-median-${k} path`);
      if (!band || !median) return false;
      const at = (key: 'p02' | 'p50' | 'p98') =>
        history.map((p) => y.apply(rowY(st.activation, k, p.layers[k - 1][key])));
      band.setAttribute('d', bandPath(xs, at('p02'), at('p98')));
      median.setAttribute('d', linePath(xs, at('p50')));
    }
    const bars = histogramBars(st.activation, layers);
    const rects = histogramChart.querySelectorAll('.sat-hist rect');
    if (rects.length !== bars.length) return false;
    const hy = histogramChart.scale('y');
    bars.forEach((b, i) => {
      const top = hy.apply(b.y2);
      const bottom = hy.apply(b.y1);
      rects[i].setAttribute('y', (top + 0.5).toFixed(1));
      rects[i].setAttribute('height', Math.max(0, bottom - top - 1).toFixed(1));
    });
    return true;
  };

  const draw = () => {
    const s = latest;
    const st = state;
    if (!s || !st) return;
    const t0 = performance.now();
    q<HTMLOutputElement>('output[name=progress]').value = s.diverged
      ? `Diverged at step ${s.diverged.step} (epoch ${s.epoch})`
      : `Step ${s.step} · epoch ${s.epoch}`;
    q<HTMLOutputElement>('output[name=score]').value = Number.isFinite(s.testLoss)
      ? `test loss ${s.testLoss.toFixed(3)}, test accuracy ${Math.round((s.testAccuracy ?? 0) * 100)}%`
      : '';
    if (layers.length > 0) {
      const historyBox = q<HTMLElement>('.sat-history .nl-plot');
      const nowBox = q<HTMLElement>('.sat-now .nl-plot');
      const wide = Math.round(Math.min(560, historyBox.clientWidth || 400));
      const narrow = Math.round(Math.min(400, nowBox.clientWidth || 320));
      // Plot draws a chart only when its axes change: the history when the step axis
      // doubles, the histogram when the configuration or the width changes.
      const historyKey = `${configured}|${wide}|${xMaxFor(s.step)}`;
      const nowKey = `${configured}|${narrow}`;
      if (historyKey !== chartKey) {
        historyChart = drawPlot(historyFigure(st, history, wide)) as unknown as Chart;
        historyBox.replaceChildren(historyChart);
        chartKey = historyKey;
      }
      if (nowKey !== histogramKey) {
        histogramChart = drawPlot(histogramFigure(st, layers, narrow)) as unknown as Chart;
        nowBox.replaceChildren(histogramChart);
        histogramKey = nowKey;
      }
      if (!moveInPlace(st)) {
        historyChart = drawPlot(historyFigure(st, history, wide)) as unknown as Chart;
        histogramChart = drawPlot(histogramFigure(st, layers, narrow)) as unknown as Chart;
        historyBox.replaceChildren(historyChart);
        nowBox.replaceChildren(histogramChart);
      }
    }
    // The caption is a live region: it changes when the run stops, not 30 times a second.
    if (!running || s.status !== 'running') {
      q<HTMLElement>('figcaption').textContent =
        layers.length > 0
          ? describeLayers(st, s.step, layers)
          : 'Press Play or Step to train this network.';
    }
    showDivergence(widget, 'sat', s, 'Lower the learning rate, or start again.');
    widget.dataset.step = String(s.step);
    logDraw(t0);
  };
  const schedule = frameScheduler(draw, () => running);

  const receive = (s: Snapshot) => {
    if (latest && s.step < latest.step) return;
    latest = s;
    if (s.probes && state) {
      layers = summarise(state.activation, s.probes);
      history = appendPoint(history, { step: s.step, layers });
    }
    if (s.status === 'diverged' || s.status === 'error') {
      setRunning(false);
      if (s.error) problem(`Training stopped: ${s.error}`);
    }
    schedule();
  };

  session.subscribe(
    Comlink.proxy((s: Snapshot) => {
      if (running) receive(s);
    }),
  );

  const result = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T | null => {
    if (r.ok) return r.value;
    problem(`Training failed: ${r.error}`);
    setRunning(false);
    return null;
  };

  const lab: Lab = {
    async configure(next) {
      const key = JSON.stringify(satSessionConfig(next));
      state = next;
      configured = key;
      setRunning(false);
      latest = null;
      history = [];
      layers = [];
      widget.dataset.busy = 'true';
      const s = result(await session.configure(satSessionConfig(next)));
      if (!s || key !== configured) return;
      // One update shows the initial weights' picture: the probes of the first forward pass.
      const first = result(await session.step(1));
      if (first && key === configured) receive(first);
      delete widget.dataset.busy;
    },
    async toggle() {
      if (running) {
        // Snapshots still in flight are dropped from now on; the button says Play once the
        // paused state has arrived.
        running = false;
        const s = result(await session.pause());
        if (s) receive(s);
        setRunning(false);
        return;
      }
      setRunning(true);
      if (!result(await session.start())) setRunning(false);
    },
    async step() {
      setRunning(false);
      const s = result(await session.step(1));
      if (s) receive(s);
    },
    async reset() {
      if (state) await lab.configure(state);
    },
  };
  await lab.configure(initial);
  return lab;
}
