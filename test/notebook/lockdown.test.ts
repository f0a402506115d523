import { describe, expect, it } from 'vitest';
import type { FromKernel, ToKernel } from '../../src/lib/notebook/kernel.ts';
import { blockedGlobals, lockDown } from '../../src/lib/notebook/lockdown.ts';
import { serveKernel } from '../../src/lib/notebook/serve.ts';

describe('lockDown', () => {
  it('removes names from the object and its prototypes', () => {
    const proto = { fetch: () => 1, keep: 1 };
    const scope = Object.create(proto) as Record<string, unknown>;
    scope.WebSocket = class {};
    Object.defineProperty(scope, 'importScripts', {
      value: () => 1,
      configurable: false,
      writable: false,
    });
    const left = lockDown(scope, ['fetch', 'WebSocket', 'importScripts']);
    expect(scope.fetch).toBeUndefined();
    expect(scope.WebSocket).toBeUndefined();
    expect(scope.keep).toBe(1);
    // A non-configurable property cannot be removed or shadowed: it is reported.
    expect(left).toEqual(['importScripts']);
  });

  it('shadows names it cannot delete from a frozen prototype', () => {
    const proto = Object.freeze({ fetch: () => 1 });
    const scope = Object.create(proto) as Record<string, unknown>;
    expect(lockDown(scope, ['fetch'])).toEqual([]);
    expect(scope.fetch).toBeUndefined();
  });

  it('covers the network and the message port', () => {
    expect(blockedGlobals).toEqual(
      expect.arrayContaining([
        'fetch',
        'XMLHttpRequest',
        'WebSocket',
        'importScripts',
        'postMessage',
      ]),
    );
  });
});

describe('serveKernel', () => {
  it('answers run messages in order with start, outputs and done', async () => {
    const sent: FromKernel[] = [];
    let handler: (m: ToKernel) => void = () => {};
    serveKernel(
      {
        post: (m) => sent.push(m),
        listen: (h) => {
          handler = h;
        },
      },
      { library: {} },
    );
    handler({ type: 'run', id: 1, code: 'const a = 1\na + 1', count: 1 });
    handler({ type: 'nothing' } as never);
    handler({ type: 'run', id: 2, code: 'a.b.c', count: 2 });
    await new Promise((r) => setTimeout(r, 50));
    expect(sent.map((m) => `${m.type}:${m.id}`)).toEqual([
      'start:1',
      'output:1',
      'done:1',
      'start:2',
      'output:2',
      'done:2',
    ]);
    expect(sent[2]).toEqual({ type: 'done', id: 1, status: 'ok' });
    expect(sent[5]).toEqual({ type: 'done', id: 2, status: 'error' });
  });
});
