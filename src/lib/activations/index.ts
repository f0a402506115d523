// The activation catalogue: the only barrel of this folder. Lessons, tables, widgets, the
// training engine and notebook cells read every function from here.
//
//   import { activations } from '../lib/activations/index.ts';
//   activations.gelu.f(-10);                               // -7.619853024160525e-23
//   activations['leaky-relu'].with({ alpha: 0.2 }).df(-1); // 0.2

import { celu } from './celu.ts';
import { elu } from './elu.ts';
import { gelu } from './gelu.ts';
import { geluTanh } from './gelu-tanh.ts';
import { hardSigmoid } from './hard-sigmoid.ts';
import { hardSwish } from './hard-swish.ts';
import { hardTanh } from './hard-tanh.ts';
import { identity } from './identity.ts';
import { leakyRelu } from './leaky-relu.ts';
import { logSigmoid } from './log-sigmoid.ts';
import { logSoftmax } from './log-softmax.ts';
import { maxout } from './maxout.ts';
import { mish } from './mish.ts';
import { prelu } from './prelu.ts';
import { relu } from './relu.ts';
import { relu6 } from './relu6.ts';
import { rrelu } from './rrelu.ts';
import { selu } from './selu.ts';
import { sigmoid } from './sigmoid.ts';
import { silu } from './silu.ts';
import { softmax } from './softmax.ts';
import { softplus } from './softplus.ts';
import { softsign } from './softsign.ts';
import { swish } from './swish.ts';
import { tanh } from './tanh.ts';
import type { Activation, ActivationInfo, VectorActivation } from './types.ts';

export type * from './types.ts';

/** The scalar functions in catalogue order (the order of tables and menus). */
export const activationIds = [
  'identity',
  'sigmoid',
  'tanh',
  'softsign',
  'hard-sigmoid',
  'hard-tanh',
  'log-sigmoid',
  'relu',
  'leaky-relu',
  'prelu',
  'rrelu',
  'relu6',
  'elu',
  'celu',
  'selu',
  'softplus',
  'gelu',
  'gelu-tanh',
  'silu',
  'swish',
  'mish',
  'hard-swish',
] as const;

export type ActivationId = (typeof activationIds)[number];

/** The vector functions in catalogue order. */
export const vectorIds = ['softmax', 'log-softmax', 'maxout'] as const;

export type VectorId = (typeof vectorIds)[number];

const scalars = [
  identity,
  sigmoid,
  tanh,
  softsign,
  hardSigmoid,
  hardTanh,
  logSigmoid,
  relu,
  leakyRelu,
  prelu,
  rrelu,
  relu6,
  elu,
  celu,
  selu,
  softplus,
  gelu,
  geluTanh,
  silu,
  swish,
  mish,
  hardSwish,
];

/** The entries by id (test/lib/activations/catalogue.test.ts checks them against the ids). */
function byId<T extends ActivationInfo>(entries: T[]) {
  return Object.freeze(Object.fromEntries(entries.map((e) => [e.id, e])));
}

/**
 * Every scalar function with its default parameters, by id. Indexing with an unknown string
 * gives undefined at run time (check with `isActivationId`).
 */
export const activations = byId(scalars) as Readonly<Record<ActivationId, Activation>> &
  Readonly<Record<string, Activation>>;

/** Every vector function (softmax, log-softmax, maxout) with its default parameters, by id. */
export const vectors = byId([softmax, logSoftmax, maxout]) as Readonly<
  Record<VectorId, VectorActivation>
> &
  Readonly<Record<string, VectorActivation>>;

/** Every entry, scalar then vector, in catalogue order (for tables and the history timeline). */
export const catalogue: readonly (Activation | VectorActivation)[] = Object.freeze([
  ...activationIds.map((id) => activations[id]),
  ...vectorIds.map((id) => vectors[id]),
]);

/** Whether s names a scalar function of the catalogue. */
export function isActivationId(s: string): s is ActivationId {
  return (activationIds as readonly string[]).includes(s);
}

/** Whether s names a vector function of the catalogue. */
export function isVectorId(s: string): s is VectorId {
  return (vectorIds as readonly string[]).includes(s);
}
