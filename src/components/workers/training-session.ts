// A training run as the page drives it through the worker: configure, step, run and pause,
// reset, read snapshots. Everything here is plain TypeScript over src/lib, so it is tested
// without a Worker; training-worker.ts only exposes it with comlink. No method throws:
// each returns { ok: false, error } instead, and a run that diverges stops with the step.

import { type Digits, loadDigits } from '../../lib/data/digits.ts';
import { type Dataset, makeDataset, oneHot, split } from '../../lib/data/index.ts';
import type { LossId } from '../../lib/nn/losses.ts';
import { Network, type NetworkConfig } from '../../lib/nn/network.ts';
import type { OptimiserConfig } from '../../lib/nn/optimisers.ts';
import { type LayerProbe, type ProbeOptions, Probes } from '../../lib/nn/probes.ts';
import { type Divergence, Trainer } from '../../lib/nn/trainer.ts';
import { seeded } from '../../lib/random/index.ts';

export interface GridRequest {
  /** Points per side. */
  resolution: number;
  /** The square [lo, hi]² the grid covers. */
  extent: [number, number];
}

export interface SessionConfig {
  seed: number;
  network: NetworkConfig;
  /**
   * A named set made from the seed (n samples, split by trainFraction), or 'digits': the
   * first n of the 5,000 training digits (all if n is 0) and the 1,000 test digits, fetched
   * on first use (noise and trainFraction do not apply).
   */
  data: { name: string; n: number; noise: number; trainFraction?: number };
  loss: LossId;
  optimiser: OptimiserConfig;
  batchSize: number;
  /** Reshuffle the training samples every epoch (Playground does not). */
  shuffle?: boolean;
  /** Probes on (the default) or off, or their options. */
  probes?: boolean | ProbeOptions;
  /** A decision-boundary grid in every snapshot (2-input networks only). */
  grid?: GridRequest | null;
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
  diverged: Divergence | null;
  error: string | null;
  probes: LayerProbe[] | null;
  /** resolution² values, row by row from the top-left (y = hi): output 0, or the class. */
  grid: { resolution: number; extent: [number, number]; values: Float64Array } | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

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
    for (const part of [train, test]) {
      part.y = targets(part, config.loss, network.outputs);
      part.outputs = network.outputs;
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
    return { config, network, trainer, probes, train, test };
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
    const snapshot = this.snapshotNow();
    const cost = this.clock.now() - now;
    this.snapshotGap = Math.max(1000 / MAX_SNAPSHOTS_PER_SECOND, cost / SNAPSHOT_SHARE);
    for (const listener of this.listeners) listener(snapshot);
  }

  // In batches of the training size, like Trainer.evaluate: a forward pass over all of the
  // digits at once would grow every layer's buffers to 5,000 rows (about 15 MB more).
  private accuracy(data: Dataset): number | null {
    if (data.task !== 'classification' || !data.labels) return null;
    const { network, trainer } = this.need();
    const { inputs, outputs: out } = network;
    const size = trainer.batchSize;
    let right = 0;
    for (let start = 0; start < data.n; start += size) {
      const count = Math.min(size, data.n - start);
      const yhat = network.forward(
        data.x.subarray(start * inputs, (start + count) * inputs),
        false,
      );
      for (let r = 0; r < count; r++) {
        let predicted = 0;
        if (out === 1) predicted = yhat[r] >= 0 ? 1 : 0;
        else
          for (let j = 1; j < out; j++)
            if (yhat[r * out + j] > yhat[r * out + predicted]) predicted = j;
        if (predicted === data.labels[start + r]) right++;
      }
    }
    return right / data.n;
  }

  private grid(request: GridRequest): Snapshot['grid'] {
    const { network } = this.need();
    if (network.inputs !== 2) throw new RangeError('a decision grid needs a network with 2 inputs');
    const { resolution, extent } = request;
    const [lo, hi] = extent;
    const x = new Float64Array(2 * resolution * resolution);
    const step = resolution > 1 ? (hi - lo) / (resolution - 1) : 0;
    for (let r = 0; r < resolution; r++) {
      for (let c = 0; c < resolution; c++) {
        const k = r * resolution + c;
        x[2 * k] = lo + c * step;
        x[2 * k + 1] = hi - r * step;
      }
    }
    const yhat = network.forward(x, false);
    const out = network.outputs;
    const values = new Float64Array(resolution * resolution);
    for (let k = 0; k < values.length; k++) {
      if (out === 1) {
        values[k] = yhat[k];
      } else {
        let best = 0;
        for (let j = 1; j < out; j++) if (yhat[k * out + j] > yhat[k * out + best]) best = j;
        values[k] = best;
      }
    }
    return { resolution, extent: [lo, hi], values };
  }

  private snapshotNow(grid?: GridRequest | null): Snapshot {
    const run = this.need();
    const { trainer, probes, train, test } = run;
    const request = grid === undefined ? run.config.grid : grid;
    return {
      status: this.status,
      step: trainer.steps,
      epoch: trainer.epochs,
      batchLoss: trainer.lastLoss,
      trainLoss: trainer.evaluate(train),
      testLoss: test.n > 0 ? trainer.evaluate(test) : Number.NaN,
      trainAccuracy: this.accuracy(train),
      testAccuracy: test.n > 0 ? this.accuracy(test) : null,
      diverged: trainer.diverged,
      error: this.error,
      probes: probes && trainer.steps > 0 ? probes.read() : null,
      grid: request ? this.grid(request) : null,
    };
  }
}
