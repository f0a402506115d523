// <nl-stacked-layers>: wires the server-rendered controls to the figure (see form-widget.ts).

import {
  formatStackedLayersState,
  parseStackedLayersState,
  type StackedActivation,
  type StackedLayersState,
} from '../figures/stacked-layers-state.ts';
import { FormWidget, once } from './form-widget.ts';

class StackedLayers extends FormWidget<StackedLayersState> {
  protected readonly module = {
    load: once(() => import('./stacked-layers-draw.ts')),
    parse: parseStackedLayersState,
    format: formatStackedLayersState,
  };

  protected fromControls(): StackedLayersState {
    const activation = new FormData(this.form).get(`${this.keyPrefix}act`) as StackedActivation;
    return { ...this.state, activation, depth: Number(this.field('depth').value) };
  }

  protected syncControls(state: StackedLayersState) {
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === state.activation;
    }
    this.field('depth').value = String(state.depth);
    this.field<HTMLOutputElement>('depth-value').value = String(state.depth);
  }
}

customElements.define('nl-stacked-layers', StackedLayers);
