// A network out of the course: as JSON (configuration and every array, to load back), and
// as PyTorch or Keras code a reader pastes into a notebook to get the same model with the
// same weights. PyTorch names follow nn.Sequential's state_dict ('0.weight', '3.branch.0.bias');
// Keras layers get explicit names so that weights are set by name, not by position.

import type { Activation, VectorActivation } from '../activations/types.ts';
import type { Source } from '../random/index.ts';
import { seeded } from '../random/index.ts';
import { ActivationLayer } from './activation-layer.ts';
import { BatchNorm } from './batch-norm.ts';
import { Dense } from './dense.ts';
import { Dropout } from './dropout.ts';
import type { Layer } from './layer.ts';
import { LayerNorm } from './layer-norm.ts';
import { Network, type NetworkConfig } from './network.ts';
import { Residual } from './residual.ts';
import type { Sequential } from './sequential.ts';
import { VectorLayer } from './vector-layer.ts';

export const FORMAT = 'nonlinear.network';

export interface NetworkJson {
  format: typeof FORMAT;
  version: 1;
  config: NetworkConfig;
  /** Parameters and buffers by PyTorch name, as plain arrays. */
  state: Record<string, number[]>;
}

function state(network: Network): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const p of network.params()) out[p.name] = p.value;
  for (const b of network.buffers()) out[b.name] = b.value;
  return out;
}

export function toJSON(network: Network): NetworkJson {
  const arrays = state(network);
  return {
    format: FORMAT,
    version: 1,
    config: structuredClone(network.config),
    state: Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, Array.from(v)])),
  };
}

/** A network with the saved weights (the source only matters for dropout and RReLU noise). */
export function fromJSON(json: NetworkJson, source: Source = seeded(0)): Network {
  if (json?.format !== FORMAT || json.version !== 1) {
    throw new RangeError(`not a ${FORMAT} version 1 document`);
  }
  const network = new Network(json.config, source);
  const arrays = state(network);
  for (const [name, value] of Object.entries(arrays)) {
    const saved = json.state[name];
    if (!saved || saved.length !== value.length) {
      throw new RangeError(
        `${name}: expected ${value.length} numbers, got ${saved?.length ?? 'none'}`,
      );
    }
    value.set(saved);
  }
  return network;
}

// ---- Python ---------------------------------------------------------------------------

/** A float as Python reads it back to the same double. */
function py(v: number): string {
  if (Number.isNaN(v)) return 'float("nan")';
  if (!Number.isFinite(v)) return v > 0 ? 'float("inf")' : 'float("-inf")';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

function pyList(values: ArrayLike<number>): string {
  return `[${Array.from(values, py).join(', ')}]`;
}

/** Rows of a row-major matrix, optionally transposed (Keras kernels are [in][out]). */
function pyMatrix(
  values: Float64Array,
  rowsCount: number,
  cols: number,
  transpose = false,
): string {
  const out: string[] = [];
  if (transpose) {
    for (let c = 0; c < cols; c++) {
      out.push(pyList(Array.from({ length: rowsCount }, (_, r) => values[r * cols + c])));
    }
  } else {
    for (let r = 0; r < rowsCount; r++) out.push(pyList(values.subarray(r * cols, (r + 1) * cols)));
  }
  return `[${out.join(', ')}]`;
}

const isDefault = (f: Activation | VectorActivation) =>
  f.params.every((p) => f.values[p.name] === p.default);

// ---- PyTorch ----------------------------------------------------------------------------

const torchPlain: Record<string, string> = {
  identity: 'nn.Identity()',
  sigmoid: 'nn.Sigmoid()',
  tanh: 'nn.Tanh()',
  softsign: 'nn.Softsign()',
  'hard-sigmoid': 'nn.Hardsigmoid()',
  'log-sigmoid': 'nn.LogSigmoid()',
  relu: 'nn.ReLU()',
  relu6: 'nn.ReLU6()',
  selu: 'nn.SELU()',
  gelu: 'nn.GELU()',
  'gelu-tanh': 'nn.GELU(approximate="tanh")',
  silu: 'nn.SiLU()',
  mish: 'nn.Mish()',
  'hard-swish': 'nn.Hardswish()',
};

function torchActivation(layer: ActivationLayer, needs: Set<string>): string {
  const f = layer.activation;
  const v = f.values;
  if (layer.slope) return `nn.PReLU(num_parameters=${layer.slope.length})`;
  switch (f.id) {
    case 'hard-tanh':
      return `nn.Hardtanh(min_val=${py(v.min)}, max_val=${py(v.max)})`;
    case 'leaky-relu':
      return `nn.LeakyReLU(negative_slope=${py(v.alpha)})`;
    case 'rrelu':
      return `nn.RReLU(lower=${py(v.lower)}, upper=${py(v.upper)})`;
    case 'elu':
      return `nn.ELU(alpha=${py(v.alpha)})`;
    case 'celu':
      return `nn.CELU(alpha=${py(v.alpha)})`;
    // The catalogue's softplus is exact everywhere; PyTorch's returns x above threshold/β
    // (threshold 20), which differs by less than e^-20.
    case 'softplus':
      return `nn.Softplus(beta=${py(v.beta)})`;
    case 'swish':
      if (v.beta === 1) return 'nn.SiLU()';
      needs.add('Fn');
      return `Fn(lambda x: x * torch.sigmoid(${py(v.beta)} * x))`;
  }
  const plain = torchPlain[f.id];
  if (!plain) throw new RangeError(`no PyTorch equivalent for activation "${f.id}"`);
  return plain;
}

function torchVector(layer: VectorLayer, needs: Set<string>): string {
  const f = layer.activation;
  if (f.id === 'maxout') {
    needs.add('Maxout');
    return `Maxout(${f.values.k})`;
  }
  const t = f.values.temperature ?? 1;
  const fn = f.id === 'softmax' ? 'softmax' : 'log_softmax';
  if (t === 1) return f.id === 'softmax' ? 'nn.Softmax(dim=-1)' : 'nn.LogSoftmax(dim=-1)';
  needs.add('Fn');
  return `Fn(lambda x: torch.${fn}(x / ${py(t)}, dim=-1))`;
}

/** A trailing comment for a module's line (PyTorch's nn.Linear takes no starting bias). */
function torchComment(layer: Layer): string {
  if (layer instanceof Dense && layer.startingBias !== undefined) {
    return `  # every bias started at ${py(layer.startingBias)}`;
  }
  return '';
}

function torchModule(layer: Layer, needs: Set<string>, indent: string): string {
  if (layer instanceof Dense) return `nn.Linear(${layer.inputSize}, ${layer.outputSize})`;
  if (layer instanceof ActivationLayer) return torchActivation(layer, needs);
  if (layer instanceof VectorLayer) return torchVector(layer, needs);
  if (layer instanceof BatchNorm) {
    return `nn.BatchNorm1d(${layer.inputSize}, eps=${py(layer.eps)}, momentum=${py(layer.momentum)})`;
  }
  if (layer instanceof LayerNorm) return `nn.LayerNorm(${layer.inputSize}, eps=${py(layer.eps)})`;
  if (layer instanceof Dropout) {
    return `${layer.type === 'dropout' ? 'nn.Dropout' : 'nn.AlphaDropout'}(p=${py(layer.p)})`;
  }
  if (layer instanceof Residual) {
    needs.add('Residual');
    const branch = torchSequential(layer.branch, needs, `${indent}    `);
    const norm = layer.norm ? torchModule(layer.norm, needs, indent) : 'None';
    return `Residual(\n${indent}    ${branch},\n${indent}    norm=${norm},\n${indent}    placement="${layer.placement}",\n${indent})`;
  }
  throw new RangeError(`no PyTorch equivalent for layer "${layer.type}"`);
}

function torchSequential(model: Sequential, needs: Set<string>, indent: string): string {
  const inner = model.layers.map(
    (l) => `${indent}    ${torchModule(l, needs, `${indent}    `)},${torchComment(l)}`,
  );
  return `nn.Sequential(\n${inner.join('\n')}\n${indent})`;
}

const torchHelpers: Record<string, string> = {
  Fn: `class Fn(nn.Module):
    """An activation PyTorch has no module for, as a function."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return self.fn(x)`,
  Maxout: `class Maxout(nn.Module):
    """The maximum of each group of k consecutive inputs."""

    def __init__(self, k):
        super().__init__()
        self.k = k

    def forward(self, x):
        return x.unflatten(-1, (-1, self.k)).amax(-1)`,
  Residual: `class Residual(nn.Module):
    """x + branch(norm(x)) (pre-norm), norm(x + branch(x)) (post-norm) or x + branch(x)."""

    def __init__(self, branch, norm=None, placement="none"):
        super().__init__()
        self.branch = branch
        self.norm = norm
        self.placement = placement

    def forward(self, x):
        if self.placement == "pre":
            return x + self.branch(self.norm(x))
        if self.placement == "post":
            return self.norm(x + self.branch(x))
        return x + self.branch(x)`,
};

/** PyTorch code that builds the network and loads its weights (in float64). */
export function toPyTorch(network: Network): string {
  const needs = new Set<string>();
  const model = torchSequential(network.model, needs, '');
  const shapes: Record<string, string> = {};
  walkDense(network.model, '', (path, dense) => {
    shapes[`${path}weight`] = pyMatrix(dense.weight, dense.outputSize, dense.inputSize);
  });
  const entries = Object.entries(state(network)).map(([name, value]) => {
    if (name.endsWith('num_batches_tracked')) return `    "${name}": torch.tensor(${value[0]}),`;
    return `    "${name}": torch.tensor(${shapes[name] ?? pyList(value)}, dtype=torch.float64),`;
  });
  return [
    'import torch',
    'from torch import nn',
    '',
    ...[...needs].sort().flatMap((n) => [torchHelpers[n], '', '']),
    `model = ${model}.double()`,
    '',
    'state = {',
    ...entries,
    '}',
    'model.load_state_dict(state)',
    'model.eval()',
    '',
  ].join('\n');
}

function walkDense(model: Sequential, prefix: string, visit: (path: string, dense: Dense) => void) {
  model.layers.forEach((layer, i) => {
    const path = `${prefix}${i}.`;
    if (layer instanceof Dense) visit(path, layer);
    if (layer instanceof Residual) walkDense(layer.branch, `${path}branch.`, visit);
  });
}

// ---- Keras ------------------------------------------------------------------------------

const kerasPlain: Record<string, string> = {
  identity: 'linear',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softsign: 'softsign',
  'hard-sigmoid': 'hard_sigmoid',
  'hard-tanh': 'hard_tanh',
  'log-sigmoid': 'log_sigmoid',
  relu: 'relu',
  relu6: 'relu6',
  elu: 'elu',
  celu: 'celu',
  selu: 'selu',
  softplus: 'softplus',
  gelu: 'gelu',
  silu: 'silu',
  swish: 'silu',
  mish: 'mish',
  'hard-swish': 'hard_silu',
};

/** The Keras activation string for a default-parameter function, if there is one. */
function kerasString(f: Activation): string | null {
  return isDefault(f) ? (kerasPlain[f.id] ?? null) : null;
}

interface KerasOut {
  lines: string[];
  weights: string[];
  count: number;
}

function kerasName(out: KerasOut, kind: string): string {
  return `${kind}_${out.count++}`;
}

/** The Keras layer for an activation with non-default parameters (name added by the caller). */
function kerasActivationLayer(f: Activation): string {
  const v = f.values;
  const lambda = (body: string) => `layers.Lambda(lambda t: ${body}`;
  switch (f.id) {
    case 'leaky-relu':
      return `layers.LeakyReLU(negative_slope=${py(v.alpha)}`;
    // Keras has no RReLU; at evaluation it is a leaky ReLU with the mean slope.
    case 'rrelu':
      return `layers.LeakyReLU(negative_slope=${py((v.lower + v.upper) / 2)}`;
    case 'elu':
      return `layers.ELU(alpha=${py(v.alpha)}`;
    case 'celu':
      return lambda(`keras.activations.celu(t, alpha=${py(v.alpha)})`);
    case 'hard-tanh':
      return lambda(`keras.ops.clip(t, ${py(v.min)}, ${py(v.max)})`);
    case 'softplus':
      return lambda(`keras.activations.softplus(${py(v.beta)} * t) / ${py(v.beta)}`);
    case 'swish':
      return lambda(`t * keras.activations.sigmoid(${py(v.beta)} * t)`);
    case 'gelu-tanh':
      return lambda('keras.activations.gelu(t, approximate=True)');
  }
  throw new RangeError(`no Keras equivalent for activation "${f.id}"`);
}

function kerasActivation(layer: ActivationLayer, x: string, out: KerasOut): void {
  const name = kerasName(out, 'activation');
  let expr: string;
  if (layer.slope) {
    const shared = layer.slope.length === 1 ? ', shared_axes=[1]' : '';
    expr = `layers.PReLU(name="${name}"${shared})`;
    out.weights.push(`model.get_layer("${name}").set_weights([np.array(${pyList(layer.slope)})])`);
  } else {
    const plain = kerasString(layer.activation);
    expr = plain
      ? `layers.Activation("${plain}", name="${name}")`
      : `${kerasActivationLayer(layer.activation)}, name="${name}")`;
  }
  out.lines.push(`${x} = ${expr}(${x})`);
}

function kerasLayer(layer: Layer, next: Layer | undefined, x: string, out: KerasOut): boolean {
  const add = (expr: string): void => {
    out.lines.push(`${x} = ${expr}(${x})`);
  };
  if (layer instanceof Dense) {
    const name = kerasName(out, 'dense');
    // Dense(…, activation="tanh") when the next layer is a plain activation: one Keras layer.
    const fused =
      next instanceof ActivationLayer && !next.slope ? kerasString(next.activation) : null;
    const activation = fused ? `, activation="${fused}"` : '';
    const bias =
      layer.startingBias === undefined
        ? ''
        : `, bias_initializer=keras.initializers.Constant(${py(layer.startingBias)})`;
    add(`layers.Dense(${layer.outputSize}${activation}${bias}, name="${name}")`);
    const kernel = pyMatrix(layer.weight, layer.outputSize, layer.inputSize, true);
    out.weights.push(
      `model.get_layer("${name}").set_weights([np.array(${kernel}), np.array(${pyList(layer.bias)})])`,
    );
    return fused !== null;
  }
  if (layer instanceof ActivationLayer) {
    kerasActivation(layer, x, out);
  } else if (layer instanceof VectorLayer) {
    const f = layer.activation;
    const name = kerasName(out, f.id.replace('-', '_'));
    if (f.id === 'maxout') {
      const k = f.values.k;
      add(`layers.Reshape((${layer.outputSize}, ${k}), name="${name}_groups")`);
      add(`layers.Lambda(lambda t: keras.ops.max(t, axis=-1), name="${name}")`);
    } else {
      const t = f.values.temperature ?? 1;
      const fn = f.id === 'softmax' ? 'softmax' : 'log_softmax';
      add(`layers.Lambda(lambda t: keras.activations.${fn}(t / ${py(t)}), name="${name}")`);
    }
  } else if (layer instanceof BatchNorm) {
    const name = kerasName(out, 'batch_norm');
    // Keras's momentum weighs the old statistics: 1 − PyTorch's.
    add(
      `layers.BatchNormalization(momentum=${py(1 - layer.momentum)}, epsilon=${py(layer.eps)}, name="${name}")`,
    );
    const arrays = [layer.gamma, layer.beta, layer.runningMean, layer.runningVar];
    out.weights.push(
      `model.get_layer("${name}").set_weights([${arrays.map((a) => `np.array(${pyList(a)})`).join(', ')}])`,
    );
  } else if (layer instanceof LayerNorm) {
    const name = kerasName(out, 'layer_norm');
    add(`layers.LayerNormalization(epsilon=${py(layer.eps)}, name="${name}")`);
    out.weights.push(
      `model.get_layer("${name}").set_weights([np.array(${pyList(layer.gamma)}), np.array(${pyList(layer.beta)})])`,
    );
  } else if (layer instanceof Dropout) {
    const name = kerasName(out, layer.type.replace('-', '_'));
    add(
      `layers.${layer.type === 'dropout' ? 'Dropout' : 'AlphaDropout'}(${py(layer.p)}, name="${name}")`,
    );
  } else if (layer instanceof Residual) {
    const skip = `skip_${out.count++}`;
    out.lines.push(`${skip} = ${x}`);
    if (layer.placement === 'pre' && layer.norm) kerasLayer(layer.norm, undefined, x, out);
    kerasLayers(layer.branch.layers, x, out);
    out.lines.push(`${x} = layers.Add()([${skip}, ${x}])`);
    if (layer.placement === 'post' && layer.norm) kerasLayer(layer.norm, undefined, x, out);
  } else {
    throw new RangeError(`no Keras equivalent for layer "${layer.type}"`);
  }
  return false;
}

function kerasLayers(layers: Layer[], x: string, out: KerasOut): void {
  for (let i = 0; i < layers.length; i++) {
    if (kerasLayer(layers[i], layers[i + 1], x, out)) i++;
  }
}

/** Keras 3 code (functional API) that builds the network and sets its weights. */
export function toKeras(network: Network): string {
  const out: KerasOut = { lines: [], weights: [], count: 0 };
  kerasLayers(network.layers, 'x', out);
  return [
    'import numpy as np',
    'import keras',
    'from keras import layers',
    '',
    `inputs = keras.Input(shape=(${network.inputs},))`,
    'x = inputs',
    ...out.lines,
    'model = keras.Model(inputs, x)',
    '',
    ...out.weights,
    '',
  ].join('\n');
}
