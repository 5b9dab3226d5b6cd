// A report under construction: a list of blocks, serialised only at the end so that
// the mess step can still tell prose from tables and headings.
export type TableStyle = 'tabs' | 'cells';

export type Block =
  | { kind: 'title' | 'heading' | 'para'; text: string }
  | { kind: 'table'; rows: string[][]; style: TableStyle };

const CN = '一二三四五六七八九十';
/** Chinese numerals 1–99 as used for headings: 一, 十, 十一, 二十三. */
export function cn(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN[tens - 1]!) + '十' + (ones ? CN[ones - 1]! : '');
}

/**
 * Tables as PDF-to-text tools flatten them: one row per line with tab-separated cells,
 * or one cell per line (tab-prefixed) with a blank line between rows.
 */
export function flattenTable(rows: readonly (readonly string[])[], style: TableStyle): string {
  if (style === 'tabs') return rows.map((r) => r.join('\t')).join('\n');
  return rows.map((r) => r.map((c) => '\t' + c).join('\n')).join('\n\n');
}

export function serialize(blocks: readonly Block[], sep: string, lead: string): string {
  return lead + blocks.map((b) => (b.kind === 'table' ? flattenTable(b.rows, b.style) : b.text)).join(sep) + '\n';
}

/** Prose passages: headings and paragraphs (tables and the title excluded). */
export const passageCount = (blocks: readonly Block[]) =>
  blocks.filter((b) => b.kind === 'heading' || b.kind === 'para').length;

/** Half-width punctuation, as some offices type it (applied to a whole report). */
export function halfPunct(s: string): string {
  return s.replace(/[，；：（）]/g, (ch) => ({ '，': ',', '；': ';', '：': ':', '（': '(', '）': ')' })[ch]!);
}
