// <nl-universal-approximation>: wires the server-rendered controls to the figure. The page is
// complete without this script. Plot and the solver load only when the reader comes near the
// widget (pointer, focus or touch) or the URL asks for another state.

import {
  formatUniversalApproximationState,
  parseUniversalApproximationState,
  type UaTarget,
  type UaUnit,
  type UniversalApproximationState,
} from '../figures/universal-approximation-state.ts';
import { oncePerFrame } from './frame.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

let drawing: Promise<typeof import('./universal-approximation-draw.ts')> | undefined;
const loadDrawing = () => {
  drawing ??= import('./universal-approximation-draw.ts');
  return drawing;
};

class UniversalApproximation extends HTMLElement {
  #state!: UniversalApproximationState;
  #drawSoon = oncePerFrame();
  #prefix = '';
  #form!: HTMLFormElement;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as UniversalApproximationState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, loadDrawing, { once: true, passive: true });
    }
    this.#form.addEventListener('input', () => this.#fromControls());
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseUniversalApproximationState(url, this.#prefix);
      this.#show(state, problems);
    }
  }

  #field<T extends Element>(name: string) {
    return this.#form.elements.namedItem(name) as unknown as T;
  }

  #fromControls() {
    const data = new FormData(this.#form);
    this.#show({
      target: data.get(`${this.#prefix}target`) as UaTarget,
      unit: data.get(`${this.#prefix}unit`) as UaUnit,
      n: Number(this.#field<HTMLInputElement>('n').value),
      showUnits: this.#field<HTMLInputElement>('show').checked,
    });
  }

  /** Draws `state`, syncs the controls and the URL, and shows any problems with the input. */
  async #show(state: UniversalApproximationState, problems: string[] = []) {
    this.#state = state;
    for (const radio of this.#form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      const key = radio.name.slice(this.#prefix.length) as 'target' | 'unit';
      radio.checked = radio.value === state[key];
    }
    this.#field<HTMLInputElement>('n').value = String(state.n);
    this.#field<HTMLOutputElement>('n-value').value = String(state.n);
    this.#field<HTMLInputElement>('show').checked = state.showUnits;
    const message = this.querySelector('.nl-message') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatUniversalApproximationState(state, this.#prefix));
    const { draw } = await loadDrawing();
    this.#drawSoon(() => draw(this, this.#state));
  }
}

customElements.define('nl-universal-approximation', UniversalApproximation);
