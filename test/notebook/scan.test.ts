import { describe, expect, it } from 'vitest';
import { rewriteTopLevel, startsStatement, tokenize } from '../../src/lib/notebook/scan.ts';

const values = (code: string) => tokenize(code).map((t) => t.value);

describe('tokenize', () => {
  it('skips comments and keeps strings, numbers and regular expressions whole', () => {
    expect(values('a /* { */ + "b}" // c {\n')).toEqual(['a', '+', '"b}"']);
    expect(values("x = 'it\\'s'")).toEqual(['x', '=', "'it\\'s'"]);
    expect(values('1e-7 + 0x1f + .5')).toEqual(['1e-7', '+', '0x1f', '+', '.5']);
    expect(values('s = /[/]}/g.test(t)')).toEqual([
      's',
      '=',
      '/[/]}/g',
      '.',
      'test',
      '(',
      't',
      ')',
    ]);
    expect(values('a / b / c')).toEqual(['a', '/', 'b', '/', 'c']);
    expect(values('return /x/')).toEqual(['return', '/x/']);
  });

  it('tracks depth through brackets and template literals', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the scanner reads a template literal
    const t = tokenize('f(`a ${ {b: 1}.b } c`, [2])');
    const depth = Object.fromEntries(t.toReversed().map((x) => [x.value, x.depth]));
    expect(depth.f).toBe(0);
    expect(depth.b).toBe(3); // the first b, inside { } inside ${ } inside f(
    expect(depth['2']).toBe(2);
    expect(t.at(-1)).toMatchObject({ value: ')', depth: 0 });
  });

  it('marks tokens after a line break, including one inside a block comment', () => {
    const t = tokenize('a /*\n*/ b\nc');
    expect(t.map((x) => x.newline)).toEqual([false, true, true]);
  });

  it('ends unterminated strings, comments and templates at the end of input', () => {
    expect(values('"abc')).toEqual(['"abc']);
    expect(values('a /* b')).toEqual(['a']);
    expect(tokenize('`abc ${x').map((x) => x.type)).toEqual(['template', 'name']);
    expect(values(')')).toEqual([')']);
    expect(values('/abc')).toEqual(['/abc']);
  });

  it('reads identifiers with unicode letters and operators by their longest form', () => {
    expect(values('café ?? b?.c => ... === !== **=')).toEqual([
      'café',
      '??',
      'b',
      '?.',
      'c',
      '=>',
      '...',
      '===',
      '!==',
      '**=',
    ]);
  });
});

describe('startsStatement', () => {
  const starts = (code: string) => {
    const t = tokenize(code);
    return t.filter((_, k) => startsStatement(t, k)).map((x) => x.value);
  };
  it('finds statements after ; } and line breaks that can end a statement', () => {
    expect(starts('a; b\nc\n(d)\ne = f(\n1)\n')).toEqual(['a', 'b', 'c', '(', 'e']);
    expect(starts('x = 1 +\n2')).toEqual(['x']);
    expect(starts('return\nx')).toEqual(['return']);
    expect(starts('if (a) {\n b\n}\nc')).toEqual(['if', 'c']);
    expect(starts('i++\nj--\n[1]')).toEqual(['i', 'j', '[']);
    expect(starts('"s"\nt')).toEqual(['"s"', 't']);
  });
});

describe('rewriteTopLevel', () => {
  it('turns top-level const and let into var, keeping columns and lines', () => {
    const r = rewriteTopLevel(
      'const a = 1\nlet b = 2\nfor (let i = 0; i < 2; i++) {}\n{ const c = 3 }',
    );
    expect(r.code).toBe('var   a = 1\nvar b = 2\nfor (let i = 0; i < 2; i++) {}\n{ const c = 3 }');
    expect(r.declarations).toEqual([0, 12]);
  });

  it('keeps destructuring and leaves `let` used as a name alone', () => {
    expect(rewriteTopLevel('const { a, b } = o').code).toBe('var   { a, b } = o');
    expect(rewriteTopLevel('let [x] = y').code).toBe('var [x] = y');
    expect(rewriteTopLevel('let = 1').code).toBe('let = 1');
  });

  it('lists function declarations, not function expressions', () => {
    const r = rewriteTopLevel(
      'function f() {}\nasync function g() {}\nfunction* h() {}\nconst k = function m() {}',
    );
    expect(r.functions).toEqual(['f', 'g', 'h']);
  });

  it('binds classes in the scope and ends the statement after the body', () => {
    const r = rewriteTopLevel('class A extends B { m() { return 1 } }\n(x)');
    expect(r.code).toBe('var A = class A extends B { m() { return 1 } };\n(x)');
    expect(r.statementStarts).toEqual([0, r.code.indexOf('(x)')]);
  });

  it('finds a trailing semicolon', () => {
    expect(rewriteTopLevel('a;').trailingSemicolon).toBe(1);
    expect(rewriteTopLevel('const x = 1;').trailingSemicolon).toBe(11);
    expect(rewriteTopLevel('a').trailingSemicolon).toBe(-1);
    expect(rewriteTopLevel('class A {};').trailingSemicolon).toBe(18);
  });
});

describe('rewriteTopLevel: imports and exports', () => {
  it('turns imports into declarations in the scope, keeping lines', () => {
    const r = rewriteTopLevel(
      "import d, { a, b as c } from 'm';\nimport * as ns from \"m\"\nimport {\n  x,\n} from 'm'\nimport 'm'",
    );
    expect(r.code.split('\n')).toEqual([
      "var d = __nl$scope.require('m').default, { a, b: c } = __nl$scope.require('m');",
      'var ns = __nl$scope.require("m");',
      "var { x } = __nl$scope.require('m');",
      '',
      '',
      "__nl$scope.require('m');",
    ]);
    expect(r.declarations).toHaveLength(4);
  });

  it('sends dynamic import() through the kernel and leaves import.meta and .import() alone', () => {
    expect(rewriteTopLevel("const m = await import('m')").code).toBe(
      "var   m = await __nl$scope.import('m')",
    );
    expect(rewriteTopLevel('o.import(1)').code).toBe('o.import(1)');
    expect(rewriteTopLevel('import').code).toBe('import');
  });

  it('drops export from declarations', () => {
    const r = rewriteTopLevel(
      'export const a = 1\nexport function f() {}\nexport default a\nexport async function* g() {}',
    );
    expect(r.code).toBe(
      '       var   a = 1\n       function f() {}\n               a\n       async function* g() {}',
    );
    expect(r.functions).toEqual(['f', 'g']);
  });
});
