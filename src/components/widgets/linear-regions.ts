// <nl-linear-regions>: wires the server-rendered controls to the figure (see form-widget.ts).
// Plot and the figure code load only when needed.

import {
  formatLinearRegionsState,
  type LinearRegionsState,
  type LrActivation,
  parseLinearRegionsState,
} from '../figures/linear-regions-state.ts';
import { FormWidget, once } from './form-widget.ts';

class LinearRegions extends FormWidget<LinearRegionsState> {
  protected readonly module = {
    load: once(() => import('./linear-regions-draw.ts')),
    parse: parseLinearRegionsState,
    format: formatLinearRegionsState,
  };

  protected fromControls(): LinearRegionsState {
    const activation = new FormData(this.form).get(`${this.keyPrefix}act`) as LrActivation;
    const units = Number(this.field('units').value);
    const layers = Number(this.field('layers').value);
    return { ...this.state, activation, units, layers };
  }

  protected syncControls(state: LinearRegionsState) {
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === state.activation;
    }
    for (const key of ['units', 'layers'] as const) {
      this.field(key).value = String(state[key]);
      this.field<HTMLOutputElement>(`${key}-value`).value = String(state[key]);
    }
  }
}

customElements.define('nl-linear-regions', LinearRegions);
