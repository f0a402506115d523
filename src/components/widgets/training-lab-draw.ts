// The heavy half of <nl-training-lab>: the training worker(s) (through comlink), Plot and
// the engine, loaded on first use. Each run lives in a worker's TrainingSession (two in
// compare mode); this side keeps the history of snapshots and draws at most once per
// animation frame. While a run plays, charts move their lines in place and Plot redraws a
// chart only when one of its domains must grow, at most one chart per frame, so that no
// frame does more than one Plot layout.

import type * as Plot from '@observablehq/plot';
import * as Comlink from 'comlink';
import {
  activationHistograms,
  activationName,
  appendHistory,
  boundaryFigure,
  boundaryImage,
  boundaryPixels,
  classesOf,
  curveLive,
  describeBoundary,
  describeGrads,
  describeHistograms,
  describeLayers,
  describeLoss,
  describeUnit,
  describeUnits,
  gradDomains,
  gradFigure,
  gradLive,
  growDomains,
  histogramDomains,
  histogramFigure,
  histogramLive,
  is1d,
  layersFigure,
  layersLive,
  lossDomains,
  lossFigure,
  lossLive,
  stepDomain,
  type TlCompare,
  type TlDomains,
  type TlExportFormat,
  type TlHistoryPoint,
  type TlLiveMark,
  type TlPoint,
  type TlScaledSvg,
  type TrainingLabState,
  tlApplyLive,
  tlCompareState,
  tlExport,
  tlPalette,
  tlReplay,
  tlRun,
  tlSessionConfig,
  unitThumbnails,
} from '../figures/training-lab.ts';
import type { Snapshot, TrainingSession } from '../workers/training-session.ts';
import { drawLog, frameScheduler, messageLine, showDivergence } from './lab-draw.ts';
import type { LabRuns } from './lab-element.ts';
import { drawPlot } from './plot.ts';

/** The run buttons' actions (lab-element.ts), and the speed and the export. */
export interface Lab extends Required<LabRuns<TrainingLabState>> {
  setSpeed(stepsPerSecond: number): Promise<void>;
  export(format: TlExportFormat): Promise<void>;
  copy(): Promise<void>;
}

interface Chart {
  /** The container of the chart's SVG. */
  selector: string;
  /** The domains the data needs now. */
  need(): TlDomains;
  /** The chart with these domains. */
  plot(domains: TlDomains, width: number): Plot.PlotOptions;
  /** The marks that move. */
  live(): TlLiveMark[];
  /** Its text alternative. */
  describe(): string;
  domains: TlDomains | null;
  key: string;
}

interface Run {
  session: Comlink.Remote<TrainingSession>;
  worker: Worker;
  history: TlHistoryPoint[];
  latest: Snapshot | null;
  running: boolean;
}

export async function createLab(widget: HTMLElement, initial: TrainingLabState): Promise<Lab> {
  const logDraw = drawLog(widget, 400);
  /** Full Plot redraws of the charts, counted for browser tests. */
  const counts = { full: 0, live: 0 };
  /** Time in ms of each repaint of the unit thumbnails (the last 400), for browser tests. */
  const unitTimes: number[] = [];
  const q = <T extends Element>(s: string) => widget.querySelector(s) as T;
  const button = (name: string) => q<HTMLButtonElement>(`button[name=${name}]`);

  const newRun = async (onSnapshot: (run: Run, s: Snapshot) => void): Promise<Run> => {
    const worker = new Worker(new URL('../workers/training-worker.ts', import.meta.url), {
      type: 'module',
    });
    const session = Comlink.wrap<TrainingSession>(worker);
    const run: Run = { session, worker, history: [], latest: null, running: false };
    await session.subscribe(
      Comlink.proxy((s: Snapshot) => {
        // Pushed snapshots belong to a running run; any still in flight after a pause or a
        // new configuration are dropped by the step check in receive().
        if (run.running) onSnapshot(run, s);
      }),
    );
    return run;
  };

  let state = initial;
  let compareState: TrainingLabState | null = null;
  let configured = '';
  let points: TlPoint[] = [];
  let speed: number | null = initial.speed || null;
  // The boundaries' Plots are redrawn only when the state or the width changes; during a
  // run only their images and descriptions change.
  let boundaryKey = '';
  let boundaryKeyB = '';

  const runA = await newRun((run, s) => receive(run, s));
  let runB: Run | null = null;
  const runs = () => (runB && compareState ? [runA, runB] : [runA]);
  const running = () => runs().some((r) => r.running);

  const setRunning = (run: Run, on: boolean) => {
    run.running = on;
    button('play').textContent = running() ? 'Pause' : 'Play';
  };

  const problem = messageLine(widget, '.tl-problems');

  const compareInfo = (): TlCompare | null =>
    runB && compareState
      ? {
          history: runB.history,
          names: [
            [...new Set(state.activations.map(activationName))].join(', ') || 'linear',
            activationName(state.compare),
          ],
        }
      : null;

  const histograms = () => activationHistograms(runA.latest?.probes ?? null);
  const xDomain = () => stepDomain(...runs().map((r) => r.history));

  const charts: Chart[] = [
    {
      selector: '.tl-loss .nl-plot',
      need: () => lossDomains(...runs().map((r) => r.history)),
      plot: (d, w) => lossFigure(runA.history, w, d, compareInfo()),
      live: () => lossLive(runA.history, compareInfo()),
      describe: () => describeLoss(runA.history, compareInfo()),
      domains: null,
      key: '',
    },
    {
      selector: '.tl-layers .nl-plot',
      need: () => ({ x: xDomain(), y: [0, 1] }),
      plot: (d, w) => layersFigure(state, runA.history, w, d.x),
      live: () => layersLive(state, runA.history),
      describe: () => describeLayers(state, runA.history),
      domains: null,
      key: '',
    },
    {
      selector: '.tl-grads .nl-plot',
      need: () => ({ ...gradDomains(runA.history), x: xDomain() }),
      plot: (d, w) => gradFigure(state, runA.history, w, d),
      live: () => gradLive(state, runA.history),
      describe: () => describeGrads(state, runA.history),
      domains: null,
      key: '',
    },
    {
      selector: '.tl-histograms .nl-plot',
      need: () => histogramDomains(histograms()),
      plot: (d, w) => histogramFigure(state, histograms(), w, d),
      live: () => histogramLive(state, histograms()),
      describe: () => describeHistograms(state, histograms()),
      domains: null,
      key: '',
    },
  ];

  /** Redraws a chart in place if it can; a full Plot redraw only if `full` is allowed. */
  const drawChart = (chart: Chart, allowFull: boolean): 'live' | 'full' | 'waiting' => {
    const box = q<HTMLElement>(chart.selector);
    const width = Math.round(Math.min(480, box.clientWidth || 320));
    const key = `${configured}|${width}|${compareState ? 'b' : ''}`;
    const need = chart.need();
    const domains = growDomains(key === chart.key ? chart.domains : null, need);
    const svg = box.querySelector('svg') as TlScaledSvg | null;
    if (key === chart.key && domains === chart.domains && svg && tlApplyLive(svg, chart.live())) {
      svg.setAttribute('aria-description', chart.describe());
      counts.live++;
      return 'live';
    }
    if (!allowFull) return 'waiting';
    box.replaceChildren(drawPlot(chart.plot(domains, width)));
    chart.domains = domains;
    chart.key = key;
    counts.full++;
    return 'full';
  };

  // The map's PNG, encoded by the browser (a canvas), which is several times faster than
  // the pure encoder the build uses.
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  const mapUrl = (grid: NonNullable<Snapshot['grid']>, st: TrainingLabState): string => {
    const { indices, palette } = boundaryPixels(grid, st.loss, classesOf(st.dataset));
    const n = grid.resolution;
    if (!context) return boundaryImage(grid, st.loss, classesOf(st.dataset));
    if (canvas.width !== n) {
      canvas.width = n;
      canvas.height = n;
    }
    const image = context.createImageData(n, n);
    const data = image.data;
    for (let i = 0; i < indices.length; i++) {
      const [r, g, b] = palette[indices[i]];
      data[4 * i] = r;
      data[4 * i + 1] = g;
      data[4 * i + 2] = b;
      data[4 * i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    return canvas.toDataURL('image/png');
  };

  const drawBoundary = (
    selector: string,
    s: Snapshot,
    st: TrainingLabState,
    prevKey: string,
  ): string => {
    const boundary = q<HTMLElement>(`${selector} .nl-plot`);
    const width = Math.round(Math.min(400, boundary.clientWidth || 320));
    const key = `${configured}|${width}`;
    const image = boundary.querySelector('image');
    const svg = boundary.querySelector('svg') as TlScaledSvg | null;
    if (key === prevKey && is1d(st.dataset) && svg && tlApplyLive(svg, curveLive(s))) {
      // A 1-D set: the fitted curve moves in place.
      svg.setAttribute('aria-description', describeBoundary(st, s));
    } else if (key === prevKey && image && s.grid) {
      image.setAttribute('href', mapUrl(s.grid, st));
      svg?.setAttribute('aria-description', describeBoundary(st, s));
    } else {
      boundary.replaceChildren(drawPlot(boundaryFigure(st, points, s, width)));
    }
    return key;
  };

  // Per-unit thumbnails: one small canvas per hidden unit, rebuilt when the network's shape
  // changes and otherwise repainted in place (putImageData of 16 × 16 pixels each).
  let unitsKey = '';
  let unitCanvases: HTMLCanvasElement[][] = [];
  const images = new WeakMap<HTMLCanvasElement, ImageData>();
  const drawUnits = (s: Snapshot, live: boolean) => {
    const figure = q<HTMLElement>('.tl-units');
    figure.hidden = is1d(state.dataset);
    const layers = unitThumbnails(state, s.units);
    const n = s.units?.resolution ?? 0;
    const key = `${configured}|${n}|${layers.map((l) => l.units.length).join(',')}`;
    if (key !== unitsKey) {
      unitsKey = key;
      const rows = layers.map((layer) => {
        const row = document.createElement('div');
        row.className = 'tl-unit-layer';
        const name = document.createElement('span');
        name.className = 'tl-unit-name';
        name.textContent = layer.name;
        const cells = document.createElement('span');
        cells.className = 'tl-unit-row';
        for (const _ of layer.units) {
          const c = document.createElement('canvas');
          c.width = n;
          c.height = n;
          c.setAttribute('role', 'img');
          cells.append(c);
        }
        row.append(name, cells);
        return row;
      });
      q<HTMLElement>('.tl-unit-layers').replaceChildren(...rows);
      unitCanvases = rows.map((row) => [...row.querySelectorAll('canvas')]);
    }
    layers.forEach((layer, l) => {
      layer.units.forEach((t, j) => {
        const c = unitCanvases[l]?.[j];
        const ctx = c?.getContext('2d');
        if (!c || !ctx) return;
        // One ImageData per canvas, kept with it: no allocation per frame.
        const cached = images.get(c);
        const image = cached ?? ctx.createImageData(n, n);
        if (!cached) images.set(c, image);
        const data = image.data;
        for (let i = 0; i < t.indices.length; i++) {
          const [r, g, b] = tlPalette[t.indices[i]];
          data[4 * i] = r;
          data[4 * i + 1] = g;
          data[4 * i + 2] = b;
          data[4 * i + 3] = 255;
        }
        ctx.putImageData(image, 0, 0);
        c.setAttribute('aria-label', describeUnit(layer.name, j, t));
      });
    });
    if (!live) q<HTMLElement>('.tl-units figcaption').textContent = describeUnits(state, layers);
  };

  const draw = () => {
    const s = runA.latest;
    if (!s) return;
    const t0 = performance.now();
    const live = running();
    q<HTMLOutputElement>('output[name=progress]').value = s.diverged
      ? `Diverged at step ${s.diverged.step} (epoch ${s.epoch})`
      : `Epoch ${s.epoch} · step ${s.step}`;
    // While running, at most one chart gets a full Plot redraw per frame; the others move
    // their lines in place, or wait for a later frame if their domains grew.
    let fullAllowed = true;
    let waiting = false;
    for (const chart of charts) {
      const done = drawChart(chart, !live || fullAllowed);
      if (done === 'full' && live) fullAllowed = false;
      if (done === 'waiting') waiting = true;
    }
    // A frame that redrew a chart in full leaves the maps to the next frame, so that it
    // does not also repaint them.
    const b = runB?.latest;
    if (!live || fullAllowed) {
      boundaryKey = drawBoundary('.tl-boundary', s, state, boundaryKey);
      const u0 = performance.now();
      drawUnits(s, live);
      unitTimes.push(performance.now() - u0);
      if (unitTimes.length > 400) unitTimes.shift();
      const compareFigure = q<HTMLElement>('.tl-boundary-b');
      compareFigure.hidden = !(compareState && b);
      if (compareState && b) {
        boundaryKeyB = drawBoundary('.tl-boundary-b', b, compareState, boundaryKeyB);
      }
    } else {
      waiting = true;
    }
    // Captions are live regions: they change when the run stops, not 30 times a second.
    if (!live) {
      q<HTMLElement>('.tl-boundary figcaption').textContent = describeBoundary(state, s);
      if (compareState && b) {
        q<HTMLElement>('.tl-boundary-b figcaption').textContent =
          `${b.diverged ? `This run diverged at step ${b.diverged.step}. ` : ''}${describeBoundary(compareState, b)}`;
      }
      for (const [sel, chart] of [
        ['.tl-loss', charts[0]],
        ['.tl-layers', charts[1]],
        ['.tl-grads', charts[2]],
        ['.tl-histograms', charts[3]],
      ] as const) {
        q<HTMLElement>(`${sel} figcaption`).textContent = chart.describe();
      }
    }
    showDivergence(widget, 'tl', s, 'Lower the learning rate, or start again from the same seed.');
    widget.dataset.step = String(s.step);
    logDraw(t0);
    if (waiting) schedule();
  };

  const schedule = frameScheduler(draw, running);

  const receive = (run: Run, s: Snapshot) => {
    if (run.latest && s.step < run.latest.step) return;
    run.latest = s;
    run.history = appendHistory(run.history, s);
    if (s.status === 'diverged' || s.status === 'error') {
      setRunning(run, false);
      if (s.error) problem(`Training stopped: ${s.error}`);
    }
    schedule();
  };

  const result = <T>(
    r: { ok: true; value: T } | { ok: false; error: string },
    run: Run = runA,
  ): T | null => {
    if (r.ok) return r.value;
    problem(`Training failed: ${r.error}`);
    setRunning(run, false);
    return null;
  };

  /** Resets a run's history and configures its session. */
  const configureRun = async (run: Run, st: TrainingLabState, key: string) => {
    setRunning(run, false);
    run.latest = null;
    run.history = [];
    // Both messages are posted now, one after the other: a Play pressed while they are on
    // their way reaches the worker after the new configuration. (Awaiting the first before
    // posting the second let a Play slip in between and start the old network.)
    const [, configuredNow] = await Promise.all([
      run.session.setSpeed(speed),
      run.session.configure(tlSessionConfig(st)),
    ]);
    const s = result(configuredNow, run);
    // A later configuration may have started meanwhile.
    if (!s || key !== configured) return;
    // Snapshots the worker sent before it took the new configuration are the old network's:
    // its reply starts the history afresh.
    run.latest = null;
    run.history = [];
    receive(run, s);
  };

  const lab: Lab = {
    async configure(next) {
      const key = JSON.stringify([tlSessionConfig(next), next.compare]);
      if (key === configured && runA.latest?.step === 0) return;
      state = next;
      speed = next.speed || null;
      compareState = tlCompareState(next);
      configured = key;
      for (const c of charts) c.key = '';
      for (const r of [runA, runB]) if (r) setRunning(r, false);
      points = tlRun(next).points;
      q<HTMLPreElement>('.tl-code').hidden = true;
      button('copy').hidden = true;
      q<HTMLElement>('.tl-export-status').textContent = '';
      // The first run's configuration is posted before anything is awaited (see configureRun).
      const jobs = [configureRun(runA, next, key)];
      if (compareState) {
        runB ??= await newRun((run, s) => receive(run, s));
        jobs.push(configureRun(runB, compareState, key));
      } else if (runB) await runB.session.pause();
      await Promise.all(jobs);
    },
    async toggle() {
      if (running()) {
        await Promise.all(
          runs().map(async (r) => {
            setRunning(r, false);
            const s = result(await r.session.pause(), r);
            if (s) receive(r, s);
          }),
        );
        return;
      }
      await Promise.all(
        runs().map(async (r) => {
          if (r.latest?.diverged) return;
          setRunning(r, true);
          if (!result(await r.session.start(), r)) setRunning(r, false);
        }),
      );
    },
    async step() {
      await Promise.all(
        runs().map(async (r) => {
          setRunning(r, false);
          if (r.latest?.diverged) return;
          const s = result(await r.session.step(1), r);
          if (s) receive(r, s);
        }),
      );
    },
    async reset() {
      for (const c of charts) c.key = '';
      await Promise.all(
        runs().map(async (r) => {
          setRunning(r, false);
          r.latest = null;
          r.history = [];
          const s = result(await r.session.reset(), r);
          if (s) receive(r, s);
        }),
      );
    },
    async setSpeed(stepsPerSecond) {
      speed = stepsPerSecond || null;
      state = { ...state, speed: stepsPerSecond };
      await Promise.all(runs().map((r) => r.session.setSpeed(speed)));
    },
    async export(format) {
      if (running()) await lab.toggle();
      const status = q<HTMLElement>('.tl-export-status');
      if (runA.latest?.diverged) {
        status.textContent = 'A diverged network has weights that are not finite; reset first.';
        return;
      }
      const steps = runA.latest?.step ?? 0;
      status.textContent = `Rebuilding the network at step ${steps}…`;
      // The worker keeps its network; the same seed replays it here bit for bit, yielding
      // between chunks so the page stays responsive.
      const run = await tlReplay(state, steps, () => new Promise((r) => setTimeout(r, 0)), 500);
      const pre = q<HTMLPreElement>('.tl-code');
      (pre.querySelector('code') as HTMLElement).textContent = tlExport(run.network, format, state);
      pre.hidden = false;
      button('copy').hidden = false;
      const name = { json: 'JSON', pytorch: 'PyTorch code', keras: 'Keras code' }[format];
      status.textContent = `The network at step ${steps} as ${name}, below${compareState ? ' (the first run)' : ''}.`;
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

  // For browser tests that measure the redraws.
  Object.defineProperty(widget, 'drawCounts', { value: counts, configurable: true });
  Object.defineProperty(widget, 'unitTimes', { value: unitTimes, configurable: true });
  await lab.configure(initial);
  return lab;
}
