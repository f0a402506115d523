// Multi-label: one sigmoid per label against one softmax.
import { activations, vectors } from 'nonlinear';

// One photo shows a dog on a beach; the other shows none
// of the three labels.
const labels = ['dog', 'beach', 'cat'];
const photos: Record<string, number[]> = {
  'dog on a beach': [3, 2.5, -4],
  'empty room': [-4, -5, -6],
};
// Probabilities rounded to 4 significant digits.
const r = (v: number) => Number(v.toPrecision(4));
const rows: Record<string, string | number>[] = [];
for (const [photo, logits] of Object.entries(photos)) {
  const p = new Float64Array(logits.length);
  vectors.softmax.forward(Float64Array.from(logits), p);
  logits.forEach((z, i) => {
    rows.push({
      photo,
      label: labels[i],
      logit: z,
      'sigmoid(z)': r(activations.sigmoid.f(z)),
      'softmax(z)': r(p[i]),
    });
  });
}
table(rows);
