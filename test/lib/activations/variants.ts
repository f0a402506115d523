// The entries the property tests sample: every scalar entry with its defaults, and the
// parameter values whose properties or code paths differ.

import { activationIds, activations } from '../../../src/lib/activations/index.ts';
import type { Activation } from '../../../src/lib/activations/types.ts';

export const variants: Activation[] = [
  ...activationIds.map((id) => activations[id]),
  activations['leaky-relu'].with({ alpha: 0.2 }),
  activations['leaky-relu'].with({ alpha: 0 }),
  activations['leaky-relu'].with({ alpha: 1 }),
  activations.prelu.with({ alpha: -0.5 }),
  activations.rrelu.with({ lower: 0, upper: 0 }),
  activations['hard-tanh'].with({ min: -2, max: 3 }),
  activations['hard-tanh'].with({ min: 0, max: 2 }),
  activations.elu.with({ alpha: 0.5 }),
  activations.elu.with({ alpha: 2 }),
  activations.celu.with({ alpha: 0.5 }),
  activations.celu.with({ alpha: 2 }),
  activations.softplus.with({ beta: 0.5 }),
  activations.softplus.with({ beta: 3 }),
  activations.swish.with({ beta: 0 }),
  activations.swish.with({ beta: 0.5 }),
  activations.swish.with({ beta: 2 }),
];

export const label = (a: Activation): string => `${a.id}${JSON.stringify(a.values)}`;

/** Where f′ may jump (or f″, for the C¹ ones): the kinks of each entry. */
export function kinks(a: Activation): number[] {
  switch (a.id) {
    case 'relu':
    case 'leaky-relu':
    case 'prelu':
    case 'rrelu':
    case 'elu':
    case 'celu':
    case 'selu':
    case 'softsign':
      return [0];
    case 'relu6':
      return [0, 6];
    case 'hard-tanh':
      return [a.values.min, a.values.max];
    case 'hard-sigmoid':
    case 'hard-swish':
      return [-3, 3];
    default:
      return [];
  }
}
