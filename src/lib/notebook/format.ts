// How the notebook shows a value (Out[n], print, table cells): a short, Node-like rendering
// that never throws, never runs user getters twice and stays bounded however large or
// circular the value is. Numbers are printed as JavaScript prints them (the shortest string
// that reads back to the same float64), so gelu(-10) shows every digit it has.

export interface FormatOptions {
  /** Nesting shown before objects collapse to [Object]. */
  depth?: number;
  /** Items of an array, map or set shown before "... n more items". */
  maxItems?: number;
  /** Width under which a value stays on one line. */
  width?: number;
}

const defaults: Required<FormatOptions> = { depth: 2, maxItems: 100, width: 72 };

/** A number as JavaScript writes it, with the sign of zero kept. */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

function tag(value: object): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

function constructorName(value: object): string | undefined {
  try {
    const proto = Object.getPrototypeOf(value);
    if (proto === null) return '[Object: null prototype]';
    const name = proto?.constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? name : undefined;
  } catch {
    return undefined;
  }
}

const identifier = /^[\p{L}$_][\p{L}\p{N}$_]*$/u;

function key(k: string | symbol): string {
  if (typeof k === 'symbol') return `[${String(k)}]`;
  return identifier.test(k) ? k : JSON.stringify(k);
}

/** Joins parts on one line if short enough, else one per line, indented. */
function group(open: string, parts: string[], close: string, width: number): string {
  if (parts.length === 0) return `${open}${close}`;
  const line = `${open} ${parts.join(', ')} ${close}`;
  if (line.length <= width && !line.includes('\n')) return line;
  // Numbers pack into lines like Node prints long arrays of numbers.
  const numeric = (p: string) => /^-?[\d.e+-]+n?$|^NaN$|^-?Infinity$|^\.\.\. \d+ more/.test(p);
  if (parts.every(numeric)) {
    const lines: string[] = [];
    let current = '';
    for (const p of parts) {
      if (current && current.length + p.length + 2 > width) {
        lines.push(current);
        current = '';
      }
      current += current ? `, ${p}` : p;
    }
    lines.push(current);
    return `${open}\n${lines.map((l) => `  ${l}`).join(',\n')}\n${close}`;
  }
  const body = parts.map((p) => `  ${p.replace(/\n/g, '\n  ')}`).join(',\n');
  return `${open}\n${body}\n${close}`;
}

/** `value` as text, for Out[n] and print. Strings are quoted unless `top` says otherwise. */
export function formatValue(value: unknown, options: FormatOptions = {}): string {
  const o = { ...defaults, ...options };
  const seen = new Set<object>();
  const go = (v: unknown, depth: number): string => {
    switch (typeof v) {
      case 'number':
        return formatNumber(v);
      case 'bigint':
        return `${v}n`;
      case 'string':
        return JSON.stringify(v);
      case 'boolean':
      case 'undefined':
        return String(v);
      case 'symbol':
        return v.toString();
      case 'function': {
        const name = v.name ? `: ${v.name}` : ' (anonymous)';
        const isClass = /^class[\s{]/.test(Function.prototype.toString.call(v));
        return isClass ? `[class ${v.name || '(anonymous)'}]` : `[Function${name}]`;
      }
    }
    if (v === null) return 'null';
    const obj = v as object;
    if (seen.has(obj)) return '[Circular]';
    const t = tag(obj);
    if (t === 'Date') {
      const time = (obj as Date).getTime();
      return Number.isNaN(time) ? 'Invalid Date' : (obj as Date).toISOString();
    }
    if (t === 'RegExp') return String(obj);
    if (t === 'Error' || obj instanceof Error) {
      const e = obj as Error;
      return `${e.name}: ${e.message}`;
    }
    if (t === 'Promise') return 'Promise { <pending> }';
    const more = (n: number) => `... ${n} more item${n === 1 ? '' : 's'}`;
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const arr = obj as unknown as ArrayLike<number | bigint>;
      const shown = Math.min(arr.length, o.maxItems);
      const parts: string[] = [];
      for (let i = 0; i < shown; i++) parts.push(go(arr[i], depth + 1));
      if (arr.length > shown) parts.push(more(arr.length - shown));
      return group(`${t}(${arr.length}) [`, parts, ']', o.width);
    }
    if (depth > o.depth)
      return Array.isArray(obj) ? '[Array]' : `[${constructorName(obj) ?? 'Object'}]`;
    seen.add(obj);
    try {
      if (Array.isArray(obj)) {
        const shown = Math.min(obj.length, o.maxItems);
        const parts: string[] = [];
        for (let i = 0; i < shown; i++) parts.push(i in obj ? go(obj[i], depth + 1) : '<empty>');
        if (obj.length > shown) parts.push(more(obj.length - shown));
        return group('[', parts, ']', o.width);
      }
      if (t === 'Map') {
        const parts: string[] = [];
        let n = 0;
        for (const [k, val] of obj as Map<unknown, unknown>) {
          if (n++ >= o.maxItems) break;
          parts.push(`${go(k, depth + 1)} => ${go(val, depth + 1)}`);
        }
        const size = (obj as Map<unknown, unknown>).size;
        if (size > o.maxItems) parts.push(more(size - o.maxItems));
        return group(`Map(${size}) {`, parts, '}', o.width);
      }
      if (t === 'Set') {
        const parts: string[] = [];
        let n = 0;
        for (const val of obj as Set<unknown>) {
          if (n++ >= o.maxItems) break;
          parts.push(go(val, depth + 1));
        }
        const size = (obj as Set<unknown>).size;
        if (size > o.maxItems) parts.push(more(size - o.maxItems));
        return group(`Set(${size}) {`, parts, '}', o.width);
      }
      const keys = Reflect.ownKeys(obj).filter((k) => {
        const d = Object.getOwnPropertyDescriptor(obj, k);
        return d?.enumerable;
      });
      const parts: string[] = [];
      for (const k of keys.slice(0, o.maxItems)) {
        const d = Object.getOwnPropertyDescriptor(obj, k) as PropertyDescriptor;
        const shown = 'value' in d ? go(d.value, depth + 1) : '[Getter]';
        parts.push(`${key(k)}: ${shown}`);
      }
      if (keys.length > o.maxItems) parts.push(more(keys.length - o.maxItems));
      const name = constructorName(obj);
      return group(name ? `${name} {` : '{', parts, '}', o.width);
    } finally {
      seen.delete(obj);
    }
  };
  const safe = (v: unknown, depth: number): string => {
    try {
      return go(v, depth);
    } catch {
      // A proxy or a getter-laden object that throws when looked at.
      return '[Uninspectable]';
    }
  };
  return safe(value, 0);
}

/** What print() shows: strings as they are, everything else formatted. */
export function formatPrinted(values: unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : formatValue(v))).join(' ');
}
