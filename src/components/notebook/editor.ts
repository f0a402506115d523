// The cell editor: CodeMirror 6 with TypeScript, loaded the first time a reader presses
// Edit (or on the scratchpad). Shift+Enter runs the cell and moves on, Ctrl/Cmd+Enter runs
// it in place, Tab leaves the editor (so keyboard users are never trapped).

import { javascript } from '@codemirror/lang-javascript';
import { basicSetup, EditorView } from 'codemirror';

export interface CellEditor {
  value(): string;
  setValue(code: string): void;
  focus(): void;
}

export interface EditorOptions {
  label: string;
  onRun: (next: boolean) => void;
}

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--sl-color-bg)', color: 'var(--sl-color-text)' },
  '.cm-content': {
    fontFamily: 'var(--__sl-font-mono, monospace)',
    caretColor: 'var(--sl-color-text)',
  },
  '.cm-gutters': {
    backgroundColor: 'var(--sl-color-bg-nav)',
    color: 'var(--sl-color-gray-2)',
    borderRight: '1px solid var(--sl-color-gray-5)',
  },
  '.cm-activeLine, .cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--sl-color-accent) 8%, transparent)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--sl-color-accent) 30%, transparent)',
  },
  '.cm-cursor': { borderLeftColor: 'var(--sl-color-text)' },
});

export function createEditor(
  parent: HTMLElement,
  code: string,
  options: EditorOptions,
): CellEditor {
  const keys = EditorView.domEventHandlers({
    keydown(event) {
      if (event.key !== 'Enter') return false;
      if (event.shiftKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        options.onRun(true);
        return true;
      }
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        options.onRun(false);
        return true;
      }
      return false;
    },
  });
  const view = new EditorView({
    doc: code,
    parent,
    // Listed first, so these keys win over basicSetup's.
    extensions: [
      keys,
      basicSetup,
      javascript({ typescript: true }),
      theme,
      EditorView.contentAttributes.of({ 'aria-label': options.label }),
    ],
  });
  return {
    value: () => view.state.doc.toString(),
    setValue: (next) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } }),
    focus: () => view.focus(),
  };
}
