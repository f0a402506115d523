// <nl-digits-lab>: the DigitsLab's controls, its drawing pad and its test-digit buttons;
// loading, the link, the run buttons and the messages are the shared LabElement's
// (lab-element.ts). Plot, the engine, the workers and the digits load only when the
// reader comes near the lab.

import {
  type DigitsLabState,
  dlLimits,
  formatDigitsLabState,
  parseDigitsLabState,
} from '../figures/digits-lab-state.ts';
import { once } from './form-widget.ts';
import { LabElement } from './lab-element.ts';

type Lab = import('./digits-lab-draw.ts').Lab;

/** Brush width on the 280 × 280 pad: about 2.2 MNIST pixels for a digit 200 pixels tall. */
const BRUSH = 22;

class DigitsLab extends LabElement<DigitsLabState, Lab> {
  protected readonly module = {
    load: once(() => import('./digits-lab-draw.ts')),
    parse: parseDigitsLabState,
    format: formatDigitsLabState,
  };
  protected readonly problemsSelector = '.dl-problems';

  connectedCallback() {
    super.connectedCallback();
    // The threshold and the confusion matrix's run sit by their figures, outside the form:
    // the threshold is part of the state (and the link), the run shown is not.
    this.select('tau').addEventListener('change', () => this.fromControls());
    this.select('confusion-run').addEventListener('change', async () =>
      (await this.lab()).showConfusion(Number(this.select('confusion-run').value)),
    );
    // The pad is cleared at once, before the lab (which may still be loading) hears of it.
    this.querySelector('button[name=clear]')?.addEventListener('click', async () => {
      const canvas = this.canvas();
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      (await this.lab()).clearDrawing();
    });
    this.onButton('previous-digit', (lab) => lab.testDigit(-1));
    this.onButton('next-digit', (lab) => lab.testDigit(1));
    this.pad();
  }

  private select(name: string) {
    return this.querySelector(`select[name=${name}]`) as HTMLSelectElement;
  }

  private canvas() {
    return this.querySelector('canvas.dl-canvas') as HTMLCanvasElement;
  }

  /** Drawing with mouse, finger or pen (pointer events); the lab reads the ink. */
  private pad() {
    const canvas = this.canvas();
    const context = canvas.getContext('2d');
    if (!context) return;
    let drawing: number | null = null;
    let last = { x: 0, y: 0 };
    const at = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      return {
        x: ((e.clientX - r.left) / r.width) * canvas.width,
        y: ((e.clientY - r.top) / r.height) * canvas.height,
      };
    };
    const stroke = (to: { x: number; y: number }) => {
      context.strokeStyle = getComputedStyle(canvas).color;
      context.lineWidth = BRUSH;
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.beginPath();
      context.moveTo(last.x, last.y);
      context.lineTo(to.x, to.y);
      context.stroke();
      last = to;
    };
    const read = async () => (await this.lab()).readDrawing(canvas);
    canvas.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      drawing = e.pointerId;
      canvas.setPointerCapture(e.pointerId);
      last = at(e);
      stroke({ x: last.x + 0.01, y: last.y });
      read();
    });
    canvas.addEventListener('pointermove', (e) => {
      if (drawing !== e.pointerId) return;
      for (const p of e.getCoalescedEvents?.() ?? [e]) stroke(at(p));
      read();
    });
    const end = (e: PointerEvent) => {
      if (drawing !== e.pointerId) return;
      drawing = null;
      read();
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
  }

  protected fromControls() {
    const acts = [...this.form.querySelectorAll<HTMLInputElement>('input[name=acts]:checked')]
      .map((c) => c.value)
      .join(',');
    // Through the URL parser, so that typed values are checked and clamped the same way.
    const params = new URLSearchParams({
      acts,
      layers: this.value('layers'),
      units: this.value('units'),
      epochs: this.value('epochs'),
      lr: this.value('lr'),
      train: this.value('train'),
      init: this.value('init'),
      tau: this.select('tau').value,
      seed: this.value('seed'),
    });
    const { state, problems } = parseDigitsLabState(params, '', this.state);
    if (acts === '') problems.splice(0, problems.length, 'Choose at least one activation.');
    const checked = acts.split(',').filter(Boolean).length;
    if (checked > dlLimits.runs.max) {
      problems.splice(0, problems.length, `At most ${dlLimits.runs.max} activations at once.`);
    }
    this.show(state, problems);
  }

  protected syncControls(state: DigitsLabState) {
    for (const box of this.form.querySelectorAll<HTMLInputElement>('input[name=acts]')) {
      box.checked = state.activations.includes(box.value as never);
    }
    this.setValue('layers', state.layers);
    this.setValue('units', state.units);
    this.setValue('epochs', state.epochs);
    this.setValue('lr', state.learningRate);
    this.setValue('train', state.train);
    this.setValue('init', state.init);
    this.setValue('seed', state.seed);
    this.select('tau').value = String(state.threshold);
  }
}

customElements.define('nl-digits-lab', DigitsLab);
