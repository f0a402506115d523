// The heavy half of <nl-digits-lab>: one training worker per activation (a TrainingSession
// each, through comlink), Plot, the engine and the test digits, loaded on first use. Each
// run asks its worker for a quarter of an epoch at a time and, at each whole epoch and at
// the end, for its confusion matrix and its hidden layers' outputs on the 1,000 test
// digits. The page keeps the histories and draws at most once per animation frame.

import type * as Plot from '@observablehq/plot';
import * as Comlink from 'comlink';
import { DIGITS_PATH } from '../../lib/data/digits.ts';
import {
  activeFractions,
  activityFigure,
  confusionFigure,
  confusionRows,
  curvesFigure,
  type DigitsLabState,
  type DlAnalysis,
  type DlHistory,
  describeConfusion,
  describePrediction,
  describeRuns,
  dlActivationLabel,
  dlAppend,
  dlColour,
  dlLossMax,
  dlRows,
  dlSessionConfig,
  dlStepsPerEpoch,
  epochsOf,
  probabilitiesFigure,
  probabilitiesOf,
  thresholdIndex,
  thresholdText,
} from '../figures/digits-lab.ts';
import {
  MNIST_SIDE,
  type TestDigits,
  testBatch,
  testDigits,
  testImage,
  toMnist,
} from '../figures/digits-lab-image.ts';
import type { Snapshot, TrainingSession } from '../workers/training-session.ts';
import { oncePerFrame } from './frame.ts';
import { drawLog, frameScheduler, messageLine } from './lab-draw.ts';
import type { LabRuns } from './lab-element.ts';
import { drawPlot } from './plot.ts';

/** The run buttons' actions (lab-element.ts; no Step), and the analyses' and the pad's. */
export interface Lab extends LabRuns<DigitsLabState> {
  showConfusion(index: number): void;
  /** Reads the pad's ink (once per frame at most) and shows what the networks make of it. */
  readDrawing(canvas: HTMLCanvasElement): void;
  clearDrawing(): void;
  /** Loads the next (1) or previous (−1) test digit onto the pad. */
  testDigit(delta: number): Promise<void>;
}

type Session = Comlink.Remote<TrainingSession>;

interface Slot {
  worker: Worker;
  session: Session;
}

/** Steps per request: a quarter of an epoch, so the curves get four points an epoch. */
const CHUNKS_PER_EPOCH = 4;

function base(): string {
  return (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
}

export async function createLab(widget: HTMLElement, initial: DigitsLabState): Promise<Lab> {
  /** The untrained networks of the initial state, measured at build time (DigitsLab.astro). */
  const built = JSON.parse(widget.dataset.initial ?? '[]') as DlHistory[];
  const logDraw = drawLog(widget, 400);
  /** Each redraw's curves, matrix and bars, and text times in ms (for browser tests). */
  const drawParts: number[][] = [];
  const q = <T extends Element>(s: string) => widget.querySelector(s) as T;
  const button = (name: string) => q<HTMLButtonElement>(`button[name=${name}]`);
  const slots: Slot[] = [];
  const slot = (i: number): Slot => {
    while (slots.length <= i) {
      const worker = new Worker(new URL('../workers/training-worker.ts', import.meta.url), {
        type: 'module',
      });
      slots.push({ worker, session: Comlink.wrap<TrainingSession>(worker) as Session });
    }
    return slots[i];
  };

  let state = initial;
  let histories: DlHistory[] = [];
  let running = false;
  /** Bumped by every configure and reset: work of an older generation stops. */
  let generation = 0;
  let busy = false;
  let lastText = 0;
  let confusionRun = 0;
  let figuresDirty = true;

  // The test digits, as bytes (for the pad) and as one input batch (for the hidden layers).
  let test: Promise<{ digits: TestDigits; batch: Float64Array }> | null = null;
  const testSet = () => {
    test ??= fetch(`${base().replace(/\/?$/, '/')}${DIGITS_PATH}`)
      .then((r) => {
        if (!r.ok) throw new Error(`digits: ${r.status}`);
        return r.arrayBuffer();
      })
      .then((b) => {
        const digits = testDigits(new Uint8Array(b));
        return { digits, batch: testBatch(digits) };
      });
    return test;
  };

  const setRunning = (on: boolean) => {
    running = on;
    button('play').textContent = on ? 'Pause' : 'Train';
  };

  const problem = messageLine(widget, '.dl-failure');

  const budget = () => state.epochs * dlStepsPerEpoch(state);
  const stepOf = (h: DlHistory) => h.points.at(-1)?.step ?? 0;
  const finished = (h: DlHistory) => h.diverged !== null || stepOf(h) >= budget();

  const progress = () => {
    if (histories.length > 0 && histories.every(finished)) {
      return `Done: ${state.epochs} epoch${state.epochs > 1 ? 's' : ''}`;
    }
    const steps = histories.map(stepOf);
    const lo = Math.min(...steps);
    const hi = Math.max(...steps);
    if (hi === 0) return `Epoch 0 of ${state.epochs}: press Train`;
    const a = epochsOf(state, lo);
    const b = epochsOf(state, hi);
    return `Epoch ${a === b ? a : `${a}–${b}`} of ${state.epochs}`;
  };

  // ---- Drawing. The curves change in place (their paths) while the runs train; the
  // confusion matrix and the active-unit bars are drawn whole when a new analysis arrives.
  let accuracySvg: (SVGSVGElement & Plot.Plot) | null = null;
  let lossSvg: (SVGSVGElement & Plot.Plot) | null = null;
  const width = (selector: string, max: number) =>
    Math.round(Math.min(max, q<HTMLElement>(selector).clientWidth || max));

  const drawCurves = () => {
    const w = width('.dl-accuracy', 480);
    accuracySvg = drawPlot(curvesFigure(state, histories, 'accuracy', w)) as SVGSVGElement &
      Plot.Plot;
    q<HTMLElement>('.dl-accuracy .nl-plot').replaceChildren(accuracySvg);
    lossSvg = drawPlot(curvesFigure(state, histories, 'loss', w)) as SVGSVGElement & Plot.Plot;
    q<HTMLElement>('.dl-loss .nl-plot').replaceChildren(lossSvg);
  };

  /** The lines' paths from the histories; false if a line is missing (draw whole then). */
  const updateCurves = (): boolean => {
    if (!accuracySvg || !lossSvg) return false;
    const perEpoch = dlStepsPerEpoch(state);
    for (const [svg, metric] of [
      [accuracySvg, 'accuracy'],
      [lossSvg, 'loss'],
    ] as const) {
      const x = svg.scale('x');
      const y = svg.scale('y');
      if (!x || !y) return false;
      for (let i = 0; i < histories.length; i++) {
        const points = histories[i].points;
        if (points.length === 0) continue;
        const path = svg.querySelector(`g.nl-dl-${metric}-${i} path`);
        if (!path) return false;
        const d = points.map((p, k) => {
          const v =
            metric === 'accuracy' ? p.testAccuracy : Math.min(dlLossMax, Math.max(0, p.testLoss));
          const px = (x.apply(p.step / perEpoch) as number).toFixed(1);
          const py = (y.apply(v) as number).toFixed(1);
          return `${k ? 'L' : 'M'}${px},${py}`;
        });
        path.setAttribute('d', d.join(''));
      }
    }
    return true;
  };

  /** The confusion matrix in place (shades and counts) if it is drawn with one already. */
  const updateConfusion = (analysis: DlAnalysis | null): boolean => {
    const svg = q<SVGSVGElement>('.dl-confusion .nl-plot svg');
    const rects = svg?.querySelectorAll('g.nl-dl-cells rect');
    const texts = svg?.querySelectorAll('g.nl-dl-counts text');
    const k = analysis?.confusion.length ?? 0;
    if (!analysis || !rects || !texts || rects.length !== k * k || texts.length !== k * k) {
      return false;
    }
    analysis.confusion.forEach((row, t) => {
      const total = row.reduce((a, b) => a + b, 0);
      row.forEach((count, p) => {
        const i = t * k + p;
        rects[i].setAttribute('fill-opacity', String(Math.sqrt(total > 0 ? count / total : 0)));
        const text = String(count);
        if (texts[i].textContent !== text) texts[i].textContent = text;
        texts[i].setAttribute('fill-opacity', count > 0 ? '1' : '0');
      });
    });
    svg?.setAttribute('aria-description', describeConfusion(confusionLabel(), analysis));
    return true;
  };

  /**
   * The active-unit bars and labels in place, if the figure drawn has one bar per run and
   * layer and the same start ticks; false otherwise (draw it whole then).
   */
  const updateActivity = (): boolean => {
    const svg = q<SVGSVGElement>('.dl-activity .nl-plot svg') as (SVGSVGElement & Plot.Plot) | null;
    const y = svg?.scale?.('y');
    if (!svg || !y) return false;
    const t = thresholdIndex(state.threshold);
    const shares = histories.map((h) => h.latest?.active ?? []);
    const starts = histories.filter(
      (h) => h.start && h.latest && h.latest.active !== h.start.active,
    ).length;
    const groups = svg.querySelectorAll('g.nl-dl-active');
    const labels = svg.querySelectorAll('g.nl-dl-active-labels text');
    const ticks = svg.querySelectorAll('g.nl-dl-start line').length;
    const runs = state.activations.length;
    if (
      groups.length !== state.layers ||
      labels.length !== state.layers * runs ||
      ticks !== starts * state.layers ||
      shares.some((s) => s.length !== state.layers)
    ) {
      return false;
    }
    const zero = y.apply(0) as number;
    for (let k = 0; k < state.layers; k++) {
      const rects = groups[k].querySelectorAll('rect');
      if (rects.length !== runs) return false;
      for (let r = 0; r < runs; r++) {
        const share = shares[r][k][t];
        const top = y.apply(share) as number;
        rects[r].setAttribute('y', String(top));
        rects[r].setAttribute('height', String(Math.max(0, zero - top)));
        const label = labels[k * runs + r];
        label.textContent = `${Math.round(100 * share)}%`;
        const transform = label.getAttribute('transform') ?? '';
        label.setAttribute('transform', transform.replace(/,[-\d.e]+\)/, `,${top})`));
      }
    }
    svg.setAttribute('aria-description', describeRuns(state, histories));
    return true;
  };

  const confusionLabel = () => dlActivationLabel[state.activations[confusionRun]];

  const drawAnalyses = () => {
    const h = histories[confusionRun];
    const label = confusionLabel();
    const analysis = h?.latest ?? null;
    if (!updateConfusion(analysis)) {
      q<HTMLElement>('.dl-confusion .nl-plot').replaceChildren(
        drawPlot(confusionFigure(label, analysis, width('.dl-confusion', 340))),
      );
    }
    q<HTMLElement>('.dl-confusion-text').textContent = describeConfusion(label, analysis);
    if (!updateActivity()) {
      q<HTMLElement>('.dl-activity .nl-plot').replaceChildren(
        drawPlot(activityFigure(state, histories, width('.dl-activity', 560))),
      );
    }
    q<HTMLElement>('.dl-tau').textContent = thresholdText(state.threshold);
  };

  const drawText = () => {
    q<HTMLOutputElement>('output[name=progress]').value = progress();
    for (const r of dlRows(state, histories)) {
      const row = q<HTMLTableRowElement>(`.dl-table tr[data-run="${r.activation}"]`);
      if (!row) continue;
      const cell = (name: string, text: string) => {
        const td = row.querySelector(`[data-cell=${name}]`) as HTMLElement;
        if (td.textContent !== text) td.textContent = text;
      };
      cell('epoch', r.status ? `${r.epoch} (${r.status})` : r.epoch);
      cell('testAccuracy', r.testAccuracy);
      cell('testLoss', r.testLoss);
      cell('active', r.active);
      cell('nonZero', r.nonZero);
    }
    const diverged = histories.filter((h) => h.diverged);
    const box = q<HTMLElement>('.dl-diverged .nl-message');
    box.hidden = diverged.length === 0;
    q<HTMLElement>('.dl-diverged-text').textContent = diverged
      .map((h) => `${dlActivationLabel[h.activation]} diverged at step ${h.diverged?.step}.`)
      .join(' ');
    // The summary is a live region: it changes when the runs stop, not while they train.
    if (!running) q<HTMLElement>('.dl-summary').textContent = describeRuns(state, histories);
    widget.dataset.step = String(Math.max(0, ...histories.map(stepOf)));
  };

  const draw = () => {
    const t0 = performance.now();
    if (!updateCurves()) drawCurves();
    const t1 = performance.now();
    if (figuresDirty) {
      figuresDirty = false;
      drawAnalyses();
    }
    const t2 = performance.now();
    // Text changes the page's layout: four times a second while running.
    if (!running || t0 - lastText >= 250) {
      lastText = t0;
      drawText();
    }
    drawParts.push([t1 - t0, t2 - t1, performance.now() - t2].map(Math.round));
    if (drawParts.length > 400) drawParts.shift();
    logDraw(t0);
  };

  // Once per frame, and twice a second while running under reduced motion, as the other labs.
  const schedule = frameScheduler(draw, () => running);

  // ---- The runs.

  /** The runs' legend, table rows and confusion choices, for the state's activations. */
  const rebuildLists = () => {
    const legend = q<HTMLElement>('.dl-legend');
    const tbody = q<HTMLElement>('.dl-table tbody');
    const select = q<HTMLSelectElement>('select[name=confusion-run]');
    const same =
      [...legend.querySelectorAll('li')].map((li) => li.dataset.run).join(',') ===
      state.activations.join(',');
    if (same) return;
    legend.replaceChildren(
      ...state.activations.map((a, i) => {
        const li = document.createElement('li');
        li.dataset.run = a;
        const swatch = document.createElement('span');
        swatch.className = 'dl-swatch';
        swatch.style.setProperty('--dl-colour', dlColour(i));
        const name = document.createElement('span');
        name.textContent = dlActivationLabel[a];
        li.append(swatch, name);
        return li;
      }),
    );
    tbody.replaceChildren(
      ...state.activations.map((a) => {
        const tr = document.createElement('tr');
        tr.dataset.run = a;
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = dlActivationLabel[a];
        tr.append(th);
        for (const name of ['epoch', 'testAccuracy', 'testLoss', 'active', 'nonZero']) {
          const td = document.createElement('td');
          td.dataset.cell = name;
          tr.append(td);
        }
        return tr;
      }),
    );
    select.replaceChildren(
      ...state.activations.map((a, i) => new Option(dlActivationLabel[a], String(i))),
    );
    confusionRun = 0;
    probabilities = state.activations.map(() => null);
  };

  /**
   * Confusion matrix of run i now, and with `hidden` its hidden layers' activity (which
   * sends the 1,000 test digits to the worker: at the start and end of a run, on pause).
   */
  const analyse = async (i: number, mine: number, hidden = true): Promise<DlAnalysis | null> => {
    const { session } = slot(i);
    const counts = await session.confusion();
    if (mine !== generation) return null;
    if (!counts.ok) {
      problem(`Could not read the confusion matrix: ${counts.error}`);
      return null;
    }
    const confusion = confusionRows(counts.value);
    let active: number[][] = [];
    if (hidden)
      try {
        const { batch } = await testSet();
        // A copy handed over (transferred), not cloned: the page keeps its batch.
        const copy = batch.slice();
        const r = await session.hidden(Comlink.transfer(copy, [copy.buffer]));
        if (r.ok) active = r.value.map((layer) => activeFractions(layer.values));
        else problem(`Could not read the hidden layers: ${r.error}`);
      } catch (error) {
        problem(`Could not load the test digits: ${(error as Error).message}`);
      }
    if (mine !== generation) return null;
    return { step: stepOf(histories[i]), confusion, active };
  };

  const remember = (i: number, a: DlAnalysis | null) => {
    if (!a) return;
    const h = histories[i];
    const active = a.active.length > 0 ? a.active : (h.latest?.active ?? []);
    const analysis = { ...a, active };
    histories[i] = { ...h, start: h.start ?? analysis, latest: analysis };
    figuresDirty = true;
    schedule();
  };

  /**
   * Run i trains a quarter epoch at a time until done, diverged or paused; its confusion
   * matrix after every epoch, and the hidden layers' activity when it stops.
   */
  const advance = async (i: number, mine: number) => {
    const { session } = slot(i);
    const perEpoch = dlStepsPerEpoch(state);
    const chunk = Math.ceil(perEpoch / CHUNKS_PER_EPOCH);
    const analysed = stepOf(histories[i]);
    while (running && mine === generation && !finished(histories[i])) {
      const before = stepOf(histories[i]);
      const r = await session.step(Math.min(chunk, budget() - before));
      if (mine !== generation) return;
      if (!r.ok) {
        problem(`Training failed: ${r.error}`);
        return;
      }
      histories[i] = dlAppend(histories[i], r.value as Snapshot);
      schedule();
      const now = stepOf(histories[i]);
      if (histories[i].diverged) return;
      if (Math.floor(now / perEpoch) > Math.floor(before / perEpoch) && !finished(histories[i])) {
        remember(i, await analyse(i, mine, false));
      }
    }
    // Stopped (done or paused): the full analysis, once, if the run moved.
    if (mine === generation && !histories[i].diverged && stepOf(histories[i]) > analysed) {
      remember(i, await analyse(i, mine, true));
    }
  };

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

  const trainingKey = (s: DigitsLabState) => JSON.stringify({ ...s, threshold: 0 });
  const builtKey = trainingKey(initial);

  const start = async (next: DigitsLabState) => {
    generation++;
    const mine = generation;
    setRunning(false);
    state = next;
    problem(null);
    rebuildLists();
    // The build measured the untrained networks of the initial state; others start empty.
    histories =
      trainingKey(next) === builtKey && built.length === next.activations.length
        ? built.map((h) => ({ ...h }))
        : next.activations.map((activation) => ({
            activation,
            points: [],
            diverged: null,
            start: null,
            latest: null,
          }));
    accuracySvg = null;
    figuresDirty = true;
    schedule();
    // Workers beyond the runs are not needed any more (each holds the digits).
    for (const s of slots.splice(next.activations.length)) s.worker.terminate();
    const results = await Promise.all(
      next.activations.map((a, i) =>
        slot(i).session.configure({
          ...dlSessionConfig(next, a),
          scoring: { trainSamples: 100, every: 'snapshot' },
        }),
      ),
    );
    if (mine !== generation) return;
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) {
      problem(`Training failed: ${failed.error}`);
      return;
    }
    results.forEach((r, i) => {
      if (r.ok && histories[i].points.length === 0) {
        histories[i] = dlAppend(histories[i], r.value as Snapshot);
      }
    });
    schedule();
    await Promise.all(
      histories.map(async (h, i) => {
        if (!h.start || h.start.active.length === 0) {
          remember(i, await analyse(i, mine));
        }
      }),
    );
    if (latestDrawing) predictAll(latestDrawing);
  };

  // ---- The pad: the reader's digit through every network.
  let probabilities: (Float64Array | null)[] = initial.activations.map(() => null);
  let latestDrawing: Float64Array | null = null;
  let predicting = false;
  let pending: Float64Array | null = null;
  const perFrame = oncePerFrame();
  let testIndex = -1;

  const drawProbabilities = () => {
    q<HTMLElement>('.dl-probabilities .nl-plot').replaceChildren(
      drawPlot(probabilitiesFigure(state, probabilities, width('.dl-probabilities', 480))),
    );
    q<HTMLElement>('.dl-prediction').textContent = describePrediction(state, probabilities);
  };

  const preview = (x: Float64Array) => {
    const canvas = q<HTMLCanvasElement>('canvas.dl-preview');
    const context = canvas.getContext('2d');
    if (!context) return;
    const image = context.createImageData(MNIST_SIDE, MNIST_SIDE);
    for (let k = 0; k < x.length; k++) {
      const v = Math.round(255 * x[k]);
      image.data.set([v, v, v, 255], 4 * k);
    }
    context.putImageData(image, 0, 0);
  };

  const predictAll = async (x: Float64Array) => {
    latestDrawing = x;
    if (predicting) {
      pending = x;
      return;
    }
    predicting = true;
    try {
      const mine = generation;
      const results = await Promise.all(
        state.activations.map((_, i) => slot(i).session.predict(x)),
      );
      if (mine === generation) {
        probabilities = results.map((r) => (r.ok ? probabilitiesOf(r.value) : null));
        widget.dataset.prediction = describePrediction(state, probabilities);
        perFrame(drawProbabilities);
      }
    } finally {
      predicting = false;
    }
    if (pending) {
      const next = pending;
      pending = null;
      await predictAll(next);
    }
  };

  const lab: Lab = {
    async configure(next) {
      if (trainingKey(next) === trainingKey(state) && histories.length > 0) {
        // Only the threshold changed: the same runs, drawn again.
        state = next;
        figuresDirty = true;
        schedule();
        return;
      }
      await start(next);
    },
    async toggle() {
      if (running) {
        setRunning(false);
        schedule();
        return;
      }
      if (histories.length > 0 && histories.every(finished)) await start(state);
      setRunning(true);
      schedule();
      await loop();
    },
    async reset() {
      await start(state);
    },
    showConfusion(index) {
      confusionRun = Math.max(0, Math.min(state.activations.length - 1, index));
      figuresDirty = true;
      schedule();
    },
    readDrawing(canvas) {
      perFrame(() => {
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (!context) return;
        const {
          data,
          width: w,
          height: h,
        } = context.getImageData(0, 0, canvas.width, canvas.height);
        const ink = new Uint8Array(w * h);
        for (let k = 0; k < ink.length; k++) ink[k] = data[4 * k + 3];
        const x = toMnist(ink, w, h);
        preview(x);
        q<HTMLOutputElement>('output[name=digit]').value = 'Your drawing.';
        predictAll(x);
      });
    },
    clearDrawing() {
      latestDrawing = null;
      pending = null;
      probabilities = state.activations.map(() => null);
      preview(new Float64Array(MNIST_SIDE * MNIST_SIDE));
      q<HTMLOutputElement>('output[name=digit]').value =
        'Draw a digit above, or load a test digit.';
      delete widget.dataset.prediction;
      perFrame(drawProbabilities);
    },
    async testDigit(delta) {
      let digits: TestDigits;
      try {
        ({ digits } = await testSet());
      } catch (error) {
        problem(`Could not load the test digits: ${(error as Error).message}`);
        return;
      }
      testIndex = (((testIndex + delta) % digits.n) + digits.n) % digits.n;
      if (testIndex < 0) testIndex = 0;
      const x = testImage(digits, testIndex);
      const canvas = q<HTMLCanvasElement>('canvas.dl-canvas');
      const context = canvas.getContext('2d');
      if (context) {
        context.clearRect(0, 0, canvas.width, canvas.height);
        context.fillStyle = getComputedStyle(canvas).color;
        const cell = canvas.width / MNIST_SIDE;
        for (let k = 0; k < x.length; k++) {
          if (x[k] === 0) continue;
          context.globalAlpha = x[k];
          context.fillRect((k % MNIST_SIDE) * cell, Math.floor(k / MNIST_SIDE) * cell, cell, cell);
        }
        context.globalAlpha = 1;
      }
      preview(x);
      q<HTMLOutputElement>('output[name=digit]').value =
        `Test digit ${testIndex + 1} of ${digits.n.toLocaleString('en')}: a ${digits.labels[testIndex]}.`;
      await predictAll(x);
    },
  };

  // For browser tests that measure the redraws.
  Object.defineProperty(widget, 'drawParts', { value: drawParts, configurable: true });
  await start(initial);
  return lab;
}
