// The social card of every page as a PNG, rendered at build time with resvg from the SVG of
// src/components/publish/og-card.ts. Fonts are KaTeX's own TTFs (already a dependency), so
// nothing is fetched and the cards look the same on every machine.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { APIRoute, GetStaticPaths } from 'astro';
import { cards } from '../../components/publish/cards.ts';
import { type Card, cardSize, cardSvg } from '../../components/publish/og-card.ts';

const fonts = join(
  dirname(createRequire(`${process.cwd()}/`).resolve('katex/package.json')),
  'dist/fonts',
);
const fontFiles = [
  'KaTeX_SansSerif-Bold.ttf',
  'KaTeX_SansSerif-Regular.ttf',
  'KaTeX_Main-Regular.ttf',
  'KaTeX_Math-Italic.ttf',
  'KaTeX_AMS-Regular.ttf',
].map((f) => join(fonts, f));

export const getStaticPaths = (async () =>
  [...(await cards())].map(([slug, card]) => ({
    params: { slug },
    props: { card },
  }))) satisfies GetStaticPaths;

function renderCard(card: Card): Uint8Array {
  const resvg = new Resvg(cardSvg(card), {
    fitTo: { mode: 'width', value: cardSize.width },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'KaTeX_SansSerif' },
  });
  return resvg.render().asPng();
}

export const GET: APIRoute = ({ props }) =>
  new Response(renderCard((props as { card: Card }).card) as BodyInit, {
    headers: { 'Content-Type': 'image/png' },
  });
