// @ts-check
// Wide tables and display equations scroll sideways inside themselves on a phone (Starlight
// styles tables so; nonlinear.css does it for KaTeX's .katex-display). A region that scrolls
// must be reachable by keyboard (WCAG 2.1.1, axe's scrollable-region-focusable), so each gets
// tabindex="0": a keyboard reader can focus it and scroll with the arrow keys.

/** @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: Node[] }} Node */

/** @returns {(tree: Node) => void} */
export default function rehypeScrollableTables() {
  /** @param {Node} node */
  const visit = (node) => {
    const classes = node.properties?.className;
    const isDisplayMath = Array.isArray(classes) && classes.includes('katex-display');
    if (node.type === 'element' && (node.tagName === 'table' || isDisplayMath)) {
      node.properties = { ...node.properties, tabIndex: 0 };
    }
    for (const child of node.children ?? []) visit(child);
  };
  return visit;
}
