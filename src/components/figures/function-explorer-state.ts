// The state of the function explorer and its URL form. Kept apart from the figure (and from
// the kernel) so the widget's element can read, validate and write it without loading Plot:
// what it needs to know about the catalogue (names and parameter ranges) is passed in as a
// plain `FxCatalogue`, built from the kernel by `fxCatalogue()` in function-explorer.ts.

/** What the explorer needs to know about one catalogue parameter. */
export interface FxParamInfo {
  name: string;
  /** How the parameter is written in labels: 'α', 'β', 'a'. */
  symbol: string;
  default: number;
  min: number;
  max: number;
  step: number;
}

/** What the explorer needs to know about one catalogue function. */
export interface FxFunctionInfo {
  id: string;
  name: string;
  params: FxParamInfo[];
}

export type FxCatalogue = readonly FxFunctionInfo[];

export interface FunctionExplorerState {
  /** Catalogue ids in the order they were chosen; the i-th is drawn in colour i + 1. */
  fns: string[];
  /** Parameter values of the chosen functions, by id then name (missing: the default). */
  params: Record<string, Record<string, number>>;
  /** The x axis shows [−halfWidth, halfWidth]. */
  halfWidth: number;
  /** Where the crosshair reads the functions. */
  x: number;
  /** Also show f″ (by central finite differences of f′). */
  d2: boolean;
  /** Shade where |f′| < 0.01 (saturation) and where f′ = 0 exactly. */
  shade: boolean;
  /** Also show f1 − f2 for the first two functions. */
  diff: boolean;
}

export const functionExplorerLimits = {
  /** Colours available (--nl-series-1..6), hence functions at once. */
  maxFns: 6,
  halfWidth: { min: 0.5, max: 20, step: 0.5 },
  /** Gradient magnitude below which a function counts as saturated. */
  saturation: 0.01,
} as const;

/** Left and right margins of every panel (the element maps the pointer to x with them). */
export const functionExplorerMargins = { left: 56, right: 16 } as const;

/** A number for captions and the readout: 3 significant digits, true minus signs. */
export function fmt(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'undefined';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e-3 && a < 1e5) s = String(Number(v.toPrecision(digits)));
  else {
    const [m, e] = v.toExponential(digits - 1).split('e');
    const sup = Number(e)
      .toString()
      .replace(/-/g, '⁻')
      .replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
    s = `${m} × 10${sup}`;
  }
  return s.replace(/^-/, '−');
}

export const functionExplorerDefaults: FunctionExplorerState = {
  fns: ['sigmoid', 'relu', 'gelu'],
  params: {},
  halfWidth: 5,
  x: 1,
  d2: false,
  shade: false,
  diff: false,
};

/** Turns a catalogue parameter's KaTeX symbol into text for labels: '\\alpha' → 'α'. */
export function texSymbol(tex: string): string {
  const greek: Record<string, string> = {
    alpha: 'α',
    beta: 'β',
    gamma: 'γ',
    lambda: 'λ',
    tau: 'τ',
  };
  return tex.replace(/\\([a-zA-Z]+)/g, (whole, name: string) => greek[name] ?? whole);
}

/** The value of parameter `p` of function `id` in `state` (its default when not set). */
export function paramValue(
  state: FunctionExplorerState,
  id: string,
  p: { name: string; default: number },
): number {
  return state.params[id]?.[p.name] ?? p.default;
}

const fmtNumber = (v: number) => String(Number(v.toPrecision(6)));

/**
 * Checks the props an author gives the widget and returns the full state; throws an Error
 * naming the widget, the prop and what is allowed, so a typo fails the build clearly.
 */
export function validateFunctionExplorerProps(
  props: Partial<FunctionExplorerState>,
  catalogue: FxCatalogue,
): FunctionExplorerState {
  const fail = (msg: string): never => {
    throw new Error(`FunctionExplorer: ${msg}`);
  };
  const byId = new Map(catalogue.map((f) => [f.id, f]));
  const known = catalogue.map((f) => f.id).join(', ');
  const state: FunctionExplorerState = { ...functionExplorerDefaults, ...props, params: {} };
  const { maxFns, halfWidth } = functionExplorerLimits;
  // The default crosshair sits inside whatever range the author chose.
  if (props.x === undefined) state.x = Math.min(state.x, state.halfWidth);
  if (!Array.isArray(state.fns) || state.fns.length < 1 || state.fns.length > maxFns) {
    fail(`fns must be an array of 1 to ${maxFns} catalogue ids (${known})`);
  }
  for (const id of state.fns) {
    if (!byId.has(id)) fail(`unknown function id "${id}" in fns; known ids: ${known}`);
  }
  if (new Set(state.fns).size !== state.fns.length) fail(`fns lists a function twice`);
  state.fns = [...state.fns];
  for (const [id, values] of Object.entries(props.params ?? {})) {
    const info = byId.get(id);
    if (!info || !state.fns.includes(id)) {
      fail(`params.${id}: "${id}" is not one of the functions in fns`);
      continue;
    }
    for (const [name, v] of Object.entries(values)) {
      const p = info.params.find((q) => q.name === name);
      if (!p) {
        const names = info.params.map((q) => q.name).join(', ') || 'none';
        fail(
          `params.${id}.${name}: ${info.name} has no parameter "${name}" (its parameters: ${names})`,
        );
      } else if (typeof v !== 'number' || !(v >= p.min && v <= p.max)) {
        fail(`params.${id}.${name} must be a number in [${p.min}, ${p.max}], got ${v}`);
      }
    }
    state.params[id] = { ...values };
  }
  if (!(state.halfWidth >= halfWidth.min && state.halfWidth <= halfWidth.max)) {
    fail(`halfWidth must be a number in [${halfWidth.min}, ${halfWidth.max}]`);
  }
  if (!(Math.abs(state.x) <= state.halfWidth)) {
    fail(
      `x must be a number in [−halfWidth, halfWidth] = [${-state.halfWidth}, ${state.halfWidth}]`,
    );
  }
  for (const key of ['d2', 'shade', 'diff'] as const) {
    if (typeof state[key] !== 'boolean') fail(`${key} must be true or false`);
  }
  if (state.diff && state.fns.length < 2) fail('diff needs at least two functions in fns');
  return state;
}

/**
 * Reads a state from URL-style parameters (`fx-fns=relu,gelu&fx-elu.alpha=0.5&fx-range=4`),
 * starting from `base`, keeping what is valid and saying what was not, so a hand-edited or
 * stale link shows a sensible figure and a clear message.
 */
export function parseFunctionExplorerState(
  params: URLSearchParams,
  catalogue: FxCatalogue,
  prefix = '',
  base: FunctionExplorerState = functionExplorerDefaults,
) {
  const state: FunctionExplorerState = { ...base, fns: [...base.fns], params: {} };
  const problems: string[] = [];
  const byId = new Map(catalogue.map((f) => [f.id, f]));
  const { maxFns, halfWidth } = functionExplorerLimits;

  const fns = params.get(`${prefix}fns`);
  if (fns !== null) {
    const chosen: string[] = [];
    for (const id of fns.split(',').map((s) => s.trim())) {
      if (id === '') continue;
      if (!byId.has(id)) problems.push(`Unknown function "${id}"; left out.`);
      else if (chosen.includes(id)) problems.push(`"${id}" was listed twice; shown once.`);
      else if (chosen.length >= maxFns)
        problems.push(`At most ${maxFns} functions; "${id}" left out.`);
      else chosen.push(id);
    }
    state.fns = chosen;
  }
  for (const id of state.fns) {
    if (base.params[id]) state.params[id] = { ...base.params[id] };
  }

  for (const [key, raw] of params) {
    if (!key.startsWith(prefix)) continue;
    const dot = key.indexOf('.', prefix.length);
    if (dot < 0) continue;
    const id = key.slice(prefix.length, dot);
    const name = key.slice(dot + 1);
    const info = byId.get(id);
    if (!info) {
      problems.push(`Unknown function "${id}" in parameter "${key}"; ignored.`);
      continue;
    }
    const p = info.params.find((q) => q.name === name);
    if (!p) {
      problems.push(`${info.name} has no parameter "${name}"; ignored.`);
      continue;
    }
    if (!state.fns.includes(id)) {
      problems.push(`${info.name} is not shown, so "${key}" was ignored.`);
      continue;
    }
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v)) {
      problems.push(
        `${info.name} ${p.symbol} must be a number from ${p.min} to ${p.max}; showing ${fmtNumber(paramValue(state, id, p))}.`,
      );
      continue;
    }
    const clamped = Math.min(p.max, Math.max(p.min, v));
    if (clamped !== v) {
      problems.push(
        `${info.name} ${p.symbol} must be from ${p.min} to ${p.max}; showing ${fmtNumber(clamped)}.`,
      );
    }
    state.params[id] = { ...state.params[id], [name]: clamped };
  }

  const range = params.get(`${prefix}range`);
  if (range !== null) {
    const v = Number(range);
    if (range.trim() === '' || !Number.isFinite(v)) {
      problems.push(
        `The x half-width must be a number from ${halfWidth.min} to ${halfWidth.max}; showing ${state.halfWidth}.`,
      );
    } else {
      state.halfWidth = Math.min(halfWidth.max, Math.max(halfWidth.min, v));
      if (state.halfWidth !== v) {
        problems.push(
          `The x half-width must be from ${halfWidth.min} to ${halfWidth.max}; showing ${state.halfWidth}.`,
        );
      }
    }
  }

  const x = params.get(`${prefix}x`);
  if (x !== null) {
    const v = Number(x);
    if (x.trim() === '' || !Number.isFinite(v)) {
      problems.push(`The crosshair x must be a number; showing x = ${fmtNumber(state.x)}.`);
    } else state.x = v;
  }
  if (Math.abs(state.x) > state.halfWidth) {
    const clamped = Math.sign(state.x) * state.halfWidth;
    problems.push(
      `The crosshair x must lie in [${-state.halfWidth}, ${state.halfWidth}]; showing x = ${clamped}.`,
    );
    state.x = clamped;
  }

  const flags = { d2: 'Show f″', shade: 'Shade saturation', diff: 'Show the difference' } as const;
  for (const [key, label] of Object.entries(flags) as [keyof typeof flags, string][]) {
    const raw = params.get(`${prefix}${key}`);
    if (raw === null) continue;
    if (raw === '1' || raw === 'true') state[key] = true;
    else if (raw === '0' || raw === 'false') state[key] = false;
    else
      problems.push(`"${prefix}${key}" must be 1 or 0; ${label} is ${state[key] ? 'on' : 'off'}.`);
  }
  return { state, problems };
}

/** The URL parameters of `state`: every key this widget owns, so stale ones can be removed. */
export function formatFunctionExplorerState(
  state: FunctionExplorerState,
  catalogue: FxCatalogue,
  prefix = '',
): Record<string, string> {
  const out: Record<string, string> = { [`${prefix}fns`]: state.fns.join(',') };
  for (const id of state.fns) {
    const info = catalogue.find((f) => f.id === id);
    for (const p of info?.params ?? []) {
      out[`${prefix}${id}.${p.name}`] = fmtNumber(paramValue(state, id, p));
    }
  }
  out[`${prefix}range`] = String(state.halfWidth);
  out[`${prefix}x`] = fmtNumber(state.x);
  out[`${prefix}d2`] = state.d2 ? '1' : '0';
  out[`${prefix}shade`] = state.shade ? '1' : '0';
  out[`${prefix}diff`] = state.diff ? '1' : '0';
  return out;
}

/** Whether URL key `key` belongs to a widget with this prefix (for removing stale keys). */
export function isFunctionExplorerKey(key: string, catalogue: FxCatalogue, prefix = ''): boolean {
  if (!key.startsWith(prefix)) return false;
  const rest = key.slice(prefix.length);
  if (['fns', 'range', 'x', 'd2', 'shade', 'diff'].includes(rest)) return true;
  const dot = rest.indexOf('.');
  return dot > 0 && catalogue.some((f) => f.id === rest.slice(0, dot));
}
