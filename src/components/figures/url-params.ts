// Reading a widget's state from URL parameters: each reader keeps what is valid, falls back to
// the default otherwise, and says why in \`problems\`, so a stale or hand-edited link shows a
// sensible widget and a clear message instead of an error.

export type Problems = string[];

/** A number in [min, max] (rounded first when \`whole\`); out of range is clamped, with a note. */
export function number(
  params: URLSearchParams,
  key: string,
  label: string,
  fallback: number,
  { min, max, whole = false }: { min: number; max: number; whole?: boolean },
  problems: Problems,
): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(v)) {
    problems.push(`${label} "${raw}" is not a number; showing ${fallback}.`);
    return fallback;
  }
  const rounded = whole ? Math.round(v) : v;
  const clamped = Math.min(max, Math.max(min, rounded));
  if (clamped !== v) {
    const kind = whole ? 'a whole number' : 'a number';
    problems.push(`${label} must be ${kind} from ${min} to ${max}; showing ${clamped}.`);
  }
  return clamped;
}

/** One of \`options\`, matched by its text (so numbers work too). */
export function choice<T extends string | number>(
  params: URLSearchParams,
  key: string,
  label: string,
  options: readonly T[],
  fallback: T,
  problems: Problems,
): T {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const found = options.find((o) => String(o) === raw);
  if (found !== undefined) return found;
  problems.push(`Unknown ${label} "${raw}"; showing ${fallback}.`);
  return fallback;
}
