// Three classes, true class 2; the network puts logit s on
// class 1. How hard does each loss push the true logit z₂?
import { nn, vectors } from 'nonlinear';

const y = Float64Array.from([0, 1, 0]);
const ce = nn.losses['softmax-cross-entropy'];
const mse = nn.losses.mse;
type Point = {
  s: number;
  pairing: string;
  gradient: number;
};
const sweep: Point[] = [];
for (let s = 0; s <= 12; s += 0.25) {
  const z = Float64Array.from([s, 0, 0]);
  const withCE = new Float64Array(3);
  ce.evaluate(z, y, 3, withCE);
  // MSE on the probabilities, then back through softmax.
  const p = new Float64Array(3);
  vectors.softmax.forward(z, p);
  const dp = new Float64Array(3);
  mse.evaluate(p, y, 3, dp);
  const withMSE = new Float64Array(3);
  vectors.softmax.backward(z, dp, withMSE);
  const g = (pairing: string, d: Float64Array) =>
    sweep.push({ s, pairing, gradient: Math.abs(d[1]) });
  g('softmax + cross-entropy', withCE);
  g('softmax + MSE', withMSE);
  if (s === 10) {
    print('s = 10, ∂L/∂z₂, cross-entropy:', withCE[1]);
    print('s = 10, ∂L/∂z₂, MSE:          ', withMSE[1]);
  }
}
const ends = sweep.filter((d) => d.s === 12);
plot({
  ariaLabel:
    'Gradient on the true logit for s from 0 to 12: ' +
    'cross-entropy stays near 1, MSE falls toward 0',
  height: 280,
  marginLeft: 60,
  marginRight: 20,
  x: { label: 'logit s of the wrong class' },
  y: {
    type: 'log',
    grid: true,
    label: '|∂L/∂z₂|',
    tickFormat: '~g',
  },
  color: {
    domain: ['softmax + cross-entropy', 'softmax + MSE'],
    range: ['var(--nl-series-1)', 'var(--nl-series-2)'],
  },
  marks: [
    Plot.line(sweep, {
      x: 's',
      y: 'gradient',
      stroke: 'pairing',
      strokeWidth: 2,
    }),
    Plot.text(ends, {
      x: 's',
      y: 'gradient',
      text: 'pairing',
      fill: 'pairing',
      textAnchor: 'end',
      dy: -10,
    }),
  ],
});
