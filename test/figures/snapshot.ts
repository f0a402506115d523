// Snapshot normalisation in the manner of Observable Plot's own tests: numbers rounded so
// that a last-bit change in floating point does not churn the files, ids renumbered.

export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const renumber = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
    return ids.get(id) as string;
  };
  return svg
    .replace(/\b(plot-[a-z0-9]+(?:-[0-9]+)?)\b/g, (id) => renumber(id))
    .replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n) => {
      const v = Number(n);
      return String(Math.abs(v) < 5e-3 ? 0 : Math.round(v * 100) / 100);
    })
    .replace(/></g, '>\n<');
}
