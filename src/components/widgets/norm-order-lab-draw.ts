// The heavy half of <nl-norm-order-lab>: five training runs (one TrainingSession each, in the
// workers of lab-runs.ts, through comlink), Plot and the figures, loaded on first use. This
// side advances the five in lockstep (the same number of updates each round, so the curves
// compare at equal steps), keeps the history and draws at most once per animation frame.

import type * as Plot from '@observablehq/plot';
import {
  appendHistory,
  describeLayers,
  describeLoss,
  describeRuns,
  describeSetup,
  fmt,
  layerStats,
  layersFigure,
  lossFigure,
  type NolHistoryPoint,
  type NolKind,
  type NolLayerStats,
  type NolRunStatus,
  type NormOrderLabState,
  nolLimits,
  nolRuns,
  nolSessionConfig,
  runLabel,
  runStatus,
} from '../figures/norm-order-lab.ts';
import type { Result, Snapshot } from '../workers/training-session.ts';
import { drawLog, frameScheduler, messageLine } from './lab-draw.ts';
import type { LabRuns } from './lab-element.ts';
import { labSessions } from './lab-runs.ts';
import { drawPlot } from './plot.ts';

export interface Lab extends LabRuns<NormOrderLabState> {
  /** `n` updates of every run; the Step button ("10 steps") asks for the default. */
  step(n?: number): Promise<void>;
}

/** Time per round (updates of all five runs and their snapshots) the chunk aims at, in ms. */
const ROUND_MS = 40;
/** Updates per run per round, at least and at most. */
const MIN_CHUNK = 5;
const MAX_CHUNK = 200;

export async function createLab(widget: HTMLElement, initial: NormOrderLabState): Promise<Lab> {
  const logDraw = drawLog(widget, 200);
  const sessions = labSessions(nolRuns.length);
  const q = <T extends Element>(s: string) => widget.querySelector(s) as T;
  const button = (name: string) => q<HTMLButtonElement>(`button[name=${name}]`);

  let state = initial;
  /** Bumped by every configure and reset: answers for an older one are dropped. */
  let generation = 0;
  let step = 0;
  let history: NolHistoryPoint[] = [];
  let latest: Snapshot[] = [];
  let initialStats: NolLayerStats[] = [];
  let nowStats: { step: number; stats: NolLayerStats[] } | null = null;
  let running = false;
  let busy = false;
  let chunk = MIN_CHUNK;
  let lastCharts = 0;
  let nextChart = 0;

  const setRunning = (on: boolean) => {
    running = on;
    button('play').textContent = on ? 'Pause' : 'Play';
  };

  const problem = messageLine(widget, '.nol-failure');

  const unwrap = <T>(r: Result<T>): T => {
    if (r.ok) return r.value;
    throw new Error(r.error);
  };

  const finished = () => step >= nolLimits.maxSteps || latest.every((s) => s.diverged);

  const showStatus = () => {
    const diverged = latest
      .map((s, i) =>
        s.diverged ? `${runLabel(nolRuns[i], state)} diverged at step ${s.diverged.step}` : '',
      )
      .filter(Boolean);
    const box = q<HTMLElement>('.nol-diverged .nl-message');
    box.hidden = diverged.length === 0;
    if (diverged.length) {
      q<HTMLElement>('.nol-diverged-text').textContent =
        `${diverged.join('; ')}: its loss or weights stopped being finite, and it stops there while the others go on. Lower the learning rate, or reset.`;
    }
    const done = finished();
    button('play').disabled = done;
    button('step').disabled = done;
  };

  const statuses = (): NolRunStatus[] => latest.map(runStatus);

  const charts: { selector: string; make: (width: number) => Plot.PlotOptions }[] = [
    { selector: '.nol-loss', make: (w) => lossFigure(state, history, w) },
    ...(['std', 'grad'] as NolKind[]).map((kind) => ({
      selector: `.nol-${kind}`,
      make: (w: number) => layersFigure(state, kind, initialStats, nowStats, w),
    })),
  ];

  const captions = () => {
    q<HTMLElement>('.nol-loss figcaption').textContent = describeLoss(state, history);
    for (const kind of ['std', 'grad'] as NolKind[]) {
      q<HTMLElement>(`.nol-${kind} figcaption`).textContent = describeLayers(
        state,
        kind,
        initialStats,
        nowStats,
      );
    }
  };

  const draw = () => {
    if (latest.length === 0) return;
    const t0 = performance.now();
    q<HTMLOutputElement>('output[name=progress]').value =
      step >= nolLimits.maxSteps
        ? `Step ${step}: the budget of ${nolLimits.maxSteps} steps is spent`
        : `Step ${step} of ${nolLimits.maxSteps}`;
    latest.forEach((s, i) => {
      const row = q<HTMLElement>(`tr[data-run=${nolRuns[i]}]`);
      (row.querySelector('.nol-train') as HTMLElement).textContent = s.diverged
        ? `diverged at step ${s.diverged.step}`
        : fmt(s.trainLoss);
      (row.querySelector('.nol-acc') as HTMLElement).textContent =
        s.step === 0 || s.testAccuracy === null
          ? 'not trained'
          : `${Math.round(100 * s.testAccuracy)}%`;
    });
    // Each chart costs a few ms to redraw: while running, one chart per frame and at most 7
    // a second (each chart about twice a second), so that no frame does all three; the table and
    // the counter follow every frame; when the runs stop, all are drawn.
    if (!running || t0 - lastCharts >= 150) {
      lastCharts = t0;
      charts.forEach((chart, i) => {
        if (running && i !== nextChart) return;
        const box = q<HTMLElement>(`${chart.selector} .nl-plot`);
        const width = Math.round(Math.min(720, box.clientWidth || 480));
        box.replaceChildren(drawPlot(chart.make(width)));
      });
      nextChart = (nextChart + 1) % charts.length;
    }
    // The table's caption is not a live region: it follows every frame. The figures'
    // captions are: they change when the runs stop, not 30 times a second.
    q<HTMLElement>('.nol-table-caption').textContent = describeRuns(state, step, statuses());
    if (!running) captions();
    showStatus();
    widget.dataset.step = String(step);
    logDraw(t0);
  };

  const schedule = frameScheduler(draw, () => running);

  const take = (snapshots: Snapshot[]) => {
    latest = snapshots;
    step = Math.max(...snapshots.map((s) => s.step));
    history = appendHistory(history, step, snapshots);
    nowStats = { step, stats: snapshots.map((s) => layerStats(s.probes)) };
  };

  /** n updates of every run still going, together; false if a newer configuration came. */
  const advance = async (n: number): Promise<boolean> => {
    const mine = generation;
    const results = await Promise.all(
      sessions.map((s, i) =>
        latest[i]?.diverged ? Promise.resolve({ ok: true as const, value: latest[i] }) : s.step(n),
      ),
    );
    if (mine !== generation) return false;
    take(results.map(unwrap));
    return true;
  };

  const loop = async () => {
    if (busy) return;
    busy = true;
    try {
      while (running && !finished()) {
        const t0 = performance.now();
        const n = Math.min(chunk, nolLimits.maxSteps - step);
        if (!(await advance(n))) break;
        // Aim each round at ROUND_MS: a round also pays a fixed cost (a snapshot from each
        // worker, the messages), so chunks never go below MIN_CHUNK.
        const took = Math.max(1, performance.now() - t0);
        const scale = Math.min(2, Math.max(0.5, ROUND_MS / took));
        chunk = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.round(chunk * scale)));
        schedule();
        // Let the frame be drawn before the next round: the workers wait meanwhile, so that
        // training flat out does not starve the page on a machine with few cores.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
    } catch (error) {
      problem(`Training failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy = false;
      if (finished() || !running) {
        setRunning(false);
        schedule();
      }
    }
  };

  /** New runs from `next`: configure every worker, then one step for the initial probes. */
  const start = async (next: NormOrderLabState) => {
    const mine = ++generation;
    state = next;
    setRunning(false);
    history = [];
    latest = [];
    nowStats = null;
    step = 0;
    chunk = MIN_CHUNK;
    problem(null);
    q<HTMLElement>('.nol-setup').textContent = `${describeSetup(next)}.`;
    nolRuns.forEach((run) => {
      q<HTMLElement>(`tr[data-run=${run}] .nol-label`).textContent = runLabel(run, next);
    });
    try {
      const zero = await Promise.all(
        sessions.map((s, i) => s.configure(nolSessionConfig(next, nolRuns[i]))),
      );
      if (mine !== generation) return;
      zero.forEach(unwrap);
      // The probes of step 1 are recorded on the initial weights, before the update; then
      // each session starts again from its seed, at step 0, bit for bit the same run.
      const one = (await Promise.all(sessions.map((s) => s.step(1)))).map(unwrap);
      if (mine !== generation) return;
      initialStats = one.map((s) => layerStats(s.probes));
      const again = (await Promise.all(sessions.map((s) => s.reset()))).map(unwrap);
      if (mine !== generation) return;
      take(again);
      nowStats = null;
      schedule();
    } catch (error) {
      if (mine === generation) {
        problem(`Training failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
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
        // Stop after the round in flight, and show Play only once it has landed, so that
        // the counter does not move after the reader sees the lab paused.
        running = false;
        while (busy) await new Promise((r) => setTimeout(r, 5));
        setRunning(false);
        schedule();
        return;
      }
      if (finished()) return;
      setRunning(true);
      await loop();
    },
    async step(n = 10) {
      setRunning(false);
      while (busy) await new Promise((r) => setTimeout(r, 5));
      if (finished()) return;
      try {
        await advance(Math.min(n, nolLimits.maxSteps - step));
      } catch (error) {
        problem(`Training failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      schedule();
    },
    async reset() {
      setRunning(false);
      while (busy) await new Promise((r) => setTimeout(r, 5));
      await start(state);
    },
  };

  await lab.configure(initial);
  return lab;
}
