// <nl-function-explorer>: wires the server-rendered controls to the figure. The page is
// complete without this script. Plot and the kernel load only when the reader comes near the
// widget (pointer, focus or touch) or the URL asks for another state. What the element needs
// of the catalogue (names, parameter ranges) arrives as JSON in data-catalogue, so it can
// build the sliders of a function the reader adds without loading the kernel.

import {
  type FunctionExplorerState,
  type FxCatalogue,
  type FxFunctionInfo,
  fmt,
  formatFunctionExplorerState,
  functionExplorerLimits,
  functionExplorerMargins,
  isFunctionExplorerKey,
  paramValue,
  parseFunctionExplorerState,
} from '../figures/function-explorer-state.ts';
import { snapToStep } from '../figures/slider.ts';
import { once } from './form-widget.ts';
import { oncePerFrame } from './frame.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

const loadDrawing = once(() => import('./function-explorer-draw.ts'));

const colour = (i: number) => `var(--fx-series-${i + 1})`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** The sliders of one function, the same markup FunctionExplorer.astro renders. */
function paramFieldset(f: FxFunctionInfo, i: number, state: FunctionExplorerState) {
  const swatch = () => element('span', { class: 'fx-swatch', 'aria-hidden': 'true' });
  return element(
    'fieldset',
    { class: 'fx-fn-params', 'data-fn': f.id, style: `--fx-c: ${colour(i)}` },
    element('legend', {}, swatch(), f.name),
    ...f.params.map((p) => {
      const v = paramValue(state, f.id, p);
      return element(
        'label',
        { class: 'nl-slider' },
        element('span', {}, element('span', { class: 'sr-only' }, `${f.name} `), p.symbol),
        element('input', {
          type: 'range',
          name: `p:${f.id}.${p.name}`,
          min: String(p.min),
          max: String(p.max),
          step: String(p.step),
          value: String(v),
        }),
        element('output', {}, fmt(v, 4)),
      );
    }),
  );
}

class FunctionExplorer extends HTMLElement {
  #state!: FunctionExplorerState;
  #prefix = '';
  #catalogue: FxCatalogue = [];
  #form!: HTMLFormElement;
  #problems: string[] = [];
  #drawSoon = oncePerFrame();

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    this.#form = this.querySelector('form') as HTMLFormElement;
    this.#state = JSON.parse(this.dataset.state ?? '{}') as FunctionExplorerState;
    this.#catalogue = JSON.parse(this.dataset.catalogue ?? '[]') as FxCatalogue;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(type, loadDrawing, { once: true, passive: true });
    }
    this.#form.addEventListener('input', (e) => this.#fromControl(e.target as HTMLInputElement));
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    const plot = this.querySelector('.fx-plot') as HTMLElement;
    plot.addEventListener('pointermove', (e) => this.#fromPointer(e));
    plot.addEventListener('pointerdown', (e) => this.#fromPointer(e));
    const url = readUrlParams();
    if ([...url.keys()].some((k) => isFunctionExplorerKey(k, this.#catalogue, this.#prefix))) {
      const { state, problems } = parseFunctionExplorerState(
        url,
        this.#catalogue,
        this.#prefix,
        this.#state,
      );
      this.#show(state, problems);
    }
  }

  #fromControl(input: HTMLInputElement) {
    const s = this.#state;
    const name = input.name;
    if (name === 'fn') {
      const checked = new Set(
        [...this.#form.querySelectorAll<HTMLInputElement>('input[name=fn]:checked')].map(
          (c) => c.value,
        ),
      );
      // Keep the order (and colours) of the functions already shown; add new ones at the end.
      const fns = [
        ...s.fns.filter((id) => checked.has(id)),
        ...[...checked].filter((id) => !s.fns.includes(id)),
      ].slice(0, functionExplorerLimits.maxFns);
      const params = Object.fromEntries(Object.entries(s.params).filter(([id]) => checked.has(id)));
      this.#show({ ...s, fns, params, diff: s.diff && fns.length >= 2 });
    } else if (name.startsWith('p:')) {
      const [id, param] = name.slice(2).split('.');
      this.#show({
        ...s,
        params: { ...s.params, [id]: { ...s.params[id], [param]: Number(input.value) } },
      });
    } else if (name === 'range') {
      const halfWidth = Number(input.value);
      this.#show({ ...s, halfWidth, x: Math.max(-halfWidth, Math.min(halfWidth, s.x)) });
    } else if (name === 'x') {
      this.#show({ ...s, x: Number(input.value) });
    } else if (name === 'd2' || name === 'shade' || name === 'diff') {
      this.#show({ ...s, [name]: input.checked });
    }
  }

  /** The pointer over any panel moves the crosshair (all panels share the x axis). */
  #fromPointer(e: PointerEvent) {
    const svg = (e.target as Element).closest?.('svg');
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute('width')) || box.width;
    const px = ((e.clientX - box.left) * width) / box.width;
    const { left, right } = functionExplorerMargins;
    const h = this.#state.halfWidth;
    const x = -h + (2 * h * (px - left)) / (width - left - right);
    const snapped = snapToStep(x, { min: -h, max: h, step: h / 100 });
    if (snapped !== this.#state.x) this.#show({ ...this.#state, x: snapped }, this.#problems);
  }

  /** Syncs every control with `state` (rebuilding parameter sliders when the choice changed). */
  #syncControls(state: FunctionExplorerState) {
    const form = this.#form;
    const full = state.fns.length >= functionExplorerLimits.maxFns;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name=fn]')) {
      const i = state.fns.indexOf(box.value);
      box.checked = i >= 0;
      box.disabled = i < 0 && full;
      const label = box.closest('label') as HTMLElement;
      if (i >= 0) label.style.setProperty('--fx-c', colour(i));
      else label.style.removeProperty('--fx-c');
    }
    (this.querySelector('.fx-count') as HTMLElement).textContent = String(state.fns.length);
    const holder = this.querySelector('.fx-params') as HTMLElement;
    const withParams = state.fns.filter(
      (id) => (this.#catalogue.find((f) => f.id === id)?.params.length ?? 0) > 0,
    );
    const shown = [...holder.querySelectorAll<HTMLElement>('[data-fn]')].map((f) => f.dataset.fn);
    if (shown.join() !== withParams.join() || this.#coloursMoved(holder, state)) {
      holder.replaceChildren(
        ...withParams.map((id) =>
          paramFieldset(
            this.#catalogue.find((f) => f.id === id) as FxFunctionInfo,
            state.fns.indexOf(id),
            state,
          ),
        ),
      );
    }
    for (const id of withParams) {
      for (const p of this.#catalogue.find((f) => f.id === id)?.params ?? []) {
        const input = form.elements.namedItem(`p:${id}.${p.name}`) as HTMLInputElement;
        const v = paramValue(state, id, p);
        input.value = String(v);
        (input.nextElementSibling as HTMLOutputElement).value = fmt(v, 4);
      }
    }
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    field('range').value = String(state.halfWidth);
    (form.elements.namedItem('range-value') as HTMLOutputElement).value = String(state.halfWidth);
    const x = field('x');
    x.min = String(-state.halfWidth);
    x.max = String(state.halfWidth);
    x.step = String(state.halfWidth / 100);
    x.value = String(state.x);
    (form.elements.namedItem('x-value') as HTMLOutputElement).value = fmt(state.x);
    field('d2').checked = state.d2;
    field('shade').checked = state.shade;
    field('diff').checked = state.diff;
    field('diff').disabled = state.fns.length < 2;
  }

  #coloursMoved(holder: HTMLElement, state: FunctionExplorerState) {
    return [...holder.querySelectorAll<HTMLElement>('[data-fn]')].some(
      (f) =>
        f.style.getPropertyValue('--fx-c').trim() !== colour(state.fns.indexOf(f.dataset.fn ?? '')),
    );
  }

  #showMessage(extra: string[] = []) {
    const message = this.querySelector('.nl-message') as HTMLElement;
    const all = [...this.#problems, ...extra];
    message.hidden = all.length === 0;
    message.textContent = all.join(' ');
  }

  /** Mirrors the state in the URL, replacing this widget's keys (and only those). */
  #writeUrl() {
    writeUrlParams(formatFunctionExplorerState(this.#state, this.#catalogue, this.#prefix), (key) =>
      isFunctionExplorerKey(key, this.#catalogue, this.#prefix),
    );
  }

  /** Draws `state`, syncs the controls and the URL, and shows any problems with the input. */
  async #show(state: FunctionExplorerState, problems: string[] = []) {
    this.#state = state;
    this.#problems = problems;
    this.#syncControls(state);
    this.#showMessage();
    this.#writeUrl();
    const { draw } = await loadDrawing();
    this.#drawSoon(() => this.#showMessage(draw(this, this.#state)));
  }
}

customElements.define('nl-function-explorer', FunctionExplorer);
