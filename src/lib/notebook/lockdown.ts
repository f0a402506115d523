// What the kernel worker removes before any cell runs: every way out of the sandbox that a
// worker has by name (network, nested workers, storage shared with the page, and the
// worker's own message port, which the kernel keeps a private reference to). A cell that
// calls fetch() gets "fetch is not defined". Dynamic import() in a cell goes through the
// kernel's require(), which only knows 'nonlinear'; a site should still send a
// Content-Security-Policy header (default-src 'self') for what no script can remove.

export const blockedGlobals = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'caches',
  'indexedDB',
  'postMessage',
  'close',
] as const;

/**
 * Deletes `names` from `scope` and from every prototype it inherits them from (a worker's
 * fetch lives on WorkerGlobalScope.prototype), then shadows any that could not be deleted.
 * Returns the names that are still reachable (none, unless the engine refused both).
 */
export function lockDown(scope: object, names: readonly string[] = blockedGlobals): string[] {
  for (const name of names) {
    for (let o: object | null = scope; o; o = Object.getPrototypeOf(o)) {
      if (Object.hasOwn(o, name)) {
        try {
          delete (o as Record<string, unknown>)[name];
        } catch {
          // Non-configurable: shadowed below.
        }
      }
    }
    if (name in scope) {
      try {
        Object.defineProperty(scope, name, {
          value: undefined,
          configurable: false,
          writable: false,
        });
      } catch {
        // Reported below.
      }
    }
  }
  return names.filter((n) => (scope as Record<string, unknown>)[n] !== undefined);
}
