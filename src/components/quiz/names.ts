// Display names of catalogue ids (GELU, Leaky ReLU, Softmax) for the quiz and the helper.

import { activations, isActivationId, vectors } from '../../lib/activations/index.ts';

export function activationName(id: string): string {
  if (isActivationId(id)) return activations[id].name;
  return vectors[id]?.name ?? id;
}
