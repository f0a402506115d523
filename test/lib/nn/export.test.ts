import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { activations } from '../../../src/lib/activations/index.ts';
import { ActivationLayer } from '../../../src/lib/nn/activation-layer.ts';
import { Dense } from '../../../src/lib/nn/dense.ts';
import { FORMAT, fromJSON, toJSON, toKeras, toPyTorch } from '../../../src/lib/nn/export.ts';
import { type LayerSpec, mlp, Network } from '../../../src/lib/nn/network.ts';
import { seeded } from '../../../src/lib/random/index.ts';
import { normals } from './gradcheck.ts';

const small = () =>
  new Network(
    mlp({ inputs: 2, hidden: [3], outputs: 1, activation: 'tanh', output: 'sigmoid' }),
    seeded(1),
  );

const everything: LayerSpec[] = [
  { type: 'dense', units: 4 },
  { type: 'batch-norm' },
  { type: 'activation', id: 'prelu', perUnit: true },
  { type: 'dropout', p: 0.1 },
  {
    type: 'residual',
    norm: 'pre',
    branch: [
      { type: 'dense', units: 4 },
      { type: 'activation', id: 'leaky-relu', params: { alpha: 0.2 } },
    ],
  },
  { type: 'layer-norm' },
  { type: 'alpha-dropout', p: 0.05 },
  { type: 'dense', units: 4 },
  { type: 'vector', id: 'maxout', params: { k: 2 } },
  { type: 'activation', id: 'elu', params: { alpha: 0.5 } },
  { type: 'dense', units: 3 },
  { type: 'vector', id: 'softmax' },
];

describe('export', () => {
  it('fromJSON(toJSON(network)) predicts exactly as the network does', () => {
    const network = new Network({ inputs: 2, layers: everything }, seeded(2));
    network.forward(normals(20, 3), true); // move BatchNorm's running statistics
    const json = JSON.parse(JSON.stringify(toJSON(network)));
    expect(json.format).toBe(FORMAT);
    const copy = fromJSON(json);
    const x = normals(10, 4);
    expect(copy.predict(x)).toEqual(network.predict(x));
  });

  it('fromJSON rejects other documents and missing arrays', () => {
    expect(() => fromJSON({ format: 'other' } as never)).toThrow(/not a nonlinear.network/);
    const json = toJSON(small());
    delete json.state['0.bias'];
    expect(() => fromJSON(json)).toThrow(/0.bias/);
  });

  it('toPyTorch(network) writes nn.Sequential with the layers and a state_dict of the weights', () => {
    const network = small();
    const code = toPyTorch(network);
    expect(code).toContain(
      'model = nn.Sequential(\n    nn.Linear(2, 3),\n    nn.Tanh(),\n    nn.Linear(3, 1),\n    nn.Sigmoid(),\n).double()',
    );
    const w = (network.layers[0] as Dense).weight;
    expect(code).toContain(
      `"0.weight": torch.tensor([[${w[0]}, ${w[1]}], [${w[2]}, ${w[3]}], [${w[4]}, ${w[5]}]], dtype=torch.float64)`,
    );
    expect(code).toContain('"2.bias": torch.tensor([0.0], dtype=torch.float64)');
    expect(code).toContain('model.load_state_dict(state)');
  });

  it('toPyTorch(network) maps every layer type, adding helper modules only when needed', () => {
    const code = toPyTorch(new Network({ inputs: 2, layers: everything }, seeded(2)));
    for (const piece of [
      'nn.BatchNorm1d(4, eps=0.00001, momentum=0.1)',
      'nn.PReLU(num_parameters=4)',
      'nn.Dropout(p=0.1)',
      'Residual(\n        nn.Sequential(',
      'nn.LeakyReLU(negative_slope=0.2)',
      'norm=nn.LayerNorm(4, eps=0.00001),',
      'placement="pre"',
      'nn.AlphaDropout(p=0.05)',
      'Maxout(2)',
      'nn.ELU(alpha=0.5)',
      'nn.Softmax(dim=-1)',
      'class Maxout(nn.Module):',
      'class Residual(nn.Module):',
      '"1.num_batches_tracked": torch.tensor(0)',
      '"4.branch.0.weight"',
      '"2.weight": torch.tensor([0.25, 0.25, 0.25, 0.25]',
    ]) {
      expect(code).toContain(piece);
    }
    expect(code).not.toContain('class Fn');
    expect(toPyTorch(small())).not.toContain('class Residual');
  });

  it('toKeras(network) fuses Dense with a plain activation and sets the kernel transposed', () => {
    const network = small();
    const code = toKeras(network);
    expect(code).toContain('inputs = keras.Input(shape=(2,))');
    expect(code).toContain('x = layers.Dense(3, activation="tanh", name="dense_0")(x)');
    expect(code).toContain('x = layers.Dense(1, activation="sigmoid", name="dense_1")(x)');
    const w = (network.layers[0] as Dense).weight;
    expect(code).toContain(
      `model.get_layer("dense_0").set_weights([np.array([[${w[0]}, ${w[2]}, ${w[4]}], [${w[1]}, ${w[3]}, ${w[5]}]]), np.array([0.0, 0.0, 0.0])])`,
    );
  });

  it('toKeras(network) maps every layer type with the functional API', () => {
    const code = toKeras(new Network({ inputs: 2, layers: everything }, seeded(2)));
    for (const piece of [
      'layers.BatchNormalization(momentum=0.9, epsilon=0.00001, name="batch_norm_1")',
      'layers.PReLU(name="activation_2")',
      'layers.Dropout(0.1, name="dropout_3")',
      'skip_4 = x',
      'layers.LayerNormalization(epsilon=0.00001',
      'layers.LeakyReLU(negative_slope=0.2',
      'x = layers.Add()([skip_4, x])',
      'layers.AlphaDropout(0.05',
      'layers.Reshape((2, 2)',
      'keras.ops.max(t, axis=-1)',
      'layers.ELU(alpha=0.5',
      'keras.activations.softmax(t / 1.0)',
      'model = keras.Model(inputs, x)',
    ]) {
      expect(code).toContain(piece);
    }
  });

  it('export writes parameterised activations as code with their values', () => {
    const specs: [LayerSpec, string, string][] = [
      [
        { type: 'activation', id: 'swish', params: { beta: 2 } },
        'Fn(lambda x: x * torch.sigmoid(2.0 * x))',
        't * keras.activations.sigmoid(2.0 * t)',
      ],
      [
        { type: 'activation', id: 'softplus', params: { beta: 2 } },
        'nn.Softplus(beta=2.0)',
        'keras.activations.softplus(2.0 * t) / 2.0',
      ],
      [
        { type: 'activation', id: 'hard-tanh', params: { min: -2, max: 2 } },
        'nn.Hardtanh(min_val=-2.0, max_val=2.0)',
        'keras.ops.clip(t, -2.0, 2.0)',
      ],
      [
        { type: 'activation', id: 'rrelu' },
        'nn.RReLU(lower=0.125',
        'LeakyReLU(negative_slope=0.22916666666666666',
      ],
      [
        { type: 'activation', id: 'prelu' },
        'nn.PReLU(num_parameters=1)',
        'layers.PReLU(name="activation_1", shared_axes=[1])',
      ],
      [{ type: 'activation', id: 'selu' }, 'nn.SELU()', 'layers.Dense(2, activation="selu"'],
      [
        { type: 'vector', id: 'log-softmax' },
        'nn.LogSoftmax(dim=-1)',
        'keras.activations.log_softmax(t / 1.0)',
      ],
    ];
    for (const [spec, torch, keras] of specs) {
      const network = new Network(
        { inputs: 2, layers: [{ type: 'dense', units: 2 }, spec] },
        seeded(1),
      );
      expect(toPyTorch(network)).toContain(torch);
      expect(toKeras(network)).toContain(keras);
    }
  });

  it('export writes the other activations with parameters, and NaN or infinite weights', () => {
    const layers: LayerSpec[] = [
      { type: 'dense', units: 2 },
      { type: 'activation', id: 'celu', params: { alpha: 2 } },
      { type: 'activation', id: 'gelu-tanh' },
      { type: 'activation', id: 'swish' },
      { type: 'vector', id: 'softmax', params: { temperature: 2 } },
      { type: 'residual', norm: 'post', branch: [{ type: 'dense', units: 2 }] },
    ];
    const network = new Network({ inputs: 2, layers }, seeded(1));
    const dense = network.layers[0] as Dense;
    dense.weight.set([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1]);
    const torch = toPyTorch(network);
    for (const piece of [
      'nn.CELU(alpha=2.0)',
      'nn.GELU(approximate="tanh")',
      'nn.SiLU()',
      'torch.softmax(x / 2.0, dim=-1)',
      'class Fn(nn.Module):',
      '[[float("nan"), float("inf")], [float("-inf"), 1.0]]',
    ]) {
      expect(torch).toContain(piece);
    }
    const keras = toKeras(network);
    for (const piece of [
      'keras.activations.celu(t, alpha=2.0)',
      'keras.activations.gelu(t, approximate=True)',
      'layers.Activation("silu"',
      'x = layers.Add()([skip_5, x])\nx = layers.LayerNormalization(',
    ]) {
      expect(keras).toContain(piece);
    }
  });

  it("export carries a dense layer's starting bias: JSON config, a PyTorch comment, a Keras initialiser", () => {
    const layers: LayerSpec[] = [
      { type: 'dense', units: 3, bias: -1 },
      { type: 'activation', id: 'relu' },
      { type: 'residual', norm: 'none', branch: [{ type: 'dense', units: 3, bias: 0.25 }] },
      { type: 'dense', units: 1 },
    ];
    const network = new Network({ inputs: 2, init: 'he-uniform', layers }, seeded(3));
    const json = JSON.parse(JSON.stringify(toJSON(network)));
    expect(json.config.layers[0]).toEqual({ type: 'dense', units: 3, bias: -1 });
    expect(json.state['0.bias']).toEqual([-1, -1, -1]);
    const copy = fromJSON(json);
    expect((copy.layers[0] as Dense).startingBias).toBe(-1);
    const x = normals(4, 5);
    expect(copy.predict(x)).toEqual(network.predict(x));

    const torch = toPyTorch(network);
    expect(torch).toContain('    nn.Linear(2, 3),  # every bias started at -1.0\n    nn.ReLU(),\n');
    expect(torch).toContain('nn.Linear(3, 3),  # every bias started at 0.25');
    expect(torch).toContain('    nn.Linear(3, 1),\n');
    expect(torch).toContain('"0.bias": torch.tensor([-1.0, -1.0, -1.0], dtype=torch.float64)');
    const keras = toKeras(network);
    expect(keras).toContain(
      'x = layers.Dense(3, activation="relu", bias_initializer=keras.initializers.Constant(-1.0), name="dense_0")(x)',
    );
    expect(keras).toContain('bias_initializer=keras.initializers.Constant(0.25), name="dense_');
    expect(keras).toMatch(/layers\.Dense\(1, name="dense_\d+"\)/);
    for (const code of [torch, keras]) {
      const parsed = execFileSync(
        'python3',
        ['-c', 'import ast,sys; ast.parse(sys.stdin.read()); print("ok")'],
        { input: code },
      );
      expect(String(parsed).trim()).toBe('ok');
    }
  }, 20_000);

  it('export names what it cannot translate', () => {
    const network = small();
    const mystery = new ActivationLayer({ ...activations.tanh, id: 'mystery' }, 3);
    network.model.layers[1] = mystery;
    expect(() => toPyTorch(network)).toThrow(/no PyTorch equivalent for activation "mystery"/);
    expect(() => toKeras(network)).toThrow(/no Keras equivalent for activation "mystery"/);
    const odd = { ...new Dense(2, 3), type: 'odd' } as unknown as Dense;
    network.model.layers[0] = odd;
    expect(() => toPyTorch(network)).toThrow(/no PyTorch equivalent for layer "odd"/);
    expect(() => toKeras(network)).toThrow(/no Keras equivalent for layer "odd"/);
  });
});
