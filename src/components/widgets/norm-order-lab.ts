// <nl-norm-order-lab>: wires the server-rendered controls to five training runs. The page
// is complete without this script (the initial state is drawn at build time). Plot, the
// engine and the training workers load only when the reader comes near the widget
// (pointer, focus or touch) or the URL asks for another state.

import {
  formatNormOrderLabState,
  hiddenLayers,
  type NolActivation,
  type NolDataset,
  type NolInit,
  type NolNorm,
  type NormOrderLabState,
  parseNormOrderLabState,
} from '../figures/norm-order-lab-state.ts';
import { once } from './form-widget.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

type Lab = import('./norm-order-lab-draw.ts').Lab;
const loadDrawing = once(() => import('./norm-order-lab-draw.ts'));

class NormOrderLab extends HTMLElement {
  #state!: NormOrderLabState;
  #prefix = '';
  #form!: HTMLFormElement;
  #lab: Promise<Lab> | undefined;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form.nol-form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as NormOrderLabState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, () => this.#start(), { once: true, passive: true });
    }
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    this.#form.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement;
      if (t.name === 'blocks') this.#depthText(Number(t.value));
    });
    this.#form.addEventListener('change', () => this.#fromControls());
    this.#button('play').addEventListener('click', async () => (await this.#start()).toggle());
    this.#button('step').addEventListener('click', async () => (await this.#start()).step(10));
    for (const name of ['reset', 'reset-diverged']) {
      this.#button(name).addEventListener('click', async () => (await this.#start()).reset());
    }
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseNormOrderLabState(url, this.#prefix, this.#state);
      this.#show(state, problems);
    }
  }

  #button(name: string) {
    return this.querySelector(`button[name=${name}]`) as HTMLButtonElement;
  }

  #depthText(blocks: number) {
    const out = this.#form.elements.namedItem('blocks-value') as HTMLOutputElement;
    out.value = `${blocks} blocks, ${hiddenLayers(blocks)} hidden layers`;
  }

  /** The lab (workers, Plot, engine), created once, configured with the current state. */
  #start(): Promise<Lab> {
    this.#lab ??= loadDrawing().then(({ createLab }) => createLab(this, this.#state));
    return this.#lab;
  }

  #fromControls() {
    const f = this.#form.elements;
    const value = (name: string) =>
      (f.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const seed = Number(value('seed'));
    this.#show({
      blocks: Number(value('blocks')),
      activation: value('activation') as NolActivation,
      init: value('init') as NolInit,
      residualNorm: value('norm') as NolNorm,
      learningRate: Number(value('lr')),
      batchSize: Number(value('batch')),
      dataset: value('dataset') as NolDataset,
      seed: Number.isSafeInteger(seed) && seed >= 0 && seed < 2 ** 31 ? seed : this.#state.seed,
    });
  }

  /** Syncs the controls and the URL to `state`, shows problems, and starts new runs. */
  async #show(state: NormOrderLabState, problems: string[] = []) {
    this.#state = state;
    const f = this.#form.elements;
    const set = (name: string, v: string | number) => {
      const el = f.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (el) el.value = String(v);
    };
    set('blocks', state.blocks);
    this.#depthText(state.blocks);
    set('activation', state.activation);
    set('init', state.init);
    set('norm', state.residualNorm);
    set('lr', state.learningRate);
    set('batch', state.batchSize);
    set('dataset', state.dataset);
    set('seed', state.seed);
    const message = this.querySelector('.nol-problems') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatNormOrderLabState(state, this.#prefix));
    const lab = await this.#start();
    // A newer state may have arrived while the lab was loading: configure only the latest.
    if (state === this.#state) lab.configure(state);
  }
}

customElements.define('nl-norm-order-lab', NormOrderLab);
