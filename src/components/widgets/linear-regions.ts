// <nl-linear-regions>: wires the server-rendered controls to the figure. The page is complete
// without this script. Plot and the figure code load only when the reader comes near the
// widget (pointer, focus or touch) or the URL asks for another state.

import {
  formatLinearRegionsState,
  type LinearRegionsState,
  type LrActivation,
  parseLinearRegionsState,
} from '../figures/linear-regions-state.ts';
import { oncePerFrame } from './frame.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

let drawing: Promise<typeof import('./linear-regions-draw.ts')> | undefined;
const loadDrawing = () => {
  drawing ??= import('./linear-regions-draw.ts');
  return drawing;
};

class LinearRegions extends HTMLElement {
  #state!: LinearRegionsState;
  #drawSoon = oncePerFrame();
  #prefix = '';
  #form!: HTMLFormElement;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as LinearRegionsState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, loadDrawing, { once: true, passive: true });
    }
    this.#form.addEventListener('input', () => this.#fromControls());
    this.querySelector('button[name=reseed]')?.addEventListener('click', () => {
      this.#show({ ...this.#state, seed: this.#state.seed + 1 });
    });
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseLinearRegionsState(url, this.#prefix);
      this.#show(state, problems);
    }
  }

  #slider(name: string) {
    return this.#form.elements.namedItem(name) as HTMLInputElement;
  }

  #fromControls() {
    const activation = new FormData(this.#form).get(`${this.#prefix}act`) as LrActivation;
    const units = Number(this.#slider('units').value);
    const layers = Number(this.#slider('layers').value);
    this.#show({ ...this.#state, activation, units, layers });
  }

  /** Draws `state`, syncs the controls and the URL, and shows any problems with the input. */
  async #show(state: LinearRegionsState, problems: string[] = []) {
    this.#state = state;
    for (const radio of this.#form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === state.activation;
    }
    for (const key of ['units', 'layers'] as const) {
      this.#slider(key).value = String(state[key]);
      (this.#form.elements.namedItem(`${key}-value`) as HTMLOutputElement).value = String(
        state[key],
      );
    }
    const message = this.querySelector('.nl-message') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatLinearRegionsState(state, this.#prefix));
    const { draw } = await loadDrawing();
    this.#drawSoon(() => draw(this, this.#state));
  }
}

customElements.define('nl-linear-regions', LinearRegions);
