// Softmax + cross-entropy: the engine's gradient, p − y and
// central finite differences side by side.
import { nn, vectors } from 'nonlinear';

// Four logits; the true class is class 2.
const z = Float64Array.from([1.5, -0.3, 2.2, 0.7]);
const y = Float64Array.from([0, 1, 0, 0]);
const K = z.length;
const ce = nn.losses['softmax-cross-entropy'];

// The engine's loss and gradient; p from the catalogue.
const grad = new Float64Array(K);
const loss = ce.evaluate(z, y, K, grad);
const p = new Float64Array(K);
vectors.softmax.forward(z, p);

// (L(z + h·e_i) − L(z − h·e_i)) / 2h, one logit at a time.
const h = 1e-5;
const rows: Record<string, number>[] = [];
for (let i = 0; i < K; i++) {
  const up = z.slice();
  const down = z.slice();
  up[i] += h;
  down[i] -= h;
  const lUp = ce.evaluate(up, y, K);
  const lDown = ce.evaluate(down, y, K);
  const fd = (lUp - lDown) / (2 * h);
  rows.push({
    class: i + 1,
    'p − y': p[i] - y[i],
    engine: grad[i],
    'finite difference': fd,
    'gap to p − y': Math.abs(fd - (p[i] - y[i])),
  });
}
print('loss =', loss, '  −log p₂ =', -Math.log(p[1]));
table(rows);
