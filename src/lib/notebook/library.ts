// The course library as the notebook kernel offers it: `import { activations, nn, data }
// from 'nonlinear'` in a cell (or the global `nonlinear`). The same names work in the Deno
// Jupyter kernel when an import map points `nonlinear` at this file.

export { activationIds, activations, catalogue, vectorIds, vectors } from '../activations/index.ts';
export * as data from '../data/index.ts';
export * as nn from '../nn/index.ts';
export * as random from '../random/index.ts';
