// Push a batch through 30 random layers: which initialisation keeps the scale?
import { nn, random } from 'nonlinear';

const depth = 30;
const width = 128;
const batch = 50;

// 50 inputs with 128 standard normal entries each, the same for every run.
const draw = random.randomNormal(random.seeded(7));
const x = Float64Array.from({ length: batch * width }, draw);

const std = (v: Float64Array) => {
  let s = 0;
  let s2 = 0;
  for (const a of v) {
    s += a;
    s2 += a * a;
  }
  const mean = s / v.length;
  return Math.sqrt(s2 / v.length - mean * mean);
};

const runs: [string, nn.InitScheme][] = [
  ['relu', 'he-normal'],
  ['relu', 'lecun-normal'],
  ['tanh', 'glorot-normal'],
  ['tanh', 'he-normal'],
  ['selu', 'lecun-normal'],
  ['selu', 'he-normal'],
];

table(
  runs.map(([activation, init]) => {
    const net = new nn.Network(
      nn.mlp({ inputs: width, hidden: Array(depth).fill(width), outputs: 1, activation, init }),
      random.seeded(1),
    );
    net.forward(x, false);
    // The pre-activations: the output of every dense layer but the last.
    const dense = net.layers.filter((l) => l.type === 'dense').slice(0, depth);
    const at = (l: number) => Number(std(dense[l - 1].y).toPrecision(3));
    return {
      activation,
      init,
      'std, layer 1': at(1),
      'layer 10': at(10),
      'layer 20': at(20),
      'layer 30': at(30),
    };
  }),
);
