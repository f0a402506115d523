// The app icons the web manifest (public/manifest.webmanifest) and iOS ask for, rendered at
// build time from public/favicon.svg. A maskable icon keeps the mark inside the safe zone
// (the inner 80 %) on a full-bleed background, since launchers crop it to their own shape.

import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { APIRoute, GetStaticPaths } from 'astro';

const icons: Record<string, { size: number; maskable: boolean }> = {
  'icon-192': { size: 192, maskable: false },
  'icon-512': { size: 512, maskable: false },
  'maskable-512': { size: 512, maskable: true },
  'apple-touch-icon': { size: 180, maskable: true },
};

export const getStaticPaths = (() =>
  Object.entries(icons).map(([name, icon]) => ({
    params: { name },
    props: icon,
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { size, maskable } = props as { size: number; maskable: boolean };
  const mark = readFileSync(new URL('public/favicon.svg', `file://${process.cwd()}/`), 'utf8');
  // Maskable: the mark at 70 % on the mark's own navy, edge to edge.
  const svg = maskable
    ? `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#1b1f4b"/><g transform="translate(4.8 4.8) scale(0.7)">${mark.replace(/<\/?svg[^>]*>/g, '')}</g></svg>`
    : mark;
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  return new Response(png as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
