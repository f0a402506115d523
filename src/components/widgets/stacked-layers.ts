// <nl-stacked-layers>: wires the server-rendered controls to the figure and redraws it with
// Plot in the browser. The page is complete without this script; it only adds interaction.

import * as Plot from '@observablehq/plot';
import {
  describeStackedLayers,
  formatStackedLayersState,
  parseStackedLayersState,
  type StackedActivation,
  type StackedLayersState,
  stackedLayersFigure,
} from '../figures/stacked-layers.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

class StackedLayers extends HTMLElement {
  #state!: StackedLayersState;
  #prefix = '';

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    const fromPage = JSON.parse(this.dataset.state ?? '{}') as StackedLayersState;
    const url = readUrlParams();
    const hasOwnParams = [...url.keys()].some((k) => k.startsWith(this.#prefix));
    if (hasOwnParams) {
      const { state, problems } = parseStackedLayersState(url, this.#prefix);
      this.#show(state, problems);
    } else {
      this.#state = fromPage;
    }
    const form = this.querySelector('form') as HTMLFormElement;
    form.addEventListener('input', () => this.#fromControls());
    form.addEventListener('change', () => this.#fromControls());
    this.querySelector('button[name=reseed]')?.addEventListener('click', () => {
      this.#show({ ...this.#state, seed: this.#state.seed + 1 });
    });
  }

  #fromControls() {
    const form = this.querySelector('form') as HTMLFormElement;
    const activation = new FormData(form).get(`${this.#prefix}act`) as StackedActivation;
    const depth = Number((form.elements.namedItem('depth') as HTMLInputElement).value);
    const next = { ...this.#state, activation, depth };
    if (next.activation !== this.#state.activation || next.depth !== this.#state.depth) this.#show(next);
  }

  /** Draws `state`, syncs the controls and the URL, and shows any problems with the input. */
  #show(state: StackedLayersState, problems: string[] = []) {
    this.#state = state;
    const form = this.querySelector('form') as HTMLFormElement;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === state.activation;
    }
    (form.elements.namedItem('depth') as HTMLInputElement).value = String(state.depth);
    (form.elements.namedItem('depth-value') as HTMLOutputElement).value = String(state.depth);
    const plot = this.querySelector('.nl-plot') as HTMLElement;
    plot.replaceChildren(Plot.plot(stackedLayersFigure(state)));
    (this.querySelector('figcaption') as HTMLElement).textContent = describeStackedLayers(state);
    const message = this.querySelector('.nl-message') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    this.dataset.state = JSON.stringify(state);
    writeUrlParams(formatStackedLayersState(state, this.#prefix));
  }
}

customElements.define('nl-stacked-layers', StackedLayers);
