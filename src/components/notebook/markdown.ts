// The prose of a notebook page back into Markdown, for the markdown cells of the .ipynb
// download. It reads the HTML the page was built from (a linkedom or browser DOM):
// paragraphs, headings, emphasis, code, links, lists, quotes, and KaTeX (its TeX source is
// kept in the MathML annotation, so math round-trips as $...$ and $$...$$).

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?(name: string): string | null;
  querySelector?(selector: string): NodeLike | null;
  classList?: { contains(name: string): boolean };
}

const blocks = new Set([
  'P',
  'DIV',
  'SECTION',
  'ASIDE',
  'FIGURE',
  'TABLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'PRE',
  'BLOCKQUOTE',
]);

function inline(nodes: ArrayLike<NodeLike>): string {
  return Array.from(nodes).map(inlineNode).join('');
}

function inlineNode(n: NodeLike): string {
  if (n.nodeType === 3) return (n.textContent ?? '').replace(/\s+/g, ' ');
  if (n.nodeType !== 1) return '';
  if (n.classList?.contains('katex')) {
    const tex = n.querySelector?.('annotation[encoding="application/x-tex"]')?.textContent ?? '';
    return `$${tex.trim()}$`;
  }
  switch (n.nodeName) {
    case 'STRONG':
    case 'B':
      return `**${inline(n.childNodes)}**`;
    case 'EM':
    case 'I':
      return `*${inline(n.childNodes)}*`;
    case 'CODE':
      return `\`${n.textContent ?? ''}\``;
    case 'A':
      return `[${inline(n.childNodes)}](${n.getAttribute?.('href') ?? ''})`;
    case 'BR':
      return '  \n';
    case 'SCRIPT':
    case 'STYLE':
    case 'TEMPLATE':
      return '';
    default:
      return inline(n.childNodes);
  }
}

function block(n: NodeLike, out: string[]) {
  if (n.nodeType === 3) {
    const text = (n.textContent ?? '').trim();
    if (text) out.push(text.replace(/\s+/g, ' '));
    return;
  }
  if (n.nodeType !== 1) return;
  if (n.classList?.contains('katex-display')) {
    const tex = n.querySelector?.('annotation[encoding="application/x-tex"]')?.textContent ?? '';
    out.push(`$$\n${tex.trim()}\n$$`);
    return;
  }
  const name = n.nodeName;
  if (/^H[1-6]$/.test(name)) {
    out.push(`${'#'.repeat(Number(name[1]))} ${inline(n.childNodes).trim()}`);
  } else if (name === 'P') {
    const text = inline(n.childNodes).trim();
    if (text) out.push(text);
  } else if (name === 'UL' || name === 'OL') {
    const items = Array.from(n.childNodes).filter((c) => c.nodeName === 'LI');
    out.push(
      items
        .map((li, i) => `${name === 'OL' ? `${i + 1}.` : '-'} ${inline(li.childNodes).trim()}`)
        .join('\n'),
    );
  } else if (name === 'PRE') {
    out.push(`\`\`\`\n${(n.textContent ?? '').replace(/\n$/, '')}\n\`\`\``);
  } else if (name === 'BLOCKQUOTE') {
    const inner: string[] = [];
    for (const c of Array.from(n.childNodes)) block(c, inner);
    out.push(inner.map((b) => b.replace(/^/gm, '> ')).join('\n>\n'));
  } else if (name === 'SCRIPT' || name === 'STYLE' || name === 'TEMPLATE') {
    // Not prose.
  } else if (Array.from(n.childNodes).some((c) => c.nodeType === 1 && blocks.has(c.nodeName))) {
    for (const c of Array.from(n.childNodes)) block(c, out);
  } else {
    const text = inline(n.childNodes).trim();
    if (text) out.push(text);
  }
}

/** Markdown for a run of nodes (the prose between two code cells). */
export function toMarkdown(nodes: NodeLike[]): string {
  const out: string[] = [];
  for (const n of nodes) block(n, out);
  return out.join('\n\n');
}
