// A small JavaScript scanner for notebook cells: enough to tell where the top level of a
// cell is (brackets, strings, template literals, comments and regular expressions are
// skipped), so that the kernel can turn a cell into the body of a function whose top-level
// declarations live in the notebook's scope and whose last expression is the cell's value.
// It is not a parser: the kernel asks the JavaScript engine whether a rewrite compiles.

export interface Token {
  /** 'name' (identifiers and keywords), 'punct', 'string', 'number', 'template', 'regex'. */
  type: 'name' | 'punct' | 'string' | 'number' | 'template' | 'regex';
  value: string;
  start: number;
  end: number;
  /** Bracket depth before the token: 0 is the top level of the cell. */
  depth: number;
  /** A line break separates this token from the previous one. */
  newline: boolean;
}

const keywordsBeforeExpression = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
]);

const isIdStart = (c: string) => /[\p{L}\p{Nl}$_\\]/u.test(c);
const isIdPart = (c: string) => /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_\\\u200c\u200d]/u.test(c);

/** Tokens of `code`; unterminated strings, comments or templates end at the end of input. */
export function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  // One entry per open bracket; 'tpl' marks the `${` of a template literal.
  const stack: string[] = [];
  let i = 0;
  let newline = false;
  const depth = () => stack.length;
  const push = (type: Token['type'], start: number, end: number, d = depth()) => {
    tokens.push({ type, value: code.slice(start, end), start, end, depth: d, newline });
    newline = false;
  };
  /** Scans a template literal's text from `i` (just after ` or }); returns true at `${`. */
  const templateText = (): boolean => {
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        return false;
      } else if (c === '$' && code[i + 1] === '{') {
        i += 2;
        return true;
      } else i++;
    }
    return false;
  };
  const regexAllowed = () => {
    const prev = tokens.at(-1);
    if (!prev) return true;
    if (prev.type === 'name') return keywordsBeforeExpression.has(prev.value);
    if (prev.type === 'punct') return !/^[)\]}]$/.test(prev.value);
    return false;
  };
  while (i < code.length) {
    const c = code[i];
    const start = i;
    if (c === '\n' || c === '\u2028' || c === '\u2029') {
      newline = true;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? code.length : end + 2;
      if (code.slice(i, stop).includes('\n')) newline = true;
      i = stop;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < code.length && code[i] !== c && code[i] !== '\n') i += code[i] === '\\' ? 2 : 1;
      i++;
      push('string', start, Math.min(i, code.length));
    } else if (c === '`') {
      i++;
      const d = depth();
      if (templateText()) stack.push('tpl');
      push('template', start, i, d);
    } else if (c === '}' && stack.at(-1) === 'tpl') {
      stack.pop();
      i++;
      const d = depth();
      if (templateText()) stack.push('tpl');
      push('template', start, i, d);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(code[i + 1] ?? ''))) {
      while (i < code.length && /[0-9a-zA-Z_.]/.test(code[i])) {
        // An exponent's sign belongs to the number: 1e-7.
        if (
          /[eE]/.test(code[i]) &&
          /[+-]/.test(code[i + 1] ?? '') &&
          !/^0[xX]/.test(code.slice(start, i))
        )
          i++;
        i++;
      }
      push('number', start, i);
    } else if (isIdStart(c)) {
      while (i < code.length && isIdPart(code[i])) i++;
      push('name', start, i);
    } else if (c === '/' && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < code.length && code[i] !== '\n') {
        const r = code[i];
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < code.length && isIdPart(code[i])) i++;
      push('regex', start, Math.min(i, code.length));
    } else if ('([{'.includes(c)) {
      push('punct', start, i + 1);
      stack.push(c);
      i++;
    } else if (')]}'.includes(c)) {
      if (stack.length > 0) stack.pop();
      push('punct', start, i + 1);
      i++;
    } else {
      // Operators: the longest run the scanner needs to tell apart is `=>`, `?.`, `...`.
      const op =
        /^(?:\.\.\.|=>|\?\?=?|\?\.|[=!]==?|[<>]=?|&&=?|\|\|=?|\+\+|--|\*\*=?|[-+*/%&|^]=?|.)/s.exec(
          code.slice(i, i + 4),
        ) as RegExpExecArray;
      i += op[0].length;
      push('punct', start, i);
    }
  }
  return tokens;
}

/** Whether token `k` starts a statement at the top level of the cell. */
export function startsStatement(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.depth !== 0 || (t.type === 'punct' && ')]}'.includes(t.value))) return false;
  const prev = tokens[k - 1];
  if (!prev) return true;
  if (prev.type === 'punct' && (prev.value === ';' || (prev.value === '}' && prev.depth === 0))) {
    return true;
  }
  if (!t.newline) return false;
  // A line break ends a statement when the previous line could end one (ASI, roughly).
  if (prev.type === 'punct')
    return prev.value === ')' || prev.value === ']' || prev.value === '++' || prev.value === '--';
  if (prev.type === 'name') return !keywordsBeforeExpression.has(prev.value);
  return true;
}

export interface Rewrite {
  /** The cell with top-level `const`/`let` turned into `var` and classes into `var` bindings. */
  code: string;
  /** Names of top-level function declarations (they must be copied into the scope). */
  functions: string[];
  /** Offsets in `code` where a top-level statement starts. */
  statementStarts: number[];
  /** Offset of a trailing top-level `;` in `code`, or -1. */
  trailingSemicolon: number;
  /** Offsets of statements that can never be expressions (declarations). */
  declarations: number[];
}

/**
 * Rewrites the top level of a cell so that its declarations land in the notebook's scope
 * when the cell runs inside `with (scope) { ... }`: `const x = 1` becomes `var  x = 1` (an
 * assignment through the scope), `class A {}` becomes `var A = class A {};`, and function
 * declarations are listed so that the caller can copy them into the scope. Line numbers
 * are preserved.
 */
export function rewriteTopLevel(code: string): Rewrite {
  const tokens = tokenize(code);
  const edits: { at: number; remove: number; insert: string }[] = [];
  const functions: string[] = [];
  const starts: number[] = [];
  const declarations: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!startsStatement(tokens, k)) continue;
    starts.push(t.start);
    const next = tokens[k + 1];
    if (t.type !== 'name' || !next) continue;
    if (t.value === 'import' && next.value !== '(' && next.value !== '.') {
      const rewritten = rewriteImport(code, tokens, k);
      if (rewritten) {
        declarations.push(t.start);
        edits.push(rewritten);
        continue;
      }
    }
    if (t.value === 'export') {
      // A cell is not a module: `export const x` is `const x`, `export default e` is `e`.
      const n = next.value === 'default' ? 2 : 1;
      edits.push({
        at: t.start,
        remove: tokens[k + n - 1].end - t.start,
        insert: ' '.repeat(tokens[k + n - 1].end - t.start),
      });
      const decl = tokens[k + n];
      if (decl && (decl.value === 'const' || decl.value === 'let')) {
        declarations.push(t.start);
        edits.push({
          at: decl.start,
          remove: decl.value.length,
          insert: decl.value === 'let' ? 'var' : 'var  ',
        });
      } else if (decl?.value === 'function' || decl?.value === 'async') {
        declarations.push(t.start);
        let j = k + n + (decl.value === 'async' ? 2 : 1);
        if (tokens[j]?.value === '*') j++;
        if (tokens[j]?.type === 'name') functions.push(tokens[j].value);
      }
      continue;
    }
    if (
      (t.value === 'const' || t.value === 'let' || t.value === 'var') &&
      (next.type === 'name' || next.value === '[' || next.value === '{')
    ) {
      declarations.push(t.start);
      if (t.value !== 'var') {
        edits.push({
          at: t.start,
          remove: t.value.length,
          insert: t.value === 'let' ? 'var' : 'var  ',
        });
      }
    } else if (t.value === 'function' || (t.value === 'async' && next.value === 'function')) {
      declarations.push(t.start);
      let j = t.value === 'async' ? k + 2 : k + 1;
      if (tokens[j]?.value === '*') j++;
      if (tokens[j]?.type === 'name') functions.push(tokens[j].value);
    } else if (t.value === 'class' && next.type === 'name') {
      declarations.push(t.start);
      edits.push({ at: t.start, remove: 0, insert: `var ${next.value} = ` });
      // The class body is the first top-level `{`; end the statement after its `}`.
      let j = k + 2;
      while (j < tokens.length && !(tokens[j].value === '{' && tokens[j].depth === 0)) j++;
      j++;
      while (j < tokens.length && !(tokens[j].value === '}' && tokens[j].depth === 0)) j++;
      if (j < tokens.length) edits.push({ at: tokens[j].end, remove: 0, insert: ';' });
    }
  }
  // Dynamic import() goes through the kernel too.
  for (let k = 0; k < tokens.length - 1; k++) {
    const t = tokens[k];
    const before = tokens[k - 1];
    if (t.value === 'import' && tokens[k + 1].value === '(' && before?.value !== '.') {
      edits.push({ at: t.start, remove: 6, insert: '__nl$scope.import' });
    }
  }
  const last = tokens.at(-1);
  let trailing =
    last && last.type === 'punct' && last.value === ';' && last.depth === 0 ? last.start : -1;
  let out = code;
  let shift = 0;
  const moved = (pos: number) => {
    let s = 0;
    for (const e of edits) if (e.at < pos) s += e.insert.length - e.remove;
    return pos + s;
  };
  for (const e of edits.sort((a, b) => a.at - b.at)) {
    const at = e.at + shift;
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
    shift += e.insert.length - e.remove;
  }
  if (trailing >= 0) trailing = moved(trailing);
  return {
    code: out,
    functions,
    statementStarts: starts.map(moved),
    trailingSemicolon: trailing,
    declarations: declarations.map(moved),
  };
}

/**
 * `import ... from 'm'` as a declaration in the notebook's scope:
 *   import d, { a, b as c } from 'm'  ->  var d = __nl$scope.require('m').default, { a, b: c } = __nl$scope.require('m');
 *   import * as ns from 'm'           ->  var ns = __nl$scope.require('m');
 *   import 'm'                        ->  __nl$scope.require('m');
 * Line breaks inside the statement are kept so that line numbers do not move.
 */
function rewriteImport(code: string, tokens: Token[], k: number) {
  let j = k + 1;
  while (j < tokens.length && tokens[j].type !== 'string') j++;
  const spec = tokens[j];
  if (!spec) return undefined;
  const clause = tokens.slice(k + 1, j).filter((t) => t.value !== 'from');
  const req = `__nl$scope.require(${spec.value})`;
  const parts: string[] = [];
  for (let i = 0; i < clause.length; i++) {
    const t = clause[i];
    if (t.value === ',') continue;
    if (t.value === '*' && clause[i + 1]?.value === 'as' && clause[i + 2]) {
      parts.push(`${clause[i + 2].value} = ${req}`);
      i += 2;
    } else if (t.value === '{') {
      const names: string[] = [];
      for (i++; i < clause.length && clause[i].value !== '}'; i++) {
        const n = clause[i];
        if (n.value === ',') continue;
        if (clause[i + 1]?.value === 'as' && clause[i + 2]) {
          names.push(`${n.type === 'string' ? n.value : n.value}: ${clause[i + 2].value}`);
          i += 2;
        } else names.push(n.value);
      }
      parts.push(`{ ${names.join(', ')} } = ${req}`);
    } else if (t.type === 'name') {
      parts.push(`${t.value} = ${req}.default`);
    }
  }
  let end = spec.end;
  if (tokens[j + 1]?.value === ';' && tokens[j + 1].depth === 0) end = tokens[j + 1].end;
  const start = tokens[k].start;
  const lines = code.slice(start, end).split('\n').length - 1;
  const text = parts.length > 0 ? `var ${parts.join(', ')};` : `${req};`;
  return { at: start, remove: end - start, insert: text + '\n'.repeat(lines) };
}
