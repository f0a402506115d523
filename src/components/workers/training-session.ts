// A training run as the page drives it through the worker: configure, step, run and pause,
// reset, read snapshots. Everything here is plain TypeScript over src/lib, so it is tested
// without a Worker; training-worker.ts only exposes it with comlink. No method throws:
// each returns { ok: false, error } instead, and a run that diverges stops with the step.

import { type Digits, loadDigits } from '../../lib/data/digits.ts';
import {
  applyFeatures,
  checkFeatures,
  type Dataset,
  type FeatureId,
  isPlain,
  makeDataset,
  oneHot,
  split,
} from '../../lib/data/index.ts';
import type { LossId } from '../../lib/nn/losses.ts';
import { Network, type NetworkConfig } from '../../lib/nn/network.ts';
import type { OptimiserConfig } from '../../lib/nn/optimisers.ts';
import { type LayerProbe, type ProbeOptions, Probes } from '../../lib/nn/probes.ts';
import { type Divergence, Trainer } from '../../lib/nn/trainer.ts';
import { seeded } from '../../lib/random/index.ts';
import {
  confusionCounts,
  type GridRequest,
  gridInputs,
  gridValues,
  type HiddenLayer,
  hiddenOutputs,
  predictedClass,
} from './grids.ts';

export type { GridRequest, HiddenLayer } from './grids.ts';

export interface SessionConfig {
  seed: number;
  network: NetworkConfig;
  /**
   * A named set made from the seed (n samples, split by trainFraction), or 'digits': the
   * first n of the 5,000 training digits (all if n is 0) and the 1,000 test digits, fetched
   * on first use (noise and trainFraction do not apply).
   */
  data: {
    name: string;
    n: number;
    noise: number;
    trainFraction?: number;
    /**
     * Input features of a 2-input set (src/lib/data/features.ts), in any order (used in
     * the canonical one); default ['x1', 'x2']. The network's inputs are these, and the
     * grids are computed on the same features of their points.
     */
    features?: string[];
  };
  loss: LossId;
  optimiser: OptimiserConfig;
  batchSize: number;
  /** Reshuffle the training samples every epoch (Playground does not). */
  shuffle?: boolean;
  /** Probes on (the default) or off, or their options. */
  probes?: boolean | ProbeOptions;
  /** A decision-boundary grid in every snapshot (a curve for a 1-input set). */
  grid?: GridRequest | null;
  /**
   * Every hidden unit's output over a grid (a line for a 1-input set) in every snapshot,
   * for thumbnails; keep the resolution small (Playground's are 10 × 10).
   */
  units?: GridRequest | null;
  /** What snapshots score and how often (default: both whole sets, every snapshot). */
  scoring?: ScoringOptions;
}

/**
 * The cost of a snapshot is scoring: a forward pass over the training and test sets. On
 * Playground's few hundred points that is nothing; on the 5,000 + 1,000 digits it is most
 * of the worker's time. These options make it cheap.
 */
export interface ScoringOptions {
  /** Score training loss and accuracy on the first n training samples (all if absent or 0). */
  trainSamples?: number;
  /** Score test loss and accuracy on the first n test samples (all if absent or 0). */
  testSamples?: number;
  /**
   * 'snapshot' (the default): every snapshot scores. 'epoch': while running, a snapshot
   * scores only when an epoch has completed since the last score, and otherwise repeats
   * the last scores (see Snapshot.scoredStep). Snapshots the caller asks for (configure,
   * reset, step, pause, snapshot) and the last one of a run always score.
   */
  every?: 'snapshot' | 'epoch';
}

export type Status = 'idle' | 'running' | 'paused' | 'diverged' | 'error';

export interface Snapshot {
  status: Status;
  step: number;
  epoch: number;
  /** Loss of the last training batch. */
  batchLoss: number;
  trainLoss: number;
  testLoss: number;
  /** Fraction classified right (null for regression). */
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /**
   * The step at which the four numbers above were computed (older than step when reused).
   * Always set by the session; optional so that snapshots other labs build need not.
   */
  scoredStep?: number;
  diverged: Divergence | null;
  error: string | null;
  probes: LayerProbe[] | null;
  /**
   * resolution² values, row by row from the top-left (y = hi): output 0, or the class; for
   * a 1-input set, resolution values from x = lo to hi.
   */
  grid: { resolution: number; extent: [number, number]; values: Float64Array } | null;
  /**
   * Each hidden layer's outputs on the points of the `units` grid, in the same order (null
   * when not asked; always set by the session, optional like scoredStep).
   */
  units?: { resolution: number; extent: [number, number]; layers: HiddenLayer[] } | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface TestPredictions {
  classes: number;
  /** The true class of every test sample, in order. */
  labels: Int32Array;
  /** The class the network predicts for each. */
  predicted: Int32Array;
}

export interface Confusion {
  classes: number;
  /** classes × classes counts, row t, column p: samples of class t predicted as p. */
  counts: Uint32Array;
}

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Where the digits come from: loadDigits() by default, a file read in tests. */
export type DigitsLoader = () => Promise<Digits>;

export interface Clock {
  now(): number;
  /**
   * Call fn soon, after pending messages (so that pause() gets in), or after about `ms`
   * milliseconds when given (a paced run waiting for its next step).
   */
  defer(fn: () => void, ms?: number): void;
}

/** Snapshots go out at most this often while running. */
export const MAX_SNAPSHOTS_PER_SECOND = 30;
/** The largest share of a running worker's time that snapshots may take. */
export const SNAPSHOT_SHARE = 0.2;
/** Work done between yields while running, in ms: how long a pause() may wait. */
export const SLICE_MS = 16;

// setTimeout rather than a MessageChannel ping: timers let pending messages (pause) in on
// every engine, where a port that keeps posting to itself can starve them (Node does).
// Browsers clamp nested timeouts to 4 ms, so slices of 16 ms keep the worker 80% busy.
function defaultClock(): Clock {
  return {
    now: () => performance.now(),
    defer: (fn, ms = 0) => {
      setTimeout(fn, ms);
    },
  };
}

interface Run {
  config: SessionConfig;
  network: Network;
  trainer: Trainer;
  probes: Probes | null;
  train: Dataset;
  test: Dataset;
  /** The input features of a 2-input set, or null for the raw inputs. */
  features: FeatureId[] | null;
  /** The last scores, reused by snapshots that do not score. */
  scores: Scores | null;
}

interface Scores {
  step: number;
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

/** Targets in the shape the network and loss need: ±1 → {0, 1} for BCE, classes → one-hot. */
function targets(data: Dataset, loss: LossId, outputs: number): Float64Array {
  if (loss === 'bce-logits' && data.task === 'classification' && outputs === 1) {
    return Float64Array.from(data.y, (t) => (t > 0 ? 1 : 0));
  }
  if (outputs === data.outputs) return data.y;
  if (data.labels && data.classes === outputs) return oneHot(data.labels, outputs);
  throw new RangeError(`the network has ${outputs} outputs but ${data.name} has ${data.outputs}`);
}

/** The first n samples of a set (all for n = 0), sharing its arrays. */
function first(data: Dataset, n: number): Dataset {
  if (!(Number.isInteger(n) && n >= 0 && n <= data.n)) {
    throw new RangeError(`${data.name} has ${data.n} samples; n = ${n} is not 0..${data.n}`);
  }
  if (n === 0 || n === data.n) return { ...data };
  const { inputs, outputs } = data;
  return {
    ...data,
    n,
    x: data.x.subarray(0, n * inputs),
    y: data.y.subarray(0, n * outputs),
    labels: data.labels?.subarray(0, n),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class TrainingSession {
  private run: Run | null = null;
  private status: Status = 'idle';
  private error: string | null = null;
  private listeners: ((snapshot: Snapshot) => void)[] = [];
  private readonly clock: Clock;
  private lastPosted = Number.NEGATIVE_INFINITY;
  private snapshotGap = 1000 / MAX_SNAPSHOTS_PER_SECOND;
  private generation = 0;
  private configurations = 0;
  private readonly loadDigits: DigitsLoader;
  private digits: Promise<Digits> | null = null;
  /** Steps per second while running, or null for as fast as the worker can. */
  private stepsPerSecond: number | null = null;
  /** When and at which step the current pace began. */
  private paceStart = { time: 0, step: 0 };

  constructor(clock: Clock = defaultClock(), digits: DigitsLoader = () => loadDigits()) {
    this.clock = clock;
    this.loadDigits = digits;
  }

  /** Receive snapshots while running (at most 30 a second, and the last one on stopping). */
  subscribe(listener: (snapshot: Snapshot) => void): void {
    this.listeners.push(listener);
  }

  /**
   * A new run (stopping the current one). Asynchronous only for the digits, fetched once
   * and kept; while they load, the session is unconfigured, and a later configure() wins.
   */
  async configure(config: SessionConfig): Promise<Result<Snapshot>> {
    this.stop('idle');
    this.run = null;
    this.error = null;
    const ticket = ++this.configurations;
    let digits: Digits | null = null;
    if (config.data?.name === 'digits') {
      try {
        this.digits ??= this.loadDigits();
        digits = await this.digits;
      } catch (error) {
        // Forget a failed load, so that the next configure() tries again.
        this.digits = null;
        return { ok: false, error: message(error) };
      }
      if (ticket !== this.configurations) {
        return { ok: false, error: 'replaced by a later configure()' };
      }
    }
    return this.guard(() => {
      this.run = this.build(config, digits);
      return this.snapshotNow();
    });
  }

  /** Rebuild from the configuration and seed: the same run from the start. */
  async reset(): Promise<Result<Snapshot>> {
    const config = this.run?.config;
    if (!config) return { ok: false, error: 'not configured' };
    return this.configure(config);
  }

  /** n updates now, then a snapshot. */
  step(n = 1): Result<Snapshot> {
    return this.guard(() => {
      const run = this.need();
      if (this.status === 'running') this.stop('paused');
      for (let i = 0; i < n && !run.trainer.diverged; i++) run.trainer.step();
      if (run.trainer.diverged) this.status = 'diverged';
      else if (this.status === 'idle') this.status = 'paused';
      return this.snapshotNow();
    });
  }

  /**
   * The pace of start(): at most `stepsPerSecond` updates a second (any positive number),
   * or null for as fast as the worker can (the default). Kept across configure() and reset;
   * a running run changes pace at once, without a new snapshot.
   */
  setSpeed(stepsPerSecond: number | null): Result<number | null> {
    return this.guard(() => {
      if (stepsPerSecond !== null && !(Number.isFinite(stepsPerSecond) && stepsPerSecond > 0)) {
        throw new RangeError(
          `steps per second must be a positive number or null, not ${stepsPerSecond}`,
        );
      }
      this.stepsPerSecond = stepsPerSecond;
      this.paceStart = { time: this.clock.now(), step: this.run?.trainer.steps ?? 0 };
      return stepsPerSecond;
    });
  }

  /** Train until pause(), divergence or an error, yielding every few milliseconds. */
  start(): Result<Status> {
    return this.guard(() => {
      const run = this.need();
      if (run.trainer.diverged) return this.status;
      if (this.status === 'running') return this.status;
      this.status = 'running';
      const generation = ++this.generation;
      this.paceStart = { time: this.clock.now(), step: run.trainer.steps };
      const slice = () => {
        if (generation !== this.generation || this.status !== 'running') return;
        try {
          const now = this.clock.now();
          const end = now + SLICE_MS;
          const rate = this.stepsPerSecond;
          // The step count the pace allows by now (no limit when unpaced).
          const due =
            rate === null
              ? Number.POSITIVE_INFINITY
              : this.paceStart.step + 1 + Math.floor((rate * (now - this.paceStart.time)) / 1000);
          if (rate !== null && run.trainer.steps >= due) {
            // Post what is new, then wait until the next step is due (at most a slice, so
            // that a new pace applies soon).
            this.post(false);
            const next =
              this.paceStart.time + ((run.trainer.steps - this.paceStart.step) * 1000) / rate;
            this.clock.defer(slice, Math.max(1, Math.min(SLICE_MS, next - now)));
            return;
          }
          do run.trainer.step();
          while (!run.trainer.diverged && run.trainer.steps < due && this.clock.now() < end);
          if (run.trainer.diverged) {
            this.status = 'diverged';
            this.post(true);
            return;
          }
          this.post(false);
          this.clock.defer(slice);
        } catch (error) {
          this.status = 'error';
          this.error = message(error);
          this.post(true);
        }
      };
      this.clock.defer(slice);
      return this.status;
    });
  }

  pause(): Result<Snapshot> {
    return this.guard(() => {
      this.need();
      if (this.status === 'running') this.stop('paused');
      return this.snapshotNow();
    });
  }

  /** The current state, with a decision grid if asked (overriding the configured one). */
  snapshot(grid?: GridRequest | null): Result<Snapshot> {
    return this.guard(() => {
      this.need();
      return this.snapshotNow(grid);
    });
  }

  private build(config: SessionConfig, digits: Digits | null): Run {
    const source = seeded(config.seed);
    const network = new Network(config.network, source);
    const { train, test } = digits
      ? { train: first(digits.train, config.data.n), test: { ...digits.test } }
      : split(
          makeDataset(config.data.name, config.data.n, config.data.noise, source),
          config.data.trainFraction ?? 0.5,
          source,
        );
    const chosen = config.data.features ? checkFeatures(config.data.features) : null;
    if (chosen && train.inputs !== 2) {
      throw new RangeError(
        `input features need a 2-input set; ${config.data.name} has ${train.inputs}`,
      );
    }
    const features = chosen && !isPlain(chosen) ? chosen : null;
    for (const part of [train, test]) {
      part.y = targets(part, config.loss, network.outputs);
      part.outputs = network.outputs;
      if (features) {
        part.x = applyFeatures(part.x, features);
        part.inputs = features.length;
      }
      if (part.inputs !== network.inputs) {
        throw new RangeError(
          `the network has ${network.inputs} inputs but the data has ${part.inputs}${features ? ` (features ${features.join(', ')})` : ''}`,
        );
      }
    }
    const probeOptions =
      config.probes === false ? null : config.probes === true ? {} : (config.probes ?? {});
    const probes = probeOptions ? new Probes(network, probeOptions) : null;
    const trainer = new Trainer({
      network,
      data: train,
      loss: config.loss,
      optimiser: config.optimiser,
      batchSize: config.batchSize,
      shuffle: config.shuffle,
      source,
      observer: probes ?? undefined,
    });
    const { scoring } = config;
    for (const key of ['trainSamples', 'testSamples'] as const) {
      const n = scoring?.[key];
      if (n !== undefined && !(Number.isInteger(n) && n >= 0)) {
        throw new RangeError(
          `scoring.${key} must be a whole number of samples (0 for all), not ${n}`,
        );
      }
    }
    if (scoring?.every !== undefined && scoring.every !== 'snapshot' && scoring.every !== 'epoch') {
      throw new RangeError(
        `scoring.every must be 'snapshot' or 'epoch', not ${String(scoring.every)}`,
      );
    }
    return { config, network, trainer, probes, train, test, features, scores: null };
  }

  private need(): Run {
    if (!this.run) throw new Error('not configured');
    return this.run;
  }

  private guard<T>(body: () => T): Result<T> {
    try {
      return { ok: true, value: body() };
    } catch (error) {
      return { ok: false, error: message(error) };
    }
  }

  private stop(status: Status): void {
    this.generation++;
    this.status = status;
  }

  // A snapshot evaluates the whole training and test sets: nothing for Playground's few
  // hundred points, but about as long as 20 training steps for the digits. So the gap
  // after a snapshot is at least SNAPSHOT_SHARE⁻¹ times what it took, keeping training
  // at 80% of the worker's time or more whatever the data.
  private post(force: boolean): void {
    const now = this.clock.now();
    if (!force && now - this.lastPosted < this.snapshotGap) return;
    this.lastPosted = now;
    const snapshot = this.snapshotNow(undefined, force);
    const cost = this.clock.now() - now;
    this.snapshotGap = Math.max(1000 / MAX_SNAPSHOTS_PER_SECOND, cost / SNAPSHOT_SHARE);
    for (const listener of this.listeners) listener(snapshot);
  }

  // One pass in batches of the training size for both loss and accuracy (the same sums as
  // Trainer.evaluate): a forward pass over all of the digits at once would grow every
  // layer's buffers to 5,000 rows (about 15 MB more).
  private score(
    data: Dataset,
    limit: number | undefined,
  ): { loss: number; accuracy: number | null } {
    const n = limit ? Math.min(limit, data.n) : data.n;
    if (n === 0) return { loss: Number.NaN, accuracy: null };
    const { network, trainer } = this.need();
    const { inputs, outputs: out } = network;
    const size = trainer.batchSize;
    const labels = data.task === 'classification' ? data.labels : undefined;
    let sum = 0;
    let right = 0;
    for (let start = 0; start < n; start += size) {
      const count = Math.min(size, n - start);
      const yhat = network.forward(
        data.x.subarray(start * inputs, (start + count) * inputs),
        false,
      );
      sum +=
        count *
        trainer.loss.evaluate(yhat, data.y.subarray(start * out, (start + count) * out), out);
      if (labels)
        for (let r = 0; r < count; r++)
          if (predictedClass(yhat, r, out) === labels[start + r]) right++;
    }
    return { loss: sum / n, accuracy: labels ? right / n : null };
  }

  private scores(force: boolean): Scores {
    const run = this.need();
    const { trainer, train, test, config } = run;
    const last = run.scores;
    if (
      last &&
      !force &&
      config.scoring?.every === 'epoch' &&
      (last.step === trainer.steps || last.epoch === trainer.epochs)
    ) {
      return last;
    }
    const a = this.score(train, config.scoring?.trainSamples);
    const b = this.score(test, config.scoring?.testSamples);
    run.scores = {
      step: trainer.steps,
      epoch: trainer.epochs,
      trainLoss: a.loss,
      testLoss: b.loss,
      trainAccuracy: a.accuracy,
      testAccuracy: b.accuracy,
    };
    return run.scores;
  }

  /**
   * Outputs of the network for rows of its input width (evaluation mode: BatchNorm's running
   * statistics, no dropout; the current weights), row after row.
   */
  predict(x: Float64Array): Result<Float64Array> {
    return this.guard(() => {
      const { network, trainer } = this.need();
      const { inputs, outputs } = network;
      this.checkRows(x, 'predict()');
      const n = x.length / inputs;
      const y = new Float64Array(n * outputs);
      const size = Math.max(trainer.batchSize, 256);
      for (let start = 0; start < n; start += size) {
        const count = Math.min(size, n - start);
        y.set(
          network.forward(x.subarray(start * inputs, (start + count) * inputs), false),
          start * outputs,
        );
      }
      return y;
    });
  }

  /**
   * Every test sample's label and the class the network predicts for it now (classification
   * only), for a confusion matrix or a list of mistakes.
   */
  testPredictions(): Result<TestPredictions> {
    return this.guard(() => {
      const { network, test } = this.need();
      if (test.task !== 'classification' || !test.labels) {
        throw new RangeError(`${test.name} is not a classification set`);
      }
      const out = network.outputs;
      const classes = test.classes ?? 2;
      const yhat = ok(this.predict(test.x));
      const predicted = new Int32Array(test.n);
      for (let r = 0; r < test.n; r++) predicted[r] = predictedClass(yhat, r, out);
      return { classes, labels: Int32Array.from(test.labels), predicted };
    });
  }

  /** The test set's confusion matrix: counts[t * classes + p] samples of class t predicted p. */
  confusion(): Result<Confusion> {
    return this.guard(() => {
      const { classes, labels, predicted } = ok(this.testPredictions());
      return { classes, counts: confusionCounts(labels, predicted, classes) };
    });
  }

  /** The network's inputs at the points of a grid (a line for a 1-input set). */
  private gridInputs(request: GridRequest): Float64Array {
    const { train, features } = this.need();
    return gridInputs(request, features ? 2 : train.inputs, features);
  }

  private grid(request: GridRequest): Snapshot['grid'] {
    const values = gridValues(this.need().network, this.gridInputs(request));
    const [lo, hi] = request.extent;
    return { resolution: request.resolution, extent: [lo, hi], values };
  }

  private hiddenOutputs(x: Float64Array): HiddenLayer[] {
    const { network, trainer } = this.need();
    return hiddenOutputs(network, x, Math.max(trainer.batchSize, 256));
  }

  /**
   * The outputs of every hidden layer (each top-level activation layer but the last layer)
   * for rows of the network's input width, in evaluation mode with the current weights:
   * for thumbnails of each unit, or the fraction of active units.
   */
  hidden(x: Float64Array): Result<HiddenLayer[]> {
    return this.guard(() => {
      this.checkRows(x, 'hidden()');
      return this.hiddenOutputs(x);
    });
  }

  private checkRows(x: Float64Array, what: string): void {
    const { inputs } = this.need().network;
    if (!(x instanceof Float64Array)) throw new TypeError(`${what} takes a Float64Array`);
    if (x.length === 0 || x.length % inputs !== 0) {
      throw new RangeError(
        `${what} needs rows of ${inputs} inputs; a length of ${x.length} is not a positive multiple of ${inputs}`,
      );
    }
  }

  private unitGrids(request: GridRequest): Snapshot['units'] {
    const layers = this.hiddenOutputs(this.gridInputs(request));
    return {
      resolution: request.resolution,
      extent: [request.extent[0], request.extent[1]],
      layers,
    };
  }

  private snapshotNow(grid?: GridRequest | null, score = true): Snapshot {
    const run = this.need();
    const { trainer, probes } = run;
    const request = grid === undefined ? run.config.grid : grid;
    const scores = this.scores(score);
    return {
      status: this.status,
      step: trainer.steps,
      epoch: trainer.epochs,
      batchLoss: trainer.lastLoss,
      trainLoss: scores.trainLoss,
      testLoss: scores.testLoss,
      trainAccuracy: scores.trainAccuracy,
      testAccuracy: scores.testAccuracy,
      scoredStep: scores.step,
      diverged: trainer.diverged,
      error: this.error,
      probes: probes && trainer.steps > 0 ? probes.read() : null,
      grid: request ? this.grid(request) : null,
      units: run.config.units ? this.unitGrids(run.config.units) : null,
    };
  }
}
