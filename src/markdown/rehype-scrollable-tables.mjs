// @ts-check
// Starlight lets a wide Markdown table scroll sideways inside itself. A region that scrolls
// must be reachable by keyboard (WCAG 2.1.1, axe's scrollable-region-focusable), so every
// table gets tabindex="0": a keyboard reader can focus it and scroll with the arrow keys.

/** @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: Node[] }} Node */

/** @returns {(tree: Node) => void} */
export default function rehypeScrollableTables() {
  /** @param {Node} node */
  const visit = (node) => {
    if (node.type === 'element' && node.tagName === 'table') {
      node.properties = { ...node.properties, tabIndex: 0 };
    }
    for (const child of node.children ?? []) visit(child);
  };
  return visit;
}
