import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accuracyOf,
  activeFractions,
  activityFigure,
  checkDigitsLabProps,
  confusion,
  confusionFigure,
  confusionRows,
  curvesFigure,
  type DigitsLabState,
  type DlHistory,
  describeConfusion,
  describePrediction,
  describeRuns,
  dlAppend,
  dlDefaults,
  dlInitialHistories,
  dlMeasure,
  dlNetwork,
  dlRows,
  dlSessionConfig,
  dlShape,
  dlStepsPerEpoch,
  epochsOf,
  fmtLoss,
  formatDigitsLabState,
  labels,
  parseDigitsLabState,
  probabilitiesFigure,
  probabilitiesOf,
  thresholdIndex,
  thresholdText,
  topConfusions,
} from '../../src/components/figures/digits-lab.ts';
import {
  centreOfMass,
  MNIST_SIDE,
  testBatch,
  testDigits,
  testImage,
  toMnist,
} from '../../src/components/figures/digits-lab-image.ts';
import { renderToString } from '../../src/components/figures/render.ts';
import { type Snapshot, TrainingSession } from '../../src/components/workers/training-session.ts';
import { parseDigits } from '../../src/lib/data/digits.ts';
import { Trainer } from '../../src/lib/nn/trainer.ts';
import { seeded } from '../../src/lib/random/index.ts';
import { normaliseSvg } from './snapshot.ts';

const bytes = new Uint8Array(readFileSync('public/data/digits.bin'));
const digits = parseDigits(bytes);
const small: DigitsLabState = { ...dlDefaults, units: 32, layers: 2, train: 1000, epochs: 1 };

describe('state', () => {
  it('round-trips through the URL form', () => {
    const state: DigitsLabState = {
      activations: ['gelu', 'relu'],
      layers: 3,
      units: 128,
      epochs: 5,
      learningRate: 0.003,
      train: 2000,
      init: 'he-uniform',
      threshold: 0.1,
      seed: 7,
    };
    const params = new URLSearchParams(formatDigitsLabState(state, 'dl-'));
    expect(parseDigitsLabState(params, 'dl-')).toEqual({ state, problems: [] });
  });

  it('keeps what is valid, clamps what it can and says what was wrong', () => {
    const params = new URLSearchParams(
      'x-acts=relu,foo,relu&x-layers=9&x-units=5&x-epochs=4&x-lr=2&x-train=7&x-init=bad&x-tau=0.2&x-seed=-1',
    );
    const { state, problems } = parseDigitsLabState(params, 'x-');
    expect(state).toEqual({ ...dlDefaults, activations: ['relu'], layers: 3 });
    expect(problems).toHaveLength(9);
    expect(problems[0]).toBe('Unknown activation foo.');
    expect(problems).toContain('Hidden layers must be a whole number from 1 to 3; showing 3.');
    expect(problems).toContain('Units per layer must be one of 32, 64, 128; showing 64.');
    expect(problems).toContain('Unknown initialiser "bad"; showing Glorot uniform.');
    const many = parseDigitsLabState(
      new URLSearchParams('acts=relu,tanh,sigmoid,elu,gelu&layers=x'),
    );
    expect(many.state.activations).toEqual(['relu', 'tanh', 'sigmoid', 'elu']);
    expect(many.problems[0]).toContain('At most 4');
    expect(many.problems[1]).toContain('Hidden layers');
    const none = parseDigitsLabState(new URLSearchParams('acts=nope,'));
    expect(none.state.activations).toEqual(dlDefaults.activations);
    expect(none.problems[1]).toBe('No known activation given; showing ReLU, sigmoid and tanh.');
    expect(parseDigitsLabState(new URLSearchParams('layers=0')).state.layers).toBe(1);
  });

  it('checks props, naming the bad one', () => {
    expect(checkDigitsLabProps(dlDefaults)).toBeNull();
    const bad: [Partial<DigitsLabState>, string][] = [
      [{ activations: [] }, 'activations must list 1 to 4'],
      [{ activations: ['relu', 'x' as never] }, 'got "x"'],
      [{ activations: ['relu', 'relu'] }, 'must not repeat'],
      [{ layers: 4 }, 'layers must be'],
      [{ units: 7 }, 'units must be one of 32, 64, 128; got 7'],
      [{ epochs: 4 }, 'epochs must be'],
      [{ learningRate: 1 }, 'learningRate must be'],
      [{ train: 10 }, 'train must be'],
      [{ init: 'zeros' as never }, 'init must be'],
      [{ threshold: 0.5 }, 'threshold must be'],
      [{ seed: -2 }, 'seed must be'],
    ];
    for (const [change, message] of bad) {
      expect(checkDigitsLabProps({ ...dlDefaults, ...change })).toContain(message);
    }
  });

  it('names runs and counts steps', () => {
    expect(labels(['relu'])).toBe('ReLU');
    expect(labels(['relu', 'tanh'])).toBe('ReLU and tanh');
    expect(dlStepsPerEpoch({ train: 5000 })).toBe(157);
    expect(dlShape(dlDefaults)).toBe('784-64-64-10');
    expect(epochsOf(dlDefaults, 157)).toBe('1');
    expect(epochsOf(dlDefaults, 40)).toBe('0.3');
    expect(thresholdIndex(0.05)).toBe(2);
    expect(thresholdIndex(0.3)).toBe(0);
    expect(thresholdText(0)).toBe('output not exactly 0');
    expect(fmtLoss(Number.NaN)).toBe('NaN');
  });
});

describe('the page sees digits as MNIST does', () => {
  it('reads the test digits from the bytes, as parseDigits does', () => {
    const t = testDigits(bytes);
    expect(t.n).toBe(1000);
    expect(Array.from(t.labels)).toEqual(Array.from(digits.test.labels ?? []));
    expect(Array.from(testImage(t, 3))).toEqual(
      Array.from(digits.test.x.subarray(3 * 784, 4 * 784)),
    );
    expect(Array.from(testBatch(t).subarray(0, 784 * 2))).toEqual(
      Array.from(digits.test.x.subarray(0, 784 * 2)),
    );
    expect(() => testImage(t, 1000)).toThrow('not 0..999');
    expect(() => testDigits(new Uint8Array(30))).toThrow('not a digits file');
    expect(() => testDigits(bytes.subarray(0, 1000))).toThrow('do not hold');
    const odd = bytes.slice(0, 24);
    new DataView(odd.buffer).setUint32(16, 10, true);
    expect(() => testDigits(odd)).toThrow('images of 280 pixels');
  });

  it('fits the ink into 20 × 20 and centres its mass', () => {
    // A bar 40 wide and 200 tall at the top-left of a 280 × 280 pad.
    const w = 280;
    const ink = new Uint8Array(w * w);
    for (let y = 10; y < 210; y++) for (let x = 5; x < 45; x++) ink[y * w + x] = 255;
    const image = toMnist(ink, w, w);
    expect(image).toHaveLength(784);
    const rows = new Set<number>();
    const cols = new Set<number>();
    image.forEach((v, k) => {
      if (v > 0) {
        rows.add(Math.floor(k / MNIST_SIDE));
        cols.add(k % MNIST_SIDE);
      }
    });
    expect(rows.size).toBe(20);
    expect(cols.size).toBe(4);
    expect(Math.max(...image)).toBe(1);
    const c = centreOfMass(image);
    expect(Math.abs(c.x - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - 13.5)).toBeLessThanOrEqual(0.5);
  });

  it('scales a tiny drawing up, and leaves an empty pad empty', () => {
    const w = 50;
    const ink = new Float64Array(w * w);
    ink[20 * w + 20] = 0.5;
    ink[21 * w + 20] = 0.5;
    const image = toMnist(ink, w, w);
    expect(image.filter((v) => v > 0).length).toBeGreaterThanOrEqual(20 * 10);
    expect(Math.max(...image)).toBeCloseTo(1, 10);
    expect(toMnist(new Float64Array(4), 2, 2).every((v) => v === 0)).toBe(true);
    expect(() => toMnist(new Float64Array(3), 2, 2)).toThrow('3 values');
    expect(Number.isNaN(centreOfMass(new Float64Array(784)).x)).toBe(true);
  });

  it('a test digit drawn on the pad, 10× larger, comes back close to itself', () => {
    const t = testDigits(bytes);
    const x = testImage(t, 0);
    const w = 280;
    const ink = new Float64Array(w * w);
    for (let y = 0; y < w; y++) {
      for (let xx = 0; xx < w; xx++)
        ink[y * w + xx] = x[Math.floor(y / 10) * 28 + Math.floor(xx / 10)];
    }
    const back = toMnist(ink, w, w);
    let diff = 0;
    for (let k = 0; k < 784; k++) diff += Math.abs(back[k] - x[k]);
    // MNIST digits were made the same way, so the round trip moves little ink.
    expect(diff / x.reduce((a, b) => a + b, 0)).toBeLessThan(0.35);
  });
});

describe('measurements', () => {
  it('probabilities, confusion and accuracy', () => {
    const logits = Float64Array.from([
      ...[5, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ...[0, 0, 0, 9, 0, 0, 0, 0, 0, 1],
      ...[1000, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    const p = probabilitiesOf(logits.subarray(0, 10));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(Math.exp(5) / (Math.exp(5) + 9), 14);
    // A logit past exp's overflow (710) still gives a probability, not NaN.
    expect(probabilitiesOf(logits.subarray(20, 30))[0]).toBe(1);
    const c = confusion(logits, [0, 3, 7]);
    expect(confusionRows({ classes: 2, counts: Uint32Array.from([5, 1, 2, 7]) })).toEqual([
      [5, 1],
      [2, 7],
    ]);
    expect(c[0][0]).toBe(1);
    expect(c[3][3]).toBe(1);
    expect(c[7][0]).toBe(1);
    expect(accuracyOf(c)).toBeCloseTo(2 / 3, 12);
    expect(accuracyOf([[0]])).toBeNaN();
    expect(topConfusions(c)).toEqual([{ truth: 7, predicted: 0, count: 1 }]);
  });

  it('active fractions at each threshold', () => {
    const f = activeFractions(Float64Array.from([0, 0.005, -0.02, 0.07, 0.5]));
    expect(f).toEqual([0.8, 0.6, 0.4, 0.2]);
    expect(activeFractions(new Float64Array(0))[0]).toBeNaN();
  });

  it('the build measures the untrained networks exactly as the session does', async () => {
    const histories = dlInitialHistories(small, digits);
    const session = new TrainingSession(undefined, async () => digits);
    const r = await session.configure(dlSessionConfig(small, 'sigmoid'));
    if (!r.ok) throw new Error(r.error);
    const h = histories[1];
    expect(h.activation).toBe('sigmoid');
    expect(h.points[0].testAccuracy).toBe(r.value.testAccuracy);
    // Summed in other pieces (the session scores in batches), so equal but for the last bits.
    expect(h.points[0].testLoss).toBeCloseTo(r.value.testLoss, 10);
    const c = session.confusion();
    if (!c.ok) throw new Error(c.error);
    expect(h.start?.confusion.flat()).toEqual(Array.from(c.value.counts));
    // Sigmoid is never exactly 0; ReLU is, on about half of the (digit, unit) pairs.
    expect(h.start?.active[0][0]).toBe(1);
    const relu = histories[0].start?.active[0][0] ?? 0;
    expect(relu).toBeGreaterThan(0.3);
    expect(relu).toBeLessThan(0.7);
    expect(dlInitialHistories(small, null)[0].points).toEqual([]);
  });

  it('training raises the accuracy well above chance, and appends snapshots', async () => {
    const session = new TrainingSession(undefined, async () => digits);
    const config = { ...dlSessionConfig(small, 'relu'), scoring: { trainSamples: 100 } };
    const r = await session.configure(config);
    if (!r.ok) throw new Error(r.error);
    let h: DlHistory = {
      activation: 'relu',
      points: [],
      diverged: null,
      start: null,
      latest: null,
    };
    h = dlAppend(h, r.value);
    const s = session.step(dlStepsPerEpoch(small));
    if (!s.ok) throw new Error(s.error);
    h = dlAppend(h, s.value);
    expect(h.points).toHaveLength(2);
    expect(h.points[1].testAccuracy).toBeGreaterThan(0.4);
    expect(dlAppend(h, s.value)).toBe(h);
    const diverged = dlAppend(h, {
      ...s.value,
      diverged: { step: 9, reason: 'loss', detail: 'NaN' },
    } as Snapshot);
    expect(diverged.diverged?.step).toBe(9);
    expect(dlAppend(diverged, { ...s.value, diverged: { step: 10 } } as Snapshot)).toBe(diverged);
    expect(dlAppend(h, { ...s.value, step: 999, testAccuracy: null } as Snapshot)).toBe(h);
  });

  it('dlMeasure agrees with a trained network of the engine', () => {
    const network = dlNetwork(small, 'tanh');
    const trainer = new Trainer({
      network,
      data: {
        ...digits.train,
        n: 200,
        x: digits.train.x.subarray(0, 200 * 784),
        y: digits.train.y.subarray(0, 200 * 10),
      },
      loss: 'softmax-cross-entropy',
      optimiser: { type: 'adam', learningRate: 0.001 },
      batchSize: 32,
      source: seeded(1),
    });
    trainer.epoch();
    const m = dlMeasure(network, digits, trainer.steps);
    expect(m.step).toBe(7);
    expect(m.loss).toBeCloseTo(trainer.evaluate(digits.test), 10);
    expect(m.active).toHaveLength(2);
  });
});

describe('words and figures', () => {
  const histories = dlInitialHistories(dlDefaults, digits);
  const trained: DlHistory[] = histories.map((h, i) => ({
    ...h,
    points: [...h.points, { step: 157, testAccuracy: 0.9 - i / 20, testLoss: 0.4 + i / 10 }],
    latest: h.latest
      ? { ...h.latest, step: 157, active: h.latest.active.map((l) => l.map((v) => v * 0.9)) }
      : null,
    diverged: i === 2 ? { step: 140, reason: 'loss', detail: 'NaN' } : null,
  }));

  it('describes the runs in numbers', () => {
    expect(describeRuns(dlDefaults, histories)).toContain('before training; press Train');
    const text = describeRuns(dlDefaults, trained);
    expect(text).toContain('a 784-64-64-10 network trained on 5,000 MNIST digits for 3 epochs');
    expect(text).toContain('ReLU: epoch 1, test accuracy 90.0%');
    expect(text).toContain('tanh: diverged at step 140 (epoch 1)');
    const rows = dlRows(dlDefaults, trained);
    expect(rows[0].active).toMatch(/^\d+% \(start \d+%\), \d+% \(start \d+%\)$/);
    expect(rows[1].nonZero).toBe('90%, 90%');
    expect(dlRows(dlDefaults, [])[0].epoch).toBe('–');
    expect(describeConfusion('ReLU', null)).toContain('press Train');
    expect(describeConfusion('ReLU', histories[0].latest)).toMatch(
      /^ReLU, after 0 steps: \d+ of 1000 test digits right/,
    );
    const p = new Float64Array(10);
    p[7] = 0.92;
    expect(describePrediction(dlDefaults, [p, null, null])).toBe('ReLU says 7 (92%).');
    expect(describePrediction(dlDefaults, [])).toBe('No drawing yet.');
  });

  it('draws the initial lab (snapshots)', async () => {
    for (const [name, options] of [
      ['accuracy-initial', curvesFigure(dlDefaults, histories, 'accuracy')],
      ['loss-trained', curvesFigure(dlDefaults, trained, 'loss')],
      ['confusion-initial', confusionFigure('ReLU', histories[0].latest)],
      ['confusion-empty', confusionFigure('ReLU', null)],
      ['activity-initial', activityFigure(dlDefaults, histories)],
      ['activity-trained', activityFigure({ ...dlDefaults, threshold: 0 }, trained)],
      ['activity-empty', activityFigure(dlDefaults, dlInitialHistories(dlDefaults, null))],
      ['probabilities-empty', probabilitiesFigure(dlDefaults, [])],
    ] as const) {
      await expect(normaliseSvg(renderToString(options))).toMatchFileSnapshot(
        `../output/digits-lab-${name}.svg`,
      );
    }
    const p = probabilitiesOf(Float64Array.from({ length: 10 }, (_, i) => i / 3));
    const svg = renderToString(probabilitiesFigure(dlDefaults, [p, p, null]));
    expect(svg.match(/<rect/g)?.length).toBeGreaterThanOrEqual(20);
  });
});
