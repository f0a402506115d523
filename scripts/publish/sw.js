// The service worker (built into dist/sw.js by scripts/publish/integration.ts, which puts the
// precache manifest in front of this file as `const PRECACHE = {version, base, entries}`).
//
// - install: every page, script, stylesheet, woff2 font and search file of this build is
//   copied into a cache named for the build; a file whose revision did not change is taken
//   from the previous build's cache instead of the network.
// - fetch: precached files come from that cache (pages match whatever their query string,
//   since widgets keep their state there); /data/ (the digits) is cached on first use and
//   refreshed in the background; anything else goes to the network, and a page that is
//   neither cached nor reachable gets the cached 404 page.
// - updates: no skipWaiting. A new build installs alongside the old one and waits; it takes
//   over on the next visit, once every tab of the old one is closed, so an open page never
//   loses the scripts and chunks it was built with.
// @ts-nocheck: a plain script in the service worker's global scope, where PRECACHE is the
// constant the build puts in front of it.

const PREFIX = 'nl-precache-';
const CACHE = `${PREFIX}${PRECACHE.version}`;
const DATA_CACHE = 'nl-data';
const scope = new URL(PRECACHE.base, self.location.origin).href;
const revisions = new Map(PRECACHE.entries.map(([path, rev]) => [new URL(path, scope).href, rev]));

async function fromPreviousBuild(url, rev) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await (await caches.open(name)).match(url);
    if (old && old.headers.get('x-nl-rev') === rev) return old;
  }
  return undefined;
}

async function precache() {
  const cache = await caches.open(CACHE);
  const todo = [...revisions];
  const worker = async () => {
    for (let next = todo.shift(); next; next = todo.shift()) {
      const [url, rev] = next;
      if (await cache.match(url)) continue;
      let response = await fromPreviousBuild(url, rev);
      if (!response) {
        const fresh = await fetch(url, { cache: 'reload' });
        if (!fresh.ok) throw new Error(`precache: ${url} answered ${fresh.status}`);
        const headers = new Headers(fresh.headers);
        headers.set('x-nl-rev', rev);
        response = new Response(await fresh.blob(), { status: 200, headers });
      }
      await cache.put(url, response);
    }
  };
  // Six requests at a time, like a browser's connection limit.
  await Promise.all(Array.from({ length: 6 }, worker));
}

self.addEventListener('install', (event) => event.waitUntil(precache()));

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // Take the open pages too. A worker activates only once no page uses the previous one
      // (no skipWaiting), so the pages it claims are of its own build: on the first visit the
      // page that installed it, so that the digits it loads are cached on first use.
      await self.clients.claim();
    })(),
  );
});

/** The precached URL a request stands for: a page is cached as its folder (`/a/b/`). */
function precachedUrl(url) {
  const bare = new URL(url.pathname, url.origin).href;
  if (revisions.has(bare)) return bare;
  if (!url.pathname.endsWith('/')) {
    const folder = `${bare}/`;
    if (revisions.has(folder)) return folder;
  } else if (revisions.has(`${bare}index.html`)) return `${bare}index.html`;
  return undefined;
}

async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(request);
  const refresh = fetch(request).then(async (response) => {
    if (response.ok && response.status === 200) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}

async function respond(event) {
  const { request } = event;
  const url = new URL(request.url);
  const key = precachedUrl(url);
  if (key) {
    const cached = await caches.match(key, { cacheName: CACHE });
    if (cached) return cached;
  }
  if (url.pathname.startsWith(new URL('data/', scope).pathname)) {
    return staleWhileRevalidate(event, request);
  }
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === 'navigate') {
      const notFound = await caches.match(new URL('404.html', scope).href, { cacheName: CACHE });
      if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  // Range requests (media) and the service worker itself go straight to the network.
  if (request.headers.has('range') || request.url === self.location.href) return;
  event.respondWith(respond(event));
});
