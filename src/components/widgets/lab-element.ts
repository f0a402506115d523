// The custom element the five training labs share, as FormWidget (form-widget.ts) is the
// one the explorer widgets share. A lab differs from an explorer in what a state change
// does: it does not redraw a figure, it starts new training runs in Web Workers, so the
// drawing code returns a lab object (configure, play or pause, step, reset) made once and
// kept. The page is complete without this script: the controls and the untrained networks
// are rendered at build time.
//
// What every lab does the same way is written here once: the state from data-state, or
// from the link when the URL carries keys with the lab's prefix; the drawing code, the
// engine and the workers loaded only when the reader comes near (pointer, focus or touch)
// or uses a control; each change of the form becomes a new state that syncs the controls,
// shows what was wrong with the input, writes the URL and reconfigures the runs; and the
// run buttons (Play, Step, Reset, and the Reset in the divergence alert) wired to the lab.
// Each lab keeps only its own controls and how they map to its state.

import { readUrlParams, writeUrlParams } from './url-state.ts';

/** What a lab's drawing module makes: the runs behind the run buttons. */
export interface LabRuns<S> {
  configure(state: S): Promise<void>;
  toggle(): Promise<void>;
  step?(): Promise<void>;
  reset(): Promise<void>;
}

export interface LabModule<S, L> {
  /** The drawing code, loaded once, on first need; its lab starts configured for `state`. */
  load: () => Promise<{ createLab: (widget: HTMLElement, state: S) => Promise<L> }>;
  /** The state a link asks for (over `base`), checked and clamped, and what was wrong. */
  parse: (params: URLSearchParams, prefix: string, base: S) => { state: S; problems: string[] };
  format: (state: S, prefix: string) => Record<string, string>;
}

export abstract class LabElement<S extends object, L extends LabRuns<S>> extends HTMLElement {
  protected state!: S;
  protected keyPrefix = '';
  protected form!: HTMLFormElement;
  #lab: Promise<L> | undefined;

  protected abstract readonly module: LabModule<S, L>;
  /** The paragraph that shows what was wrong with the input, e.g. '.dr-problems'. */
  protected abstract readonly problemsSelector: string;
  /**
   * Whether coming near the lab loads it. A lab whose first use is cheap to wait for
   * (one worker) loads only when used, so that passing over it costs nothing.
   */
  protected readonly loadOnApproach: boolean = true;

  /** Reads the form after a change of `target` and shows the new state. */
  protected abstract fromControls(target: Element): void;
  /** Sets the controls (and the words that depend on them) to show `state`. */
  protected abstract syncControls(state: S): void;

  connectedCallback() {
    this.keyPrefix = this.dataset.prefix ?? '';
    this.form = this.querySelector('form') as HTMLFormElement;
    this.state = JSON.parse(this.dataset.state ?? '{}') as S;
    if (this.loadOnApproach) {
      for (const type of ['pointerenter', 'focusin', 'touchstart']) {
        this.addEventListener(type, () => void this.lab(), { once: true, passive: true });
      }
    }
    this.form.addEventListener('submit', (e) => e.preventDefault());
    // `change`, not `input`: a new state restarts the runs, so it waits until a slider is
    // let go or a number is typed in full.
    this.form.addEventListener('change', (e) => this.fromControls(e.target as Element));
    this.onButton('play', (lab) => lab.toggle());
    this.onButton('step', (lab) => lab.step?.());
    this.onButton('reset', (lab) => lab.reset());
    this.onButton('reset-diverged', (lab) => lab.reset());
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.keyPrefix))) {
      const { state, problems } = this.module.parse(url, this.keyPrefix, this.state);
      this.show(state, problems);
    }
  }

  /** The lab (drawing code, engine, workers), made once, on first need. */
  protected lab(): Promise<L> {
    this.#lab ??= this.module.load().then(({ createLab }) => createLab(this, this.state));
    return this.#lab;
  }

  /** Every button called `name` does `act` on the lab, loading it first if need be. */
  protected onButton(name: string, act: (lab: L) => unknown) {
    for (const button of this.querySelectorAll<HTMLButtonElement>(`button[name=${name}]`)) {
      button.addEventListener('click', async () => act(await this.lab()));
    }
  }

  /** The form control called `name`. */
  protected field<T extends Element = HTMLInputElement>(name: string): T {
    return this.form.elements.namedItem(name) as unknown as T;
  }

  /** The value of the form control called `name`. */
  protected value(name: string): string {
    return this.field<HTMLInputElement | HTMLSelectElement>(name).value;
  }

  /** Sets the form control called `name`, if the form has one. */
  protected setValue(name: string, value: string | number) {
    const el = this.form.elements.namedItem(name) as HTMLInputElement | null;
    if (el) el.value = String(value);
  }

  /** Mirrors the state in the link. */
  protected writeUrl() {
    writeUrlParams(this.module.format(this.state, this.keyPrefix));
  }

  /** Syncs the controls and the URL to `state`, shows problems, and starts new runs. */
  async show(state: S, problems: string[] = []) {
    this.state = state;
    this.syncControls(state);
    const message = this.querySelector(this.problemsSelector) as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    this.writeUrl();
    const made = this.#lab !== undefined;
    const lab = await this.lab();
    // A lab made just now was made with this state. A newer state may have arrived while
    // the lab was loading: configure only the latest.
    if (made && state === this.state) void lab.configure(state);
  }
}
