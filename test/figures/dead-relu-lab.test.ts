import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  checkDeadReluLabProps,
  type DeadReluLabState,
  type DrHistory,
  deadFigure,
  describeCause,
  describeNetwork,
  describeRuns,
  drAppend,
  drDeadFromProbes,
  drDeadNow,
  drDefaults,
  drEpochPoint,
  drInitialHistories,
  drInitialPoint,
  drLossDomain,
  drNetworkConfig,
  drRateLabels,
  drRows,
  drRun,
  drSessionConfig,
  drStepsPerEpoch,
  drTotalText,
  drTrain,
  drVariants,
  fmt,
  formatDeadReluLabState,
  lossFigure,
  parseDeadReluLabState,
  signed,
} from '../../src/components/figures/dead-relu-lab.ts';
import { renderToString } from '../../src/components/figures/render.ts';
import { type Snapshot, TrainingSession } from '../../src/components/workers/training-session.ts';
import { Dense } from '../../src/lib/nn/dense.ts';
import { normaliseSvg } from './snapshot.ts';

const small: DeadReluLabState = { ...drDefaults, layers: 3, units: 8, epochs: 20 };

function snapshotOf(session: TrainingSession, steps: number): Snapshot {
  const r = session.step(steps);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('state', () => {
  it('round-trips through the URL form', () => {
    const state: DeadReluLabState = {
      cause: 'bias',
      bias: -2,
      dataset: 'spiral',
      layers: 4,
      units: 32,
      learningRate: 3,
      fixLearningRate: 0.03,
      epochs: 100,
      seed: 7,
    };
    const params = new URLSearchParams(formatDeadReluLabState(state, 'dr-'));
    expect(parseDeadReluLabState(params, 'dr-')).toEqual({ state, problems: [] });
  });

  it('keeps what is valid, clamps what it can and says what was wrong', () => {
    const params = new URLSearchParams(
      'x-data=moons&x-layers=9&x-units=5&x-lr=2&x-fix=1&x-epochs=7&x-seed=-1',
    );
    const { state, problems } = parseDeadReluLabState(params, 'x-');
    expect(state).toEqual({ ...drDefaults, layers: 6 });
    expect(problems).toHaveLength(7);
    expect(problems.join(' ')).toContain('Unknown data set "moons"');
    expect(problems.join(' ')).toContain(
      'Hidden layers must be a whole number from 2 to 6; showing 6.',
    );
    expect(problems.join(' ')).toContain(
      'Units per layer must be one of 4, 8, 16, 32; showing 16.',
    );
    const fraction = parseDeadReluLabState(new URLSearchParams('layers=2.5&seed='), '');
    expect(fraction.state.layers).toBe(drDefaults.layers);
    expect(fraction.problems).toHaveLength(2);
    expect(parseDeadReluLabState(new URLSearchParams('layers=1'), '').state.layers).toBe(2);
  });

  it('reads the cause and the starting bias, a bad one giving a message and the default', () => {
    const good = parseDeadReluLabState(new URLSearchParams('dr-cause=bias&dr-bias=-0.5'), 'dr-');
    expect(good).toEqual({ state: { ...drDefaults, cause: 'bias', bias: -0.5 }, problems: [] });
    const bad = parseDeadReluLabState(new URLSearchParams('dr-cause=init&dr-bias=-3'), 'dr-');
    expect(bad.state).toEqual(drDefaults);
    expect(bad.problems).toEqual([
      'The cause must be "rate" or "bias"; got "init", showing "rate".',
      'The starting bias must be one of -0.5, -1, -2; showing -1.',
    ]);
    // An old link, without the new keys, is the rate cause as before.
    const old = parseDeadReluLabState(new URLSearchParams('dr-lr=3&dr-seed=2'), 'dr-');
    expect(old.state).toEqual({ ...drDefaults, learningRate: 3, seed: 2 });
    expect(old.state.cause).toBe('rate');
    expect(formatDeadReluLabState(drDefaults, 'dr-')).toMatchObject({
      'dr-cause': 'rate',
      'dr-bias': '-1',
    });
  });

  it('checks props, naming the bad one', () => {
    expect(checkDeadReluLabProps(drDefaults)).toBeNull();
    const bad: [Partial<DeadReluLabState>, string][] = [
      [{ dataset: 'moons' as never }, 'dataset'],
      [{ layers: 7 }, 'layers'],
      [{ units: 5 }, 'units'],
      [{ learningRate: 2 }, 'learningRate'],
      [{ fixLearningRate: 1 }, 'fixLearningRate'],
      [{ epochs: 10 }, 'epochs'],
      [{ seed: 1.5 }, 'seed'],
      [{ cause: 'init' as never }, 'cause'],
      [{ bias: -3 }, 'bias'],
    ];
    for (const [change, name] of bad) {
      expect(checkDeadReluLabProps({ ...drDefaults, ...change })).toMatch(new RegExp(`^${name} `));
    }
  });

  it('describes five runs: four at the problem rate, ReLU with He at the lower one', () => {
    const v = drVariants({ ...drDefaults, learningRate: 3, fixLearningRate: 0.03 });
    expect(v.map((x) => x.id)).toEqual(['relu', 'leaky-relu', 'prelu', 'elu', 'he']);
    expect(v.map((x) => x.learningRate)).toEqual([3, 3, 3, 3, 0.03]);
    expect(v.map((x) => x.init)).toEqual([...Array(4).fill('glorot-uniform'), 'he-uniform']);
    expect(drStepsPerEpoch()).toBe(20);
    // The rate cause leaves the biases to the initialiser (no bias key anywhere).
    for (const x of v) expect(x.bias).toBeUndefined();
    for (const x of v) {
      for (const layer of drNetworkConfig(drDefaults, x).layers)
        expect(layer).not.toHaveProperty('bias');
    }
  });

  it('describes the bias cause: four activations at the bias, ReLU with He at 0, one rate', () => {
    const state: DeadReluLabState = {
      ...drDefaults,
      cause: 'bias',
      bias: -2,
      fixLearningRate: 0.03,
    };
    const v = drVariants(state);
    expect(v.map((x) => x.id)).toEqual(['relu', 'leaky-relu', 'prelu', 'elu', 'he']);
    expect(v.map((x) => x.bias)).toEqual([-2, -2, -2, -2, 0]);
    expect(v.map((x) => x.learningRate)).toEqual([0.03, 0.03, 0.03, 0.03, 0.03]);
    expect(v.map((x) => x.init)).toEqual([...Array(4).fill('glorot-uniform'), 'he-uniform']);
    expect(v[4].label).toBe('ReLU, He, bias 0');
    const config = drNetworkConfig(state, v[0]);
    const dense = config.layers.filter((l) => l.type === 'dense');
    expect(dense.slice(0, -1).map((l) => (l as { bias?: number }).bias)).toEqual(Array(6).fill(-2));
    expect(dense.at(-1)).not.toHaveProperty('bias');
    expect(describeCause(state)).toBe(
      'Cause: negative starting biases. ReLU, Leaky ReLU, PReLU and ELU start from the same Glorot uniform weights with every hidden bias at −2; the fifth run is ReLU with He uniform weights and biases at 0; all train at rate 0.03.',
    );
    expect(describeCause(drDefaults)).toMatch(
      /^Cause: a high learning rate\. .* rate 1; .* rate 0\.1\.$/,
    );
    expect(drRateLabels(state).fix).toBe('Learning rate (all runs)');
    expect(drRateLabels(drDefaults).fix).toBe('Lower rate (He run)');
    expect(signed(-0.5)).toBe('−0.5');
    expect(signed(0)).toBe('0');
  });
});

describe('runs', () => {
  const weights = (state: DeadReluLabState, i: number) =>
    drRun(state, drVariants(state)[i])
      .network.layers.filter((l): l is Dense => l instanceof Dense)
      .map((d) => Array.from(d.weight));

  it('share the data and, for the four activations, the initial weights', () => {
    const runs = drVariants(drDefaults).map((v) => drRun(drDefaults, v));
    for (const run of runs.slice(1)) {
      expect(run.train.x).toEqual(runs[0].train.x);
      expect(run.test.y).toEqual(runs[0].test.y);
    }
    const relu = weights(drDefaults, 0);
    for (const i of [1, 2, 3]) expect(weights(drDefaults, i)).toEqual(relu);
    // He uniform draws the same uniforms as Glorot uniform, scaled by √((in + out) / in).
    const he = weights(drDefaults, 4);
    const fanIn = [2, 16, 16, 16, 16, 16, 16];
    const fanOut = [16, 16, 16, 16, 16, 16, 1];
    he.forEach((layer, k) => {
      const scale = Math.sqrt((fanIn[k] + fanOut[k]) / fanIn[k]);
      layer.forEach((w, j) => {
        expect(w).toBeCloseTo(relu[k][j] * scale, 12);
      });
    });
  });

  it('start the bias cause with every hidden bias at the chosen value, weights unchanged', () => {
    const state: DeadReluLabState = { ...drDefaults, cause: 'bias', bias: -1 };
    const variants = drVariants(state);
    for (const [i, v] of variants.entries()) {
      const dense = drRun(state, v).network.layers.filter((l): l is Dense => l instanceof Dense);
      for (const d of dense.slice(0, -1)) expect([...d.bias]).toEqual(Array(16).fill(v.bias));
      expect([...(dense.at(-1) as Dense).bias]).toEqual([0]);
      // Same seed, same draws: only the biases differ from the rate cause's runs.
      expect(weights(state, i)).toEqual(weights(drDefaults, i));
    }
  });

  it('show the negative bias killing ReLU units from the start, Leaky ReLU with none', () => {
    const state: DeadReluLabState = { ...drDefaults, cause: 'bias' };
    const histories = drTrain(state, 5);
    const total = (p: { dead: number[] } | undefined) => (p?.dead ?? []).reduce((a, b) => a + b, 0);
    const byId = Object.fromEntries(histories.map((h) => [h.id, h]));
    // Measured with seed 1 on the circle: 82 of 96 dead before training, and still after.
    expect(total(byId.relu.points[0])).toBe(82);
    expect(total(byId.relu.points.at(-1))).toBe(82);
    expect(byId.relu.points.at(-1)?.trainLoss).toBeCloseTo(Math.LN2, 2);
    for (const id of ['leaky-relu', 'prelu', 'elu']) {
      for (const p of byId[id].points) expect(total(p)).toBe(0);
    }
    expect(total(byId.he.points[0])).toBe(5);
    expect(histories.every((h) => h.diverged === null)).toBe(true);
    const rows = drRows(state, histories);
    expect(rows[0].setting).toBe('Glorot uniform, bias −1, rate 0.1');
    expect(rows[4].setting).toBe('He uniform, bias 0, rate 0.1');
    expect(describeRuns(state, histories)).toContain('Cause: negative starting biases.');
  });

  it('are the runs the worker trains, bit for bit', async () => {
    for (const variant of drVariants(small)) {
      const session = new TrainingSession();
      const configured = await session.configure(drSessionConfig(small, variant));
      expect(configured.ok).toBe(true);
      const run = drRun(small, variant);
      let history: DrHistory = { id: variant.id, points: [drInitialPoint(run)], diverged: null };
      for (let e = 1; e <= 3; e++) {
        const s = snapshotOf(session, drStepsPerEpoch());
        history = drAppend(history, s, small.units);
        run.trainer.epoch();
        // PReLU diverges in epoch 2 at this rate: both sides must say so at the same step.
        if (run.trainer.diverged) expect(history.diverged).toEqual(run.trainer.diverged);
        else expect(history.points.at(-1)).toEqual(drEpochPoint(run));
      }
      const epochs = history.points.map((p) => p.epoch);
      expect(epochs).toEqual(variant.id === 'prelu' ? [0, 1] : [0, 1, 2, 3]);
    }
  });

  it('are, for the bias cause too, the runs the worker trains', async () => {
    const state: DeadReluLabState = { ...small, cause: 'bias', bias: -0.5 };
    for (const variant of drVariants(state)) {
      const session = new TrainingSession();
      expect((await session.configure(drSessionConfig(state, variant))).ok).toBe(true);
      const run = drRun(state, variant);
      const history = drAppend(
        { id: variant.id, points: [drInitialPoint(run)], diverged: null },
        snapshotOf(session, drStepsPerEpoch()),
        state.units,
      );
      run.trainer.epoch();
      expect(history.points.at(-1)).toEqual(drEpochPoint(run));
    }
  });

  it('count a unit dead when it is 0 on every training point', () => {
    const run = drRun(small, drVariants(small)[0]);
    expect(drDeadNow(run)).toHaveLength(3);
    const second = run.network.layers[2] as Dense;
    second.bias.fill(-1e6);
    const dead = drDeadNow(run);
    expect(dead[1]).toBe(8);
    // Nothing reaches layer 3 but its biases (0): every unit there outputs exactly 0 too.
    expect(dead[2]).toBe(8);
    const elu = drRun(small, drVariants(small)[3]);
    (elu.network.layers[2] as Dense).bias.fill(-1e6);
    expect(drDeadNow(elu)[1]).toBe(0);
  });

  it('show the high rate killing ReLU units and the fixes removing them', () => {
    const histories = drTrain(drDefaults, 10);
    const total = (h: DrHistory) => (h.points.at(-1)?.dead ?? []).reduce((a, b) => a + b, 0);
    const byId = Object.fromEntries(histories.map((h) => [h.id, h]));
    expect(total(byId.relu)).toBeGreaterThan(40);
    expect(byId.relu.points).toHaveLength(11);
    expect(total(byId.he)).toBeLessThan(10);
    expect(byId.he.points.at(-1)?.trainLoss).toBeLessThan(0.3);
    for (const id of ['leaky-relu', 'prelu', 'elu']) expect(total(byId[id])).toBe(0);
    // PReLU and ELU diverge at this rate with this seed.
    expect(byId.prelu.diverged?.step).toBe(72);
    expect(byId.elu.diverged?.step).toBe(61);
  });
});

describe('drAppend(history, snapshot)', () => {
  const base: DrHistory = {
    id: 'relu',
    points: [{ epoch: 0, step: 0, trainLoss: 1, testLoss: 1, testAccuracy: 0.5, dead: [0, 0] }],
    diverged: null,
  };
  const probe = (deadEpoch: number | null) => ({
    path: '1',
    type: 'activation',
    inputGradNorm: 1,
    activation: {
      mean: 0,
      std: 1,
      histogram: { lo: -4, hi: 4, counts: [], below: 0, above: 0 },
      saturated: 0,
      deadBatch: 0,
      deadEpoch,
    },
  });
  const snap = (over: Partial<Snapshot>): Snapshot => ({
    status: 'paused',
    step: 20,
    epoch: 1,
    batchLoss: 0.5,
    trainLoss: 0.5,
    testLoss: 0.6,
    trainAccuracy: 0.7,
    testAccuracy: 0.6,
    diverged: null,
    error: null,
    probes: [probe(0.25), { path: '2', type: 'dense', inputGradNorm: 1 }, probe(0.5)],
    grid: null,
    ...over,
  });

  it('adds an epoch with dead counts from the epoch-level probe', () => {
    const next = drAppend(base, snap({}), 8);
    expect(next.points.at(-1)).toEqual({
      epoch: 1,
      step: 20,
      trainLoss: 0.5,
      testLoss: 0.6,
      testAccuracy: 0.6,
      dead: [2, 4],
    });
    // The same epoch again, or an older one, changes nothing.
    expect(drAppend(next, snap({ step: 25 }), 8)).toBe(next);
  });

  it('keeps the first divergence and ignores snapshots without epoch probes', () => {
    const d = { step: 33, reason: 'loss' as const, detail: 'NaN' };
    const diverged = drAppend(base, snap({ diverged: d }), 8);
    expect(diverged.diverged).toEqual(d);
    expect(drAppend(diverged, snap({ diverged: { ...d, step: 40 } }), 8)).toBe(diverged);
    expect(drAppend(base, snap({ probes: null }), 8)).toBe(base);
    expect(drAppend(base, snap({ probes: [probe(null)] }), 8)).toBe(base);
    expect(drDeadFromProbes([probe(Number.NaN)], 8)).toBeNull();
  });
});

describe('words', () => {
  it('formats numbers briefly', () => {
    expect(fmt(0.12345)).toBe('0.123');
    expect(fmt(0.00012)).toBe('1.2e-4');
    expect(fmt(2e6)).toBe('2.0e+6');
    expect(fmt(0)).toBe('0');
    expect(fmt(Number.NaN)).toBe('NaN');
  });

  it('says what the runs are and where they stand', () => {
    expect(describeNetwork(small)).toBe(
      'a 2-8-8-8-1 network on the circle data (200 training points, batches of 10, plain SGD, seed 1)',
    );
    const initial = drInitialHistories(small);
    expect(describeRuns(small, initial)).toMatch(
      /before training; press Play to train each for 20 epochs\./,
    );
    const rows = drRows(small, initial);
    expect(rows[0].epoch).toBe('0');
    expect(rows[4].setting).toBe('He uniform, rate 0.1');
    const missing = drRows(small, []);
    expect(missing[0]).toMatchObject({ epoch: '–', dead: '–', trainLoss: '–' });
    const trained = drTrain({ ...small, learningRate: 3 }, 3);
    const text = describeRuns({ ...small, learningRate: 3 }, trained);
    expect(text).toMatch(/^Five runs of a 2-8-8-8-1 network/);
    expect(text).toMatch(/diverged at step \d+ after epoch \d/);
  });
});

describe('figures', () => {
  it('draw the untrained runs', async () => {
    const histories = drInitialHistories(drDefaults);
    const dead = deadFigure(drDefaults, histories);
    expect(dead.ariaDescription).toContain('before training');
    await expect(normaliseSvg(renderToString(dead))).toMatchFileSnapshot(
      '../output/dead-relu-lab-dead-initial.svg',
    );
    await expect(
      normaliseSvg(renderToString(lossFigure(drDefaults, histories))),
    ).toMatchFileSnapshot('../output/dead-relu-lab-loss-initial.svg');
  });

  it('draw trained runs, diverged ones marked', async () => {
    const state = { ...small, learningRate: 3 };
    const histories = drTrain(state, 20);
    expect(histories.some((h) => h.diverged)).toBe(true);
    const svg = renderToString(deadFigure(state, histories, 400));
    expect(svg).toContain('diverged (step');
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../output/dead-relu-lab-dead-trained.svg');
    const loss = lossFigure(state, histories, 400);
    const [lo, hi] = drLossDomain;
    expect(loss.y?.domain).toEqual([lo, hi]);
    await expect(normaliseSvg(renderToString(loss))).toMatchFileSnapshot(
      '../output/dead-relu-lab-loss-trained.svg',
    );
  });

  it('draw the bias cause before training', async () => {
    const state: DeadReluLabState = { ...drDefaults, cause: 'bias' };
    const dead = deadFigure(state, drInitialHistories(state));
    expect(dead.ariaDescription).toContain('every hidden bias at −1');
    expect(dead.ariaDescription).toContain('ReLU (Glorot uniform, bias −1, rate 0.1): epoch 0');
    const svg = renderToString(dead);
    expect(svg).toContain('82/96 dead');
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../output/dead-relu-lab-dead-bias.svg');
  });

  it('draw a cell per layer and epoch, and the total of each panel', () => {
    const histories = drTrain(small, 4);
    const svg = renderToString(deadFigure(small, histories, 480));
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const panels = document.querySelectorAll('g.nl-dead-cells');
    expect(panels).toHaveLength(5);
    histories.forEach((h, i) => {
      const rects = panels[i].querySelectorAll('rect');
      expect(rects).toHaveLength(h.points.length * small.layers);
      h.points.forEach((p, k) => {
        p.dead.forEach((d, layer) => {
          const rect = rects[k * small.layers + layer];
          expect(Number(rect.getAttribute('fill-opacity'))).toBeCloseTo(d / small.units, 6);
        });
      });
    });
    const totals = document.querySelectorAll('g.nl-dead-totals text');
    expect([...totals].map((t) => t.textContent)).toEqual(
      histories.map((h) => drTotalText(small, h)),
    );
  });

  it('skips runs it has no history for', () => {
    expect(() => renderToString(deadFigure(small, []))).not.toThrow();
    expect(() => renderToString(lossFigure(small, []))).not.toThrow();
  });
});
