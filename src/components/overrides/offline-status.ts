// Registers the service worker of a production build and shows "Available offline" once a
// worker has precached the course (a worker is active only after its install, which is the
// precache, succeeded). Offline, the line says that the saved copy is being read.

const line = document.querySelector<HTMLElement>('[data-nl-offline]');
const text = document.querySelector<HTMLElement>('[data-nl-offline-text]');

function show() {
  if (!line || !text) return;
  text.textContent = navigator.onLine ? 'Available offline' : 'Offline: reading the saved copy';
  line.hidden = false;
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      show();
      addEventListener('online', show);
      addEventListener('offline', show);
    })
    // No worker (blocked, private mode, a browser without one): the site works online as before.
    .catch(() => undefined);
}
