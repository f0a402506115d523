// <nl-norm-order-lab>: the NormOrderLab's controls and their mapping to its state; loading,
// the link, the run buttons and the messages are the shared LabElement's (lab-element.ts).
// Plot, the engine and the training workers load only when the reader comes near.

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
import { LabElement } from './lab-element.ts';

type Lab = import('./norm-order-lab-draw.ts').Lab;

class NormOrderLab extends LabElement<NormOrderLabState, Lab> {
  protected readonly module = {
    load: once(() => import('./norm-order-lab-draw.ts')),
    parse: parseNormOrderLabState,
    format: formatNormOrderLabState,
  };
  protected readonly problemsSelector = '.nol-problems';

  connectedCallback() {
    super.connectedCallback();
    // The depth slider says what it means while dragged; the runs restart when let go.
    this.form.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement;
      if (t.name === 'blocks') this.depthText(Number(t.value));
    });
  }

  private depthText(blocks: number) {
    this.field<HTMLOutputElement>('blocks-value').value =
      `${blocks} blocks, ${hiddenLayers(blocks)} hidden layers`;
  }

  protected fromControls() {
    const seed = Number(this.value('seed'));
    this.show({
      blocks: Number(this.value('blocks')),
      activation: this.value('activation') as NolActivation,
      init: this.value('init') as NolInit,
      residualNorm: this.value('norm') as NolNorm,
      learningRate: Number(this.value('lr')),
      batchSize: Number(this.value('batch')),
      dataset: this.value('dataset') as NolDataset,
      seed: Number.isSafeInteger(seed) && seed >= 0 && seed < 2 ** 31 ? seed : this.state.seed,
    });
  }

  protected syncControls(state: NormOrderLabState) {
    this.setValue('blocks', state.blocks);
    this.depthText(state.blocks);
    this.setValue('activation', state.activation);
    this.setValue('init', state.init);
    this.setValue('norm', state.residualNorm);
    this.setValue('lr', state.learningRate);
    this.setValue('batch', state.batchSize);
    this.setValue('dataset', state.dataset);
    this.setValue('seed', state.seed);
  }
}

customElements.define('nl-norm-order-lab', NormOrderLab);
