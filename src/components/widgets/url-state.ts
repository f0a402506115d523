// Widget state mirrored in the page URL, so a reader can share exactly what they see.
// Each widget owns the query parameters with its prefix; others are left untouched.

export function readUrlParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

type Edit = (params: URLSearchParams) => void;
let pending: Edit[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Sets `values` in the URL; with `owns`, also removes the caller's other keys (those for
 * which `owns(key)` is true), so a state that drops a parameter drops it from the link.
 * Written 150 ms after the last call: a dragged slider fires an input per pixel, each
 * history update costs about a millisecond, and browsers throttle frequent ones.
 */
export function writeUrlParams(values: Record<string, string>, owns?: (key: string) => boolean) {
  pending.push((params) => {
    if (owns) {
      for (const key of [...params.keys()]) if (owns(key) && !(key in values)) params.delete(key);
    }
    for (const [key, value] of Object.entries(values)) params.set(key, value);
  });
  clearTimeout(timer);
  timer = setTimeout(() => {
    const url = new URL(window.location.href);
    for (const edit of pending) edit(url.searchParams);
    pending = [];
    history.replaceState(history.state, '', url);
  }, 150);
}
