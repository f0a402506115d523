// <nl-training-lab>: the TrainingLab's controls and their mapping to its state, the speed,
// the matching output and loss, and the export; loading, the link, the run buttons and the
// messages are the shared LabElement's (lab-element.ts). Plot, the engine and the training
// worker load only when the reader comes near the lab.

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
import { LabElement } from './lab-element.ts';

type Lab = import('./training-lab-draw.ts').Lab;

class TrainingLab extends LabElement<TrainingLabState, Lab> {
  protected readonly module = {
    load: once(() => import('./training-lab-draw.ts')),
    parse: parseTrainingLabState,
    format: formatTrainingLabState,
  };
  protected readonly problemsSelector = '.tl-problems';

  connectedCallback() {
    super.connectedCallback();
    // Sliders show their value while dragged and start a new run when let go.
    this.form.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement;
      const out = this.form.elements.namedItem(`${t.name}-value`) as HTMLOutputElement | null;
      if (out) out.value = t.value;
    });
    // The speed changes how fast the run goes, not the run: it does not restart it.
    const speed = this.speed();
    speed.addEventListener('change', async () => {
      const v = Number(speed.value);
      this.state = { ...this.state, speed: Number.isFinite(v) && v >= 0 ? v : 0 };
      this.writeUrl();
      (await this.lab()).setSpeed(this.state.speed);
    });
    this.querySelector('button[name=match]')?.addEventListener('click', () => {
      this.show({ ...this.state, ...matchingPair(this.state.dataset) });
    });
    this.onButton('export', (lab) => {
      const format = (this.querySelector('select[name=format]') as HTMLSelectElement)
        .value as TlExportFormat;
      return lab.export(format);
    });
    this.onButton('copy', (lab) => lab.copy());
  }

  private speed() {
    return this.querySelector('select[name=speed]') as HTMLSelectElement;
  }

  protected fromControls(target: Element) {
    const value = (name: string) => this.value(name);
    const whole = (name: string, min: number, max: number, fallback: number) => {
      const v = Math.round(Number(value(name)));
      return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
    };
    const { layers: ll, units: ul, batchSize: bl } = tlLimits;
    const count = whole('layers', ll.min, ll.max, this.state.units.length);
    const units = Array.from({ length: count }, (_, i) => whole(`units-${i}`, ul.min, ul.max, 4));
    const activations = units.map((_, i) => value(`act-${i}`) as TlActivation);
    const dataset = value('dataset') as TlDataset;
    let output = value('output') as TlOutput;
    let loss = value('loss') as TlLoss;
    // A new task gets its matching output and loss.
    if (
      target.getAttribute('name') === 'dataset' &&
      taskOf(dataset) !== taskOf(this.state.dataset)
    ) {
      ({ output, loss } = matchingPair(dataset));
    }
    const seed = Number(value('seed'));
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[name=feat]')];
    let features = tlFeatures.filter((id) => boxes.some((b) => b.value === id && b.checked));
    const problems: string[] = [];
    if (features.length === 0) {
      features = this.state.features;
      problems.push('The network needs at least one input feature.');
    }
    this.show(
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
        batchSize: whole('batch', bl.min, bl.max, this.state.batchSize),
        seed: Number.isSafeInteger(seed) && seed >= 0 ? seed : this.state.seed,
        regularisation: value('reg') as TlRegularisation,
        regularisationRate: Number(value('rate')),
        norm: value('norm') as TlNorm,
        speed: this.state.speed,
        compare: value('compare') as TlActivation | 'none',
      },
      problems,
    );
  }

  protected syncControls(state: TrainingLabState) {
    const set = (name: string, v: string | number) => this.setValue(name, v);
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
    this.field<HTMLSelectElement>('rate').disabled = state.regularisation === 'none';
    set('norm', state.norm);
    set('compare', state.compare);
    this.speed().value = String(state.speed);
    const warning = couplingWarning(state);
    const box = this.querySelector('.tl-warning') as HTMLElement;
    box.hidden = !warning;
    (box.querySelector('.tl-warning-text') as HTMLElement).textContent = warning ?? '';
  }
}

customElements.define('nl-training-lab', TrainingLab);
