// <nl-self-normalisation>: wires the server-rendered controls to the figures (see
// form-widget.ts). A new input is computed a few layers per frame, and drawn as it grows.

import {
  formatSelfNormalisationState,
  parseSelfNormalisationState,
  type SelfNormalisationState,
  type SnActivation,
  snActivations,
} from '../figures/self-normalisation-state.ts';
import { FormWidget, once } from './form-widget.ts';

const sliders = [
  ['depth', 'depth'],
  ['width', 'width'],
  ['mean', 'inputMean'],
  ['var', 'inputVariance'],
] as const;

class SelfNormalisation extends FormWidget<SelfNormalisationState> {
  protected readonly module = {
    load: once(() => import('./self-normalisation-draw.ts')),
    parse: parseSelfNormalisationState,
    format: formatSelfNormalisationState,
  };

  protected fromControls(): SelfNormalisationState {
    const chosen = new FormData(this.form).getAll('act') as SnActivation[];
    const state = { ...this.state, activations: snActivations.filter((a) => chosen.includes(a)) };
    for (const [name, key] of sliders) state[key] = Number(this.field(name).value);
    return state;
  }

  protected syncControls(state: SelfNormalisationState) {
    for (const box of this.form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = state.activations.includes(box.value as SnActivation);
    }
    for (const [name, key] of sliders) {
      this.field(name).value = String(state[key]);
      this.field<HTMLOutputElement>(`${name}-value`).value = String(state[key]);
    }
  }
}

customElements.define('nl-self-normalisation', SelfNormalisation);
