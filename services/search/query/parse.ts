// The one query parser, shared by both backends: raw text → Query.
// Plain words are segmented by the index's own segmenter and all required;
// "quoted text" must appear verbatim; AND / OR / NOT (any case, or 与 / 或 / 非 standing
// alone) combine, parentheses group, -x excludes. Whatever is written, it becomes the one
// shape both engines compile — all groups required, each group any of its terms, plus
// excluded terms — by distributing OR over AND ((a b) OR c → (a OR c) (b OR c)).
// What that shape cannot hold (an exclusion inside an OR) is dropped with a warning.
import { SECTION_LABELS, type SectionType } from '../../core/schema.js';
import { fold, type Segmenter } from '../../pipeline/segment/segmenter.js';
import { themeLabel } from '../labels.js';
import type { Filters } from '../types.js';
import type { Query, Term } from './ast.js';
import { applyField, LEVEL_NAMES, type RegionResolver } from './filters.js';
import { lex, type Item } from './lexer.js';
import { warn, type Warning } from './warnings.js';

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

// ---- the expression tree ----

type Node =
  | { kind: 'text'; value: string; quoted: boolean }
  | { kind: 'and' | 'or'; children: Node[] }
  | { kind: 'not'; child: Node };

type Token = Exclude<Item, { kind: 'field' }>;

/** Recursive descent: or := and (OR and)* ; and := unary (AND? unary)* ; unary := NOT unary | -atom | atom. */
function parseTokens(tokens: Token[], warnings: Warning[]): Node | null {
  let i = 0;
  let unbalanced = false;
  const peek = () => tokens[i];
  const isOp = (t: Token | undefined, op: string) => t?.kind === 'op' && t.op === op;

  function orExpr(): Node | null {
    const parts: Node[] = [];
    let first = andExpr();
    if (first) parts.push(first);
    while (isOp(peek(), 'or')) {
      const word = (peek() as { word: string }).word;
      i++;
      const next = andExpr();
      if (!first || !next) warnings.push(warn('dangling_operator', word));
      if (next) parts.push(next);
      first = next ?? first;
    }
    return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { kind: 'or', children: parts };
  }

  function andExpr(): Node | null {
    const parts: Node[] = [];
    for (;;) {
      const t = peek();
      if (!t || t.kind === 'close' || isOp(t, 'or')) break;
      if (isOp(t, 'and')) {
        i++;
        const after = peek();
        if (!parts.length || !after || after.kind === 'close' || isOp(after, 'or') || isOp(after, 'and')) {
          warnings.push(warn('dangling_operator', (t as { word: string }).word));
        }
        continue;
      }
      const u = unary();
      if (u) parts.push(u);
    }
    return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { kind: 'and', children: parts };
  }

  function unary(): Node | null {
    const t = peek()!;
    if (t.kind === 'op' && t.op === 'not') {
      i++;
      const child = peek() && peek()!.kind !== 'close' && !isOp(peek(), 'or') && !isOp(peek(), 'and') ? unary() : null;
      if (!child) { warnings.push(warn('dangling_operator', t.word)); return null; }
      return { kind: 'not', child };
    }
    return atom();
  }

  function atom(): Node | null {
    const t = tokens[i++]!;
    if (t.kind === 'open') {
      const inner = orExpr();
      if (peek()?.kind === 'close') i++;
      else unbalanced = true;
      if (!inner) warnings.push(warn('empty_parens'));
      return inner;
    }
    if (t.kind === 'text') {
      const node: Node = { kind: 'text', value: t.value, quoted: t.quoted };
      return t.negated ? { kind: 'not', child: node } : node;
    }
    return null; // a close parenthesis without its opening: dropped by the caller's loop
  }

  const parts: Node[] = [];
  while (i < tokens.length) {
    const node = orExpr();
    if (node) parts.push(node);
    if (peek()?.kind === 'close') { unbalanced = true; i++; }
    else if (i < tokens.length) i++; // defensive: never loop on a token nothing consumed
  }
  if (unbalanced) warnings.push(warn('unbalanced_paren'));
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { kind: 'and', children: parts };
}

// ---- tree → conjunctive normal form ----

interface Cnf { groups: Term[][]; exclude: Term[] }

class TooComplex extends Error {}

/** Each chunk's text, for the verbatim phrase ranked first (only for queries without OR). */
function chunksOf(node: Node): string[] {
  if (node.kind === 'text') return [fold(node.value).trim()];
  if (node.kind === 'not') return [];
  return node.children.flatMap(chunksOf);
}

const hasOr = (node: Node): boolean =>
  node.kind === 'or' || (node.kind === 'and' ? node.children.some(hasOr) : node.kind === 'not' ? hasOr(node.child) : false);

function toCnf(node: Node, seg: Segmenter, warnings: Warning[], inOr: boolean): Cnf {
  switch (node.kind) {
    case 'text': {
      const terms = node.quoted ? [exactTerm(node.value, seg)] : chunkTerms(node.value, seg);
      if (!terms.length) { warnings.push(warn('no_characters', node.value)); return { groups: [], exclude: [] }; }
      // An OR operand stands for its whole text, so "微信公众号 OR 微博" keeps 微信公众号 together.
      if (inOr && terms.length > 1) return { groups: [[exactTerm(node.value, seg)]], exclude: [] };
      return { groups: terms.map((t) => [t]), exclude: [] };
    }
    case 'and': {
      const parts = node.children.map((c) => toCnf(c, seg, warnings, false));
      return { groups: parts.flatMap((p) => p.groups), exclude: parts.flatMap((p) => p.exclude) };
    }
    case 'or': {
      let groups: Term[][] | null = null;
      for (const child of node.children) {
        const part = toCnf(child, seg, warnings, true);
        if (part.exclude.length) warnings.push(warn('not_in_or', part.exclude.map((t) => t.text).join(' ')));
        if (!part.groups.length) continue;
        // (A1 ∧ A2) ∨ (B1 ∧ B2) = ∧ over pairs of (Ai ∨ Bj).
        groups = groups === null ? part.groups : groups.flatMap((a) => part.groups.map((b) => dedupe([...a, ...b])));
        if (groups.length > MAX_TERMS || groups.flat().length > MAX_TERMS * 4) throw new TooComplex();
      }
      return { groups: groups ?? [], exclude: [] };
    }
    case 'not': {
      // NOT (a OR b) = NOT a AND NOT b: every term of every group excluded. Anything else
      // (NOT (a b): "not both") has no place in the shape and is dropped.
      const inner = toCnf(node.child, seg, warnings, false);
      if (inner.exclude.length) { warnings.push(warn('exclude_only_group')); return { groups: [], exclude: [] }; }
      if (inner.groups.length > 1 && node.child.kind !== 'text') { warnings.push(warn('exclude_only_group')); return { groups: [], exclude: [] }; }
      // A plain chunk "-微信公众号" excludes each of its words, as it always has.
      return { groups: [], exclude: inner.groups.flat() };
    }
  }
}

function dedupe(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => { const k = `${t.exact}:${t.text}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

// ---- the whole query ----

const show = (t: Term) => (t.exact || /[\s]/.test(t.text) ? `"${t.text}"` : t.text);

/** Filters as the query language writes them, with the names a reader knows (section:存在的主要问题). */
export function filtersText(f: Partial<Filters>, regionName: (code: string) => string = (c) => c): string[] {
  return [
    ...(f.sections ?? []).map((s) => `section:${SECTION_LABELS[s as SectionType] ?? s}`),
    ...(f.themes ?? []).map((t) => `theme:${themeLabel(t)}`),
    ...(f.levels ?? []).map((l) => `level:${LEVEL_NAMES[l] ?? l}`),
    ...(f.years ?? []).map((y) => `year:${y}`),
    ...(f.regions ?? []).map((r) => `region:${regionName(r)}`),
    ...(f.copy ?? []).map((c) => `copy:${c.op}${c.value}`),
    ...(f.exclude ? filtersText({ ...f.exclude, exclude: undefined }, regionName).map((t) => `-${t}`) : []),
  ];
}

export function parseQuery(raw: string, seg: Segmenter, resolveRegion: RegionResolver = () => []): Query {
  const warnings: Warning[] = [];
  const items = lex(raw, warnings);
  const query: Query = { groups: [], exclude: [], filters: {}, phrase: null, warnings, understood: '' };

  // Filters hold for the whole query: they are taken out before the expression is read.
  const tokens: Token[] = [];
  const regionNames = new Map<string, string>();
  // NOT field:value is -field:value: the NOT is the filter's, never the expression's.
  const notsOfFields = new Set(items.flatMap((item, k) =>
    item.kind === 'op' && item.op === 'not' && items[k + 1]?.kind === 'field' ? [k] : []));
  items.forEach((item, k) => {
    if (notsOfFields.has(k)) return;
    if (item.kind !== 'field') { tokens.push(item); return; }
    const negated = item.negated || notsOfFields.has(k - 1);
    const near = [notsOfFields.has(k - 1) ? items[k - 2] : items[k - 1], notsOfFields.has(k + 1) ? undefined : items[k + 1]];
    if (near.some((n) => n?.kind === 'op')) warnings.push(warn('filter_in_operator', item.field, item.value));
    const regionsOf = () => [...(query.filters.regions ?? []), ...(query.filters.exclude?.regions ?? [])];
    const before = new Set(regionsOf());
    applyField(item.field, item.value, query.filters, warnings, resolveRegion, negated);
    for (const code of regionsOf()) if (!before.has(code)) regionNames.set(code, item.value);
  });

  const tree = parseTokens(tokens, warnings);
  if (tree) {
    try {
      const cnf = toCnf(tree, seg, warnings, false);
      query.groups = cnf.groups;
      query.exclude = cnf.exclude;
    } catch (err) {
      if (!(err instanceof TooComplex)) throw err;
      warnings.push(warn('too_complex', MAX_TERMS));
      query.groups = [];
    }
  }

  if (query.groups.flat().length + query.exclude.length > MAX_TERMS) {
    if (!warnings.some((w) => w.code === 'too_complex')) warnings.push(warn('too_complex', MAX_TERMS));
    query.groups = query.groups.slice(0, MAX_TERMS);
    query.exclude = query.exclude.slice(0, Math.max(0, MAX_TERMS - query.groups.length));
  }
  const terms = query.groups.flat();
  if (tree && !hasOr(tree) && terms.length > 1) {
    const joined = chunksOf(tree).join('');
    if (joined.length >= 2) query.phrase = exactTerm(joined, seg);
  }
  const several = query.groups.length > 1;
  query.understood = [
    ...query.groups.map((g) => (g.length > 1 && several ? `(${g.map(show).join(' OR ')})` : g.map(show).join(' OR '))),
    ...query.exclude.map((t) => `-${show(t)}`),
    ...filtersText(query.filters, (code) => regionNames.get(code) ?? code),
  ].join(' ');
  return query;
}
