// <nl-saturation-lab>: the SaturationLab's controls and their mapping to its state;
// loading, the link, the run buttons and the messages are the shared LabElement's
// (lab-element.ts). Its one worker, the engine and Plot load only when the reader starts
// the lab (Play, Step, a control) or the URL asks for another configuration.

import {
  formatSaturationState,
  parseSaturationState,
  type SaturationActivation,
  type SaturationInit,
  type SaturationLabState,
} from '../figures/saturation-lab-state.ts';
import { once } from './form-widget.ts';
import { LabElement } from './lab-element.ts';
import { writeUrlParams } from './url-state.ts';

type Lab = import('./saturation-lab-draw.ts').Lab;

class SaturationLab extends LabElement<SaturationLabState, Lab> {
  protected readonly module = {
    load: once(() => import('./saturation-lab-draw.ts')),
    parse: parseSaturationState,
    format: formatSaturationState,
  };
  protected readonly problemsSelector = '.sat-problems';
  protected override readonly loadOnApproach = false;

  /** The link keeps only this lab's keys of the state: one it drops leaves the link. */
  protected override writeUrl() {
    writeUrlParams(this.module.format(this.state, this.keyPrefix), (k) =>
      k.startsWith(this.keyPrefix),
    );
  }

  protected fromControls() {
    const data = new FormData(this.form);
    const activation = data.get(`${this.keyPrefix}act`) as SaturationActivation;
    const init = data.get(`${this.keyPrefix}init`) as SaturationInit;
    const depth = Number(data.get('depth'));
    const learningRate = Number(data.get('lr'));
    this.show({ ...this.state, activation, init, depth, learningRate });
  }

  protected syncControls(state: SaturationLabState) {
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === (radio.name.endsWith('act') ? state.activation : state.init);
    }
    this.setValue('depth', state.depth);
    this.setValue('lr', state.learningRate);
  }
}

customElements.define('nl-saturation-lab', SaturationLab);
