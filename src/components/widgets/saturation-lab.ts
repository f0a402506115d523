// <nl-saturation-lab>: wires the server-rendered controls to a training run. The page is
// complete without this script (the initial weights' picture is in it). The engine, Plot
// and the worker load only when the reader starts the lab (Play, Step, a control) or the
// URL asks for another configuration.

import {
  formatSaturationState,
  parseSaturationState,
  type SaturationActivation,
  type SaturationInit,
  type SaturationLabState,
} from '../figures/saturation-lab-state.ts';
import type { Lab } from './saturation-lab-draw.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

class SaturationLab extends HTMLElement {
  #state!: SaturationLabState;
  #prefix = '';
  #form!: HTMLFormElement;
  #lab: Promise<Lab> | null = null;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as SaturationLabState;
    this.#form.addEventListener('change', () => this.#fromControls());
    const on = (name: string, act: (lab: Lab) => Promise<void>) => {
      for (const b of this.querySelectorAll<HTMLButtonElement>(`button[name=${name}]`)) {
        b.addEventListener('click', async () => act(await this.#start()));
      }
    };
    on('play', (lab) => lab.toggle());
    on('step', (lab) => lab.step());
    on('reset', (lab) => lab.reset());
    on('reset-diverged', (lab) => lab.reset());
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseSaturationState(url, this.#prefix, this.#state);
      this.#show(state, problems);
    }
  }

  /** The lab, created on first use (loads the engine, Plot and the worker). */
  #start(): Promise<Lab> {
    this.#lab ??= import('./saturation-lab-draw.ts').then(async ({ createLab }) => {
      const lab = createLab(this);
      await lab.configure(this.#state);
      return lab;
    });
    return this.#lab;
  }

  #fromControls() {
    const data = new FormData(this.#form);
    const activation = data.get(`${this.#prefix}act`) as SaturationActivation;
    const init = data.get(`${this.#prefix}init`) as SaturationInit;
    const depth = Number(data.get('depth'));
    const learningRate = Number(data.get('lr'));
    this.#show({ ...this.#state, activation, init, depth, learningRate });
  }

  /** Syncs the controls and the URL, shows problems, and starts a run of `state`. */
  async #show(state: SaturationLabState, problems: string[] = []) {
    this.#state = state;
    for (const radio of this.#form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === (radio.name.endsWith('act') ? state.activation : state.init);
    }
    (this.#form.elements.namedItem('depth') as HTMLSelectElement).value = String(state.depth);
    (this.#form.elements.namedItem('lr') as HTMLSelectElement).value = String(state.learningRate);
    const message = this.querySelector('.sat-problems') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatSaturationState(state, this.#prefix), (k) => k.startsWith(this.#prefix));
    const first = this.#lab === null;
    const lab = await this.#start();
    if (!first) await lab.configure(state);
  }
}

customElements.define('nl-saturation-lab', SaturationLab);
