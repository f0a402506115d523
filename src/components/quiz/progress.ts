// Quiz progress in localStorage, per question, under a versioned key. Whatever is stored is
// checked before use: a corrupt or older state is discarded with a short notice for the
// reader, never an exception. No account, no server.

export const progressKey = 'nonlinear:quiz-progress:v1';
/** Keys earlier versions of the quiz used (or would have): discarded when found. */
const keyPrefix = 'nonlinear:quiz-progress:';

export interface QuestionProgress {
  /** Whether the latest attempt was right. */
  right: boolean;
  attempts: number;
  /** How many attempts were right. */
  rightCount: number;
  /** When the latest attempt was made (ms since 1970). */
  at: number;
}

export interface Progress {
  version: 1;
  questions: Record<string, QuestionProgress>;
}

/** The part of Storage used here (so tests can pass a plain object). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key'> & {
  readonly length: number;
};

export const emptyProgress = (): Progress => ({ version: 1, questions: {} });

export const notices = {
  corrupt: 'Saved quiz progress could not be read, so it was cleared.',
  old: 'Saved quiz progress from an older version of the quiz was cleared.',
  unavailable: 'This browser does not let the page store data: progress lasts until you leave.',
} as const;

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isQuestionProgress(v: unknown): v is QuestionProgress {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return (
    typeof p.right === 'boolean' &&
    isCount(p.attempts) &&
    (p.attempts as number) >= 1 &&
    isCount(p.rightCount) &&
    (p.rightCount as number) <= (p.attempts as number) &&
    typeof p.at === 'number' &&
    Number.isFinite(p.at)
  );
}

/** Parses stored text; undefined when it is not a valid version-1 progress object. */
export function parseProgress(text: string): Progress | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { version, questions } = data as Record<string, unknown>;
  if (version !== 1 || typeof questions !== 'object' || questions === null) return undefined;
  if (Array.isArray(questions)) return undefined;
  const entries = Object.entries(questions);
  if (!entries.every(([, p]) => isQuestionProgress(p))) return undefined;
  return { version: 1, questions: Object.fromEntries(entries) as Progress['questions'] };
}

/**
 * Reads progress. Returns an empty progress and a notice when the stored state was corrupt
 * or from another version (and removes it), or when storage cannot be used at all.
 */
export function loadProgress(storage: ProgressStorage | undefined): {
  progress: Progress;
  notice?: string;
} {
  if (!storage) return { progress: emptyProgress(), notice: notices.unavailable };
  try {
    let notice: string | undefined;
    const others: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(keyPrefix) && key !== progressKey) others.push(key);
    }
    for (const key of others) storage.removeItem(key);
    if (others.length > 0) notice = notices.old;
    const text = storage.getItem(progressKey);
    if (text === null) return { progress: emptyProgress(), notice };
    const progress = parseProgress(text);
    if (progress) return { progress, notice };
    storage.removeItem(progressKey);
    const version = versionOf(text);
    return {
      progress: emptyProgress(),
      notice: version !== undefined && version !== 1 ? notices.old : notices.corrupt,
    };
  } catch {
    return { progress: emptyProgress(), notice: notices.unavailable };
  }
}

function versionOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { version?: unknown })?.version;
  } catch {
    return undefined;
  }
}

/** Writes progress; false (and no exception) when storage refuses. */
export function saveProgress(storage: ProgressStorage | undefined, progress: Progress): boolean {
  if (!storage) return false;
  try {
    storage.setItem(progressKey, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** A new progress with one more attempt at `id`. */
export function record(progress: Progress, id: string, right: boolean, at: number): Progress {
  const old = progress.questions[id];
  const entry: QuestionProgress = {
    right,
    attempts: (old?.attempts ?? 0) + 1,
    rightCount: (old?.rightCount ?? 0) + (right ? 1 : 0),
    at,
  };
  return { version: 1, questions: { ...progress.questions, [id]: entry } };
}

/** Removes stored progress; false when storage refuses. */
export function clearProgress(storage: ProgressStorage | undefined): boolean {
  if (!storage) return false;
  try {
    storage.removeItem(progressKey);
    return true;
  } catch {
    return false;
  }
}

/** The browser's localStorage, or undefined where touching it throws (blocked storage). */
export function browserStorage(): ProgressStorage | undefined {
  try {
    const s = globalThis.localStorage;
    return s ?? undefined;
  } catch {
    return undefined;
  }
}
