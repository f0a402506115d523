// <nl-choose>: recomputes the recommendation whenever the form changes, and mirrors the
// situation in the URL (ch-layer, ch-arch, ch-task, ch-c) so a recommendation can be shared.

import {
  type Constraint,
  isArchitecture,
  isConstraint,
  isLayer,
  isTask,
  recommend,
  type Situation,
} from '../../lib/choose/index.ts';
import { readUrlParams, writeUrlParams } from '../widgets/url-state.ts';
import { recommendationHtml } from './recommendation-html.ts';

class Choose extends HTMLElement {
  #prefix = 'ch-';
  #pages = new Set<string>();
  #form!: HTMLFormElement;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? 'ch-';
    this.#pages = new Set(JSON.parse(this.dataset.pages ?? '[]'));
    this.#form = this.querySelector('form') as HTMLFormElement;
    this.#form.addEventListener('change', () => this.#update(this.#fromForm(), []));
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { situation, problems } = this.#fromUrl(url);
      this.#update(situation, problems);
    }
  }

  #fromForm(): Partial<Situation> {
    const data = new FormData(this.#form);
    const task = data.get('task') as string;
    return {
      layer: data.get('layer') as Situation['layer'],
      architecture: data.get('architecture') as Situation['architecture'],
      task: task ? (task as Situation['task']) : undefined,
      constraints: data.getAll('constraints') as Constraint[],
    };
  }

  #fromUrl(url: URLSearchParams): { situation: Partial<Situation>; problems: string[] } {
    const p = this.#prefix;
    const problems: string[] = [];
    const situation: Partial<Situation> = { layer: 'hidden', architecture: 'mlp' };
    const layer = url.get(`${p}layer`);
    if (layer !== null) {
      if (isLayer(layer)) situation.layer = layer;
      else problems.push(`Unknown layer "${layer}" in the link; showing a hidden layer.`);
    }
    const arch = url.get(`${p}arch`);
    if (arch !== null) {
      if (isArchitecture(arch)) situation.architecture = arch;
      else problems.push(`Unknown architecture "${arch}" in the link; showing an MLP.`);
    }
    const task = url.get(`${p}task`);
    if (task) {
      if (isTask(task)) situation.task = task;
      else problems.push(`Unknown task "${task}" in the link; ignored.`);
    }
    const cs = (url.get(`${p}c`) ?? '').split(',').filter(Boolean);
    const bad = cs.filter((c) => !isConstraint(c));
    if (bad.length > 0)
      problems.push(`Unknown constraint ${bad.map((b) => `"${b}"`).join(', ')} ignored.`);
    situation.constraints = cs.filter(isConstraint);
    return { situation, problems };
  }

  #update(input: Partial<Situation>, problems: string[]) {
    const rec = recommend(input);
    const s = rec.situation;
    const form = this.#form;
    (form.elements.namedItem('layer') as HTMLSelectElement).value = s.layer;
    (form.elements.namedItem('architecture') as HTMLSelectElement).value = s.architecture;
    (form.elements.namedItem('task') as HTMLSelectElement).value = input.task ?? '';
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name=constraints]')) {
      box.checked = (input.constraints ?? []).includes(box.value as Constraint);
    }
    (this.querySelector('.nl-choose-message') as HTMLElement).textContent = problems.join(' ');
    (this.querySelector('.nl-choose-result') as HTMLElement).innerHTML = recommendationHtml(rec, {
      pages: this.#pages,
      here: this.dataset.here,
      base: this.dataset.base,
    });
    this.dataset.rule = rec.rule;
    writeUrlParams({
      [`${this.#prefix}layer`]: s.layer,
      [`${this.#prefix}arch`]: s.architecture,
      [`${this.#prefix}task`]: input.task ?? '',
      [`${this.#prefix}c`]: (input.constraints ?? []).filter(isConstraint).join(','),
    });
  }
}

customElements.define('nl-choose', Choose);
