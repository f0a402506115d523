// Layers in a row: the one place the chain rule is applied, forward in order and backward
// in reverse, each layer handing its output (or input gradient) to the next.

import { type BufferRef, type Layer, type ParamRef, prefixed } from './layer.ts';

const empty = new Float64Array(0);

export class Sequential implements Layer {
  readonly type = 'sequential';
  readonly layers: Layer[];
  readonly inputSize: number;
  readonly outputSize: number;
  x: Float64Array = empty;
  y: Float64Array = empty;
  dx: Float64Array = empty;

  constructor(layers: Layer[]) {
    if (layers.length === 0) throw new RangeError('sequential: needs at least one layer');
    for (let l = 1; l < layers.length; l++) {
      if (layers[l].inputSize !== layers[l - 1].outputSize) {
        throw new RangeError(
          `sequential: layer ${l} (${layers[l].type}) takes ${layers[l].inputSize} inputs but layer ${l - 1} gives ${layers[l - 1].outputSize}`,
        );
      }
    }
    this.layers = layers;
    this.inputSize = layers[0].inputSize;
    this.outputSize = layers[layers.length - 1].outputSize;
  }

  forward(x: Float64Array, training: boolean): Float64Array {
    let h = x;
    const layers = this.layers;
    for (let l = 0; l < layers.length; l++) h = layers[l].forward(h, training);
    this.x = x;
    this.y = h;
    return h;
  }

  backward(dy: Float64Array): Float64Array {
    let g = dy;
    const layers = this.layers;
    for (let l = layers.length - 1; l >= 0; l--) g = layers[l].backward(g);
    this.dx = g;
    return g;
  }

  params(): ParamRef[] {
    return this.layers.flatMap((layer, l) => prefixed(String(l), layer.params()));
  }

  buffers(): BufferRef[] {
    return this.layers.flatMap((layer, l) => prefixed(String(l), layer.buffers()));
  }
}
