import { execFileSync } from 'node:child_process';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/components/figures/render.ts';
import {
  activationHistograms,
  activationProbes,
  appendHistory,
  boundaryFigure,
  checkTrainingLabProps,
  classesOf,
  couplingWarning,
  curveDomain,
  curveFigure,
  curveGap,
  curveLive,
  curvePoints,
  describeBoundary,
  describeCurve,
  describeGrads,
  describeHistograms,
  describeLayers,
  describeLoss,
  describeNetwork,
  describeProgress,
  describeUnit,
  describeUnits,
  fmt,
  formatTrainingLabState,
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
  matchingPair,
  nearestLearningRate,
  niceCeil,
  parseTrainingLabState,
  stepDomain,
  TL_HISTORY_MAX,
  type TlHistoryPoint,
  type TlScaledSvg,
  type TrainingLabState,
  taskOf,
  thumbnailImage,
  tlActivations,
  tlApplyLive,
  tlClassPalette,
  tlColour,
  tlCompareState,
  tlDatasets,
  tlDefaults,
  tlExport,
  tlFeatureLabel,
  tlFeatures,
  tlInits,
  tlInputs,
  tlLinePath,
  tlNetworkConfig,
  tlPalette,
  tlReplay,
  tlRun,
  tlScore,
  tlSessionConfig,
  tlSnapshot,
  tlStepArea,
  tlTraining,
  tlTrainingCode,
  tlUnits,
  unitThumbnails,
} from '../../src/components/figures/training-lab.ts';
import { TrainingSession } from '../../src/components/workers/training-session.ts';
import { activationIds } from '../../src/lib/activations/index.ts';
import { datasetNames, featureIds, features } from '../../src/lib/data/index.ts';
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

/**
 * The page's synchronous run and the worker's session after `steps` updates: the same losses,
 * grid, unit grids and (replayed) weights, or the test fails; both snapshots for more checks.
 */
async function sameAsSession(s: TrainingLabState, steps: number) {
  const session = new TrainingSession();
  const configured = await session.configure(tlSessionConfig(s));
  if (!configured.ok) throw new Error(configured.error);
  const run = tlRun(s);
  for (let i = 0; i < steps; i++) run.trainer.step();
  const ours = tlSnapshot(run);
  const result = session.step(steps);
  if (!result.ok) throw new Error(result.error);
  const theirs = result.value;
  expect(ours.trainLoss).toBe(theirs.trainLoss);
  expect(ours.testLoss).toBe(theirs.testLoss);
  expect(ours.grid?.values).toEqual(theirs.grid?.values);
  expect(ours.units).toEqual(theirs.units);
  const replayed = await tlReplay(s, steps, () => Promise.resolve(), 10);
  expect(tlExport(replayed.network, 'json')).toBe(tlExport(run.network, 'json'));
  return { ours, theirs };
}

/** Python's parser accepts the code. */
function expectPython(code: string) {
  const ok = execFileSync(
    'python3',
    ['-c', 'import ast,sys; ast.parse(sys.stdin.read()); print("ok")'],
    { input: code },
  );
  expect(String(ok).trim()).toBe('ok');
}

describe('the lists mirror the catalogue and the engine', () => {
  it('offers every scalar activation, initialiser and two-input set the engine has', () => {
    expect([...tlActivations]).toEqual([...activationIds]);
    expect([...tlInits]).toEqual([...initSchemes]);
    for (const d of tlDatasets) expect(datasetNames).toContain(d);
    expect([...tlFeatures]).toEqual([...featureIds]);
    for (const f of tlFeatures) expect(tlFeatureLabel[f]).toBe(features[f].label);
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
      regularisation: 'l1',
      regularisationRate: 0.3,
      norm: 'layer-norm',
      speed: 0,
      compare: 'gelu',
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
    state({
      dataset: 'spirals-3',
      output: 'identity',
      loss: 'softmax-cross-entropy',
      units: [8, 8],
      activations: ['relu', 'relu'],
      norm: 'batch-norm',
      regularisation: 'l2',
      regularisationRate: 0.01,
      optimiser: 'adam',
    }),
    state({ norm: 'layer-norm', regularisation: 'l1', regularisationRate: 0.003 }),
  ]) {
    it(`matches the session step for step (${s.dataset}, ${s.loss})`, async () => {
      const { ours, theirs } = await sameAsSession(s, 37);
      expect(ours.step).toBe(theirs.step);
      expect(ours.epoch).toBe(theirs.epoch);
      expect(ours.trainAccuracy).toBe(theirs.trainAccuracy);
      expect(ours.testAccuracy).toBe(theirs.testAccuracy);
      expect(ours.probes).toEqual(theirs.probes);
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
      expectPython(code);
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

describe('new options: k classes, regularisation, normalisation, speed, compare', () => {
  const spirals = state({
    dataset: 'spirals-3',
    ...matchingPair('spirals-3'),
    units: [8, 8],
    activations: ['relu', 'relu'],
    init: 'he-uniform',
    optimiser: 'adam',
    learningRate: 0.03,
  });

  it('parses and explains the new URL parameters', () => {
    const { state: s, problems } = parseTrainingLabState(
      new URLSearchParams(
        'reg=l3&rate=0.02&norm=group&speed=50&cmp=nope&loss=softmax-cross-entropy',
      ),
    );
    expect(s).toEqual({
      ...tlDefaults,
      regularisationRate: 0.03,
      speed: 30,
      loss: 'softmax-cross-entropy',
    });
    expect(problems).toEqual([
      'Unknown regularisation "l3"; showing none.',
      'Regularisation rate 0.02 is not one of 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10; showing 0.03.',
      'Unknown normalisation "group"; showing none.',
      'Speed 50 is not one of 1, 3, 10, 30, 100, 300, 1000, 3000, 0; showing 30.',
      'Unknown activation to compare "nope"; showing none.',
    ]);
    expect(parseTrainingLabState(new URLSearchParams('speed=0')).state.speed).toBe(0);
    expect(parseTrainingLabState(new URLSearchParams('rate=x')).problems).toEqual([
      'Regularisation rate "x" is not a positive number; showing 0.003.',
    ]);
  });

  it('pairs k classes with k scores and softmax cross-entropy, and warns otherwise', () => {
    expect(classesOf('spirals-5')).toBe(5);
    expect(classesOf('circle')).toBe(0);
    expect(taskOf('spirals-3')).toBe('classes');
    expect(taskOf('circle')).toBe('binary');
    expect(taskOf('reg-plane')).toBe('regression');
    const warn = (dataset: TrainingLabState['dataset'], output: string, loss: string) =>
      couplingWarning({ dataset, output, loss } as TrainingLabState);
    expect(warn('spirals-3', 'identity', 'softmax-cross-entropy')).toBeNull();
    expect(warn('spirals-3', 'identity', 'mse')).toContain('3 classes need 3 scores');
    expect(warn('spirals-5', 'tanh', 'softmax-cross-entropy')).toContain('near 1/5');
    expect(warn('circle', 'identity', 'softmax-cross-entropy')).toContain('always 1');
    expect(tlNetworkConfig(spirals).layers.at(-1)).toEqual({ type: 'dense', units: 3 });
  });

  it('puts the normalisation between Dense and activation and the penalty in the optimiser', () => {
    const s = state({ norm: 'batch-norm', regularisation: 'l2', regularisationRate: 0.1 });
    expect(tlNetworkConfig(s).layers.map((l) => l.type)).toEqual([
      'dense',
      'batch-norm',
      'activation',
      'dense',
      'batch-norm',
      'activation',
      'dense',
      'activation',
    ]);
    expect(tlSessionConfig(s).optimiser).toEqual({ type: 'sgd', learningRate: 0.03, l2: 0.1 });
    expect(tlSessionConfig(tlDefaults).optimiser).toEqual({ type: 'sgd', learningRate: 0.03 });
    expect(describeNetwork(s)).toBe('2-4-2-1 network (Tanh, Tanh, BatchNorm; tanh output)');
  });

  it('L2 and L1 shrink the dense weights', () => {
    const norm = (s: TrainingLabState) => {
      const { run } = trained(s, 300, 300);
      return Math.hypot(
        ...run.network
          .params()
          .filter((p) => p.decay)
          .flatMap((p) => [...p.value]),
      );
    };
    const plain = norm(state({ init: 'he-uniform' }));
    const l2 = norm(state({ init: 'he-uniform', regularisation: 'l2', regularisationRate: 0.3 }));
    const l1 = norm(state({ init: 'he-uniform', regularisation: 'l1', regularisationRate: 0.03 }));
    expect(l2).toBeLessThan(0.8 * plain);
    expect(l1).toBeLessThan(plain);
  });

  it('learns three spirals with softmax cross-entropy; the map holds the predicted classes', () => {
    const { run, snapshot } = trained(spirals, 1500, 1500);
    expect(run.network.outputs).toBe(3);
    expect(snapshot.trainAccuracy).toBeGreaterThan(0.9);
    const values = snapshot.grid?.values ?? new Float64Array();
    expect(new Set(values)).toEqual(new Set([0, 1, 2]));
    expect(run.points.map((p) => p.value).filter((v) => v === 2)).toHaveLength(Math.floor(500 / 3));
    expect(describeBoundary(spirals, snapshot)).toMatch(
      /^Decision map of a 2-8-8-3 network .* \(class 1 blue, class 2 orange, class 3 green\); .* Training accuracy \d+%, test accuracy \d+%\.$/,
    );
    expect(tlClassPalette).toHaveLength(5);
  });

  it('compares: the same state with one activation everywhere, from the same weights', () => {
    expect(tlCompareState(tlDefaults)).toBeNull();
    const s = state({ compare: 'relu' });
    const b = tlCompareState(s) as TrainingLabState;
    expect(b.activations).toEqual(['relu', 'relu']);
    expect(b.compare).toBe('none');
    const wa = tlRun(s)
      .network.params()
      .map((p) => [...p.value]);
    const wb = tlRun(b)
      .network.params()
      .map((p) => [...p.value]);
    expect(wb).toEqual(wa);
    expect(tlRun(b).points).toEqual(tlRun(s).points);
  });

  it('exports the training set-up with the network', async () => {
    const s = state({ regularisation: 'l2', regularisationRate: 0.01, norm: 'layer-norm' });
    const run = await tlReplay(s, 10);
    const json = JSON.parse(tlExport(run.network, 'json', s));
    expect(json.training).toEqual(tlTraining(s));
    expect(json.training.regularisation).toEqual({ type: 'l2', rate: 0.01 });
    expect(json.config.layers.map((l: { type: string }) => l.type)).toContain('layer-norm');
    const cases: [TrainingLabState, string[]][] = [
      [s, ['"weight_decay": 0.01', 'torch.optim.SGD', 'LayerNorm before each hidden activation']],
      [
        { ...spirals, regularisation: 'l1', regularisationRate: 0.003 },
        ['nn.CrossEntropyLoss()', 'torch.optim.Adam', '0.003 * sum(p.abs()'],
      ],
    ];
    for (const [st, needles] of cases) {
      const net = (await tlReplay(st, 3)).network;
      const torch = tlExport(net, 'pytorch', st);
      for (const n of needles) expect(torch).toContain(n);
      const keras = tlExport(net, 'keras', st);
      expect(keras).toContain('model.compile(optimizer=keras.optimizers.');
      for (const code of [torch, keras]) {
        expectPython(code);
      }
    }
    expect(tlTrainingCode(s, 'keras')).toContain('keras.regularizers.L2(0.005)');
    expect(tlTrainingCode(state({ loss: 'half-mse' }), 'pytorch')).toContain(
      '0.5 * nn.functional.mse_loss',
    );
  });
});

describe('live charts', () => {
  it('grows domains in steps of 1, 2, 5 × 10ⁿ and only grows them', () => {
    expect([0.3, 1, 1.5, 3, 7, 10, 11, 450].map((v) => niceCeil(v))).toEqual([
      0.5, 1, 2, 5, 10, 10, 20, 500,
    ]);
    expect(niceCeil(3, 10)).toBe(10);
    expect(niceCeil(Number.NaN, 0.1)).toBe(1);
    const a = { x: [0, 100] as [number, number], y: [0, 1] as [number, number] };
    expect(growDomains(null, a)).toBe(a);
    expect(growDomains(a, { x: [0, 50], y: [0, 0.5] })).toBe(a);
    expect(growDomains(a, { x: [0, 200], y: [-1, 0.5] })).toEqual({ x: [0, 200], y: [-1, 1] });
    expect(stepDomain([])).toEqual([0, 10]);
    const at = (step: number) => stepDomain([{ step, epoch: 0, train: 0, test: 0, layers: [] }]);
    expect([at(10), at(11), at(60), at(400)]).toEqual([
      [0, 10],
      [0, 50],
      [0, 200],
      [0, 1000],
    ]);
  });

  it('says where lines go, in data units, and draws them as paths', () => {
    const { history, run } = trained(tlDefaults, 300, 25);
    expect(lossDomains(history)).toEqual({ x: [0, 1000], y: [0, expect.any(Number)] });
    const live = lossLive(history);
    expect(live.map((m) => m.className)).toEqual([
      'nl-loss-training',
      'nl-loss-label-training',
      'nl-loss-test',
      'nl-loss-label-test',
    ]);
    expect(live[0].facets[0].points).toHaveLength(history.length);
    const layers = layersLive(tlDefaults, history);
    expect(layers[0].facets).toHaveLength(3);
    const g = gradDomains(history);
    expect(g.y[0]).toBeLessThan(g.y[1]);
    expect(Number.isInteger(Math.log10(g.y[0]))).toBe(true);
    expect(gradDomains([]).y).toEqual([1e-3, 1]);
    expect(gradLive(tlDefaults, history).map((m) => m.className)).toEqual([
      'nl-grad-0',
      'nl-grad-end-0',
      'nl-grad-1',
      'nl-grad-end-1',
      'nl-grad-2',
      'nl-grad-end-2',
    ]);
    const hist = activationHistograms(tlSnapshot(run).probes);
    expect(hist).toHaveLength(3);
    expect(activationHistograms(null)).toEqual([]);
    expect(histogramDomains(hist).x).toEqual([-4, 4]);
    expect(histogramDomains([])).toEqual({ x: [-4, 4], y: [0, 0.1] });
    const [area] = histogramLive(tlDefaults, hist);
    const shares = area.facets[0].points.map(([, v]) => v);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
    const id = (v: number) => v;
    expect(
      tlLinePath(
        [
          [0, 1],
          [1, Number.NaN],
          [2, 3],
          [3, 4],
        ],
        id,
        id,
      ),
    ).toBe('M0,1M2,3L3,4');
    expect(
      tlStepArea(
        [
          [0, 1],
          [1, 2],
        ],
        1,
        id,
        (v) => 10 - v,
      ),
    ).toBe('M0,10V9H1V8H2V10Z');
    expect(tlStepArea([], 1, id, id)).toBe('');
  });

  it('moves the lines in place exactly where Plot would draw them', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const plot = (o: Plot.PlotOptions) =>
      Plot.plot({ ...o, document: document as unknown as Document }) as unknown as TlScaledSvg;
    const pathsOf = (svg: Element, cls: string) =>
      [...svg.querySelectorAll(`g.${cls} path`)].map((p) =>
        (p.getAttribute('d') ?? '')
          .split(/[MLVHZ,]/)
          .filter(Boolean)
          .map(Number),
      );
    const textOf = (svg: Element, cls: string) =>
      [...svg.querySelectorAll(`g.${cls} text`)].map((t) => [
        t.getAttribute('transform'),
        t.textContent,
      ]);
    const early = trained(tlDefaults, 100, 25);
    const late = trained(tlDefaults, 300, 25);
    const cmp = trained(state({ activations: ['relu', 'relu'] }), 300, 25);
    const compare = { history: cmp.history, names: ['Tanh', 'ReLU'] as [string, string] };
    const domains = growDomains(lossDomains(early.history), lossDomains(late.history, cmp.history));
    const s = tlDefaults;
    const lateHist = activationHistograms(late.snapshot.probes);
    const cases = [
      {
        a: plot(lossFigure(early.history, 320, domains, compare)),
        b: plot(lossFigure(late.history, 320, domains, compare)),
        live: lossLive(late.history, compare),
      },
      {
        a: plot(layersFigure(s, early.history, 320, [0, 500])),
        b: plot(layersFigure(s, late.history, 320, [0, 500])),
        live: layersLive(s, late.history),
      },
      {
        a: plot(gradFigure(s, early.history, 320, { x: [0, 500], y: [1e-4, 10] })),
        b: plot(gradFigure(s, late.history, 320, { x: [0, 500], y: [1e-4, 10] })),
        live: gradLive(s, late.history),
      },
      {
        a: plot(
          histogramFigure(s, activationHistograms(early.snapshot.probes), 320, {
            x: [-4, 4],
            y: [0, 1],
          }),
        ),
        b: plot(histogramFigure(s, lateHist, 320, { x: [-4, 4], y: [0, 1] })),
        live: histogramLive(s, lateHist),
      },
    ];
    for (const { a, b, live } of cases) {
      expect(tlApplyLive(a, live)).toBe(true);
      for (const m of live) {
        if (m.kind === 'text') {
          expect(
            textOf(a, m.className).map(([t]) => t?.replace(/[\d.]+/g, (v) => Number(v).toFixed(1))),
          ).toEqual(
            textOf(b, m.className).map(([t]) => t?.replace(/[\d.]+/g, (v) => Number(v).toFixed(1))),
          );
          expect(textOf(a, m.className).map(([, t]) => t)).toEqual(
            textOf(b, m.className).map(([, t]) => t),
          );
          continue;
        }
        const mine = pathsOf(a, m.className);
        const plots = pathsOf(b, m.className);
        expect(mine.length).toBe(plots.length);
        if (m.kind === 'line') {
          mine.forEach((d, i) => {
            expect(d.length).toBe(plots[i].length);
            for (const [j, v] of d.entries()) expect(Math.abs(v - plots[i][j])).toBeLessThan(0.02);
          });
        } else {
          // Plot's area and ours trace the same outline with different commands: the same
          // extremes (the base, the tallest bin, the range's ends).
          mine.forEach((d, i) => {
            expect(d.length).toBeGreaterThan(4);
            expect(Math.min(...d)).toBeCloseTo(Math.min(...plots[i]), 0);
            expect(Math.max(...d)).toBeCloseTo(Math.max(...plots[i]), 0);
          });
        }
      }
    }
    // A chart whose structure does not match asks for a full redraw.
    const bare = plot(lossFigure([], 320));
    expect(tlApplyLive(bare, lossLive(late.history))).toBe(false);
    const noScales = { scale: () => undefined } as unknown as TlScaledSvg;
    expect(tlApplyLive(noScales, [])).toBe(false);
  });

  it('describes gradients and histograms in numbers', () => {
    const { history, snapshot } = trained(tlDefaults, 100);
    expect(describeGrads(tlDefaults, history)).toMatch(
      /^Gradient norm ‖dL\/dθ‖ of each layer's dense weights and biases at step 100, on the last batch: layer 1: 4 Tanh [\d.e-]+ \([\d.e-]+ at step 25\); layer 2: 2 Tanh .*; output: Tanh .*\.$/,
    );
    expect(describeGrads(tlDefaults, history.slice(0, 1))).toContain(
      'after the first training step',
    );
    const bare = state({ units: [], activations: [], output: 'identity' });
    expect(describeGrads(bare, history)).toBe('The network has no activation layer to probe.');
    expect(describeHistograms(bare, [])).toBe('The network has no activation layer to probe.');
    expect(describeHistograms(tlDefaults, [])).toContain('after the first training step');
    expect(describeHistograms(tlDefaults, activationHistograms(snapshot.probes))).toMatch(
      /^Pre-activations on the last batch: layer 1: 4 Tanh: most values in \[[-\d.]+, [-\d.]+\) \(\d+%\), \d+% outside \[-4, 4\]; .*\.$/,
    );
    const compare = { history: history.slice(0, 2), names: ['Tanh', 'ReLU'] as [string, string] };
    expect(describeLoss(history, compare)).toMatch(
      /^Tanh \(blue\): training loss .* ReLU \(green\): training loss [\d.e-]+ and test loss [\d.e-]+ at step 25\. Solid lines/,
    );
    expect(describeLoss(history, { ...compare, history: [] })).toContain(
      'ReLU (green): no losses yet.',
    );
  });

  it('draws k classes, compared runs, gradients and histograms as the committed SVGs', async () => {
    const render = (options: Parameters<typeof renderToString>[0]) =>
      normaliseSvg(renderToString(options));
    const spirals = state({
      dataset: 'spirals-3',
      ...matchingPair('spirals-3'),
      units: [8, 8],
      activations: ['relu', 'relu'],
      init: 'he-uniform',
      optimiser: 'adam',
      learningRate: 0.03,
    });
    const { run, snapshot, history } = trained(spirals, 400, 50);
    const map = render(boundaryFigure(spirals, run.points, snapshot));
    expect(map).toContain('var(--nl-series-3)');
    await expect(map).toMatchFileSnapshot('../output/training-lab-spirals-boundary.svg');
    await expect(render(gradFigure(spirals, history))).toMatchFileSnapshot(
      '../output/training-lab-spirals-grads.svg',
    );
    await expect(
      render(histogramFigure(spirals, activationHistograms(snapshot.probes))),
    ).toMatchFileSnapshot('../output/training-lab-spirals-histograms.svg');
    const b = trained(state({ ...spirals, activations: ['tanh', 'tanh'] }), 400, 50);
    const both = render(
      lossFigure(history, 320, lossDomains(history, b.history), {
        history: b.history,
        names: ['ReLU', 'Tanh'],
      }),
    );
    expect(both).toContain('nl-loss-training-b');
    await expect(both).toMatchFileSnapshot('../output/training-lab-compare-loss.svg');
    const empty = render(gradFigure(tlDefaults, []));
    expect(empty).toContain('no gradients before the first step');
    expect(
      render(histogramFigure(state({ units: [], activations: [], output: 'identity' }), [])),
    ).toContain('no activation layer');
  });
});

describe('input features, unit thumbnails and 1-D regression', () => {
  const render = (options: Parameters<typeof renderToString>[0]) =>
    normaliseSvg(renderToString(options));
  const squares = state({ features: ['x1sq', 'x2sq'], units: [2], activations: ['tanh'] });
  const sine = state({
    dataset: 'sine',
    noise: 0.1,
    units: [8],
    activations: ['tanh'],
    output: 'identity',
    loss: 'mse',
    optimiser: 'adam',
    learningRate: 0.03,
  });

  it('keeps the features in the URL (key feat), explains bad ones, and leaves old links alone', () => {
    const s = state({ features: ['x1', 'x1x2', 'sinx2'] });
    const params = new URLSearchParams(formatTrainingLabState(s, 'l14-'));
    expect(params.get('l14-feat')).toBe('x1,x1x2,sinx2');
    expect(parseTrainingLabState(params, 'l14-')).toEqual({ state: s, problems: [] });
    // A link from before features existed: the raw inputs.
    expect(parseTrainingLabState(new URLSearchParams('tl-data=xor'), 'tl-').state.features).toEqual(
      ['x1', 'x2'],
    );
    const bad = parseTrainingLabState(new URLSearchParams('feat=sinx1,x3,x1,x9'));
    expect(bad.state.features).toEqual(['x1', 'sinx1']);
    expect(bad.problems).toEqual([
      'Unknown input features "x3", "x9" (known: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2).',
    ]);
    const none = parseTrainingLabState(new URLSearchParams('feat='));
    expect(none.state.features).toEqual(['x1', 'x2']);
    expect(none.problems).toEqual(['At least one input feature is needed; showing x1, x2.']);
    expect(parseTrainingLabState(new URLSearchParams('data=abs')).state.dataset).toBe('abs');
    expect(checkTrainingLabProps(state({ features: 'x1' as unknown as [] }))).toBe(
      'units, activations and features must be arrays',
    );
    expect(checkTrainingLabProps(state({ features: ['x1', 'x3' as 'x1'] }))).toMatch(
      /Unknown input feature "x3"/,
    );
  });

  it('sizes the network by the features, or one input for a 1-D set', () => {
    expect(tlNetworkConfig(squares).inputs).toBe(2);
    expect(tlNetworkConfig(state({ features: [...tlFeatures] })).inputs).toBe(7);
    expect(tlInputs(sine)).toEqual(['x']);
    expect(tlNetworkConfig(sine).inputs).toBe(1);
    expect(is1d('sine') && is1d('abs') && !is1d('reg-plane')).toBe(true);
    expect(tlSessionConfig(state()).data.features).toBeUndefined();
    expect(tlSessionConfig(squares).data.features).toEqual(['x1sq', 'x2sq']);
    expect(tlSessionConfig(sine).grid).toEqual({ resolution: 121, extent: [-3, 3] });
    expect(tlSessionConfig(sine).units).toBeNull();
    expect(describeNetwork(squares)).toBe('2-2-1 network on inputs x₁², x₂² (Tanh; tanh output)');
    expect(describeNetwork(sine)).toBe('1-8-1 network (Tanh; identity output)');
    expect(matchingPair('step')).toEqual({ output: 'identity', loss: 'mse' });
  });

  for (const s of [
    squares,
    state({
      dataset: 'spiral',
      features: [...tlFeatures],
      units: [6, 3],
      activations: ['relu', 'tanh'],
    }),
    sine,
  ]) {
    it(`the page's run matches the worker's, grids and units too (${s.dataset}, ${s.features.join(' ')})`, async () => {
      await sameAsSession(s, 23);
    });
  }

  it('x₁² and x₂² let a network with no hidden layer learn the circle', () => {
    const linear = (features: TrainingLabState['features']) =>
      state({
        features,
        units: [],
        activations: [],
        output: 'identity',
        loss: 'mse',
        optimiser: 'adam',
      });
    const a = trained(linear(['x1sq', 'x2sq']), 500).snapshot;
    const b = trained(linear(['x1', 'x2']), 500).snapshot;
    expect(a.testAccuracy).toBeGreaterThan(0.95);
    expect(b.testAccuracy).toBeLessThan(0.75);
  });

  it('exports code that computes the same features, and Python parses it', async () => {
    const s = state({ features: ['x1', 'x2', 'x1x2', 'sinx1'] });
    const net = (await tlReplay(s, 5)).network;
    const json = JSON.parse(tlExport(net, 'json', s));
    expect(json.config.inputs).toBe(4);
    expect(json.training.inputs).toEqual([
      { id: 'x1', python: 'x1' },
      { id: 'x2', python: 'x2' },
      { id: 'x1x2', python: 'x1 * x2' },
      { id: 'sinx1', python: 'sin(x1)' },
    ]);
    const torch = tlExport(net, 'pytorch', s);
    const keras = tlExport(net, 'keras', s);
    expect(torch).toContain('nn.Linear(4, 4)');
    expect(torch).toContain('return torch.stack([x1, x2, x1 * x2, sin(x1)], dim=1)');
    expect(torch).toContain('model(features(points))');
    expect(keras).toContain('return keras.ops.stack([x1, x2, x1 * x2, sin(x1)], axis=1)');
    expect(keras).toContain('keras.Input(shape=(4,))');
    for (const code of [torch, keras]) {
      expectPython(code);
    }
    // Raw inputs: no features() in the code; a 1-D set's input is x.
    expect(tlExport(net, 'pytorch', state())).not.toContain('def features');
    expect(tlTraining(sine).inputs).toEqual([{ id: 'x', python: 'x' }]);
  });

  it('thumbnails: every hidden unit over the plane, on the map palette, with words', async () => {
    const s = state({ dataset: 'xor', units: [3, 2], activations: ['relu', 'tanh'], seed: 4 });
    const { run, snapshot } = trained(s, 200);
    const layers = unitThumbnails(s, snapshot.units);
    expect(layers.map((l) => [l.name, l.units.length])).toEqual([
      ['layer 1: 3 ReLU', 3],
      ['layer 2: 2 Tanh', 2],
    ]);
    const t = layers[0].units[0];
    expect(t.indices.length).toBe(16 * 16);
    expect(t.min).toBeGreaterThanOrEqual(0);
    // A ReLU unit is 0 on part of the plane: grey there (index 50 of 101).
    const relu = layers[0].units.find((u) => u.zero > 0);
    expect(relu).toBeDefined();
    if (relu)
      expect(relu.indices.filter((i) => i === 50).length / 256).toBeGreaterThanOrEqual(relu.zero);
    expect(describeUnit('layer 1: 3 ReLU', 0, { ...t, min: 0, max: 2.5, zero: 0.4 })).toBe(
      'layer 1: 3 ReLU, unit 1: from 0 to 2.5 over the plane, exactly 0 on 40% of the plane',
    );
    expect(describeUnits(s, layers)).toMatch(
      /^Each hidden unit's output over the same square as the map, orange for −1 or less, grey for 0, blue for \+1 or more\. layer 1: 3 ReLU: unit 1 [\d.]+ to [\d.]+.*; layer 2: 2 Tanh: unit 1 -?[\d.]+ to -?[\d.]+, unit 2 .*\.$/,
    );
    expect(describeUnits(sine, [])).toBe('Unit thumbnails are drawn for the two-input data sets.');
    expect(describeUnits(state({ units: [], activations: [] }), [])).toBe(
      'The network has no hidden layer, so there are no units to show.',
    );
    expect(unitThumbnails(s, null)).toEqual([]);
    expect(tlUnits({ ...run, config: { ...run.config, units: null } })).toBeNull();
    // The thumbnails change as the run trains.
    const later = unitThumbnails(s, trained(s, 400).snapshot.units);
    expect(later[1].units[0].indices).not.toEqual(layers[1].units[0].indices);
    const html = layers
      .map((l) =>
        l.units
          .map((u, j) => `<img alt="${describeUnit(l.name, j, u)}" src="${thumbnailImage(u, 16)}">`)
          .join('\n'),
      )
      .join('\n');
    await expect(normaliseSvg(html)).toMatchFileSnapshot('../output/training-lab-xor-units.html');
  });

  it('1-D regression: the fit as a curve over the points, approaching the target', async () => {
    const start = tlSnapshot(tlRun(sine));
    const { run, snapshot } = trained(sine, 1500, 500);
    const before = curveGap(sine, start);
    const after = curveGap(sine, snapshot);
    expect(after.mean).toBeLessThan(0.1);
    expect(after.mean).toBeLessThan(before.mean / 3);
    expect(run.points.every((p) => p.x >= -3 && p.x < 3 && p.value === p.y)).toBe(true);
    expect(curvePoints(snapshot)[60]).toEqual([0, snapshot.grid?.values[60]]);
    expect(curvePoints({ grid: null })).toEqual([]);
    expect(curveLive(snapshot)[0].facets[0].points).toHaveLength(121);
    expect(curveDomain([])).toEqual([-1.5, 1.5]);
    expect(curveDomain(run.points)[0]).toBeLessThanOrEqual(-1.5);
    expect(describeCurve(sine, snapshot)).toMatch(
      /^Output of a 1-8-1 network \(Tanh; identity output\) fitted to Sine curve \(1-D regression\), epoch \d+, step 1500, drawn as a curve over 250 training points \(discs\) and 250 test points \(ringed\), with the noiseless target as a dashed line\. At x = -3 → [-\d.]+ \(target -0\.141\); -1\.5 → .*\. Mean distance from the target [\d.e-]+, largest [\d.e-]+ at x = [-\d.]+\. Test loss [\d.e-]+\.$/,
    );
    expect(describeBoundary(sine, snapshot)).toBe(describeCurve(sine, snapshot));
    const svg = render(boundaryFigure(sine, run.points, snapshot));
    expect(svg).toContain('nl-fit');
    expect(svg).toContain('nl-target');
    await expect(svg).toMatchFileSnapshot('../output/training-lab-sine-curve.svg');
    const step = state({ ...sine, dataset: 'step', noise: 0 });
    const s0 = tlSnapshot(tlRun(step));
    await expect(render(curveFigure(step, tlRun(step).points, s0, 260))).toMatchFileSnapshot(
      '../output/training-lab-step-initial.svg',
    );
    // A diverged curve (non-finite outputs) is drawn with gaps, not a crash.
    const broken = {
      ...s0,
      grid: s0.grid && { ...s0.grid, values: s0.grid.values.map(() => Number.NaN) },
    };
    expect(render(curveFigure(step, [], broken))).toContain('nl-fit');
    expect(curveGap(step, broken).mean).toBeNaN();
  });

  it('draws the circle on x₁² and x₂² as the committed SVG', async () => {
    const { run, snapshot } = trained(squares, 300);
    const svg = render(boundaryFigure(squares, run.points, snapshot));
    expect(svg).toContain('aria-description="Decision map of a 2-2-1 network on inputs x₁², x₂²');
    await expect(svg).toMatchFileSnapshot('../output/training-lab-circle-squares-boundary.svg');
  });
});
