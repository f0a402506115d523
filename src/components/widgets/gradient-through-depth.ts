// <nl-gradient-through-depth>: wires the server-rendered controls to the figures (see
// form-widget.ts). Plot and the kernel load only when needed.

import {
  type DepthFunction,
  type DepthPrecision,
  formatGradientDepthState,
  type GradientDepthState,
  parseGradientDepthState,
} from '../figures/gradient-through-depth-state.ts';
import { FormWidget, once } from './form-widget.ts';

class GradientThroughDepth extends FormWidget<GradientDepthState> {
  protected readonly module = {
    load: once(() => import('./gradient-through-depth-draw.ts')),
    parse: parseGradientDepthState,
    format: formatGradientDepthState,
  };

  protected fromControls(): GradientDepthState {
    const form = new FormData(this.form);
    return {
      ...this.state,
      fns: form.getAll('fns') as DepthFunction[],
      depth: Number(this.field('depth').value),
      mu: Number(this.field('mu').value),
      sigma: Number(this.field('sigma').value),
      precision: form.get(`${this.keyPrefix}prec`) as DepthPrecision,
    };
  }

  protected syncControls(state: GradientDepthState) {
    for (const box of this.form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = state.fns.includes(box.value as DepthFunction);
    }
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === state.precision;
    }
    for (const name of ['depth', 'mu', 'sigma'] as const) {
      this.field(name).value = String(state[name]);
      this.field<HTMLOutputElement>(`${name}-value`).value = String(state[name]).replace('-', '−');
    }
  }
}

customElements.define('nl-gradient-through-depth', GradientThroughDepth);
