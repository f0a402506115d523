// The training engine: layers over batched Float64Arrays, losses, optimisers, initialisers,
// networks from plain configs, the training loop, probes and export.

export { ActivationLayer, type ActivationLayerOptions } from './activation-layer.ts';
export { BatchNorm, type NormOptions } from './batch-norm.ts';
export { Dense } from './dense.ts';
export { Dropout, type DropoutKind, SELU_SATURATION } from './dropout.ts';
export { FORMAT, fromJSON, type NetworkJson, toJSON, toKeras, toPyTorch } from './export.ts';
export { type InitScheme, initialise, initSchemes } from './initialisers.ts';
export { BatchBuffer, type BufferRef, type Layer, type ParamRef, zeroGrads } from './layer.ts';
export { LayerNorm } from './layer-norm.ts';
export { type Loss, type LossId, losses } from './losses.ts';
export { type LayerSpec, type MlpOptions, mlp, Network, type NetworkConfig } from './network.ts';
export {
  type AdamOptions,
  adam,
  type Optimiser,
  type OptimiserConfig,
  optimiser,
  type Regularisation,
  type SgdOptions,
  sgd,
} from './optimisers.ts';
export {
  type ActivationProbe,
  type Histogram,
  type LayerProbe,
  leaves,
  type ProbeOptions,
  Probes,
} from './probes.ts';
export { type NormPlacement, Residual } from './residual.ts';
export { Sequential } from './sequential.ts';
export {
  type Dataset,
  type Divergence,
  type Observer,
  Trainer,
  type TrainerOptions,
} from './trainer.ts';
export { VectorLayer } from './vector-layer.ts';
