import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/components/figures/render.ts';
import {
  activationProbes,
  appendHistory,
  boundaryFigure,
  checkTrainingLabProps,
  couplingWarning,
  describeBoundary,
  describeLayers,
  describeLoss,
  describeNetwork,
  describeProgress,
  fmt,
  formatTrainingLabState,
  layersFigure,
  lossFigure,
  matchingPair,
  nearestLearningRate,
  parseTrainingLabState,
  TL_HISTORY_MAX,
  type TlHistoryPoint,
  type TrainingLabState,
  tlActivations,
  tlColour,
  tlDatasets,
  tlDefaults,
  tlExport,
  tlInits,
  tlPalette,
  tlReplay,
  tlRun,
  tlScore,
  tlSessionConfig,
  tlSnapshot,
} from '../../src/components/figures/training-lab.ts';
import { TrainingSession } from '../../src/components/workers/training-session.ts';
import { activationIds } from '../../src/lib/activations/index.ts';
import { datasetNames } from '../../src/lib/data/index.ts';
import { initSchemes } from '../../src/lib/nn/initialisers.ts';
import { normaliseSvg } from './snapshot.ts';

const state = (s: Partial<TrainingLabState> = {}): TrainingLabState => ({ ...tlDefaults, ...s });

/** A short synchronous run and the history its snapshots leave, every `every` steps. */
function trained(s: TrainingLabState, steps: number, every = 25) {
  const run = tlRun(s);
  let history: TlHistoryPoint[] = appendHistory([], tlSnapshot(run));
  for (let i = 0; i < steps; i++) {
    run.trainer.step();
    if ((i + 1) % every === 0) history = appendHistory(history, tlSnapshot(run));
  }
  return { run, history, snapshot: tlSnapshot(run) };
}

describe('the lists mirror the catalogue and the engine', () => {
  it('offers every scalar activation, initialiser and two-input set the engine has', () => {
    expect([...tlActivations]).toEqual([...activationIds]);
    expect([...tlInits]).toEqual([...initSchemes]);
    for (const d of tlDatasets) expect(datasetNames).toContain(d);
  });
});

describe('parseTrainingLabState(params)', () => {
  it('round-trips a formatted state', () => {
    const s = state({
      dataset: 'spiral',
      noise: 0.15,
      trainPercent: 70,
      units: [8, 3, 1],
      activations: ['relu', 'gelu', 'hard-swish'],
      output: 'identity',
      loss: 'bce-logits',
      init: 'he-normal',
      optimiser: 'adam',
      learningRate: 0.003,
      batchSize: 25,
      seed: 42,
    });
    const params = new URLSearchParams(formatTrainingLabState(s, 'tl-'));
    expect(parseTrainingLabState(params, 'tl-')).toEqual({ state: s, problems: [] });
    const none = state({ units: [], activations: [] });
    expect(
      parseTrainingLabState(new URLSearchParams(formatTrainingLabState(none, 'tl-')), 'tl-'),
    ).toEqual({ state: none, problems: [] });
  });

  it('clamps and explains bad values instead of failing', () => {
    const { state: s, problems } = parseTrainingLabState(
      new URLSearchParams(
        'data=swirl&noise=2&train=5&units=9,0,3,3,3,3&act=relu,nope&out=softmax&loss=hinge&init=x&opt=rmsprop&lr=0.05&batch=0&seed=-3',
      ),
    );
    expect(s).toEqual({
      ...tlDefaults,
      noise: 0.5,
      trainPercent: 10,
      units: [8, 1, 3, 3],
      activations: ['relu', 'tanh', 'tanh', 'tanh'],
      learningRate: 0.03,
      batchSize: 1,
      seed: 0,
    });
    expect(problems).toEqual([
      'Unknown data set "swirl"; showing circle.',
      'Noise must be a number from 0 to 0.5; showing 0.5.',
      'Training share (%) must be a number from 10 to 90; showing 10.',
      'Batch size must be a whole number from 1 to 30; showing 1.',
      'Seed must be a whole number from 0 to 2147483647; showing 0.',
      'Units per layer must be whole numbers from 1 to 8; showing 8, 1, 3, 3, 3, 3.',
      'At most 4 hidden layers; showing the first 4.',
      'Unknown activation "nope" for layer 2; showing tanh.',
      'Unknown activation "nope" for layer 3; showing tanh.',
      'Unknown activation "nope" for layer 4; showing tanh.',
      '2 activations for 4 hidden layers; showing relu, tanh, tanh, tanh.',
      'Unknown output "softmax"; showing tanh.',
      'Unknown loss "hinge"; showing half-mse.',
      'Unknown initialiser "x"; showing playground.',
      'Unknown optimiser "rmsprop"; showing sgd.',
      'Learning rate 0.05 is not one of 0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10; showing 0.03.',
    ]);
  });

  it('explains values that are not numbers', () => {
    const { state: s, problems } = parseTrainingLabState(
      new URLSearchParams('noise=abc&units=a,b&lr=-1&seed='),
    );
    expect(s).toEqual(tlDefaults);
    expect(problems).toEqual([
      'Noise "abc" is not a number; showing 0.',
      'Seed "" is not a number; showing 1.',
      'Units "a,b" are not numbers separated by commas; showing 4, 2.',
      'Learning rate "-1" is not a positive number; showing 0.03.',
    ]);
    expect(parseTrainingLabState(new URLSearchParams('noise=0.12')).state.noise).toBe(0.1);
    expect(parseTrainingLabState(new URLSearchParams('units=3')).state.activations).toEqual([
      'tanh',
    ]);
  });

  it('snaps learning rates to the nearest on a log scale', () => {
    expect(nearestLearningRate(0.02)).toBe(0.03);
    expect(nearestLearningRate(0.0000001)).toBe(0.00001);
    expect(nearestLearningRate(1000)).toBe(10);
  });
});

describe('checkTrainingLabProps(state)', () => {
  it('accepts the defaults and explains bad props', () => {
    expect(checkTrainingLabProps(tlDefaults)).toBeUndefined();
    expect(checkTrainingLabProps(state({ units: [4], activations: ['relu', 'relu'] }))).toBe(
      'give one activation per hidden layer (1), not 2',
    );
    expect(checkTrainingLabProps(state({ batchSize: 99 }))).toContain('Batch size must be');
  });
});

describe('couplingWarning(state)', () => {
  const warn = (dataset: TrainingLabState['dataset'], output: string, loss: string) =>
    couplingWarning({ dataset, output, loss } as TrainingLabState);
  it('accepts the right pairs', () => {
    expect(warn('circle', 'tanh', 'half-mse')).toBeNull();
    expect(warn('circle', 'tanh', 'mse')).toBeNull();
    expect(warn('circle', 'identity', 'bce-logits')).toBeNull();
    expect(warn('circle', 'identity', 'half-mse')).toBeNull();
    expect(warn('reg-plane', 'identity', 'mse')).toBeNull();
    expect(warn('reg-gauss', 'tanh', 'half-mse')).toBeNull();
    for (const d of tlDatasets) {
      const { output, loss } = matchingPair(d);
      expect(warn(d, output, loss)).toBeNull();
    }
  });
  it('warns about the bad pairs', () => {
    expect(warn('circle', 'sigmoid', 'bce-logits')).toContain('applied twice');
    expect(warn('circle', 'tanh', 'bce-logits')).toContain('cannot fall below 0.31');
    expect(warn('circle', 'sigmoid', 'half-mse')).toContain('cannot reach −1');
    expect(warn('reg-plane', 'identity', 'bce-logits')).toContain('two classes');
    expect(warn('reg-gauss', 'sigmoid', 'mse')).toContain('negative targets');
  });
  it('states the numbers right', () => {
    const sigma = (z: number) => 1 / (1 + Math.exp(-z));
    // σ(σ(z)) lies in (σ(0), σ(1)) = (0.5, 0.731); σ(tanh z) in (0.269, 0.731).
    expect(sigma(1)).toBeCloseTo(0.73, 2);
    expect(sigma(-1)).toBeCloseTo(0.27, 2);
    // The least BCE with a logit in (−1, 1): log(1 + e^−1).
    expect(Math.log1p(Math.exp(-1))).toBeCloseTo(0.31, 2);
  });
});

describe('tlRun(state): the same run as the worker session', () => {
  for (const s of [
    state(),
    state({ dataset: 'moons', noise: 0.1, loss: 'bce-logits', output: 'identity', seed: 3 }),
    state({
      dataset: 'reg-gauss',
      output: 'identity',
      loss: 'mse',
      units: [3],
      activations: ['relu'],
    }),
  ]) {
    it(`matches the session step for step (${s.dataset}, ${s.loss})`, async () => {
      const session = new TrainingSession();
      const configured = await session.configure(tlSessionConfig(s));
      expect(configured.ok).toBe(true);
      const run = tlRun(s);
      for (let i = 0; i < 37; i++) run.trainer.step();
      const ours = tlSnapshot(run);
      const result = session.step(37);
      if (!result.ok) throw new Error(result.error);
      const theirs = result.value;
      expect(ours.step).toBe(theirs.step);
      expect(ours.epoch).toBe(theirs.epoch);
      expect(ours.trainLoss).toBe(theirs.trainLoss);
      expect(ours.testLoss).toBe(theirs.testLoss);
      expect(ours.trainAccuracy).toBe(theirs.trainAccuracy);
      expect(ours.testAccuracy).toBe(theirs.testAccuracy);
      expect(ours.grid?.values).toEqual(theirs.grid?.values);
      expect(ours.probes).toEqual(theirs.probes);
      const replayed = await tlReplay(s, 37, () => Promise.resolve(), 10);
      expect(tlExport(replayed.network, 'json')).toBe(tlExport(run.network, 'json'));
    });
  }

  it('reports divergence with the step instead of throwing', () => {
    const run = tlRun(
      state({
        learningRate: 10,
        units: [8, 8],
        activations: ['relu', 'relu'],
        output: 'identity',
        loss: 'mse',
      }),
    );
    for (let i = 0; i < 500 && !run.trainer.diverged; i++) run.trainer.step();
    const s = tlSnapshot(run);
    expect(s.status).toBe('diverged');
    expect(describeProgress(s)).toBe(`diverged at step ${s.diverged?.step}`);
  });
});

describe('the XOR presets of the gallery page', () => {
  const xor = (units: number[]) =>
    state({ dataset: 'xor', units, activations: units.map(() => 'tanh' as const) });
  it('2-4-1 tanh classifies XOR: at least 98% of the test points within 30 epochs', () => {
    const run = tlRun(xor([4]));
    for (let e = 0; e < 30; e++) run.trainer.epoch();
    expect(tlSnapshot(run).testAccuracy).toBeGreaterThanOrEqual(0.98);
  });
  it('2-2-1 tanh does not: under 90% of the test points after 200 epochs', () => {
    const run = tlRun(xor([2]));
    for (let e = 0; e < 200; e++) run.trainer.epoch();
    const s = tlSnapshot(run);
    expect(s.testAccuracy).toBeLessThan(0.9);
    expect(s.testAccuracy).toBeGreaterThan(0.7);
  });
});

describe('export', () => {
  it('writes PyTorch and Keras code that Python parses, and JSON', async () => {
    const run = await tlReplay(tlDefaults, 20);
    for (const format of ['pytorch', 'keras'] as const) {
      const code = tlExport(run.network, format);
      expect(code).toContain(format === 'pytorch' ? 'torch' : 'keras');
      const ok = execFileSync(
        'python3',
        ['-c', 'import ast,sys; ast.parse(sys.stdin.read()); print("ok")'],
        {
          input: code,
        },
      );
      expect(String(ok).trim()).toBe('ok');
    }
    const json = JSON.parse(tlExport(run.network, 'json'));
    expect(json.format).toBe('nonlinear.network');
    expect(json.config.layers.map((l: { type: string }) => l.type)).toEqual([
      'dense',
      'activation',
      'dense',
      'activation',
      'dense',
      'activation',
    ]);
  });
  it('yields between chunks of a long replay', async () => {
    let pauses = 0;
    const run = await tlReplay(
      tlDefaults,
      25,
      async () => {
        pauses++;
      },
      10,
    );
    expect(run.trainer.steps).toBe(25);
    expect(pauses).toBe(2);
  });
});

describe('history', () => {
  it('appends new steps only and thins long runs', () => {
    const { run } = trained(tlDefaults, 3, 1);
    let h: TlHistoryPoint[] = [];
    const s = tlSnapshot(run);
    h = appendHistory(h, s);
    expect(appendHistory(h, s)).toBe(h);
    expect(h[0].layers).toHaveLength(3);
    for (let i = 1; i <= TL_HISTORY_MAX + 5; i++) h = appendHistory(h, { ...s, step: s.step + i });
    expect(h.length).toBeLessThanOrEqual(TL_HISTORY_MAX);
    expect(h[0].step).toBe(3);
    expect(h.at(-1)?.step).toBe(s.step + TL_HISTORY_MAX + 5);
    expect(activationProbes(null)).toEqual([]);
  });
});

describe('colours and words', () => {
  it('maps outputs onto [−1, 1]', () => {
    expect(tlScore(0, 'bce-logits')).toBe(0);
    expect(tlScore(2, 'bce-logits')).toBeCloseTo(2 / (1 + Math.exp(-2)) - 1, 12);
    expect(tlScore(5, 'mse')).toBe(1);
    expect(tlScore(Number.NaN, 'mse')).toBe(0);
    expect(tlPalette).toHaveLength(101);
    expect(tlColour(-1)).toBe('#f59322');
    expect(tlColour(1)).toBe('#0877bd');
    expect(tlColour(0)).toBe('#e8eaed');
  });
  it('formats numbers for captions', () => {
    expect(fmt(0.123456)).toBe('0.123');
    expect(fmt(0.00012)).toBe('1.2e-4');
    expect(fmt(2)).toBe('2');
    expect(fmt(0)).toBe('0');
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
  it('names the network and says what the figures show in numbers', () => {
    expect(describeNetwork(tlDefaults)).toBe('2-4-2-1 network (Tanh, Tanh; tanh output)');
    expect(describeNetwork(state({ units: [], activations: [], output: 'identity' }))).toBe(
      '2-1 network (no hidden layer; identity output)',
    );
    const { snapshot, history } = trained(tlDefaults, 100);
    expect(describeBoundary(tlDefaults, snapshot)).toMatch(
      /^Decision map of a 2-4-2-1 network \(Tanh, Tanh; tanh output\) on Circle, epoch 4, step 100: .* 250 training points \(discs\) and 250 test points \(ringed\)\. Training accuracy \d+%, test accuracy \d+%\.$/,
    );
    expect(describeLoss(history)).toMatch(
      /^Training loss [\d.e-]+ and test loss [\d.e-]+ at step 100 \(epoch 4\), from [\d.]+ and [\d.]+ at step 0\.$/,
    );
    expect(describeLoss(history.slice(0, 1))).toContain('before any training');
    expect(describeLoss([])).toBe('No losses yet.');
    expect(describeLayers(tlDefaults, history)).toMatch(
      /^At step 100, on the last batch: layer 1: 4 Tanh, \d+% saturated, \d+% of units dead; layer 2: 2 Tanh, .*; output: Tanh, .*\.$/,
    );
    expect(describeLayers(tlDefaults, history.slice(0, 1))).toContain(
      'after the first training step',
    );
    const bare = state({ units: [], activations: [], output: 'identity', loss: 'bce-logits' });
    expect(describeLayers(bare, history)).toBe('The network has no activation layer to probe.');
    const reg = state({ dataset: 'reg-plane', output: 'identity', loss: 'mse' });
    expect(describeBoundary(reg, tlSnapshot(tlRun(reg)))).toMatch(
      /^Output of a .* Test loss [\d.]+\.$/,
    );
  });
});

describe('figures', () => {
  const render = (options: Parameters<typeof renderToString>[0]) =>
    normaliseSvg(renderToString(options));

  it('draws the initial network at build time (no probes yet) as the committed SVG', async () => {
    const run = tlRun(tlDefaults);
    const s = tlSnapshot(run);
    const history = appendHistory([], s);
    await expect(render(boundaryFigure(tlDefaults, run.points, s))).toMatchFileSnapshot(
      '../output/training-lab-initial-boundary.svg',
    );
    await expect(render(layersFigure(tlDefaults, history))).toMatchFileSnapshot(
      '../output/training-lab-initial-layers.svg',
    );
  });

  it('draws a briefly trained ReLU network on moons as the committed SVGs', async () => {
    const s = state({
      dataset: 'moons',
      noise: 0.1,
      units: [6, 4],
      activations: ['relu', 'relu'],
      output: 'identity',
      loss: 'bce-logits',
      init: 'he-uniform',
      learningRate: 0.1,
      seed: 2,
    });
    const { run, history, snapshot } = trained(s, 300);
    const svg = render(boundaryFigure(s, run.points, snapshot));
    expect(svg).toContain('nl-boundary');
    expect(svg).toContain('aria-description="Decision map of a 2-6-4-1 network (ReLU, ReLU');
    await expect(svg).toMatchFileSnapshot('../output/training-lab-moons-boundary.svg');
    await expect(render(lossFigure(history))).toMatchFileSnapshot(
      '../output/training-lab-moons-loss.svg',
    );
    await expect(render(layersFigure(s, history))).toMatchFileSnapshot(
      '../output/training-lab-moons-layers.svg',
    );
  });

  it('draws regression targets and a network without activation layers', async () => {
    const s = state({
      dataset: 'reg-plane',
      units: [],
      activations: [],
      output: 'identity',
      loss: 'mse',
    });
    const { run, snapshot, history } = trained(s, 50);
    await expect(render(boundaryFigure(s, run.points, snapshot, 260))).toMatchFileSnapshot(
      '../output/training-lab-regression-boundary.svg',
    );
    const layers = render(layersFigure(s, history));
    expect(layers).toContain('no activation layer');
    const empty = render(lossFigure([]));
    expect(empty).toContain('aria-description="No losses yet."');
    const noGrid = render(boundaryFigure(s, run.points, { ...snapshot, grid: null }));
    expect(noGrid).not.toContain('nl-boundary');
  });
});
