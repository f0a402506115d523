// Starlight route middleware: points every page's Open Graph and Twitter image at its social
// card (src/pages/og/), or the site's card when the page has none of its own. Starlight
// itself writes the title, description, canonical URL and og:url. It also puts the site's
// base in front of the hero's action links (the landing page's and the 404 page's), which
// Starlight writes as they are in the frontmatter, where import.meta.env cannot be used.

import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { cards } from './cards.ts';
import { cardSize, slugOf } from './og-card.ts';

export const onRequest = defineRouteMiddleware(async (context) => {
  const { head, entry } = context.locals.starlightRoute;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const path = context.url.pathname.startsWith(base)
    ? context.url.pathname.slice(base.length)
    : context.url.pathname;
  for (const action of entry.data.hero?.actions ?? []) {
    // Idempotent: the entry may be rendered more than once.
    if (action.link.startsWith('/') && !action.link.startsWith(base)) {
      action.link = base + action.link.slice(1);
    }
  }
  const known = await cards();
  const slug = known.has(slugOf(path)) ? slugOf(path) : 'index';
  const image = new URL(`${base}og/${slug}.png`, context.site ?? context.url).href;
  const alt = `${known.get(slug)?.title ?? entry.data.title}: Nonlinear`;
  head.push(
    { tag: 'meta', attrs: { property: 'og:image', content: image } },
    { tag: 'meta', attrs: { property: 'og:image:width', content: String(cardSize.width) } },
    { tag: 'meta', attrs: { property: 'og:image:height', content: String(cardSize.height) } },
    { tag: 'meta', attrs: { property: 'og:image:alt', content: alt } },
    { tag: 'meta', attrs: { name: 'twitter:image', content: image } },
  );
});
