// A SwiGLU feed-forward block,
// (SiLU(xW) ⊙ xV)·W2, worked through
// on one input of 3 numbers.
import { activations } from 'nonlinear';

const { silu } = activations;

// One token's vector, d = 3. W and V
// map it to d_ff = 4 hidden numbers;
// W2 maps them back to 3.
const x = [1, -0.5, 2];
const W = [
  [1, -1, 0.5, -2],
  [0.5, 2, -1, 0],
  [0.25, -0.5, 0.5, -1],
];
const V = [
  [0.5, 1, -1, 1],
  [-1, 0.5, 0, 2],
  [1, 0.25, 0.5, -0.5],
];
const W2 = [
  [1, 0, -1],
  [0, 1, 0.5],
  [-0.5, 1, 1],
  [2, -1, 0],
];

// Row vector times matrix:
// (vM)_j = Σ_i v_i·M[i][j]
type Vector = number[];
type Matrix = number[][];
function times(v: Vector, M: Matrix) {
  return M[0].map((_, j) => v.reduce((s, v_i, i) => s + v_i * M[i][j], 0));
}

// xW: what the gate sees
const gateIn = times(x, W);
// xV: what the gate lets through
const value = times(x, V);
// SiLU(xW)
const gate = gateIn.map(silu.f);
// SiLU(xW) ⊙ xV, element by element
const hidden = gate.map((g, j) => g * value[j]);
// back to d = 3
const y = times(hidden, W2);

// Rounded to 4 decimals for the tables
const r4 = (v: number) => +v.toFixed(4);
table(
  gateIn.map((z, j) => ({
    unit: j + 1,
    'xW (gate in)': z,
    'SiLU(xW)': r4(gate[j]),
    'xV (value)': value[j],
    product: r4(hidden[j]),
  })),
);
print('y = (SiLU(xW) ⊙ xV)·W2 =', y);

// The same block with other gates
// in SiLU's place.
const gates = {
  'GLU (σ)': activations.sigmoid,
  'ReGLU (ReLU)': activations.relu,
  'GEGLU (GELU)': activations.gelu,
  'SwiGLU (SiLU)': activations.silu,
};
const entries = Object.entries(gates);
const variants = entries.map(([name, g]) => {
  const h = gateIn.map((z, j) => g.f(z) * value[j]);
  return {
    variant: name,
    'unit 1': r4(h[0]),
    'unit 2': r4(h[1]),
    'unit 3': r4(h[2]),
    'unit 4': r4(h[3]),
  };
});
table(variants);
