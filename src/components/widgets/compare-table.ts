// <nl-compare-table>: turns the server-rendered table's column headers into sort buttons
// and wires "Measure cost". The table is complete without this script. The kernel loads only
// when the reader asks for a measurement (compare-table-measure.ts).

import {
  type CompareDirection,
  type CompareSortKey,
  type CompareTableState,
  compareTableDefaults,
  describeCompareTable,
  describeOrder,
  formatCompareTableState,
  parseCompareTableState,
  type SortValue,
  sortBy,
} from '../figures/compare-table-state.ts';
import { readUrlParams, writeUrlParams } from './url-state.ts';

class CompareTable extends HTMLElement {
  #state: CompareTableState = { ...compareTableDefaults };
  #prefix = '';
  #measuring = false;

  connectedCallback() {
    this.#prefix = this.dataset.prefix ?? '';
    for (const th of this.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]')) {
      const button = document.createElement('button');
      button.type = 'button';
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => {
        const key = th.dataset.sortKey as CompareSortKey;
        const direction: CompareDirection =
          this.#state.sort === key && this.#state.direction === 'ascending'
            ? 'descending'
            : 'ascending';
        this.#show({ sort: key, direction });
      });
    }
    const measure = this.querySelector('button[name=measure]') as HTMLButtonElement;
    measure.hidden = false;
    measure.addEventListener('click', () => this.#measure(measure));
    this.#status(
      'Press a column heading to sort by it, and again to reverse. The table scrolls sideways.',
    );
    const url = readUrlParams();
    if ([...url.keys()].some((k) => k.startsWith(this.#prefix))) {
      const { state, problems } = parseCompareTableState(url, this.#prefix);
      this.#show(state, problems, false);
    }
  }

  #status(text: string) {
    (this.querySelector('.ct-status') as HTMLElement).textContent = text;
  }

  /** Sorts the rows by `state`, marks the sorted header, and syncs the caption and URL. */
  #show(state: CompareTableState, problems: string[] = [], announce = true) {
    this.#state = state;
    const body = this.querySelector('tbody') as HTMLTableSectionElement;
    const numeric = state.sort !== 'name';
    const sortValue = (row: HTMLTableRowElement): SortValue => {
      const raw = row.getAttribute(`data-k-${state.sort}`);
      if (raw === null || raw === '') return null;
      return numeric ? Number(raw) : raw;
    };
    body.append(...sortBy([...body.rows], sortValue, state.direction));
    for (const th of this.querySelectorAll<HTMLElement>('thead th[data-sort-key]')) {
      if (th.dataset.sortKey === state.sort && state.sort !== 'catalogue') {
        th.setAttribute('aria-sort', state.direction);
      } else th.removeAttribute('aria-sort');
    }
    const caption = this.querySelector('caption') as HTMLElement;
    caption.textContent = describeCompareTable(body.rows.length, state);
    if (announce) this.#status(`Table ${describeOrder(state)}.`);
    const message = this.querySelector('.nl-message') as HTMLElement;
    message.hidden = problems.length === 0;
    message.textContent = problems.join(' ');
    writeUrlParams(formatCompareTableState(state, this.#prefix));
  }

  /** Times each row's function, one at a time, yielding to the page between them. */
  async #measure(button: HTMLButtonElement) {
    if (this.#measuring) return;
    this.#measuring = true;
    button.disabled = true;
    this.#status('Loading the functions…');
    const { measureAll } = await import('./compare-table-measure.ts');
    const rows = [...(this.querySelector('tbody') as HTMLTableSectionElement).rows];
    await measureAll(
      rows.map((row) => row.dataset.id as string),
      (id, ns, text, done) => {
        const row = rows.find((r) => r.dataset.id === id) as HTMLTableRowElement;
        row.setAttribute('data-k-cost', String(ns));
        (row.querySelector('.ct-cost') as HTMLElement).textContent = text;
        this.#status(`Measured ${done} of ${rows.length}…`);
      },
      (summary) => this.#status(summary),
    );
    if (this.#state.sort === 'cost') this.#show(this.#state, [], false);
    this.#measuring = false;
    button.disabled = false;
    button.textContent = 'Measure again';
  }
}

customElements.define('nl-compare-table', CompareTable);
