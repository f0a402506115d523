// <nl-dead-relu-lab>: wires the server-rendered controls to five training runs. The page is
// complete without this script (the untrained networks are drawn at build time). Plot, the
// engine and the five training workers load only when the reader comes near the widget
// (pointer, focus or touch) or the URL asks for another state.

import {
  type DeadReluLabState,
  describeCause,
  drRateLabels,
  drVariants,
  formatDeadReluLabState,
  parseDeadReluLabState,
} from '../figures/dead-relu-lab-state.ts';
import { once } from './form-widget.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

type Lab = import('./dead-relu-lab-draw.ts').Lab;
const loadDrawing = once(() => import('./dead-relu-lab-draw.ts'));

class DeadReluLab extends HTMLElement {
  #state!: DeadReluLabState;
  #prefix = '';
  #form!: HTMLFormElement;
  #lab: Promise<Lab> | undefined;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form.dr-form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as DeadReluLabState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, () => this.#start(), { once: true, passive: true });
    }
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    this.#form.addEventListener('change', () => this.#fromControls());
    this.#button('play').addEventListener('click', async () => (await this.#start()).toggle());
    this.#button('step').addEventListener('click', async () => (await this.#start()).step());
    for (const name of ['reset', 'reset-diverged']) {
      this.#button(name).addEventListener('click', async () => (await this.#start()).reset());
    }
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseDeadReluLabState(url, this.#prefix, this.#state);
      this.#show(state, problems);
    }
  }

  /** The words that depend on the cause: which rate applies, what each run is. */
  #describeCause(state: DeadReluLabState) {
    const f = this.#form.elements;
    (f.namedItem('bias') as HTMLSelectElement).disabled = state.cause !== 'bias';
    (f.namedItem('lr') as HTMLSelectElement).disabled = state.cause !== 'rate';
    const labels = drRateLabels(state);
    const text = (selector: string, value: string) => {
      const el = this.querySelector(selector);
      if (el && el.textContent !== value) el.textContent = value;
    };
    text('.dr-lr-label', labels.lr);
    text('.dr-fix-label', labels.fix);
    text('.dr-setting-head', labels.setting);
    text('.dr-cause', describeCause(state));
    for (const v of drVariants(state)) {
      text(`.dr-legend li[data-run="${v.id}"] .dr-legend-label`, v.label);
      text(`.dr-table tr[data-run="${v.id}"] th`, v.label);
    }
  }

  #button(name: string) {
    return this.querySelector(`button[name=${name}]`) as HTMLButtonElement;
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
    // Through the URL parser, so that typed values are checked and clamped the same way.
    const params = new URLSearchParams({
      cause: value('cause'),
      bias: value('bias'),
      data: value('dataset'),
      layers: value('layers'),
      units: value('units'),
      lr: value('lr'),
      fix: value('fix'),
      epochs: value('epochs'),
      seed: value('seed'),
    });
    const { state, problems } = parseDeadReluLabState(params, '', this.#state);
    this.#show(state, problems);
  }

  /** Syncs the controls and the URL to `state`, shows problems, and starts new runs. */
  async #show(state: DeadReluLabState, problems: string[] = []) {
    this.#state = state;
    const f = this.#form.elements;
    const set = (name: string, v: string | number) => {
      const el = f.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (el) el.value = String(v);
    };
    set('cause', state.cause);
    set('bias', state.bias);
    set('dataset', state.dataset);
    set('layers', state.layers);
    set('units', state.units);
    set('lr', state.learningRate);
    set('fix', state.fixLearningRate);
    set('epochs', state.epochs);
    set('seed', state.seed);
    this.#describeCause(state);
    const message = this.querySelector('.dr-problems') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatDeadReluLabState(state, this.#prefix));
    const lab = await this.#start();
    // A newer state may have arrived while the lab was loading: configure only the latest.
    if (state === this.#state) lab.configure(state);
  }
}

customElements.define('nl-dead-relu-lab', DeadReluLab);
