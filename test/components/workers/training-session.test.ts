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
    // A 1-input network's grid is a line: the output at x = 0, 0.5 and 1.
    const line = ok(session.snapshot({ resolution: 3, extent: [0, 1] })).grid;
    expect(Array.from(line?.values ?? [])).toEqual(
      Array.from(ok(session.predict(Float64Array.of(0, 0.5, 1)))),
    );
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

  it('session.predict(x) gives evaluation-mode outputs for rows of the input width', async () => {
    const session = new TrainingSession(fakeClock().clock);
    expect(session.predict(new Float64Array(2))).toEqual({ ok: false, error: 'not configured' });
    const withBn: SessionConfig = {
      ...config,
      network: {
        inputs: 2,
        layers: [
          { type: 'dense', units: 4 },
          { type: 'batch-norm' },
          { type: 'activation', id: 'tanh' },
          { type: 'dropout', p: 0.5 },
          { type: 'dense', units: 1 },
        ],
      },
      grid: { resolution: 2, extent: [-2, 2] },
    };
    ok(await session.configure(withBn));
    const s = ok(session.step(5));
    // The grid's corners, row by row from the top-left: the same numbers as the grid.
    const corners = Float64Array.of(-2, 2, 2, 2, -2, -2, 2, -2);
    const y = ok(session.predict(corners));
    expect(Array.from(y)).toEqual(Array.from(s.grid?.values ?? []));
    // Evaluation mode: no dropout noise, so the same input gives the same output twice.
    expect(ok(session.predict(corners))).toEqual(y);
    // More rows than a batch (10) are done in pieces, with the same result per row.
    const many = new Float64Array(2 * 600).map((_, i) => Math.sin(i));
    const all = ok(session.predict(many));
    expect(all.length).toBe(600);
    expect(all[599]).toBe(ok(session.predict(many.subarray(2 * 599)))[0]);
    // The weights are the current ones: training changes the answer.
    ok(session.step(20));
    expect(ok(session.predict(corners))).not.toEqual(y);
    expect(session.predict(new Float64Array(3))).toEqual({
      ok: false,
      error: 'predict() needs rows of 2 inputs; a length of 3 is not a positive multiple of 2',
    });
    expect(session.predict(new Float64Array(0)).ok).toBe(false);
    expect(session.predict([1, 2] as unknown as Float64Array)).toEqual({
      ok: false,
      error: 'predict() takes a Float64Array',
    });
  });

  it('scoring: trainSamples/testSamples score the first n; every: epoch reuses scores within an epoch', async () => {
    const full = new TrainingSession(fakeClock().clock);
    const small = new TrainingSession(fakeClock().clock);
    const fullFirst = ok(await full.configure(config));
    // gauss with 40 samples: 20 to train on, 20 to test on.
    const part = ok(
      await small.configure({ ...config, scoring: { trainSamples: 5, testSamples: 99 } }),
    );
    expect(part.testLoss).toBe(fullFirst.testLoss);
    expect(part.trainLoss).not.toBe(fullFirst.trainLoss);
    expect(part.scoredStep).toBe(0);
    // All 20 training samples asked for: the same as the default.
    const all = ok(await small.configure({ ...config, scoring: { trainSamples: 20 } }));
    expect(all.trainLoss).toBe(fullFirst.trainLoss);

    const fake = fakeClock();
    const epochs = new TrainingSession(fake.clock);
    const posted: Snapshot[] = [];
    epochs.subscribe((s) => posted.push(s));
    // 200 training samples in batches of 10: an epoch is 20 steps, longer than a slice.
    const big: SessionConfig = { ...config, data: { name: 'gauss', n: 400, noise: 0 } };
    ok(await epochs.configure({ ...big, scoring: { every: 'epoch' } }));
    ok(epochs.start());
    for (let i = 0; i < 200; i++) {
      fake.advance(40);
      fake.drain(1);
    }
    const s = ok(epochs.pause());
    expect(posted.length).toBeGreaterThan(5);
    // Running snapshots carry scores from the same epoch: rescored once an epoch turns.
    const scored = (p: Snapshot) => p.scoredStep ?? Number.NaN;
    for (const p of posted) {
      expect(scored(p)).toBeLessThanOrEqual(p.step);
      expect(Math.floor(scored(p) / 20)).toBe(p.epoch);
    }
    expect(posted.some((p) => scored(p) < p.step)).toBe(true);
    const stale = posted.find((p) => scored(p) < p.step);
    const twin = posted.find((p) => p.scoredStep === stale?.scoredStep && p !== stale);
    if (twin) expect(twin.trainLoss).toBe(stale?.trainLoss);
    // pause() scores now, and the numbers are those of the whole sets.
    expect(s.scoredStep).toBe(s.step);
    const same = new TrainingSession(fakeClock().clock);
    ok(await same.configure(big));
    expect(ok(same.step(s.step)).trainLoss).toBe(s.trainLoss);

    for (const scoring of [{ trainSamples: -1 }, { testSamples: 1.5 }, { every: 'sometimes' }]) {
      const bad = await small.configure({ ...config, scoring } as SessionConfig);
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error).toMatch(/^scoring\./);
    }
  });

  it('session.testPredictions() and confusion() count the test set by true and predicted class', async () => {
    const session = new TrainingSession(fakeClock().clock);
    expect(session.confusion()).toEqual({ ok: false, error: 'not configured' });
    ok(
      await session.configure({
        ...config,
        network: mlp({ inputs: 2, hidden: [8], outputs: 3, activation: 'relu' }),
        data: { name: 'spirals-3', n: 60, noise: 0.1 },
        loss: 'softmax-cross-entropy',
      }),
    );
    const s = ok(session.step(30));
    const { classes, labels, predicted } = ok(session.testPredictions());
    expect(classes).toBe(3);
    expect(labels.length).toBe(30);
    const right = labels.filter((t, i) => t === predicted[i]).length;
    expect(right / 30).toBe(s.testAccuracy);
    const { counts } = ok(session.confusion());
    expect(counts.length).toBe(9);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(counts[0] + counts[4] + counts[8]).toBe(right);
    for (let t = 0; t < 3; t++)
      expect(counts[3 * t] + counts[3 * t + 1] + counts[3 * t + 2]).toBe(
        labels.filter((l) => l === t).length,
      );
    // ±1 labels with one output: two classes by the output's sign.
    ok(await session.configure(config));
    expect(ok(session.confusion()).classes).toBe(2);
    ok(
      await session.configure({
        ...config,
        data: { name: 'sine', n: 20, noise: 0 },
        network: mlp({ inputs: 1, hidden: [4], outputs: 1, activation: 'tanh' }),
      }),
    );
    expect(session.confusion()).toEqual({
      ok: false,
      error: 'sine-test is not a classification set',
    });
  });

  it('data.features trains on the chosen features of the points, and grids use the same', async () => {
    const session = new TrainingSession(fakeClock().clock);
    const circle: SessionConfig = {
      ...config,
      network: mlp({ inputs: 2, hidden: [], outputs: 1, activation: 'tanh' }),
      data: { name: 'circle', n: 200, noise: 0, features: ['x2sq', 'x1sq'] },
      loss: 'mse',
      optimiser: { type: 'adam', learningRate: 0.03 },
      grid: { resolution: 3, extent: [-6, 6] },
    };
    ok(await session.configure(circle));
    // A linear model of x₁² and x₂² separates the circle, which one of x₁ and x₂ cannot.
    const s = ok(session.step(400));
    expect(s.trainAccuracy).toBeGreaterThan(0.95);
    // The grid's point (−6, 6) has features (36, 36), the centre (0, 0) has (0, 0).
    const y = ok(session.predict(Float64Array.of(36, 36, 0, 0, 36, 0)));
    expect(s.grid?.values[0]).toBe(y[0]);
    expect(s.grid?.values[4]).toBe(y[1]);
    expect(s.grid?.values[1]).toBe(ok(session.predict(Float64Array.of(0, 36)))[0]);
    const plain = ok(
      await session.configure({ ...circle, data: { ...circle.data, features: undefined } }),
    );
    expect(ok(session.step(400)).trainAccuracy).toBeLessThan(0.8);
    expect(plain.step).toBe(0);
    const bad = async (data: Partial<SessionConfig['data']>, network = circle.network) =>
      session.configure({ ...circle, network, data: { ...circle.data, ...data } });
    expect(await bad({ features: ['x1', 'x3'] })).toEqual({
      ok: false,
      error: 'unknown input feature "x3" (known: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2)',
    });
    expect(await bad({ features: ['x1', 'x2', 'x1x2'] })).toEqual({
      ok: false,
      error: 'the network has 2 inputs but the data has 3 (features x1, x2, x1x2)',
    });
    expect(
      await bad(
        { name: 'sine', features: ['x1'] },
        mlp({ inputs: 1, hidden: [], outputs: 1, activation: 'tanh' }),
      ),
    ).toEqual({ ok: false, error: 'input features need a 2-input set; sine has 1' });
  });

  it('units: every hidden unit over a small grid in each snapshot; hidden(x) for any rows', async () => {
    const session = new TrainingSession(fakeClock().clock);
    const net = mlp({ inputs: 3, hidden: [4, 2], outputs: 1, activation: 'relu', output: 'tanh' });
    ok(
      await session.configure({
        ...config,
        network: net,
        data: { name: 'xor', n: 100, noise: 0, features: ['x1', 'x2', 'x1x2'] },
        units: { resolution: 5, extent: [-6, 6] },
      }),
    );
    const s = ok(session.step(3));
    // Dense 0, relu 1, dense 2, relu 3, dense 4, tanh 5: the two relu layers are hidden.
    expect(s.units?.layers.map((l) => [l.path, l.units, l.values.length])).toEqual([
      ['1', 4, 100],
      ['3', 2, 50],
    ]);
    expect(s.units?.layers.every((l) => l.values.every((v) => v >= 0))).toBe(true);
    // The grid's centre, point 12 of 25, is (0, 0): features (0, 0, 0).
    const h = ok(session.hidden(Float64Array.of(0, 0, 0, 6, -6, -36)));
    expect(Array.from(h[0].values.subarray(0, 4))).toEqual(
      Array.from(s.units?.layers[0].values.subarray(12 * 4, 13 * 4) ?? []),
    );
    expect(h[1].values.length).toBe(4);
    expect(session.hidden(Float64Array.of(1, 2)).ok).toBe(false);
    // A 1-input set: the units along a line.
    ok(
      await session.configure({
        ...config,
        network: mlp({ inputs: 1, hidden: [3], outputs: 1, activation: 'tanh' }),
        data: { name: 'abs', n: 20, noise: 0 },
        units: { resolution: 4, extent: [-3, 3] },
      }),
    );
    expect(ok(session.snapshot()).units?.layers[0].values.length).toBe(12);
    expect(session.snapshot({ resolution: 0, extent: [0, 1] })).toEqual({
      ok: false,
      error: "a grid's resolution must be a whole number from 1 to 512, not 0",
    });
  });
});
