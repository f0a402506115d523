import { describe, expect, it } from 'vitest';
import {
  appendHistory,
  checkNormOrderLabProps,
  describeLayers,
  describeLoss,
  describeRuns,
  describeSetup,
  fmt,
  formatNormOrderLabState,
  hiddenLayers,
  layerStats,
  layersFigure,
  legend,
  lossFigure,
  NOL_HISTORY_MAX,
  type NolHistoryPoint,
  type NormOrderLabState,
  nolDefaults,
  nolInitial,
  nolNetworkConfig,
  nolRun,
  nolRuns,
  nolSessionConfig,
  nolSnapshot,
  parseNormOrderLabState,
  runLabel,
  runStatus,
} from '../../src/components/figures/norm-order-lab.ts';
import { renderToString } from '../../src/components/figures/render.ts';
import { TrainingSession } from '../../src/components/workers/training-session.ts';
import { Dense } from '../../src/lib/nn/dense.ts';
import { leaves } from '../../src/lib/nn/probes.ts';
import { normaliseSvg } from './snapshot.ts';

const state = (s: Partial<NormOrderLabState> = {}): NormOrderLabState => ({ ...nolDefaults, ...s });
const small = state({ blocks: 2 });

function denseWeights(s: NormOrderLabState, run: (typeof nolRuns)[number]) {
  const r = nolRun(s, run);
  return leaves(r.network.model)
    .map((l) => l.layer)
    .filter((l): l is Dense => l instanceof Dense)
    .map((d) => [Array.from(d.weight), Array.from(d.bias)]);
}

describe('the five networks', () => {
  it('have 2·blocks + 1 hidden layers and the same dense layers', () => {
    expect(hiddenLayers(7)).toBe(15);
    const plain = nolNetworkConfig(small, 'plain').layers;
    expect(plain.filter((l) => l.type === 'dense')).toHaveLength(6);
    expect(
      nolNetworkConfig(small, 'bn-act')
        .layers.slice(0, 3)
        .map((l) => l.type),
    ).toEqual(['dense', 'batch-norm', 'activation']);
    expect(
      nolNetworkConfig(small, 'act-bn')
        .layers.slice(0, 3)
        .map((l) => l.type),
    ).toEqual(['dense', 'activation', 'batch-norm']);
    const post = nolNetworkConfig(small, 'post').layers;
    expect(post.map((l) => l.type)).toEqual(['dense', 'residual', 'residual', 'dense']);
    const pre = nolNetworkConfig(state({ blocks: 2, residualNorm: 'batch-norm' }), 'pre').layers;
    expect(pre.map((l) => l.type)).toEqual([
      'dense',
      'residual',
      'residual',
      'batch-norm',
      'dense',
    ]);
    expect(pre[1]).toMatchObject({ norm: 'pre', normType: 'batch-norm' });
  });

  it('start from the same weights, bit for bit, and see the same data', () => {
    const reference = denseWeights(small, 'plain');
    expect(reference).toHaveLength(6);
    for (const run of nolRuns) expect(denseWeights(small, run)).toEqual(reference);
    const data = nolRuns.map((run) => Array.from(nolRun(small, run).train.x));
    for (const d of data) expect(d).toEqual(data[0]);
  });

  it('are built as the worker session builds them (same losses and probes at step 1)', async () => {
    for (const run of ['bn-act', 'pre'] as const) {
      const session = new TrainingSession({ now: () => 0, defer: () => {} });
      const zero = await session.configure(nolSessionConfig(small, run));
      const one = session.step(1);
      if (!zero.ok || !one.ok) throw new Error('session failed');
      const initial = nolInitial(small, run);
      expect(initial.trainLoss).toBe(zero.value.trainLoss);
      expect(initial.testLoss).toBe(zero.value.testLoss);
      expect(initial.stats).toEqual(layerStats(one.value.probes));
    }
  });

  it('measure per-layer statistics at initialisation', () => {
    const bn = nolInitial(state(), 'bn-act').stats;
    // BatchNorm right before the activation: its input has std 1 (scale 1, shift 0 at
    // initialisation; biased batch variance with eps 1e-5).
    expect(bn.std).toHaveLength(15);
    for (const p of bn.std) expect(p.value).toBeCloseTo(1, 3);
    expect(bn.grad.map((p) => p.layer)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const pre = nolInitial(state(), 'pre').stats;
    // One activation per block, fed by the block's first dense layer (2, 4, …, 14).
    expect(pre.std.map((p) => p.layer)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    for (const p of pre.grad) expect(p.value).toBeGreaterThan(0);
    expect(layerStats(null)).toEqual({ std: [], grad: [] });
  });

  it('train: with the defaults, the pre-norm network fits the spiral by step 500', () => {
    // The lesson says so ("its training loss is below 0.05 by step 500").
    const r = nolRun(state(), 'pre');
    const before = nolSnapshot(r);
    for (let i = 0; i < 500; i++) r.trainer.step();
    const after = nolSnapshot(r);
    expect(before.status).toBe('idle');
    expect(after.status).toBe('paused');
    expect(after.trainLoss).toBeLessThan(0.05);
    expect(after.testAccuracy).toBeGreaterThan(0.9);
    expect(runStatus(after)).toMatchObject({ diverged: null, train: after.trainLoss });
  }, 120_000);

  it('report divergence per run', () => {
    // Learning rate 1 with momentum 0.9 and batches of 4 is far too high: the plain MLP
    // of 19 layers overflows at step 5 (the e2e test expects the same step in the browser).
    const r = nolRun(state({ learningRate: 1, batchSize: 4, blocks: 9 }), 'plain');
    for (let i = 0; i < 100 && !r.trainer.diverged; i++) r.trainer.step();
    const s = nolSnapshot(r);
    expect(s.diverged?.step).toBe(5);
    expect(s.status).toBe('diverged');
    const status = nolRuns.map((_, i) =>
      i === 0 ? runStatus(s) : runStatus(nolSnapshot(nolRun(small, 'pre'))),
    );
    expect(describeRuns(small, s.step, status)).toContain(
      `no norm: diverged at step ${s.diverged?.step}`,
    );
    expect(describeRuns(small, s.step, status)).toContain('residual, pre-LN: training loss 0.');
  });
});

describe('the state in the URL', () => {
  it('round-trips', () => {
    const s = state({
      blocks: 4,
      activation: 'tanh',
      init: 'glorot-uniform',
      residualNorm: 'batch-norm',
      learningRate: 0.1,
      batchSize: 8,
      dataset: 'xor',
      seed: 42,
    });
    const params = new URLSearchParams(formatNormOrderLabState(s, 'n-'));
    expect(parseNormOrderLabState(params, 'n-')).toEqual({ state: s, problems: [] });
    expect(parseNormOrderLabState(new URLSearchParams(), 'n-').state).toEqual(nolDefaults);
  });

  it('clamps and explains bad values', () => {
    const params = new URLSearchParams(
      'n-blocks=40&n-act=swish&n-lr=7&n-batch=x&n-seed=abc&n-data=moons',
    );
    const { state: s, problems } = parseNormOrderLabState(params, 'n-');
    expect(s).toEqual({ ...nolDefaults, blocks: 9, dataset: 'moons' });
    expect(problems).toEqual([
      'Residual blocks must be a whole number from 2 to 9; showing 9.',
      'Unknown activation "swish"; showing relu.',
      'Unknown learning rate "7"; showing 0.01.',
      'Unknown batch size "x"; showing 32.',
      'Seed "abc" is not a number; showing 1.',
    ]);
    expect(parseNormOrderLabState(new URLSearchParams('blocks='), '').problems).toEqual([
      'Residual blocks "" is not a number; showing 7.',
    ]);
  });

  it('checks props', () => {
    expect(checkNormOrderLabProps(nolDefaults)).toBeNull();
    const bad: [Partial<NormOrderLabState>, string][] = [
      [{ blocks: 1 }, 'blocks must be'],
      [{ blocks: 2.5 }, 'blocks must be'],
      [{ activation: 'swish' as never }, 'activation must be'],
      [{ init: 'zeros' as never }, 'init must be'],
      [{ residualNorm: 'rms' as never }, 'residualNorm must be'],
      [{ learningRate: 0.5 }, 'learningRate must be'],
      [{ batchSize: 3 }, 'batchSize must be'],
      [{ dataset: 'digits' as never }, 'dataset must be'],
      [{ seed: -1 }, 'seed must be'],
    ];
    for (const [s, message] of bad) expect(checkNormOrderLabProps(state(s))).toContain(message);
  });
});

describe('history and words', () => {
  const base = nolSnapshot(nolRun(small, 'plain'));
  const snap = (step: number, loss: number) => ({ ...base, step, trainLoss: loss });

  it('appends new steps only and thins a long history', () => {
    const s = snap(0, 0.7);
    let h: NolHistoryPoint[] = appendHistory([], 0, [s, s]);
    expect(appendHistory(h, 0, [s, s])).toBe(h);
    for (let i = 1; i <= NOL_HISTORY_MAX + 5; i++)
      h = appendHistory(h, i, [snap(i, 0.5), snap(i, 0.4)]);
    expect(h.length).toBeLessThanOrEqual(NOL_HISTORY_MAX);
    expect(h[0].step).toBe(0);
    expect(h.at(-1)?.step).toBe(NOL_HISTORY_MAX + 5);
    const diverged = {
      ...snap(1000, Number.NaN),
      diverged: { step: 999, reason: 'loss' as const, detail: 'NaN' },
    };
    expect(appendHistory(h, 1000, [diverged]).at(-1)?.train).toEqual([Number.NaN]);
  });

  it('formats numbers and names the runs', () => {
    expect(fmt(0.68412)).toBe('0.684');
    expect(fmt(1)).toBe('1');
    expect(fmt(0.0000123)).toBe('1.2e-5');
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(nolRuns.map((r) => runLabel(r, nolDefaults))).toEqual([
      'no norm',
      'Linear → BN → act',
      'Linear → act → BN',
      'residual, post-LN',
      'residual, pre-LN',
    ]);
    expect(runLabel('pre', { residualNorm: 'batch-norm' })).toBe('residual, pre-BN');
    expect(legend(nolDefaults).map((e) => e.symbol)).toEqual([
      'circle',
      'square',
      'triangle',
      'diamond',
      'star',
    ]);
    expect(describeSetup(nolDefaults)).toBe(
      '15 hidden layers of 16 ReLU units (7 residual blocks), He normal initialisation, SGD with momentum 0.9 at learning rate 0.01, batches of 32, on Spiral',
    );
  });

  it('describes the runs, the loss and the layers in numbers', () => {
    expect(describeLoss(nolDefaults, [])).toBe('No losses yet.');
    const h = [{ step: 0, train: [0.684, 0.684, 0.684, 0.729, 0.76] }];
    expect(describeLoss(nolDefaults, h)).toContain('before any training: no norm 0.684');
    const later = [...h, { step: 50, train: [0.6, Number.NaN, 0.5, 0.4, 0.3] }];
    expect(describeLoss(nolDefaults, later)).toContain(
      'at step 50: no norm 0.6, Linear → BN → act diverged',
    );
    expect(describeRuns(nolDefaults, 0, [])).toContain('no norm: not started');
    const stats = [
      {
        std: [
          { layer: 1, value: 2 },
          { layer: 2, value: 0.5 },
        ],
        grad: [
          { layer: 1, value: 0.1 },
          { layer: 2, value: 0.3 },
        ],
      },
    ];
    expect(describeLayers(nolDefaults, 'std', stats, null)).toContain(
      'no norm 0.5 to 2; Linear → BN → act n/a',
    );
    expect(describeLayers(nolDefaults, 'std', stats, null)).toContain('Press Play');
    expect(describeLayers(nolDefaults, 'grad', stats, { step: 9, stats })).toContain(
      'At step 9: no norm 0.1 at layer 1, 0.3 at layer 2',
    );
  });
});

describe('figures', () => {
  const initial = nolRuns.map((run) => nolInitial(small, run));
  const stats = initial.map((i) => i.stats);
  const history: NolHistoryPoint[] = [{ step: 0, train: initial.map((i) => i.trainLoss) }];
  const runs = nolRuns.map((run) => nolRun(small, run));
  const now: Snapshot[] = [];
  for (let k = 1; k <= 4; k++) {
    for (const r of runs) for (let i = 0; i < 25; i++) r.trainer.step();
    const snaps = runs.map(nolSnapshot);
    history.push({ step: 25 * k, train: snaps.map((s) => s.trainLoss) });
    now.splice(0, now.length, ...snaps);
  }
  const nowStats = { step: 100, stats: now.map((s) => layerStats(s.probes)) };

  it('draws the initial state', async () => {
    const loss = normaliseSvg(renderToString(lossFigure(small, history.slice(0, 1))));
    await expect(loss).toMatchFileSnapshot('../output/norm-order-lab-loss-initial.svg');
    const std = normaliseSvg(renderToString(layersFigure(small, 'std', stats, null)));
    expect(std).toContain('now: press Play');
    await expect(std).toMatchFileSnapshot('../output/norm-order-lab-std-initial.svg');
  });

  it('draws a run in progress', async () => {
    const loss = renderToString(lossFigure(small, history, 400));
    for (let i = 0; i < 5; i++) expect(loss).toContain(`nol-loss-${i}`);
    await expect(normaliseSvg(loss)).toMatchFileSnapshot('../output/norm-order-lab-loss-100.svg');
    const grad = renderToString(layersFigure(small, 'grad', stats, nowStats, 400));
    expect(grad).toContain('at step 100');
    expect(grad).toContain('aria-description="Gradient norm of each dense layer');
    await expect(normaliseSvg(grad)).toMatchFileSnapshot('../output/norm-order-lab-grad-100.svg');
  });

  it('copes with no data', () => {
    expect(() => renderToString(layersFigure(small, 'std', [], null))).not.toThrow();
    expect(() => renderToString(lossFigure(small, []))).not.toThrow();
  });
});

type Snapshot = ReturnType<typeof nolSnapshot>;
