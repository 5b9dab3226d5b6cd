// Splits a raw query into items: words, "quoted phrases", OR, -exclusions and field:value.
// Never throws: unbalanced quotes close at the end, stray operators are dropped with a warning.

export type Item =
  | { kind: 'text'; value: string; quoted: boolean; negated: boolean }
  | { kind: 'or' }
  | { kind: 'field'; field: string; value: string; negated: boolean };

const FIELDS = new Set(['section', 'theme', 'year', 'region', 'level']);
const QUOTES = /["“”「」『』]/;

export function lex(raw: string, warnings: string[]): Item[] {
  // Control characters and the Unicode replacement character carry nothing a user meant.
  const input = raw.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, ' ').normalize('NFC');
  const items: Item[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    let negated = false;
    if (ch === '-' || ch === '－') {
      const next = input[i + 1];
      if (next === undefined || /\s/.test(next)) { warnings.push('ignored a lone "-"'); i++; continue; }
      negated = true;
      i++;
    }
    if (QUOTES.test(input[i] ?? '')) {
      let end = i + 1;
      while (end < input.length && !QUOTES.test(input[end]!)) end++;
      if (end >= input.length) warnings.push('closed an unbalanced quote at the end of the query');
      const value = input.slice(i + 1, end).trim();
      if (value) items.push({ kind: 'text', value, quoted: true, negated });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/.test(input[end]!) && !QUOTES.test(input[end]!)) end++;
    const word = input.slice(i, end);
    i = end;
    if (word === 'OR' && !negated) { items.push({ kind: 'or' }); continue; }
    const field = /^([a-z]+)[:：](.+)$/i.exec(word);
    if (field && FIELDS.has(field[1]!.toLowerCase())) {
      items.push({ kind: 'field', field: field[1]!.toLowerCase(), value: field[2]!, negated });
      continue;
    }
    items.push({ kind: 'text', value: word, quoted: false, negated });
  }
  return items;
}
