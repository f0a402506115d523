// Log of softmax against log-softmax, logits (0, −800).
import { vectors } from 'nonlinear';

// Softmax is (1, e^−800), and e^−800 is below the smallest
// positive double, so it rounds to 0.
const z = Float64Array.from([0, -800]);
const p = new Float64Array(2);
const logp = new Float64Array(2);
vectors.softmax.forward(z, p);
vectors['log-softmax'].forward(z, logp);
const row = (computed: string, v: ArrayLike<number>) => ({
  computed,
  'class 1': v[0],
  'class 2': v[1],
});
table([
  row('softmax', p),
  row('log(softmax)', [Math.log(p[0]), Math.log(p[1])]),
  row('log-softmax', logp),
]);
