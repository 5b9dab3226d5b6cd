// Splits a raw query into items: words, "quoted phrases", the operators AND / OR / NOT
// (any case, and 与 / 或 / 非 standing alone), parentheses, -exclusions and field:value.
// Never throws: unbalanced quotes close at the end, stray operators are dropped with a warning.
// Pure (no engine, no zod): the web app imports it too.
import type { Warning } from './warnings.js';
import { warn } from './warnings.js';

export type Op = 'and' | 'or' | 'not';

export type Item =
  | { kind: 'text'; value: string; quoted: boolean; negated: boolean }
  | { kind: 'op'; op: Op; word: string; start: number; end: number }
  | { kind: 'open' }
  | { kind: 'close' }
  /** `start`/`end`: where it stands in the normalised input, so the free text can be cut out. */
  | { kind: 'field'; field: string; value: string; negated: boolean; start: number; end: number };

export const FIELDS = new Set(['section', 'theme', 'year', 'region', 'level', 'copy']);
const QUOTES = /["“”「」『』]/;
const OPEN = /[(（]/;
const CLOSE = /[)）]/;
/** Operator words. 与/或/非 count only standing alone (between spaces): inside a word they are text. */
const OPS: Record<string, Op> = { and: 'and', or: 'or', not: 'not', 与: 'and', 且: 'and', 或: 'or', 非: 'not' };

/** Control characters and the Unicode replacement character carry nothing a user meant. */
export const normaliseInput = (raw: string): string =>
  raw.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, ' ').normalize('NFC');

export function lex(raw: string, warnings: Warning[]): Item[] {
  const input = normaliseInput(raw);
  const items: Item[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (OPEN.test(ch)) { items.push({ kind: 'open' }); i++; continue; }
    if (CLOSE.test(ch)) { items.push({ kind: 'close' }); i++; continue; }
    const start = i;
    let negated = false;
    if (ch === '-' || ch === '－') {
      const next = input[i + 1];
      if (next === undefined || /\s/.test(next)) { warnings.push(warn('lone_minus')); i++; continue; }
      negated = true;
      i++;
    }
    if (QUOTES.test(input[i] ?? '')) {
      let end = i + 1;
      while (end < input.length && !QUOTES.test(input[end]!)) end++;
      if (end >= input.length) warnings.push(warn('unbalanced_quote'));
      const value = input.slice(i + 1, end).trim();
      if (value) items.push({ kind: 'text', value, quoted: true, negated });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/.test(input[end]!) && !QUOTES.test(input[end]!) && !OPEN.test(input[end]!) && !CLOSE.test(input[end]!)) end++;
    const word = input.slice(i, end);
    i = end;
    // "-(" : the minus negates the group the parenthesis opens.
    if (!word) { if (negated) items.push({ kind: 'op', op: 'not', word: '-', start, end }); continue; }
    const op = OPS[word.toLowerCase()];
    if (op && !negated) { items.push({ kind: 'op', op, word, start, end }); continue; }
    const field = /^([a-z]+)[:：](.+)$/i.exec(word);
    if (field && FIELDS.has(field[1]!.toLowerCase())) {
      items.push({ kind: 'field', field: field[1]!.toLowerCase(), value: field[2]!, negated, start, end });
      continue;
    }
    items.push({ kind: 'text', value: word, quoted: false, negated });
  }
  return items;
}

/** The query without its field:value filters, a NOT before one included (what the reader highlights, what the box keeps). */
export function withoutFields(raw: string): string {
  const input = normaliseInput(raw);
  let out = '';
  let at = 0;
  const items = lex(raw, []);
  items.forEach((item, k) => {
    if (item.kind !== 'field') return;
    const not = items[k - 1];
    const start = not?.kind === 'op' && not.op === 'not' && not.start >= at ? not.start : item.start;
    out += input.slice(at, start);
    at = item.end;
  });
  return (out + input.slice(at)).replace(/\s+/g, ' ').trim();
}
