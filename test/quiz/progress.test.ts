// Saved progress: versioned key, survives a round trip, corrupt or old state discarded with a
// notice, blocked storage tolerated, never an exception.

import { describe, expect, it } from 'vitest';
import {
  browserStorage,
  clearProgress,
  emptyProgress,
  loadProgress,
  notices,
  type ProgressStorage,
  parseProgress,
  progressKey,
  record,
  saveProgress,
} from '../../src/components/quiz/progress.ts';

function memoryStorage(
  initial: Record<string, string> = {},
): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const throwing: ProgressStorage = {
  length: 0,
  key: () => null,
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('progress storage', () => {
  it('uses a versioned key', () => {
    expect(progressKey).toMatch(/:v1$/);
  });

  it('round-trips recorded attempts', () => {
    const storage = memoryStorage();
    expect(loadProgress(storage)).toEqual({ progress: emptyProgress(), notice: undefined });
    let p = record(emptyProgress(), 'out-binary', false, 1);
    p = record(p, 'out-binary', true, 2);
    p = record(p, 'out-regression', true, 3);
    expect(saveProgress(storage, p)).toBe(true);
    const { progress, notice } = loadProgress(storage);
    expect(notice).toBeUndefined();
    expect(progress.questions['out-binary']).toEqual({
      right: true,
      attempts: 2,
      rightCount: 1,
      at: 2,
    });
    expect(progress.questions['out-regression'].attempts).toBe(1);
  });

  it('record does not change the progress it is given', () => {
    const p = emptyProgress();
    record(p, 'a', true, 1);
    expect(p.questions).toEqual({});
  });

  for (const [what, text] of [
    ['not JSON', '{"version":1,"questions":'],
    ['JSON null', 'null'],
    ['an array', '[1,2]'],
    ['no questions', '{"version":1}'],
    ['questions as an array', '{"version":1,"questions":[]}'],
    [
      'a bad entry',
      '{"version":1,"questions":{"a":{"right":"yes","attempts":1,"rightCount":0,"at":1}}}',
    ],
    [
      'more right than attempts',
      '{"version":1,"questions":{"a":{"right":true,"attempts":1,"rightCount":2,"at":1}}}',
    ],
    [
      'zero attempts',
      '{"version":1,"questions":{"a":{"right":true,"attempts":0,"rightCount":0,"at":1}}}',
    ],
    [
      'a non-finite time',
      '{"version":1,"questions":{"a":{"right":true,"attempts":1,"rightCount":1,"at":null}}}',
    ],
    ['an entry that is not an object', '{"version":1,"questions":{"a":3}}'],
  ] as const) {
    it(`discards corrupt state (${what}) with a notice and removes it`, () => {
      const storage = memoryStorage({ [progressKey]: text });
      const { progress, notice } = loadProgress(storage);
      expect(progress).toEqual(emptyProgress());
      expect(notice).toBe(notices.corrupt);
      expect(storage.data.has(progressKey)).toBe(false);
      expect(parseProgress(text)).toBeUndefined();
    });
  }

  it('discards another version under the same key, and older keys, with the “old” notice', () => {
    const same = memoryStorage({ [progressKey]: '{"version":2,"questions":{}}' });
    expect(loadProgress(same).notice).toBe(notices.old);
    const older = memoryStorage({
      'nonlinear:quiz-progress:v0': '{"answers":[]}',
      'starlight-theme': 'dark',
    });
    expect(loadProgress(older).notice).toBe(notices.old);
    expect([...older.data.keys()]).toEqual(['starlight-theme']);
  });

  it('keeps working, with a notice, when storage is missing or throws', () => {
    expect(loadProgress(undefined)).toEqual({
      progress: emptyProgress(),
      notice: notices.unavailable,
    });
    expect(loadProgress(throwing).notice).toBe(notices.unavailable);
    expect(saveProgress(throwing, emptyProgress())).toBe(false);
    expect(saveProgress(undefined, emptyProgress())).toBe(false);
    expect(clearProgress(throwing)).toBe(false);
    expect(clearProgress(undefined)).toBe(false);
  });

  it('clears stored progress', () => {
    const storage = memoryStorage({ [progressKey]: JSON.stringify(emptyProgress()) });
    expect(clearProgress(storage)).toBe(true);
    expect(storage.data.size).toBe(0);
  });

  it('finds no browser storage in Node, without throwing', () => {
    expect(() => browserStorage()).not.toThrow();
  });
});
