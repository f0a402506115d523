// A network from a plain, serialisable description (what the worker receives, what export
// writes), built with the run's source so that a seed fixes every initial weight.

import { activations, vectors } from '../activations/index.ts';
import type { ParamValues } from '../activations/types.ts';
import type { Source } from '../random/index.ts';
import { ActivationLayer } from './activation-layer.ts';
import { BatchNorm } from './batch-norm.ts';
import { Dense } from './dense.ts';
import { Dropout } from './dropout.ts';
import { type InitScheme, initialise } from './initialisers.ts';
import { type BufferRef, type Layer, type ParamRef, zeroGrads } from './layer.ts';
import { LayerNorm } from './layer-norm.ts';
import { type NormPlacement, Residual } from './residual.ts';
import { Sequential } from './sequential.ts';
import { VectorLayer } from './vector-layer.ts';

export type LayerSpec =
  | {
      type: 'dense';
      units: number;
      init?: InitScheme;
      /**
       * Every bias's starting value, in place of the initialiser's (0, or Playground's 0.1).
       * The weights are drawn exactly as without it. A finite number.
       */
      bias?: number;
    }
  | { type: 'activation'; id: string; params?: ParamValues; perUnit?: boolean }
  | { type: 'vector'; id: string; params?: ParamValues }
  | { type: 'batch-norm'; eps?: number; momentum?: number }
  | { type: 'layer-norm'; eps?: number }
  | { type: 'dropout' | 'alpha-dropout'; p: number }
  | {
      type: 'residual';
      norm: NormPlacement;
      normType?: 'batch-norm' | 'layer-norm';
      branch: LayerSpec[];
    };

export interface NetworkConfig {
  inputs: number;
  /** The initialiser of every dense layer that names none (default 'glorot-uniform'). */
  init?: InitScheme;
  layers: LayerSpec[];
}

function scalar(id: string, values: ParamValues | undefined) {
  const f = activations[id];
  if (!f) throw new RangeError(`unknown activation "${id}"`);
  return values ? f.with(values) : f;
}

function shown(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string "${value}"`;
  return value === null ? 'null' : typeof value;
}

function build(specs: LayerSpec[], inputs: number, init: InitScheme, source: Source): Sequential {
  const layers: Layer[] = [];
  let width = inputs;
  for (const spec of specs) {
    const layer = buildLayer(spec, width, init, source);
    // After a function with exact zeros on a half-line (ReLU), a dense layer skips them.
    const previous = layers[layers.length - 1];
    if (layer instanceof Dense && previous instanceof ActivationLayer) {
      layer.sparseInput = previous.activation.properties.sparse;
    }
    layers.push(layer);
    width = layer.outputSize;
  }
  return new Sequential(layers);
}

function buildLayer(spec: LayerSpec, width: number, init: InitScheme, source: Source): Layer {
  switch (spec.type) {
    case 'dense': {
      const bias: unknown = spec.bias;
      if (bias !== undefined && (typeof bias !== 'number' || !Number.isFinite(bias))) {
        throw new RangeError(
          `dense layer of ${spec.units} units: bias must be a finite number, got ${shown(bias)}`,
        );
      }
      const dense = new Dense(width, spec.units);
      initialise(spec.init ?? init, dense.weight, dense.bias, source);
      if (bias !== undefined) {
        dense.bias.fill(bias);
        dense.startingBias = bias;
      }
      return dense;
    }
    case 'activation':
      return new ActivationLayer(scalar(spec.id, spec.params), width, {
        source,
        perUnit: spec.perUnit,
      });
    case 'vector': {
      // By id, whatever keys the registry uses ('log-softmax' or logSoftmax).
      const f = Object.values(vectors).find((v) => v.id === spec.id);
      if (!f) throw new RangeError(`unknown vector activation "${spec.id}"`);
      return new VectorLayer(spec.params ? f.with(spec.params) : f, width);
    }
    case 'batch-norm':
      return new BatchNorm(width, spec);
    case 'layer-norm':
      return new LayerNorm(width, spec);
    case 'dropout':
    case 'alpha-dropout':
      return new Dropout(spec.type, width, spec.p, source);
    case 'residual': {
      const branch = build(spec.branch, width, init, source);
      const normType = spec.normType ?? 'layer-norm';
      const norm =
        spec.norm === 'none'
          ? null
          : normType === 'batch-norm'
            ? new BatchNorm(width)
            : new LayerNorm(width);
      return new Residual(branch, spec.norm, norm);
    }
    default:
      throw new RangeError(`unknown layer type "${(spec as { type: string }).type}"`);
  }
}

export class Network {
  readonly config: NetworkConfig;
  readonly model: Sequential;
  private readonly paramList: ParamRef[];

  constructor(config: NetworkConfig, source: Source) {
    this.config = config;
    this.model = build(config.layers, config.inputs, config.init ?? 'glorot-uniform', source);
    const first = this.model.layers[0];
    if (first instanceof Dense) first.inputGradient = false;
    this.paramList = this.model.params();
  }

  get inputs(): number {
    return this.model.inputSize;
  }

  get outputs(): number {
    return this.model.outputSize;
  }

  /** The top-level layers, in order. */
  get layers(): Layer[] {
    return this.model.layers;
  }

  forward(x: Float64Array, training: boolean): Float64Array {
    return this.model.forward(x, training);
  }

  backward(dy: Float64Array): Float64Array {
    return this.model.backward(dy);
  }

  /** Every trainable array, named as PyTorch names an nn.Sequential's parameters. */
  params(): ParamRef[] {
    return this.paramList;
  }

  buffers(): BufferRef[] {
    return this.model.buffers();
  }

  zeroGrad(): void {
    zeroGrads(this.paramList);
  }

  /** Outputs for a batch in evaluation mode, copied (safe to keep). */
  predict(x: Float64Array): Float64Array {
    return this.model.forward(x, false).slice();
  }
}

export interface MlpOptions {
  inputs: number;
  hidden: number[];
  outputs: number;
  /** Activation id of every hidden layer. */
  activation: string;
  /** Activation id of the output layer ('identity' for none). */
  output?: string;
  init?: InitScheme;
  /** The starting bias of every hidden dense layer (not the output layer's). */
  hiddenBias?: number;
}

/** The config of a plain multilayer perceptron: Dense, activation, …, Dense[, activation]. */
export function mlp(options: MlpOptions): NetworkConfig {
  const layers: LayerSpec[] = [];
  for (const units of options.hidden) {
    const dense: LayerSpec =
      options.hiddenBias === undefined
        ? { type: 'dense', units }
        : { type: 'dense', units, bias: options.hiddenBias };
    layers.push(dense, { type: 'activation', id: options.activation });
  }
  layers.push({ type: 'dense', units: options.outputs });
  if (options.output && options.output !== 'identity') {
    layers.push({ type: 'activation', id: options.output });
  }
  return { inputs: options.inputs, init: options.init, layers };
}
