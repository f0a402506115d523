// The custom element the explorer widgets share. The page is complete without it: the figure
// and the controls are rendered at build time. It makes them live. It takes the state from
// data-state, or from the link when the URL carries keys with the widget's prefix. It loads
// Plot and the figure code only when the reader comes near (pointer, focus or touch). Each
// change of the controls becomes a new state, which syncs the controls, shows what was wrong
// with the input, writes the URL and draws at most once per frame.

import { oncePerFrame } from './frame.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

/** Draws `state` into the widget; `false` means "not finished, call me again next frame". */
export type Draw<S> = (widget: HTMLElement, state: S) => unknown;

export interface WidgetModule<S> {
  /** The drawing code, loaded once, on first need. */
  load: () => Promise<{ draw: Draw<S> }>;
  parse: (params: URLSearchParams, prefix: string) => { state: S; problems: string[] };
  format: (state: S, prefix: string) => Record<string, string>;
}

/** `load` memoised: the first call starts the import, later ones share it. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load();
    return loading;
  };
}

export abstract class FormWidget<S extends object> extends HTMLElement {
  protected state!: S;
  protected keyPrefix = '';
  protected form!: HTMLFormElement;
  readonly #drawSoon = oncePerFrame();

  protected abstract readonly module: WidgetModule<S>;
  /** The state the controls show now. */
  protected abstract fromControls(): S;
  /** Sets the controls to show `state`. */
  protected abstract syncControls(state: S): void;

  connectedCallback() {
    this.keyPrefix = this.dataset.prefix ?? '';
    this.form = this.querySelector('form') as HTMLFormElement;
    this.state = JSON.parse(this.dataset.state ?? '{}') as S;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, () => void this.module.load(), { once: true, passive: true });
    }
    this.form.addEventListener('input', () => this.show(this.fromControls()));
    // Widgets with random weights have a seed and a button that draws new ones.
    this.querySelector('button[name=reseed]')?.addEventListener('click', () => {
      const { seed } = this.state as { seed: number };
      this.show({ ...this.state, seed: seed + 1 });
    });
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.keyPrefix))) {
      const { state, problems } = this.module.parse(url, this.keyPrefix);
      this.show(state, problems);
    }
  }

  /** The form control called `name`. */
  protected field<T extends Element = HTMLInputElement>(name: string): T {
    return this.form.elements.namedItem(name) as unknown as T;
  }

  /** Syncs the controls and the URL, shows any problems, and draws `state` on the next frame. */
  async show(state: S, problems: string[] = []) {
    this.state = state;
    this.syncControls(state);
    const message = this.querySelector('.nl-message') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(this.module.format(state, this.keyPrefix));
    const { draw } = await this.module.load();
    // A long computation may be spread over frames, each drawing what is done so far, until
    // the state is complete or a newer one replaces it.
    const drawUntilDone = () => {
      if (draw(this, this.state) === false) this.#drawSoon(drawUntilDone);
    };
    this.#drawSoon(drawUntilDone);
  }
}
