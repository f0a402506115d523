// @ts-check
// Lessons link to each other from the site's root (`[lesson 1](/foundations/why-nonlinearity/)`).
// When the site is built under a sub-path (BASE_PATH=/nonlinear/), those links must carry it:
// this puts the base in front of every root-relative href and src in Markdown and MDX, so
// authors keep writing plain paths. Links already under the base are left alone.

/** @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: Node[] }} Node */

/**
 * @param {{ base?: string }} [options]
 * @returns {(tree: Node) => void}
 */
export default function rehypeBaseLinks({ base = '/' } = {}) {
  const prefix = base.replace(/\/+$/, '');
  /** @param {unknown} value */
  const fix = (value) =>
    typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    value !== prefix &&
    !value.startsWith(`${prefix}/`)
      ? `${prefix}${value}`
      : value;
  /** @param {Node} node */
  const visit = (node) => {
    if (node.type === 'element' && node.properties) {
      for (const name of ['href', 'src']) {
        if (name in node.properties) node.properties[name] = fix(node.properties[name]);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => {
    if (prefix !== '') visit(tree);
  };
}
