// <nl-training-lab>: wires the server-rendered controls to a training run. The page is
// complete without this script (the initial network is drawn at build time). Plot, the
// engine and the training worker load only when the reader comes near the widget (pointer,
// focus or touch) or the URL asks for another state.

import {
  couplingWarning,
  formatTrainingLabState,
  is1d,
  matchingPair,
  parseTrainingLabState,
  type TlActivation,
  type TlDataset,
  type TlExportFormat,
  type TlFeature,
  type TlInit,
  type TlLoss,
  type TlNorm,
  type TlOptimiser,
  type TlOutput,
  type TlRegularisation,
  type TrainingLabState,
  taskOf,
  tlFeatures,
  tlLimits,
} from '../figures/training-lab-state.ts';
import { once } from './form-widget.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

type Lab = import('./training-lab-draw.ts').Lab;
const loadDrawing = once(() => import('./training-lab-draw.ts'));

class TrainingLab extends HTMLElement {
  #state!: TrainingLabState;
  #prefix = '';
  #form!: HTMLFormElement;
  #lab: Promise<Lab> | undefined;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form.tl-form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as TrainingLabState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, () => this.#start(), { once: true, passive: true });
    }
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    // Sliders show their value while dragged and start a new run when let go.
    this.#form.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement;
      const out = this.#form.elements.namedItem(`${t.name}-value`) as HTMLOutputElement | null;
      if (out) out.value = t.value;
    });
    this.#form.addEventListener('change', (e) => this.#fromControls(e.target as HTMLElement));
    // The speed changes how fast the run goes, not the run: it does not restart it.
    const speed = this.querySelector('select[name=speed]') as HTMLSelectElement;
    speed.addEventListener('change', async () => {
      const v = Number(speed.value);
      this.#state = { ...this.#state, speed: Number.isFinite(v) && v >= 0 ? v : 0 };
      writeUrlParams(formatTrainingLabState(this.#state, this.#prefix));
      (await this.#start()).setSpeed(this.#state.speed);
    });
    this.#button('match').addEventListener('click', () => {
      this.#show({ ...this.#state, ...matchingPair(this.#state.dataset) });
    });
    this.#button('play').addEventListener('click', async () => (await this.#start()).toggle());
    this.#button('step').addEventListener('click', async () => (await this.#start()).step());
    for (const name of ['reset', 'reset-diverged']) {
      this.#button(name).addEventListener('click', async () => (await this.#start()).reset());
    }
    this.#button('export').addEventListener('click', async () => {
      const format = (this.querySelector('select[name=format]') as HTMLSelectElement)
        .value as TlExportFormat;
      (await this.#start()).export(format);
    });
    this.#button('copy').addEventListener('click', async () => (await this.#start()).copy());
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseTrainingLabState(url, this.#prefix, this.#state);
      this.#show(state, problems);
    }
  }

  #button(name: string) {
    return this.querySelector(`button[name=${name}]`) as HTMLButtonElement;
  }

  /** The lab (worker, Plot, engine), created once, configured with the current state. */
  #start(): Promise<Lab> {
    this.#lab ??= loadDrawing().then(({ createLab }) => createLab(this, this.#state));
    return this.#lab;
  }

  #fromControls(target: HTMLElement) {
    const f = this.#form.elements;
    const value = (name: string) =>
      (f.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const whole = (name: string, min: number, max: number, fallback: number) => {
      const v = Math.round(Number(value(name)));
      return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
    };
    const { layers: ll, units: ul, batchSize: bl } = tlLimits;
    const count = whole('layers', ll.min, ll.max, this.#state.units.length);
    const units = Array.from({ length: count }, (_, i) => whole(`units-${i}`, ul.min, ul.max, 4));
    const activations = units.map((_, i) => value(`act-${i}`) as TlActivation);
    const dataset = value('dataset') as TlDataset;
    let output = value('output') as TlOutput;
    let loss = value('loss') as TlLoss;
    // A new task gets its matching output and loss.
    if (
      target.getAttribute('name') === 'dataset' &&
      taskOf(dataset) !== taskOf(this.#state.dataset)
    ) {
      ({ output, loss } = matchingPair(dataset));
    }
    const seed = Number(value('seed'));
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[name=feat]')];
    let features = tlFeatures.filter((id) => boxes.some((b) => b.value === id && b.checked));
    const problems: string[] = [];
    if (features.length === 0) {
      features = this.#state.features;
      problems.push('The network needs at least one input feature.');
    }
    this.#show(
      {
        dataset,
        features: features as TlFeature[],
        noise: Number(value('noise')),
        trainPercent: Number(value('train')),
        units,
        activations,
        output,
        loss,
        init: value('init') as TlInit,
        optimiser: value('optimiser') as TlOptimiser,
        learningRate: Number(value('lr')),
        batchSize: whole('batch', bl.min, bl.max, this.#state.batchSize),
        seed: Number.isSafeInteger(seed) && seed >= 0 ? seed : this.#state.seed,
        regularisation: value('reg') as TlRegularisation,
        regularisationRate: Number(value('rate')),
        norm: value('norm') as TlNorm,
        speed: this.#state.speed,
        compare: value('compare') as TlActivation | 'none',
      },
      problems,
    );
  }

  /** Syncs the controls and the URL to `state`, shows problems, and starts a new run. */
  async #show(state: TrainingLabState, problems: string[] = []) {
    this.#state = state;
    const f = this.#form.elements;
    const set = (name: string, v: string | number) => {
      const el = f.namedItem(name) as
        | HTMLInputElement
        | HTMLSelectElement
        | HTMLOutputElement
        | null;
      if (el) el.value = String(v);
    };
    set('dataset', state.dataset);
    for (const box of this.querySelectorAll<HTMLInputElement>('input[name=feat]')) {
      box.checked = state.features.includes(box.value as TlFeature);
    }
    const inputs = this.querySelector('.tl-features') as HTMLFieldSetElement;
    inputs.disabled = is1d(state.dataset);
    (this.querySelector('.tl-features-1d') as HTMLElement).hidden = !is1d(state.dataset);
    set('noise', state.noise);
    set('noise-value', state.noise);
    set('train', state.trainPercent);
    set('train-value', state.trainPercent);
    set('layers', state.units.length);
    for (const row of this.querySelectorAll<HTMLElement>('.tl-layer')) {
      const i = Number(row.dataset.layer);
      row.hidden = i >= state.units.length;
      if (i < state.units.length) {
        set(`units-${i}`, state.units[i]);
        set(`act-${i}`, state.activations[i]);
      }
    }
    set('output', state.output);
    set('loss', state.loss);
    set('init', state.init);
    set('optimiser', state.optimiser);
    set('lr', state.learningRate);
    set('batch', state.batchSize);
    set('batch-value', state.batchSize);
    set('seed', state.seed);
    set('reg', state.regularisation);
    set('rate', state.regularisationRate);
    (f.namedItem('rate') as HTMLSelectElement).disabled = state.regularisation === 'none';
    set('norm', state.norm);
    set('compare', state.compare);
    (this.querySelector('select[name=speed]') as HTMLSelectElement).value = String(state.speed);
    const warning = couplingWarning(state);
    const box = this.querySelector('.tl-warning') as HTMLElement;
    box.hidden = !warning;
    (box.querySelector('.tl-warning-text') as HTMLElement).textContent = warning ?? '';
    const message = this.querySelector('.tl-problems') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatTrainingLabState(state, this.#prefix));
    const lab = await this.#start();
    // A newer state may have arrived while the lab was loading: configure only the latest.
    if (state === this.#state) lab.configure(state);
  }
}

customElements.define('nl-training-lab', TrainingLab);
