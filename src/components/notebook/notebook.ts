// <nl-notebook>: makes the built notebook live. The page is complete without this script.
// The kernel worker starts on the first run; CodeMirror loads on the first Edit (or at once
// on the scratchpad); Plot loads when a cell draws. Keys, as in Jupyter: Shift+Enter runs a
// cell and moves to the next one, Ctrl/Cmd+Enter runs it in place.

import { KernelClient, type RunStatus, type WorkerLike } from '../../lib/notebook/kernel.ts';
import type { PlotSpec } from '../../lib/notebook/plot-spec.ts';
import type { Output } from '../../lib/notebook/session.ts';
import type { CellEditor } from './editor.ts';
import { escapeHtml, outputHtml } from './output-html.ts';

let editorModule: Promise<typeof import('./editor.ts')> | undefined;
const loadEditor = () => {
  editorModule ??= import('./editor.ts');
  return editorModule;
};
let plotModule:
  | Promise<[typeof import('@observablehq/plot'), typeof import('../../lib/notebook/plot-spec.ts')]>
  | undefined;
const loadPlot = () => {
  plotModule ??= Promise.all([
    import('@observablehq/plot'),
    import('../../lib/notebook/plot-spec.ts'),
  ]);
  return plotModule;
};

interface CellState {
  root: HTMLElement;
  original: string;
  originalOutput: string;
  originalCount: string;
  editor?: CellEditor;
  opening?: Promise<CellEditor>;
  /** Outputs of the last run in this page (for the download). */
  outputs?: Output[];
  count?: number;
}

class Notebook extends HTMLElement {
  #cells: CellState[] = [];
  #kernel!: KernelClient;
  #counter = 0;
  /** Cells run since the kernel (re)started. */
  #ran = new Set<CellState>();
  /** Whether anything ran since the page loaded. */
  #started = false;
  #status!: HTMLElement;
  #timeLimit = 5000;

  connectedCallback() {
    this.#timeLimit = Number(this.dataset.timeLimit) || 5000;
    this.#status = this.querySelector('.nl-nb-status') as HTMLElement;
    this.#kernel = new KernelClient(
      () =>
        new Worker(new URL('./kernel-worker.ts', import.meta.url), {
          type: 'module',
          name: 'notebook kernel',
        }) as unknown as WorkerLike,
      { timeLimit: this.#timeLimit, onRestart: (reason) => this.#restarted(reason) },
    );
    for (const root of this.querySelectorAll<HTMLElement>('[data-nl-cell]')) this.#adopt(root);
    this.querySelector('[data-action=run-all]')?.addEventListener('click', () => this.runAll());
    this.querySelector('[data-action=restart]')?.addEventListener('click', () => {
      this.#kernel.restart();
    });
    this.querySelector('.nl-nb-download')?.addEventListener('click', (e) =>
      this.#download(e as MouseEvent),
    );
    this.#setStatus(
      `Ready. Each cell may run for ${this.#seconds()} s; Shift+Enter runs a cell and moves to the next.`,
    );
    window.addEventListener('pagehide', () => this.#kernel.dispose());
  }

  #seconds() {
    return (this.#timeLimit / 1000).toLocaleString('en');
  }

  #setStatus(text: string) {
    this.#status.textContent = text;
  }

  #adopt(root: HTMLElement): CellState {
    const source = root.querySelector('script[data-nl-source]')?.textContent ?? '""';
    const cell: CellState = {
      root,
      original: JSON.parse(source) as string,
      originalOutput: (root.querySelector('[data-nl-output]') as HTMLElement).innerHTML,
      originalCount: (root.querySelector('[data-nl-count]') as HTMLElement).textContent ?? '',
    };
    this.#cells.push(cell);
    this.#label(cell);
    root.querySelector('[data-action=run]')?.addEventListener('click', () => this.run(cell, false));
    root.querySelector('[data-action=edit]')?.addEventListener('click', () => {
      this.#openEditor(cell).then((e) => e.focus());
    });
    root.querySelector('[data-action=reset]')?.addEventListener('click', () => this.#reset(cell));
    root.addEventListener('keydown', (event) => {
      // In the editor CodeMirror handles these keys; elsewhere in the cell they run it too.
      if (event.key !== 'Enter' || (event.target as HTMLElement).closest('.cm-editor')) return;
      if (event.shiftKey || event.ctrlKey || event.metaKey) {
        event.preventDefault();
        this.run(cell, event.shiftKey);
      }
    });
    if (root.hasAttribute('data-editable')) void this.#openEditor(cell);
    return cell;
  }

  #label(cell: CellState) {
    const n = this.#cells.indexOf(cell) + 1;
    const set = (action: string, label: string) =>
      cell.root.querySelector(`[data-action=${action}]`)?.setAttribute('aria-label', label);
    set('run', `Run cell ${n}`);
    set('edit', `Edit cell ${n}`);
    set('reset', `Reset cell ${n}`);
  }

  #openEditor(cell: CellState): Promise<CellEditor> {
    cell.opening ??= loadEditor().then(({ createEditor }) => {
      const host = cell.root.querySelector('[data-nl-code]') as HTMLElement;
      const code = this.#code(cell);
      host.replaceChildren();
      const n = this.#cells.indexOf(cell) + 1;
      cell.editor = createEditor(host, code, {
        label: `Code of cell ${n}`,
        onRun: (next) => this.run(cell, next),
      });
      const edit = cell.root.querySelector<HTMLButtonElement>('[data-action=edit]');
      if (edit) edit.hidden = true;
      return cell.editor;
    });
    return cell.opening;
  }

  #code(cell: CellState): string {
    return cell.editor ? cell.editor.value() : cell.original;
  }

  #reset(cell: CellState) {
    cell.editor?.setValue(cell.original);
    (cell.root.querySelector('[data-nl-output]') as HTMLElement).innerHTML = cell.originalOutput;
    (cell.root.querySelector('[data-nl-count]') as HTMLElement).textContent = cell.originalCount;
    cell.outputs = undefined;
    cell.count = undefined;
    cell.root.removeAttribute('data-state');
    this.#setStatus(`Cell ${this.#cells.indexOf(cell) + 1} reset to its original code and output.`);
  }

  #restarted(reason: 'restart' | 'timeout' | 'crashed') {
    this.#ran.clear();
    this.#counter = 0;
    for (const c of this.#cells) if (c.count !== undefined) c.root.dataset.state = 'stale';
    if (reason === 'restart')
      this.#setStatus('Kernel restarted: its variables are gone. Run the cells again (Run all).');
  }

  /** Runs every cell in order (stopping at a time-out, which restarts the kernel). */
  async runAll() {
    this.#started = true;
    for (const cell of this.#cells) {
      const status = await this.#execute(cell);
      if (status === 'timeout' || status === 'crashed') return;
    }
    const n = this.#cells.length;
    this.#setStatus(n === 1 ? 'Ran the cell.' : `Ran all ${n} cells.`);
  }

  /**
   * Runs `cell`. The first run on a page runs the cells above it first (a reader who presses
   * Run on the third cell of a lesson expects it to work); after a restart, as in Jupyter,
   * the reader chooses what to run again.
   */
  async run(cell: CellState, next: boolean) {
    const index = this.#cells.indexOf(cell);
    if (next) this.#focusNext(index);
    const missing = this.#started
      ? []
      : this.#cells.slice(0, index).filter((c) => !this.#ran.has(c));
    this.#started = true;
    if (missing.length > 0) {
      this.#setStatus(
        `Running the ${missing.length} cell${missing.length === 1 ? '' : 's'} above first, which this one may need.`,
      );
      for (const c of missing) {
        const status = await this.#execute(c);
        if (status === 'timeout' || status === 'crashed') return;
      }
    }
    const status = await this.#execute(cell);
    if (status === 'ok') this.#setStatus(`Cell ${index + 1} ran (In [${cell.count}]).`);
    else if (status === 'error')
      this.#setStatus(`Cell ${index + 1} raised an error; see its output.`);
  }

  #focusNext(index: number) {
    let target = this.#cells[index + 1];
    if (!target && this.hasAttribute('data-scratch')) target = this.#addCell();
    if (!target) return;
    if (target.editor || target.root.hasAttribute('data-editable')) {
      void this.#openEditor(target).then((e) => e.focus());
    } else {
      target.root.querySelector<HTMLButtonElement>('[data-action=run]')?.focus();
    }
  }

  /** A new, empty, editable cell at the end (the scratchpad). */
  #addCell(): CellState {
    const last = this.#cells.at(-1)?.root as HTMLElement;
    const root = document.createElement('div');
    root.className = 'nl-cell';
    root.setAttribute('data-nl-cell', '');
    root.setAttribute('data-editable', '');
    root.innerHTML = `
      <div class="nl-cell-input not-content">
        <div class="nl-cell-prompt">In&nbsp;[<span data-nl-count></span>]:</div>
        <div class="nl-cell-code" data-nl-code></div>
      </div>
      <div class="nl-cell-tools not-content">
        <button type="button" data-action="run">Run</button>
        <button type="button" data-action="edit" hidden>Edit</button>
        <button type="button" data-action="reset">Reset cell</button>
      </div>
      <div class="nl-cell-output" data-nl-output aria-live="polite"></div>
      <script type="application/json" data-nl-source>""</script>`;
    last.after(root);
    return this.#adopt(root);
  }

  async #execute(cell: CellState): Promise<RunStatus> {
    const index = this.#cells.indexOf(cell) + 1;
    const code = this.#code(cell);
    const out = cell.root.querySelector('[data-nl-output]') as HTMLElement;
    const counter = cell.root.querySelector('[data-nl-count]') as HTMLElement;
    const count = ++this.#counter;
    cell.root.dataset.state = 'running';
    counter.textContent = '*';
    out.replaceChildren();
    const outputs: Output[] = [];
    this.#setStatus(`Running cell ${index}…`);
    const status = await this.#kernel.run(code, count, (o) => {
      outputs.push(o);
      this.#show(out, o, count);
    });
    cell.outputs = outputs;
    cell.count = count;
    counter.textContent = String(count);
    cell.root.dataset.state = status;
    if (status === 'ok' || status === 'error') this.#ran.add(cell);
    if (status === 'timeout') {
      const text = `Stopped: cell ${index} ran longer than the ${this.#seconds()} s limit. The kernel was restarted, so the variables of earlier cells are gone; run them again (Run all).`;
      this.#show(out, { type: 'notice', text }, count);
      this.#setStatus(text);
    } else if (status === 'crashed') {
      const text = 'The kernel stopped or could not start. It will start afresh on the next run.';
      this.#show(out, { type: 'notice', text }, count);
      this.#setStatus(text);
    }
    return status;
  }

  /** Appends one output (text is merged into the previous block of the same stream). */
  #show(out: HTMLElement, o: Output, count: number) {
    const last = out.lastElementChild;
    if (o.type === 'stream' && last?.matches(`pre.nl-out-${o.name}`)) {
      last.append(o.text);
      return;
    }
    const holder = document.createElement('div');
    holder.innerHTML = outputHtml(o, count);
    const element = holder.firstElementChild as HTMLElement;
    out.append(element);
    if (o.type === 'plot')
      void this.#draw(element.querySelector('.nl-plot') as HTMLElement, o.spec);
  }

  async #draw(target: HTMLElement, spec: PlotSpec) {
    try {
      const [Plot, { fromPlotSpec }] = await loadPlot();
      const width = Math.round(Math.min(640, target.clientWidth || 640));
      const options = fromPlotSpec(spec, Plot as never, width);
      target.replaceChildren(Plot.plot(options as import('@observablehq/plot').PlotOptions));
    } catch (e) {
      target.innerHTML = `<p class="nl-out-notice">The figure could not be drawn: ${escapeHtml(String((e as Error)?.message ?? e))}</p>`;
    }
  }

  /** The download with the reader's code and outputs (the link's own file has the built ones). */
  async #download(event: MouseEvent) {
    const link = event.currentTarget as HTMLAnchorElement;
    const changed = this.#cells.some((c) => c.outputs || this.#code(c) !== c.original);
    if (!changed) return;
    event.preventDefault();
    const { toIpynbOutputs, toLines } = await import('../../lib/notebook/ipynb.ts');
    const built = JSON.parse(decodeURIComponent(link.href.slice(link.href.indexOf(',') + 1)));
    // Cells 0 and 1 are the introduction and the Deno prelude; then the page's cells.
    const codeCells = built.cells
      .filter((c: { cell_type: string }) => c.cell_type === 'code')
      .slice(1);
    this.#cells.forEach((cell, i) => {
      const svgs = [...cell.root.querySelectorAll('.nl-out-plot svg')].map((s) => s.outerHTML);
      const target = codeCells[i] ?? {
        cell_type: 'code',
        id: `code-added-${i}`,
        metadata: {},
        execution_count: null,
        source: [],
        outputs: [],
      };
      if (!codeCells[i]) built.cells.push(target);
      target.source = toLines(this.#code(cell));
      if (cell.outputs) {
        target.execution_count = cell.count ?? null;
        target.outputs = toIpynbOutputs(cell.outputs, cell.count ?? null, svgs);
      }
    });
    const blob = new Blob([JSON.stringify(built, null, 1)], { type: 'application/x-ipynb+json' });
    const url = URL.createObjectURL(blob);
    const temp = document.createElement('a');
    temp.href = url;
    temp.download = link.download;
    document.body.append(temp);
    temp.click();
    temp.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

customElements.define('nl-notebook', Notebook);
