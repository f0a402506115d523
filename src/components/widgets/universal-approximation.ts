// <nl-universal-approximation>: wires the server-rendered controls to the figure (see
// form-widget.ts). Plot and the least-squares solver load only when needed.

import {
  formatUniversalApproximationState,
  parseUniversalApproximationState,
  type UaTarget,
  type UaUnit,
  type UniversalApproximationState,
} from '../figures/universal-approximation-state.ts';
import { FormWidget, once } from './form-widget.ts';

class UniversalApproximation extends FormWidget<UniversalApproximationState> {
  protected readonly module = {
    load: once(() => import('./universal-approximation-draw.ts')),
    parse: parseUniversalApproximationState,
    format: formatUniversalApproximationState,
  };

  protected fromControls(): UniversalApproximationState {
    const data = new FormData(this.form);
    return {
      target: data.get(`${this.keyPrefix}target`) as UaTarget,
      unit: data.get(`${this.keyPrefix}unit`) as UaUnit,
      n: Number(this.field('n').value),
      showUnits: this.field('show').checked,
    };
  }

  protected syncControls(state: UniversalApproximationState) {
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      const key = radio.name.slice(this.keyPrefix.length) as 'target' | 'unit';
      radio.checked = radio.value === state[key];
    }
    this.field('n').value = String(state.n);
    this.field<HTMLOutputElement>('n-value').value = String(state.n);
    this.field('show').checked = state.showUnits;
  }
}

customElements.define('nl-universal-approximation', UniversalApproximation);
