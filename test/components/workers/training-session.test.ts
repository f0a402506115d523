import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Clock,
  type SessionConfig,
  type Snapshot,
  TrainingSession,
} from '../../../src/components/workers/training-session.ts';
import { parseDigits } from '../../../src/lib/data/digits.ts';
import { mlp } from '../../../src/lib/nn/network.ts';

const digitsFile = new URL('../../../public/data/digits.bin', import.meta.url);
/** The digits from disk, as loadDigits() gets them in a page, counting the loads. */
function diskDigits() {
  const loads = { count: 0 };
  const load = async () => {
    loads.count++;
    return parseDigits(readFileSync(digitsFile));
  };
  return { load, loads };
}

const digitsConfig: SessionConfig = {
  seed: 3,
  network: mlp({ inputs: 784, hidden: [32], outputs: 10, activation: 'relu', init: 'he-normal' }),
  data: { name: 'digits', n: 1000, noise: 0 },
  loss: 'softmax-cross-entropy',
  optimiser: { type: 'adam', learningRate: 0.003 },
  batchSize: 32,
  shuffle: true,
};

/** A clock that advances 1 ms per reading and runs deferred work only when asked. */
function fakeClock() {
  let t = 0;
  const queue: (() => void)[] = [];
  const clock: Clock = {
    now: () => t++,
    defer: (fn) => {
      queue.push(fn);
    },
  };
  return {
    clock,
    /** Run deferred slices until none is left or `limit` have run. */
    drain(limit = 1000) {
      let n = 0;
      while (queue.length > 0 && n++ < limit) queue.shift()?.();
      return n;
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

const config: SessionConfig = {
  seed: 1,
  network: mlp({
    inputs: 2,
    hidden: [4],
    outputs: 1,
    activation: 'tanh',
    output: 'tanh',
    init: 'playground',
  }),
  data: { name: 'gauss', n: 40, noise: 0 },
  loss: 'half-mse',
  optimiser: { type: 'sgd', learningRate: 0.03 },
  batchSize: 10,
};

function ok<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('TrainingSession', () => {
  it('await session.configure(config) then step(n) trains and reports losses, accuracy and probes', async () => {
    const session = new TrainingSession(fakeClock().clock);
    const first = ok(await session.configure(config));
    expect([first.status, first.step, first.probes]).toEqual(['idle', 0, null]);
    const after = ok(session.step(8));
    expect([after.status, after.step, after.epoch]).toEqual(['paused', 8, 4]);
    expect(after.trainLoss).toBeLessThan(first.trainLoss);
    expect(after.trainAccuracy).toBeGreaterThan(0.9);
    expect(after.testAccuracy).toBeGreaterThan(0.9);
    expect(after.probes?.map((p) => p.path)).toEqual(['0', '1', '2', '3']);
  });

  it('await session.reset() replays the same run from the seed', async () => {
    const session = new TrainingSession(fakeClock().clock);
    ok(await session.configure(config));
    const a = ok(session.step(5));
    ok(await session.reset());
    const b = ok(session.step(5));
    expect(b.trainLoss).toBe(a.trainLoss);
    expect(b.step).toBe(5);
  });

  it('session.start() trains in slices, posts at most 30 snapshots a second, and pause() stops it', async () => {
    const { clock, drain, advance } = fakeClock();
    const session = new TrainingSession(clock);
    const posted: Snapshot[] = [];
    session.subscribe((s) => posted.push(s));
    ok(await session.configure(config));
    expect(ok(session.start())).toBe('running');
    expect(ok(session.start())).toBe('running');
    drain(2);
    // Slices of 16 ms: the first posts, the second comes within 33 ms of it.
    expect(posted.length).toBe(1);
    advance(40);
    drain(1);
    expect(posted.length).toBe(2);
    expect(posted[1].step).toBeGreaterThan(posted[0].step);
    const paused = ok(session.pause());
    expect(paused.status).toBe('paused');
    expect(drain()).toBeLessThanOrEqual(1);
    expect(ok(session.snapshot()).step).toBe(paused.step);
  });

  it('session.setSpeed(n) paces a run at n steps a second; null lifts the limit', async () => {
    // A clock that moves only between slices, by the wait each one asks for.
    let t = 0;
    const queue: { fn: () => void; ms: number }[] = [];
    const clock: Clock = { now: () => t, defer: (fn, ms = 0) => void queue.push({ fn, ms }) };
    const run = (until: number) => {
      while (t < until && queue.length > 0) {
        const next = queue.shift() as { fn: () => void; ms: number };
        t += Math.max(1, next.ms);
        next.fn();
      }
    };
    const session = new TrainingSession(clock);
    const posted: Snapshot[] = [];
    session.subscribe((s) => posted.push(s));
    ok(await session.configure(config));
    expect(session.setSpeed(0)).toEqual({ ok: false, error: expect.stringMatching(/positive/) });
    expect(session.setSpeed(Number.NaN).ok).toBe(false);
    expect(ok(session.setSpeed(100))).toBe(100);
    ok(session.start());
    run(1000);
    const after1s = ok(session.snapshot()).step;
    expect(after1s).toBeGreaterThanOrEqual(99);
    expect(after1s).toBeLessThanOrEqual(102);
    // Slices wait rather than spin: a few hundred in a second, not thousands.
    expect(posted.length).toBeGreaterThan(10);
    expect(posted.at(-1)?.step).toBeGreaterThan(90);
    // A new pace applies at once, from where the run is.
    ok(session.setSpeed(10));
    run(2000);
    const after2s = ok(session.snapshot()).step;
    expect(after2s - after1s).toBeGreaterThanOrEqual(9);
    expect(after2s - after1s).toBeLessThanOrEqual(12);
    ok(session.pause());
    // The pace is kept across a new configuration; null is as fast as the worker can.
    ok(await session.configure(config));
    expect(ok(session.setSpeed(null))).toBeNull();
    const fast = fakeClock();
    const unpaced = new TrainingSession(fast.clock);
    ok(await unpaced.configure(config));
    ok(unpaced.start());
    fast.drain(1);
    expect(ok(unpaced.snapshot()).step).toBeGreaterThan(5);
  });

  it('a diverging run stops with status "diverged" and the step', async () => {
    const { clock, drain } = fakeClock();
    const session = new TrainingSession(clock);
    const posted: Snapshot[] = [];
    session.subscribe((s) => posted.push(s));
    ok(
      await session.configure({
        ...config,
        optimiser: { type: 'sgd', learningRate: 1e200 },
        loss: 'mse',
        network: mlp({ inputs: 2, hidden: [4], outputs: 1, activation: 'relu' }),
      }),
    );
    ok(session.start());
    drain();
    const last = posted[posted.length - 1];
    expect(last.status).toBe('diverged');
    expect(last.diverged?.step).toBe(last.step);
    expect(ok(session.start())).toBe('diverged');
    expect(ok(session.step(3)).step).toBe(last.step);
  });

  it('session methods return errors instead of throwing', async () => {
    const session = new TrainingSession(fakeClock().clock);
    expect(session.step(1)).toEqual({ ok: false, error: 'not configured' });
    expect(await session.reset()).toEqual({ ok: false, error: 'not configured' });
    expect(session.pause().ok).toBe(false);
    expect(session.start().ok).toBe(false);
    const bad = await session.configure({ ...config, data: { name: 'iris', n: 10, noise: 0 } });
    expect(bad.ok).toBe(false);
    expect(
      (
        await session.configure({
          ...config,
          network: mlp({ inputs: 2, hidden: [], outputs: 3, activation: 'relu' }),
        })
      ).ok,
    ).toBe(false);
  });

  it('session.snapshot(grid) evaluates the decision grid over a square', async () => {
    const session = new TrainingSession(fakeClock().clock);
    ok(await session.configure({ ...config, grid: { resolution: 3, extent: [-6, 6] } }));
    const s = ok(session.step(20));
    expect(s.grid?.values.length).toBe(9);
    // The top-left corner (−6, 6) and the bottom-right (6, −6) lie between the two clouds.
    const g = ok(session.snapshot({ resolution: 2, extent: [-2, 2] })).grid;
    expect(g?.values[0]).toBeLessThan(g?.values[1] ?? 0);
    expect(ok(session.snapshot(null)).grid).toBeNull();
  });

  it('sessions with softmax over k-class spirals and BCE over ±1 labels convert targets', async () => {
    const session = new TrainingSession(fakeClock().clock);
    const k = ok(
      await session.configure({
        ...config,
        network: mlp({ inputs: 2, hidden: [8], outputs: 3, activation: 'relu' }),
        data: { name: 'spirals-3', n: 60, noise: 0.1 },
        loss: 'softmax-cross-entropy',
        probes: false,
        grid: { resolution: 2, extent: [-1, 1] },
      }),
    );
    expect(k.trainAccuracy).toBeGreaterThanOrEqual(0);
    expect(ok(session.step(2)).probes).toBeNull();
    expect(k.grid?.values.every((v) => [0, 1, 2].includes(v))).toBe(true);
    const bce = ok(
      await session.configure({
        ...config,
        loss: 'bce-logits',
        network: mlp({ inputs: 2, hidden: [4], outputs: 1, activation: 'relu' }),
      }),
    );
    expect(bce.trainLoss).toBeGreaterThan(0);
    const regression = ok(
      await session.configure({
        ...config,
        data: { name: 'sine', n: 20, noise: 0 },
        network: mlp({ inputs: 1, hidden: [4], outputs: 1, activation: 'tanh' }),
      }),
    );
    expect(regression.trainAccuracy).toBeNull();
    expect(session.snapshot({ resolution: 2, extent: [0, 1] }).ok).toBe(false);
  });

  it('new TrainingSession() runs on real timers until paused', async () => {
    const session = new TrainingSession();
    ok(await session.configure(config));
    ok(session.start());
    await new Promise((resolve) => setTimeout(resolve, 40));
    const s = ok(session.pause());
    expect(s.status).toBe('paused');
    expect(s.step).toBeGreaterThan(0);
  });

  it('an error inside a running slice stops the run with status "error" and its message', async () => {
    const { clock, drain } = fakeClock();
    const session = new TrainingSession(clock);
    const posted: Snapshot[] = [];
    session.subscribe((s) => posted.push(s));
    // BatchNorm cannot train on batches of one sample.
    ok(
      await session.configure({
        ...config,
        batchSize: 1,
        network: {
          inputs: 2,
          layers: [
            { type: 'dense', units: 2 },
            { type: 'batch-norm' },
            { type: 'dense', units: 1 },
          ],
        },
      }),
    );
    expect(session.step(1)).toEqual({
      ok: false,
      error: 'batch-norm: training needs more than one sample per batch',
    });
    ok(session.start());
    drain();
    expect(posted.at(-1)?.status).toBe('error');
    expect(posted.at(-1)?.error).toMatch(/more than one sample/);
  });

  it('a digits session loads the digits once and learns them', async () => {
    const { load, loads } = diskDigits();
    const session = new TrainingSession(fakeClock().clock, load);
    const first = ok(await session.configure(digitsConfig));
    // Ten classes at random: about 10% right before training.
    expect(first.testAccuracy).toBeLessThan(0.3);
    const trained = ok(session.step(32 * 3));
    expect(trained.epoch).toBe(3);
    expect(trained.trainLoss).toBeLessThan(first.trainLoss);
    expect(trained.testAccuracy).toBeGreaterThan(0.8);
    ok(await session.reset());
    expect(ok(session.step(32 * 3)).testLoss).toBe(trained.testLoss);
    ok(await session.configure({ ...digitsConfig, data: { name: 'digits', n: 0, noise: 0 } }));
    expect(loads.count).toBe(1);
    const bad = await session.configure({
      ...digitsConfig,
      data: { name: 'digits', n: 9000, noise: 0 },
    });
    expect(bad).toEqual({
      ok: false,
      error: 'digits-train has 5000 samples; n = 9000 is not 0..5000',
    });
  }, 30_000);

  it('a failed digits load is reported, retried on the next configure, and a later configure wins', async () => {
    let fail = true;
    const { load } = diskDigits();
    const session = new TrainingSession(fakeClock().clock, () =>
      fail ? Promise.reject(new Error('digits: /data/digits.bin answered 404')) : load(),
    );
    expect(await session.configure(digitsConfig)).toEqual({
      ok: false,
      error: 'digits: /data/digits.bin answered 404',
    });
    expect(session.step(1)).toEqual({ ok: false, error: 'not configured' });
    fail = false;
    const slow = session.configure(digitsConfig);
    const quick = await session.configure(config);
    expect(await slow).toEqual({ ok: false, error: 'replaced by a later configure()' });
    expect(ok(session.step(1)).step).toBe(1);
    expect(quick.ok).toBe(true);
  }, 30_000);

  it('while running, snapshots that take long are spaced to use at most a fifth of the time', async () => {
    // Every clock reading advances 100 ms, so a snapshot seems to cost 100 ms: the next may
    // come 500 ms later, not 33 ms; each slice (about 300 ms here) may not post.
    let t = 0;
    const queue: (() => void)[] = [];
    const session = new TrainingSession({
      now: () => (t += 100),
      defer: (fn) => {
        queue.push(fn);
      },
    });
    const times: number[] = [];
    session.subscribe(() => times.push(t));
    ok(await session.configure(config));
    ok(session.start());
    for (let i = 0; i < 20 && queue.length > 0; i++) queue.shift()?.();
    expect(times.length).toBeGreaterThan(3);
    expect(times.length).toBeLessThan(12);
    for (let k = 1; k < times.length; k++)
      expect(times[k] - times[k - 1]).toBeGreaterThanOrEqual(500);
  });
});
