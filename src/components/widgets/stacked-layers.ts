// <nl-stacked-layers>: wires the server-rendered controls to the figure. The page is complete
// without this script. Plot and the kernel load only when the reader comes near the widget
// (pointer, focus or touch) or the URL asks for another state, so the lesson stays light.

import {
  formatStackedLayersState,
  parseStackedLayersState,
  type StackedActivation,
  type StackedLayersState,
} from '../figures/stacked-layers-state.ts';
import { oncePerFrame } from './frame.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

let drawing: Promise<typeof import('./stacked-layers-draw.ts')> | undefined;
const loadDrawing = () => {
  drawing ??= import('./stacked-layers-draw.ts');
  return drawing;
};

class StackedLayers extends HTMLElement {
  #state!: StackedLayersState;
  #drawSoon = oncePerFrame();
  #prefix = '';
  #form!: HTMLFormElement;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as StackedLayersState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, loadDrawing, { once: true, passive: true });
    }
    this.#form.addEventListener('input', () => this.#fromControls());
    this.querySelector('button[name=reseed]')?.addEventListener('click', () => {
      this.#show({ ...this.#state, seed: this.#state.seed + 1 });
    });
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseStackedLayersState(url, this.#prefix);
      this.#show(state, problems);
    }
  }

  #fromControls() {
    const activation = new FormData(this.#form).get(`${this.#prefix}act`) as StackedActivation;
    const depth = Number((this.#form.elements.namedItem('depth') as HTMLInputElement).value);
    this.#show({ ...this.#state, activation, depth });
  }

  /** Draws `state`, syncs the controls and the URL, and shows any problems with the input. */
  async #show(state: StackedLayersState, problems: string[] = []) {
    this.#state = state;
    for (const radio of this.#form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === state.activation;
    }
    (this.#form.elements.namedItem('depth') as HTMLInputElement).value = String(state.depth);
    (this.#form.elements.namedItem('depth-value') as HTMLOutputElement).value = String(state.depth);
    const message = this.querySelector('.nl-message') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatStackedLayersState(state, this.#prefix));
    const { draw } = await loadDrawing();
    this.#drawSoon(() => draw(this, this.#state));
  }
}

customElements.define('nl-stacked-layers', StackedLayers);
