// Which social card each page gets: one per lesson and page of the docs collection (its
// title, description and the functions it covers), one per function reference page, and the
// site's card for any other page. The PNGs are src/pages/og/[...slug].png.ts; the meta tags
// pointing at them come from route-middleware.ts.

import { getCollection } from 'astro:content';
import { activations, isActivationId, vectors } from '../../lib/activations/index.ts';
import { type Card, functionsCovered } from './og-card.ts';

let all: Promise<Map<string, Card>> | undefined;

/** Every card by slug: `index`, `foundations/why-nonlinearity`, `functions/gelu`. */
export function cards(): Promise<Map<string, Card>> {
  all ??= (async () => {
    const map = new Map<string, Card>();
    for (const [id, entry] of [...Object.entries(activations), ...Object.entries(vectors)]) {
      map.set(`functions/${id}`, {
        title: entry.name,
        description: `${entry.name}: formula, derivative, properties, framework defaults and history, from the catalogue.`,
        fns: isActivationId(id) ? [id] : [],
        kicker: 'Function reference',
      });
    }
    for (const doc of await getCollection('docs')) {
      const { title, description = '' } = doc.data;
      map.set(doc.id, {
        title,
        description,
        fns: doc.id === 'index' ? [] : functionsCovered(doc.body ?? '', title),
        kicker: 'Nonlinear',
      });
    }
    return map;
  })();
  return all;
}
