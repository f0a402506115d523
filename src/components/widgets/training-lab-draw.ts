// The heavy half of <nl-training-lab>: the training worker (through comlink), Plot and the
// engine, loaded on first use. The run lives in the worker's TrainingSession; this side
// keeps the history of snapshots and draws at most once per animation frame.

import * as Plot from '@observablehq/plot';
import * as Comlink from 'comlink';
import {
  appendHistory,
  boundaryFigure,
  boundaryImage,
  describeBoundary,
  describeLayers,
  describeLoss,
  layersFigure,
  lossFigure,
  type TlExportFormat,
  type TlHistoryPoint,
  type TlPoint,
  type TrainingLabState,
  tlExport,
  tlReplay,
  tlRun,
  tlSessionConfig,
} from '../figures/training-lab.ts';
import type { Snapshot, TrainingSession } from '../workers/training-session.ts';

export interface Lab {
  configure(state: TrainingLabState): Promise<void>;
  toggle(): Promise<void>;
  step(): Promise<void>;
  reset(): Promise<void>;
  export(format: TlExportFormat): Promise<void>;
  copy(): Promise<void>;
}

export async function createLab(widget: HTMLElement, initial: TrainingLabState): Promise<Lab> {
  /** Redraw times in ms (the last 200), for measuring in a browser test. */
  const drawTimes: number[] = [];
  const worker = new Worker(new URL('../workers/training-worker.ts', import.meta.url), {
    type: 'module',
  });
  const session = Comlink.wrap<TrainingSession>(worker);
  const q = <T extends Element>(s: string) => widget.querySelector(s) as T;
  const button = (name: string) => q<HTMLButtonElement>(`button[name=${name}]`);
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');

  let state = initial;
  let configured = '';
  let points: TlPoint[] = [];
  let history: TlHistoryPoint[] = [];
  let latest: Snapshot | null = null;
  let running = false;
  let frame = 0;
  let lastDraw = 0;
  let lastCharts = 0;
  let nextChart: 'loss' | 'layers' = 'loss';
  // The boundary's Plot is redrawn only when the state or the width changes; during a run
  // only its image and description change.
  let boundaryKey = '';

  const setRunning = (on: boolean) => {
    running = on;
    const play = button('play');
    play.textContent = on ? 'Pause' : 'Play';
  };

  const problem = (text: string | null) => {
    const p = q<HTMLElement>('.tl-problems');
    p.hidden = !text;
    p.textContent = text ?? '';
  };

  const showDivergence = (s: Snapshot) => {
    const box = q<HTMLElement>('.tl-diverged .nl-message');
    const d = s.diverged;
    box.hidden = !d;
    button('play').disabled = Boolean(d);
    button('step').disabled = Boolean(d);
    if (d) {
      const what =
        d.reason === 'loss'
          ? `the loss became ${d.detail}`
          : `the weights in ${d.detail} stopped being finite`;
      q<HTMLElement>('.tl-diverged-text').textContent =
        `Diverged at step ${d.step}: ${what}. Lower the learning rate, or start again from the same seed.`;
    }
  };

  const draw = () => {
    frame = 0;
    const s = latest;
    if (!s) return;
    const t0 = performance.now();
    lastDraw = t0;
    q<HTMLOutputElement>('output[name=progress]').value = s.diverged
      ? `Diverged at step ${s.diverged.step} (epoch ${s.epoch})`
      : `Epoch ${s.epoch} · step ${s.step}`;
    const boundary = q<HTMLElement>('.tl-boundary .nl-plot');
    const width = Math.round(Math.min(400, boundary.clientWidth || 320));
    const key = `${configured}|${width}`;
    const image = boundary.querySelector('image');
    if (key === boundaryKey && image && s.grid) {
      image.setAttribute('href', boundaryImage(s.grid, state.loss));
      boundary.querySelector('svg')?.setAttribute('aria-description', describeBoundary(state, s));
    } else {
      boundary.replaceChildren(Plot.plot(boundaryFigure(state, points, s, width)));
      boundaryKey = key;
    }
    // The charts cost more than the map (tens of ms each on a slow machine, against 1 ms
    // for the map): while running, one of them is redrawn at a time, each 4 times a second,
    // so that no frame does both; when the run stops, both are drawn.
    if (!running || t0 - lastCharts >= 125) {
      lastCharts = t0;
      const side = q<HTMLElement>('.tl-loss .nl-plot');
      const sideWidth = Math.round(Math.min(480, side.clientWidth || 320));
      if (!running || nextChart === 'loss') {
        side.replaceChildren(Plot.plot(lossFigure(history, sideWidth)));
      }
      if (!running || nextChart === 'layers') {
        q<HTMLElement>('.tl-layers .nl-plot').replaceChildren(
          Plot.plot(layersFigure(state, history, sideWidth)),
        );
      }
      nextChart = nextChart === 'loss' ? 'layers' : 'loss';
    }
    // Captions are live regions: they change when the run stops, not 30 times a second.
    if (!running || s.status !== 'running') {
      q<HTMLElement>('.tl-boundary figcaption').textContent = describeBoundary(state, s);
      q<HTMLElement>('.tl-loss figcaption').textContent = describeLoss(history);
      q<HTMLElement>('.tl-layers figcaption').textContent = describeLayers(state, history);
    }
    showDivergence(s);
    widget.dataset.step = String(s.step);
    drawTimes.push(performance.now() - t0);
    if (drawTimes.length > 200) drawTimes.shift();
  };

  const receive = (s: Snapshot) => {
    if (latest && s.step < latest.step) return;
    latest = s;
    history = appendHistory(history, s);
    if (s.status === 'diverged' || s.status === 'error') {
      setRunning(false);
      if (s.error) problem(`Training stopped: ${s.error}`);
    }
    if (frame) return;
    // With reduced motion, a running lab redraws twice a second instead of every frame.
    const wait = running && reduced.matches ? Math.max(0, 500 - (performance.now() - lastDraw)) : 0;
    frame = wait > 0 ? window.setTimeout(draw, wait) : requestAnimationFrame(draw);
  };

  await session.subscribe(
    Comlink.proxy((s: Snapshot) => {
      // Pushed snapshots belong to a running run; any still in flight after a pause or a
      // new configuration are dropped by the step check in receive().
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
      const key = JSON.stringify(tlSessionConfig(next));
      if (key === configured && latest?.step === 0) return;
      state = next;
      configured = key;
      setRunning(false);
      latest = null;
      history = [];
      points = tlRun(next).points;
      q<HTMLPreElement>('.tl-code').hidden = true;
      button('copy').hidden = true;
      q<HTMLElement>('.tl-export-status').textContent = '';
      const s = result(await session.configure(tlSessionConfig(next)));
      // A later configuration may have started meanwhile.
      if (s && key === configured) receive(s);
    },
    async toggle() {
      if (running) {
        setRunning(false);
        const s = result(await session.pause());
        if (s) receive(s);
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
      setRunning(false);
      latest = null;
      history = [];
      const s = result(await session.reset());
      if (s) receive(s);
    },
    async export(format) {
      if (running) await lab.toggle();
      const status = q<HTMLElement>('.tl-export-status');
      if (latest?.diverged) {
        status.textContent = 'A diverged network has weights that are not finite; reset first.';
        return;
      }
      const steps = latest?.step ?? 0;
      status.textContent = `Rebuilding the network at step ${steps}…`;
      // The worker keeps its network; the same seed replays it here bit for bit, yielding
      // between chunks so the page stays responsive.
      const run = await tlReplay(state, steps, () => new Promise((r) => setTimeout(r, 0)), 500);
      const pre = q<HTMLPreElement>('.tl-code');
      (pre.querySelector('code') as HTMLElement).textContent = tlExport(run.network, format);
      pre.hidden = false;
      button('copy').hidden = false;
      const name = { json: 'JSON', pytorch: 'PyTorch code', keras: 'Keras code' }[format];
      status.textContent = `The network at step ${steps} as ${name}, below.`;
    },
    async copy() {
      const text = q<HTMLElement>('.tl-code code').textContent ?? '';
      const status = q<HTMLElement>('.tl-export-status');
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = 'Copied.';
      } catch {
        status.textContent = 'Copying was not allowed here; select the code and copy it.';
      }
    },
  };

  // For browser tests that measure the redraw time.
  Object.defineProperty(widget, 'drawTimes', { value: drawTimes, configurable: true });
  await lab.configure(initial);
  return lab;
}
