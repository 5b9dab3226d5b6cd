// The one query parser, shared by both backends: raw text → Query.
// Plain words are segmented by the index's own segmenter and all required;
// "quoted text" must appear verbatim; OR joins neighbours; -x excludes.
import { fold, type Segmenter } from '../../pipeline/segment/segmenter.js';
import type { Query, Term } from './ast.js';
import { applyField, type RegionResolver } from './filters.js';
import { lex, type Item } from './lexer.js';

const MAX_TERMS = 32;

function exactTerm(text: string, seg: Segmenter): Term {
  const folded = fold(text).replace(/\s+/g, ' ').trim();
  return { text: folded, words: seg.words(folded), grams: seg.grams(folded), exact: true };
}

function wordTerm(word: string, seg: Segmenter): Term {
  return { text: word, words: [word], grams: seg.grams(word), exact: false };
}

/** Terms of one unquoted chunk: its words, each required; punctuation-only chunks stay whole. */
function chunkTerms(chunk: string, seg: Segmenter): Term[] {
  const folded = fold(chunk);
  const words = seg.words(folded);
  if (words.length) return words.map((w) => wordTerm(w, seg));
  return folded.trim().length >= 2 ? [exactTerm(folded, seg)] : [];
}

const show = (t: Term) => (t.exact || /[\s]/.test(t.text) ? `"${t.text}"` : t.text);

export function parseQuery(raw: string, seg: Segmenter, resolveRegion: RegionResolver = () => []): Query {
  const warnings: string[] = [];
  const items = lex(raw, warnings);
  const query: Query = { groups: [], exclude: [], filters: {}, phrase: null, warnings, understood: '' };
  const chunks: string[] = [];
  let pendingOr = false;
  let hasOr = false;

  items.forEach((item: Item, k) => {
    if (item.kind === 'or') {
      const prev = items[k - 1];
      const next = items[k + 1];
      if (query.groups.length && next?.kind === 'text' && !next.negated && prev?.kind === 'text' && !prev.negated) {
        pendingOr = hasOr = true;
      } else warnings.push('ignored an OR without a term on both sides');
      return;
    }
    if (item.kind === 'field') {
      if (item.negated) warnings.push(`negated filters are not supported: ${item.field}:${item.value} used as a filter`);
      applyField(item.field, item.value, query.filters, warnings, resolveRegion);
      return;
    }
    const terms = item.quoted ? [exactTerm(item.value, seg)] : chunkTerms(item.value, seg);
    if (!terms.length) { warnings.push(`ignored "${item.value}" (no searchable characters)`); return; }
    if (item.negated) { query.exclude.push(...terms); return; }
    // An OR operand stands for its whole text, so "微信公众号 OR 微博" keeps 微信公众号 together.
    const operand = (pendingOr || items[k + 1]?.kind === 'or') && terms.length > 1 ? [exactTerm(item.value, seg)] : terms;
    if (pendingOr) { query.groups.at(-1)!.push(...operand); pendingOr = false; }
    else for (const t of operand) query.groups.push([t]);
    chunks.push(fold(item.value).trim());
  });

  if (query.groups.flat().length + query.exclude.length > MAX_TERMS) {
    warnings.push(`only the first ${MAX_TERMS} terms were used`);
    query.groups = query.groups.slice(0, MAX_TERMS);
    query.exclude = query.exclude.slice(0, Math.max(0, MAX_TERMS - query.groups.length));
  }
  const terms = query.groups.flat();
  if (!hasOr && terms.length > 1) {
    const joined = chunks.join('');
    if (joined.length >= 2) query.phrase = exactTerm(joined, seg);
  }
  query.understood = [
    ...query.groups.map((g) => g.map(show).join(' OR ')),
    ...query.exclude.map((t) => `-${show(t)}`),
    ...Object.entries(query.filters).map(([k, v]) => `${k}:${(v as unknown[]).join(',')}`),
  ].join(' ');
  return query;
}
