// <nl-digits-lab>: wires the server-rendered controls and the drawing pad to one training
// run per activation. The page is complete without this script (the untrained networks are
// measured at build time). Plot, the engine, the workers and the digits load only when the
// reader comes near the lab (pointer, focus or touch) or the URL asks for another state.

import {
  type DigitsLabState,
  dlLimits,
  formatDigitsLabState,
  parseDigitsLabState,
} from '../figures/digits-lab-state.ts';
import { once } from './form-widget.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

type Lab = import('./digits-lab-draw.ts').Lab;
const loadDrawing = once(() => import('./digits-lab-draw.ts'));

/** Brush width on the 280 × 280 pad: about 2.2 MNIST pixels for a digit 200 pixels tall. */
const BRUSH = 22;

class DigitsLab extends HTMLElement {
  #state!: DigitsLabState;
  #prefix = '';
  #form!: HTMLFormElement;
  #lab: Promise<Lab> | undefined;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form.dl-form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as DigitsLabState;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, () => this.#start(), { once: true, passive: true });
    }
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    this.#form.addEventListener('change', () => this.#fromControls());
    this.#button('play').addEventListener('click', async () => (await this.#start()).toggle());
    for (const name of ['reset', 'reset-diverged']) {
      this.#button(name).addEventListener('click', async () => (await this.#start()).reset());
    }
    this.#select('tau').addEventListener('change', () => this.#fromControls());
    this.#select('confusion-run').addEventListener('change', async () =>
      (await this.#start()).showConfusion(Number(this.#select('confusion-run').value)),
    );
    this.#button('clear').addEventListener('click', async () => {
      const canvas = this.#canvas();
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      (await this.#start()).clearDrawing();
    });
    this.#button('previous-digit').addEventListener('click', async () =>
      (await this.#start()).testDigit(-1),
    );
    this.#button('next-digit').addEventListener('click', async () =>
      (await this.#start()).testDigit(1),
    );
    this.#pad();
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseDigitsLabState(url, this.#prefix, this.#state);
      this.#show(state, problems);
    }
  }

  #button(name: string) {
    return this.querySelector(`button[name=${name}]`) as HTMLButtonElement;
  }

  #select(name: string) {
    return this.querySelector(`select[name=${name}]`) as HTMLSelectElement;
  }

  #canvas() {
    return this.querySelector('canvas.dl-canvas') as HTMLCanvasElement;
  }

  /** Drawing with mouse, finger or pen (pointer events); the lab reads the ink. */
  #pad() {
    const canvas = this.#canvas();
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
    const read = async () => (await this.#start()).readDrawing(canvas);
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

  /** The lab (workers, Plot, engine, digits), created once, configured with the state. */
  #start(): Promise<Lab> {
    this.#lab ??= loadDrawing().then(({ createLab }) =>
      createLab(this, this.#state, JSON.parse(this.dataset.initial ?? '[]')),
    );
    return this.#lab;
  }

  #fromControls() {
    const f = this.#form.elements;
    const value = (name: string) =>
      (f.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const acts = [...this.#form.querySelectorAll<HTMLInputElement>('input[name=acts]:checked')]
      .map((c) => c.value)
      .join(',');
    // Through the URL parser, so that typed values are checked and clamped the same way.
    const params = new URLSearchParams({
      acts,
      layers: value('layers'),
      units: value('units'),
      epochs: value('epochs'),
      lr: value('lr'),
      train: value('train'),
      init: value('init'),
      tau: this.#select('tau').value,
      seed: value('seed'),
    });
    const { state, problems } = parseDigitsLabState(params, '', this.#state);
    if (acts === '') problems.splice(0, problems.length, 'Choose at least one activation.');
    const checked = acts.split(',').filter(Boolean).length;
    if (checked > dlLimits.runs.max) {
      problems.splice(0, problems.length, `At most ${dlLimits.runs.max} activations at once.`);
    }
    this.#show(state, problems);
  }

  /** Syncs the controls and the URL to `state`, shows problems, and starts new runs. */
  async #show(state: DigitsLabState, problems: string[] = []) {
    this.#state = state;
    const f = this.#form.elements;
    const set = (name: string, v: string | number) => {
      const el = f.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (el) el.value = String(v);
    };
    for (const box of this.#form.querySelectorAll<HTMLInputElement>('input[name=acts]')) {
      box.checked = state.activations.includes(box.value as never);
    }
    set('layers', state.layers);
    set('units', state.units);
    set('epochs', state.epochs);
    set('lr', state.learningRate);
    set('train', state.train);
    set('init', state.init);
    set('seed', state.seed);
    this.#select('tau').value = String(state.threshold);
    const message = this.querySelector('.dl-problems') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatDigitsLabState(state, this.#prefix));
    const lab = await this.#start();
    // A newer state may have arrived while the lab was loading: configure only the latest.
    if (state === this.#state) lab.configure(state);
  }
}

customElements.define('nl-digits-lab', DigitsLab);
