// <nl-gradient-through-depth>: wires the server-rendered controls to the figures. The page is
// complete without this script. Plot and the kernel load only when the reader comes near the
// widget (pointer, focus or touch) or the URL asks for another state.

import {
  type DepthFunction,
  type DepthPrecision,
  formatGradientDepthState,
  type GradientDepthState,
  parseGradientDepthState,
} from '../figures/gradient-through-depth-state.ts';
import { oncePerFrame } from './frame.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

let drawing: Promise<typeof import('./gradient-through-depth-draw.ts')> | undefined;
const loadDrawing = () => {
  drawing ??= import('./gradient-through-depth-draw.ts');
  return drawing;
};

class GradientThroughDepth extends HTMLElement {
  #state!: GradientDepthState;
  #drawSoon = oncePerFrame();
  #prefix = '';
  #form!: HTMLFormElement;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as GradientDepthState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, loadDrawing, { once: true, passive: true });
    }
    this.#form.addEventListener('input', () => this.#fromControls());
    this.querySelector('button[name=reseed]')?.addEventListener('click', () => {
      this.#show({ ...this.#state, seed: this.#state.seed + 1 });
    });
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseGradientDepthState(url, this.#prefix);
      this.#show(state, problems);
    }
  }

  #input(name: string) {
    return this.#form.elements.namedItem(name) as HTMLInputElement;
  }

  #fromControls() {
    const form = new FormData(this.#form);
    this.#show({
      ...this.#state,
      fns: form.getAll('fns') as DepthFunction[],
      depth: Number(this.#input('depth').value),
      mu: Number(this.#input('mu').value),
      sigma: Number(this.#input('sigma').value),
      precision: form.get(`${this.#prefix}prec`) as DepthPrecision,
    });
  }

  /** Draws `state`, syncs the controls and the URL, and shows any problems with the input. */
  async #show(state: GradientDepthState, problems: string[] = []) {
    this.#state = state;
    for (const box of this.#form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = state.fns.includes(box.value as DepthFunction);
    }
    for (const radio of this.#form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === state.precision;
    }
    for (const name of ['depth', 'mu', 'sigma'] as const) {
      this.#input(name).value = String(state[name]);
      const output = this.#form.elements.namedItem(`${name}-value`) as HTMLOutputElement;
      output.value = String(state[name]).replace('-', '−');
    }
    const message = this.querySelector('.nl-message') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatGradientDepthState(state, this.#prefix));
    const { draw } = await loadDrawing();
    this.#drawSoon(() => draw(this, this.#state));
  }
}

customElements.define('nl-gradient-through-depth', GradientThroughDepth);
