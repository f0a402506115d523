// <nl-softmax-explorer>: wires the server-rendered controls to the figure and the table. The
// page is complete without this script. Plot and the kernel load only when the reader comes
// near the widget (pointer, focus or touch) or the URL asks for another state.

import { snapToStep } from '../figures/slider.ts';
import {
  formatSliderValue,
  formatSoftmaxExplorerState,
  newLogit,
  parseSoftmaxExplorerState,
  type SoftmaxExplorerState,
  softmaxExplorerLimits,
} from '../figures/softmax-explorer-state.ts';
import { once } from './form-widget.ts';
import { oncePerFrame } from './frame.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

const loadDrawing = once(() => import('./softmax-explorer-draw.ts'));

const { count, shift: shiftLimits } = softmaxExplorerLimits;

class SoftmaxExplorer extends HTMLElement {
  #state!: SoftmaxExplorerState;
  #drawSoon = oncePerFrame();
  #prefix = '';
  #form!: HTMLFormElement;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as SoftmaxExplorerState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, loadDrawing, { once: true, passive: true });
    }
    this.#form.addEventListener('input', (event) => this.#fromControls(event.target));
    this.#form.addEventListener('submit', (event) => event.preventDefault());
    this.#button('add').addEventListener('click', () => {
      const logits = [...this.#state.logits, newLogit].slice(0, count.max);
      this.#show({ ...this.#state, logits });
      if (logits.length >= count.max) this.#button('remove').focus();
    });
    this.#button('remove').addEventListener('click', () => {
      const logits = this.#state.logits.slice(
        0,
        Math.max(count.min, this.#state.logits.length - 1),
      );
      this.#show({ ...this.#state, logits });
      if (logits.length <= count.min) this.#button('add').focus();
    });
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseSoftmaxExplorerState(url, this.#prefix);
      this.#show(state, problems);
    }
  }

  #button(name: string) {
    return this.#form.elements.namedItem(name) as HTMLButtonElement;
  }

  #input(name: string) {
    return this.#form.elements.namedItem(name) as HTMLInputElement;
  }

  #fromControls(target: EventTarget | null) {
    const logits = this.#state.logits.map((_, i) => Number(this.#input(`x${i}`).value));
    let shift = Number(this.#input('shift').value);
    if (target === this.#input('shift-number')) {
      const typed = this.#input('shift-number').valueAsNumber;
      // A half-typed number ("-", "") waits for the reader to finish.
      if (!Number.isFinite(typed)) return;
      shift = snapToStep(typed, shiftLimits);
    }
    const temperature = Number(this.#input('t').value);
    this.#show({ logits, shift, temperature }, [], target);
  }

  /** Draws `state`, syncs the controls and the URL, and shows any problems with the input. */
  async #show(state: SoftmaxExplorerState, problems: string[] = [], source?: EventTarget | null) {
    this.#state = state;
    const n = state.logits.length;
    for (let i = 0; i < count.max; i++) {
      const input = this.#input(`x${i}`);
      (input.closest('label') as HTMLElement).hidden = i >= n;
      if (i < n) {
        input.value = String(state.logits[i]);
        (this.#form.elements.namedItem(`x${i}-value`) as HTMLOutputElement).value =
          formatSliderValue(state.logits[i]);
      }
    }
    this.#button('add').disabled = n >= count.max;
    this.#button('remove').disabled = n <= count.min;
    this.#input('shift').value = String(state.shift);
    // Leave the number box alone while the reader types in it.
    if (source !== this.#input('shift-number')) {
      this.#input('shift-number').value = String(state.shift);
    }
    this.#input('t').value = String(state.temperature);
    (this.#form.elements.namedItem('t-value') as HTMLOutputElement).value = formatSliderValue(
      state.temperature,
    );
    const message = this.querySelector('.nl-message') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatSoftmaxExplorerState(state, this.#prefix));
    const { draw } = await loadDrawing();
    this.#drawSoon(() => draw(this, this.#state));
  }
}

customElements.define('nl-softmax-explorer', SoftmaxExplorer);
