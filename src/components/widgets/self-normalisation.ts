// <nl-self-normalisation>: wires the server-rendered controls to the two panels. The page is
// complete without this script. Plot, the kernel and the engine's initialiser load only when
// the reader comes near the widget (pointer, focus or touch) or the URL asks for a state.

import {
  formatSelfNormalisationState,
  parseSelfNormalisationState,
  type SelfNormalisationState,
  type SnActivation,
  snActivations,
} from '../figures/self-normalisation-state.ts';
import { oncePerFrame } from './frame.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

let drawing: Promise<typeof import('./self-normalisation-draw.ts')> | undefined;
const loadDrawing = () => {
  drawing ??= import('./self-normalisation-draw.ts');
  return drawing;
};

class SelfNormalisation extends HTMLElement {
  #state!: SelfNormalisationState;
  #prefix = '';
  #form!: HTMLFormElement;
  #drawSoon = oncePerFrame();

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as SelfNormalisationState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, loadDrawing, { once: true, passive: true });
    }
    this.#form.addEventListener('input', () => this.#fromControls());
    this.querySelector('button[name=reseed]')?.addEventListener('click', () => {
      this.#show({ ...this.#state, seed: this.#state.seed + 1 });
    });
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseSelfNormalisationState(url, this.#prefix);
      this.#show(state, problems);
    }
  }

  #value(name: string) {
    return Number((this.#form.elements.namedItem(name) as HTMLInputElement).value);
  }

  #fromControls() {
    const chosen = new FormData(this.#form).getAll('act') as SnActivation[];
    this.#show({
      ...this.#state,
      activations: snActivations.filter((a) => chosen.includes(a)),
      depth: this.#value('depth'),
      width: this.#value('width'),
      inputMean: this.#value('mean'),
      inputVariance: this.#value('var'),
    });
  }

  /** Syncs the controls and the URL, shows any problems, and draws `state` on the next frame. */
  async #show(state: SelfNormalisationState, problems: string[] = []) {
    this.#state = state;
    for (const box of this.#form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = state.activations.includes(box.value as SnActivation);
    }
    const values: [string, number][] = [
      ['depth', state.depth],
      ['width', state.width],
      ['mean', state.inputMean],
      ['var', state.inputVariance],
    ];
    for (const [name, v] of values) {
      (this.#form.elements.namedItem(name) as HTMLInputElement).value = String(v);
      (this.#form.elements.namedItem(`${name}-value`) as HTMLOutputElement).value = String(v);
    }
    const message = this.querySelector('.nl-message') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatSelfNormalisationState(state, this.#prefix));
    const { draw } = await loadDrawing();
    // A long computation is spread over frames, each drawing the layers done so far, until
    // the state is complete or a newer one replaces it.
    const drawUntilDone = () => {
      if (!draw(this, this.#state)) this.#drawSoon(drawUntilDone);
    };
    this.#drawSoon(drawUntilDone);
  }
}

customElements.define('nl-self-normalisation', SelfNormalisation);
