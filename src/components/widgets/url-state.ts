// Widget state mirrored in the page URL, so a reader can share exactly what they see.
// Each widget owns the query parameters with its prefix; others are left untouched.

export function readUrlParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

export function writeUrlParams(values: Record<string, string>): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(values)) url.searchParams.set(key, value);
  history.replaceState(history.state, '', url);
}
