// <nl-dead-relu-lab>: the DeadReluLab's controls and their mapping to its state; loading,
// the link, the run buttons and the messages are the shared LabElement's (lab-element.ts).
// Plot, the engine and the five training workers load only when the reader comes near.

import {
  type DeadReluLabState,
  describeCause,
  drRateLabels,
  drVariants,
  formatDeadReluLabState,
  parseDeadReluLabState,
} from '../figures/dead-relu-lab-state.ts';
import { once } from './form-widget.ts';
import { LabElement } from './lab-element.ts';

type Lab = import('./dead-relu-lab-draw.ts').Lab;

class DeadReluLab extends LabElement<DeadReluLabState, Lab> {
  protected readonly module = {
    load: once(() => import('./dead-relu-lab-draw.ts')),
    parse: parseDeadReluLabState,
    format: formatDeadReluLabState,
  };
  protected readonly problemsSelector = '.dr-problems';

  protected fromControls() {
    // Through the URL parser, so that typed values are checked and clamped the same way.
    const params = new URLSearchParams({
      cause: this.value('cause'),
      bias: this.value('bias'),
      data: this.value('dataset'),
      layers: this.value('layers'),
      units: this.value('units'),
      lr: this.value('lr'),
      fix: this.value('fix'),
      epochs: this.value('epochs'),
      seed: this.value('seed'),
    });
    const { state, problems } = parseDeadReluLabState(params, '', this.state);
    this.show(state, problems);
  }

  protected syncControls(state: DeadReluLabState) {
    this.setValue('cause', state.cause);
    this.setValue('bias', state.bias);
    this.setValue('dataset', state.dataset);
    this.setValue('layers', state.layers);
    this.setValue('units', state.units);
    this.setValue('lr', state.learningRate);
    this.setValue('fix', state.fixLearningRate);
    this.setValue('epochs', state.epochs);
    this.setValue('seed', state.seed);
    this.describeCause(state);
  }

  /** The words that depend on the cause: which rate applies, what each run is. */
  private describeCause(state: DeadReluLabState) {
    this.field<HTMLSelectElement>('bias').disabled = state.cause !== 'bias';
    this.field<HTMLSelectElement>('lr').disabled = state.cause !== 'rate';
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
}

customElements.define('nl-dead-relu-lab', DeadReluLab);
