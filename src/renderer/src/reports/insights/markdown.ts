/**
 * The little Markdown a model writes in a period summary (headings, bullets, numbered
 * lists, paragraphs, **bold** and *italic*), read into plain blocks that React renders as
 * text. Model output is never handed to the DOM as HTML: links, images and raw tags stay
 * the characters they are.
 */

export type Inline = { text: string; strong?: boolean; em?: boolean };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; inline: Inline[] }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

/** **bold** and *italic* (or _italic_); anything unmatched stays literal. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    if (at > last) out.push({ text: text.slice(last, at) });
    if (match[1] !== undefined) out.push({ text: match[1], strong: true });
    else out.push({ text: (match[2] ?? match[3])!, em: true });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inline: parseInline(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push({ kind: 'list', ...list });
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: Math.min(3, heading[1]!.length) as 1 | 2 | 3, inline: parseInline(heading[2]!.replace(/\s#+$/, '')) });
      continue;
    }
    const bullet = /^[-*+•]\s+(.*)$/.exec(line);
    const numbered = /^\d{1,3}[.)]\s+(.*)$/.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null && bullet === null;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline(item[1]!));
      continue;
    }
    if (list) {
      // A wrapped list item continues the last one.
      const items = list.items;
      items[items.length - 1] = parseInline(`${inlineText(items[items.length - 1]!)} ${line}`);
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return blocks;
}

function inlineText(inline: Inline[]): string {
  return inline.map((i) => (i.strong ? `**${i.text}**` : i.em ? `*${i.text}*` : i.text)).join('');
}
