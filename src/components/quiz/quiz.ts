// <nl-quiz>: checks answers, shows the explanation, keeps score and saved progress, and (on
// the quiz page) runs rounds by topic or mixed, shuffled by a seed in the URL. The page is
// complete without this script: every question shows its answer in a <details>.

import { readUrlParams, writeUrlParams } from '../widgets/url-state.ts';
import { grade } from './grade.ts';
import {
  browserStorage,
  clearProgress,
  loadProgress,
  type Progress,
  record,
  saveProgress,
} from './progress.ts';
import {
  makeRound,
  mixedTopic,
  newSeed,
  parseRoundParams,
  poolOf,
  type RoundParams,
  sizeOf,
} from './round.ts';
import type { QuestionKind } from './schema.ts';

const $ = <T extends Element>(root: ParentNode, selector: string) =>
  root.querySelector(selector) as T;

class Quiz extends HTMLElement {
  #prefix = '';
  #storage = browserStorage();
  #progress!: Progress;
  #articles = new Map<string, HTMLElement>();
  #topics: { id: string; ids: string[] }[] = [];
  /** The questions in play, in order, and how each was answered this time. */
  #round: string[] = [];
  #results = new Map<string, boolean>();

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? 'quiz-';
    this.#topics = JSON.parse(this.dataset.topics ?? '[]');
    const { progress, notice } = loadProgress(this.#storage);
    this.#progress = progress;
    if (notice) this.#notice(notice);
    for (const article of this.querySelectorAll<HTMLElement>('article.nl-q')) {
      this.#articles.set(article.dataset.id as string, article);
      $<HTMLElement>(article, '.nl-q-actions').hidden = false;
      $<HTMLFormElement>(article, 'form').addEventListener('submit', (e) => {
        e.preventDefault();
        this.#check(article);
      });
      this.#reset(article);
    }
    this.addEventListener('click', (e) => {
      const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset
        .action;
      if (action) this.#act(action);
    });
    const toolbar = this.querySelector<HTMLElement>('.nl-quiz-toolbar');
    if (toolbar) toolbar.hidden = false;
    this.#round = [...this.#articles.keys()];
    if (this.dataset.mode === 'page') {
      const fallback = newSeed(Math.random);
      const { round, problems } = parseRoundParams(
        readUrlParams(),
        this.#topics.map((t) => t.id),
        fallback,
        this.#prefix,
      );
      if (problems.length > 0) this.#notice(problems.join(' '), true);
      if (round) this.#startRound(round, false);
    }
    this.#showProgress();
    this.#score();
  }

  #act(action: string) {
    if (action === 'start' || action === 'new') {
      const select = this.querySelector<HTMLSelectElement>('.nl-quiz-toolbar select');
      const topic = select?.value ?? mixedTopic;
      const round = { topic, seed: newSeed(Math.random) };
      writeUrlParams({
        [`${this.#prefix}topic`]: topic,
        [`${this.#prefix}seed`]: String(round.seed),
      });
      this.#startRound(round, true);
    } else if (action === 'all') {
      const url = new URL(window.location.href);
      url.searchParams.delete(`${this.#prefix}topic`);
      url.searchParams.delete(`${this.#prefix}seed`);
      history.replaceState(history.state, '', url);
      this.#show([...this.#articles.keys()], undefined, true);
    } else if (action === 'retry') {
      const wrong = this.#round.filter((id) => this.#results.get(id) === false);
      this.#show(wrong, `Retry: ${wrong.length} question${wrong.length === 1 ? '' : 's'}`, true);
    } else if (action === 'reset') {
      clearProgress(this.#storage);
      this.#progress = { version: 1, questions: {} };
      for (const article of this.#articles.values()) this.#showLast(article);
      this.#showProgress();
      this.#notice('Progress reset: no answers are saved.');
    }
  }

  #startRound({ topic, seed }: RoundParams, focus: boolean) {
    const select = this.querySelector<HTMLSelectElement>('.nl-quiz-toolbar select');
    if (select) select.value = topic;
    const pool = poolOf(this.#topics, topic);
    const ids = makeRound(pool, seed, sizeOf(topic, pool));
    const name =
      topic === mixedTopic
        ? 'Mixed round'
        : (select?.selectedOptions[0]?.textContent?.replace(/\s*\(\d+\)$/, '') ?? topic);
    this.#show(ids, `${name}, round ${seed}: ${ids.length} questions`, focus);
  }

  /** Shows exactly `ids`, in that order (in the round list when titled), all unanswered. */
  #show(ids: string[], title: string | undefined, focus: boolean) {
    this.#round = ids;
    this.#results.clear();
    const roundBox = $<HTMLElement>(this, '.nl-quiz-round');
    const bank = $<HTMLElement>(this, '.nl-quiz-bank');
    const list = $<HTMLElement>(this, '.nl-quiz-round-list');
    const wanted = new Set(ids);
    for (const [id, article] of this.#articles) {
      article.hidden = !wanted.has(id);
      this.#reset(article);
    }
    if (title) {
      for (const id of ids) list.append(this.#articles.get(id) as HTMLElement);
      $<HTMLElement>(this, '.nl-quiz-round-title').textContent = title;
    } else {
      // Back to the bank: every question in its topic, in the page's order.
      for (const section of this.querySelectorAll<HTMLElement>('.nl-quiz-topic')) {
        const topic = this.#topics.find((t) => t.id === section.dataset.topic);
        for (const id of topic?.ids ?? []) {
          const article = this.#articles.get(id);
          if (article) section.append(article);
        }
      }
    }
    roundBox.hidden = !title;
    bank.hidden = Boolean(title);
    $<HTMLElement>(this, '.nl-quiz-summary').hidden = true;
    this.#score();
    if (focus) {
      const target = title
        ? $<HTMLElement>(this, '.nl-quiz-round-title')
        : (this.querySelector('.nl-quiz-bank h2') as HTMLElement | null);
      target?.focus();
    }
  }

  /** Clears the reader's answer and feedback and hides the explanation. */
  #reset(article: HTMLElement) {
    const form = $<HTMLFormElement>(article, 'form');
    form.reset();
    for (const el of form.querySelectorAll<
      HTMLInputElement | HTMLSelectElement | HTMLButtonElement
    >('input, select, button')) {
      el.disabled = false;
    }
    for (const el of article.querySelectorAll<HTMLElement>('[data-verdict]')) {
      delete el.dataset.verdict;
    }
    for (const el of article.querySelectorAll<HTMLElement>('.nl-q-mark')) el.textContent = '';
    $<HTMLElement>(article, '.nl-q-feedback').textContent = '';
    const details = $<HTMLDetailsElement>(article, 'details');
    details.open = false;
    details.hidden = true;
    this.#showLast(article);
  }

  #response(article: HTMLElement, kind: QuestionKind): string[] {
    if (kind === 'assign') {
      return [...article.querySelectorAll<HTMLSelectElement>('select')].map((s) => s.value);
    }
    return [...article.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  }

  #check(article: HTMLElement) {
    const id = article.dataset.id as string;
    const kind = article.dataset.kind as QuestionKind;
    const key = JSON.parse(article.dataset.key as string) as string[];
    const response = this.#response(article, kind);
    const feedback = $<HTMLElement>(article, '.nl-q-feedback');
    if (kind === 'assign' ? response.includes('') : response.length === 0) {
      feedback.textContent =
        kind === 'assign'
          ? 'Choose an activation for every layer first.'
          : 'Choose an answer first.';
      return;
    }
    const right = grade(kind, key, response);
    this.#mark(article, kind, key, response);
    for (const el of article.querySelectorAll<
      HTMLInputElement | HTMLSelectElement | HTMLButtonElement
    >('input, select, button')) {
      el.disabled = true;
    }
    feedback.textContent = right
      ? 'Right. The explanation for each option is below.'
      : 'Not quite. The right answer is marked; the explanation for each option is below.';
    const details = $<HTMLDetailsElement>(article, 'details');
    details.hidden = false;
    details.open = true;
    feedback.focus();
    this.#results.set(id, right);
    this.#progress = record(this.#progress, id, right, Date.now());
    if (!saveProgress(this.#storage, this.#progress)) {
      this.#notice('Progress could not be saved in this browser; it lasts until you leave.');
    }
    this.#showProgress();
    this.#score();
  }

  #mark(article: HTMLElement, kind: QuestionKind, key: string[], response: string[]) {
    if (kind === 'assign') {
      for (const layer of article.querySelectorAll<HTMLElement>('.nl-q-layer')) {
        const l = Number(layer.dataset.layer);
        const accepted = key[l].split('|');
        const ok = accepted.includes(response[l]);
        layer.dataset.verdict = ok ? 'right' : 'wrong';
        const select = $<HTMLSelectElement>(layer, 'select');
        const name = (v: string) =>
          [...select.options].find((o) => o.value === v)?.textContent ?? v;
        $<HTMLElement>(layer, '.nl-q-mark').textContent = ok
          ? '✓ right'
          : `✗ answer: ${accepted.map(name).join(' or ')}`;
      }
      return;
    }
    for (const option of article.querySelectorAll<HTMLElement>('.nl-q-option')) {
      const value = option.dataset.value as string;
      const correct = key.includes(value);
      const chosen = response.includes(value);
      const mark = $<HTMLElement>(option, '.nl-q-mark');
      if (correct) {
        option.dataset.verdict = 'right';
        mark.textContent = chosen ? '✓ your answer, right' : '✓ right answer';
      } else if (chosen) {
        option.dataset.verdict = 'wrong';
        mark.textContent = '✗ your answer, wrong';
      }
    }
  }

  #showLast(article: HTMLElement) {
    const last = this.#progress.questions[article.dataset.id as string];
    const el = $<HTMLElement>(article, '.nl-q-last');
    el.hidden = !last;
    el.textContent = last
      ? `Last attempt: ${last.right ? 'right' : 'wrong'} (${last.rightCount} of ${last.attempts} right so far).`
      : '';
  }

  #showProgress() {
    const el = this.querySelector<HTMLElement>('.nl-quiz-progress');
    if (!el) return;
    const all = [...this.#articles.keys()];
    const seen = all.filter((id) => this.#progress.questions[id]);
    const right = seen.filter((id) => this.#progress.questions[id].right);
    el.textContent =
      seen.length === 0
        ? `No answers saved yet. ${all.length} questions in the bank.`
        : `Saved progress: ${seen.length} of ${all.length} questions answered, ${right.length} right at the last attempt.`;
  }

  #score() {
    const answered = this.#round.filter((id) => this.#results.has(id));
    const right = answered.filter((id) => this.#results.get(id));
    $<HTMLElement>(this, '.nl-quiz-scoreline').textContent =
      answered.length === 0
        ? ''
        : `Score: ${right.length} right of ${answered.length} answered (${this.#round.length} in play).`;
    const summary = $<HTMLElement>(this, '.nl-quiz-summary');
    const done = this.#round.length > 0 && answered.length === this.#round.length;
    if (!done) {
      summary.hidden = true;
      return;
    }
    const wrong = this.#round.filter((id) => this.#results.get(id) === false);
    $<HTMLElement>(summary, '.nl-quiz-score').textContent =
      `You got ${right.length} of ${this.#round.length} right.`;
    const review = $<HTMLElement>(summary, '.nl-quiz-review');
    review.replaceChildren();
    if (wrong.length > 0) {
      const p = document.createElement('p');
      p.textContent = 'Review the ones you missed:';
      const ul = document.createElement('ul');
      for (const id of wrong) {
        const article = this.#articles.get(id) as HTMLElement;
        const a = document.createElement('a');
        a.href = `#${article.id}`;
        a.textContent = $<HTMLElement>(article, '.nl-q-prompt').textContent ?? id;
        const li = document.createElement('li');
        li.append(a);
        ul.append(li);
      }
      review.append(p, ul);
    }
    $<HTMLButtonElement>(summary, '[data-action=retry]').hidden = wrong.length === 0;
    summary.hidden = false;
  }

  #notice(text: string, append = false) {
    const el = $<HTMLElement>(this, '.nl-quiz-notice');
    el.textContent = append && el.textContent ? `${el.textContent} ${text}` : text;
  }
}

customElements.define('nl-quiz', Quiz);
