// Compiles a Query into Elasticsearch query DSL with the same meaning and the same scores
// as the SQLite backend (services/search/sqlite/match.ts and FTS5's bm25()).
//
// Matching. A word term matches by its word token OR by the phrase of its bigrams; an
// exact (quoted) term or a term of several words by its bigram phrase only; a lone
// character as the prefix of a bigram, which is the `heads` field here (the first
// character of every bigram). Groups are ANDed, terms of a group ORed; exclusions drop.
//
// Scoring, in two steps.
// 1. In Elasticsearch, an approximation from above. SQLite ranks by
//    bm25(passage_fts, 4.0, 1.0): per phrase i of the MATCH expression,
//    idf_i · w·f·(k1+1) / (w·f + k1·K), idf_i = ln((N − n_i + 0.5)/(n_i + 0.5)) (1e-6 when
//    ≤ 0), n_i the passages containing phrase i, w the column weight (words 4, grams 1),
//    K = 1 − b + b·D/avgD over the passage's total token count D. Lucene's BM25 (ES 8) is
//    boost · idf' · (k1'+1) · f / (f + k1'·K') with its own idf' (for a phrase, the sum of
//    its terms' idfs) and K' over the field's own length. We make them agree:
//      - every scored field is padded to D tokens (documents.ts), so K' uses D too;
//      - words use k1' = k1/4 = 0.3 (similarity gongkai_words): f/(f + 0.3K) = 4f/(4f + 1.2K);
//      - each clause's boost is idf_i·(k1+1) / (idf'·(k1'+1)), from n_i (counted) and
//        Lucene's own statistics (the _termvectors API on an artificial document).
//    What remains is Lucene's one-byte length norm: K' is computed from D rounded down to
//    4 significant bits (above 24), so an ES score e is at least the exact score s and at
//    most 12.5% above it.
// 2. In Node, exactly: ftsScore() below recomputes FTS5's formula from the passage's token
//    streams, and the backend fetches hits in ES order until no hit further down can
//    outrank the last one it needs (rank.ts). Scores and order are then SQLite's.
import { UNKNOWN_REGION } from '../../core/region-code.js';
import type { Query, Term } from '../query/ast.js';
import type { FacetName, Filters, Sort } from '../types.js';

export type Field = 'words' | 'grams' | 'heads';
export interface Clause { field: Field; tokens: string[] }

export const FTS_K1 = 1.2;
export const FTS_B = 0.75;
/** Column weights of bm25(passage_fts, 4.0, 1.0); the lone-character prefix is in the grams column. */
const WEIGHT: Record<Field, number> = { words: 4, grams: 1, heads: 1 };
/** k1 of each field's similarity in index-mappings/passages.v1.json. */
export const FIELD_K1: Record<Field, number> = { words: 0.3, grams: 1.2, heads: 1.2 };

export const clauseKey = (c: Clause) => `${c.field}:${c.tokens.join(' ')}`;

/** The grams phrase, or for a lone character the prefix of a bigram (heads). */
function gramsClause(t: Term): Clause {
  return t.grams.length ? { field: 'grams', tokens: t.grams } : { field: 'heads', tokens: [t.text] };
}

/** Clauses of one term, as termExpr in sqlite/match.ts. */
export function termClauses(t: Term): Clause[] {
  if (t.exact || t.words.length !== 1) return [gramsClause(t)];
  return [{ field: 'words', tokens: [t.words[0]!] }, gramsClause(t)];
}

export type Dsl = Record<string, unknown>;

/** A clause as a query: a term, or a phrase of bigrams. */
export function clauseQuery(c: Clause, boost?: number): Dsl {
  const b = boost === undefined ? {} : { boost };
  if (c.tokens.length === 1) return { term: { [c.field]: { value: c.tokens[0], ...b } } };
  return { match_phrase: { [c.field]: { query: c.tokens.join(' '), ...b } } };
}

/** Every scored clause of the query, in order (duplicates kept: FTS5 scores each phrase). */
export const scoredClauses = (q: Query): Clause[] => q.groups.flatMap((g) => g.flatMap(termClauses));

/** What scoring needs from the index: its size and, per clause, FTS5's and Lucene's statistics. */
export interface Stats {
  /** Live passages (FTS5's N) and their average length D (FTS5's avgD). */
  n: number;
  avgdl: number;
  /** Lucene's own average field length (deleted documents included, until merged away). */
  luceneAvgdl: number;
  /** Passages containing each clause (FTS5's n_i), by clauseKey. */
  hits: Map<string, number>;
  /** Lucene's docCount per field and docFreq per field and token (deleted documents included, as Lucene counts them). */
  docCount: Record<Field, number>;
  docFreq: Record<Field, Map<string, number>>;
}

export const ftsIdf = (n: number, hit: number) => {
  const idf = Math.log((n - hit + 0.5) / (hit + 0.5));
  return idf <= 0 ? 1e-6 : idf;
};
const luceneIdf = (docCount: number, df: number) => Math.fround(Math.log(1 + (docCount - df + 0.5) / (df + 0.5)));

/** The boost that turns Lucene's score of a clause into FTS5's. */
export function clauseBoost(c: Clause, s: Stats): number {
  const target = ftsIdf(s.n, s.hits.get(clauseKey(c)) ?? 0) * (FTS_K1 + 1);
  let idf = 0;
  for (const t of c.tokens) idf += luceneIdf(s.docCount[c.field], s.docFreq[c.field].get(t) ?? 0);
  return target / (Math.fround(idf) * (FIELD_K1[c.field] + 1));
}

/** Above every score the clauses can add up to (each is below idf·(k1+1)): a power of two. */
export function phraseBoost(clauses: Clause[], s: Stats): number {
  const bound = clauses.reduce((sum, c) => sum + ftsIdf(s.n, s.hits.get(clauseKey(c)) ?? 0) * (FTS_K1 + 1), 0);
  return 2 ** Math.ceil(Math.log2(bound * 1.001 + 1e-12));
}

export interface Compiled {
  /** The scored query without filters. */
  query: Dsl;
  /** The query has positive terms (scores mean something). */
  scored: boolean;
  /** Added to the score of passages containing the whole query; 0 when there is no phrase. */
  phraseBoost: number;
}

/** The query; with stats, boosted to score as FTS5 does, else unscored (for counting). */
export function compile(q: Query, stats: Stats | null): Compiled {
  const must = q.groups.map((g) => ({
    bool: { should: g.flatMap(termClauses).map((c) => clauseQuery(c, stats ? clauseBoost(c, stats) : undefined)), minimum_should_match: 1 },
  }));
  const mustNot = q.exclude.flatMap(termClauses).map((c) => clauseQuery(c));
  const boost = stats && q.phrase && must.length ? phraseBoost(scoredClauses(q), stats) : 0;
  const should = boost ? [{ constant_score: { filter: clauseQuery(termClauses(q.phrase!)[0]!), boost } }] : [];
  const bool: Dsl = {};
  if (must.length) bool.must = must;
  if (should.length) bool.should = should;
  if (mustNot.length) bool.must_not = mustNot;
  return { query: must.length || mustNot.length ? { bool } : { match_all: {} }, scored: must.length > 0, phraseBoost: boost };
}

const REGION_FIELD: Record<number, string> = { 2: 'province_code', 4: 'city_code', 6: 'county_code', 9: 'township_code' };

/** Filter clauses for every filter except `skip` (disjunctive facets); `reportLevel` leaves out passage filters. */
export function filterClauses(f: Filters, skip?: FacetName, reportLevel = false): Dsl[] {
  const out: Dsl[] = [];
  if (skip !== 'year' && f.years.length) out.push({ terms: { year: f.years } });
  if (skip !== 'level' && f.levels.length) out.push({ terms: { level: f.levels } });
  if (!reportLevel && skip !== 'section' && f.sections.length) out.push({ terms: { section: f.sections } });
  if (!reportLevel && skip !== 'theme' && f.themes.length) out.push({ terms: { themes: f.themes } });
  // copy:… resolved to report ids by the engine; chunks stay under the index's max_terms_count (65 536).
  if (f.reportIds) {
    const chunks: string[][] = [];
    for (let i = 0; i < f.reportIds.length; i += 60_000) chunks.push(f.reportIds.slice(i, i + 60_000));
    out.push(chunks.length === 1 ? { terms: { report_id: chunks[0]! } }
      : chunks.length === 0 ? { bool: { must_not: { match_all: {} } } }
      : { bool: { should: chunks.map((c) => ({ terms: { report_id: c } })), minimum_should_match: 1 } });
  }
  if (skip !== 'region' && f.regions.length) {
    out.push({ bool: { should: f.regions.map(regionClause), minimum_should_match: 1 } });
  }
  // Excluded values hold under every facet, its own included (as sqlite/filter-mask.ts counts).
  const x = f.exclude ?? {};
  const mustNot: Dsl[] = [];
  if (x.years?.length) mustNot.push({ terms: { year: x.years } });
  if (x.levels?.length) mustNot.push({ terms: { level: x.levels } });
  if (x.regions?.length) mustNot.push(...x.regions.map(regionClause));
  if (!reportLevel && x.sections?.length) mustNot.push({ terms: { section: x.sections } });
  if (!reportLevel && x.themes?.length) mustNot.push({ terms: { themes: x.themes } });
  if (mustNot.length) out.push({ bool: { must_not: mustNot } });
  return out;
}

/** '00' (no province has it) stands for 地区未识别: passages of reports whose place is not known. */
const regionClause = (code: string): Dsl => (code === UNKNOWN_REGION
  ? { bool: { must_not: { exists: { field: 'province_code' } } } }
  : { term: { [REGION_FIELD[code.length]!]: code } });

export const allOf = (clauses: Dsl[]): Dsl => (clauses.length ? { bool: { filter: clauses } } : { match_all: {} });

/**
 * The order of sqlite/backend.ts: an optional report-level key (nulls last), then the
 * phrase flag and the score (both in _score), then the passage: report id, ordinal.
 */
export function sortOf(sort: Sort): Dsl[] {
  const tail: Dsl[] = [{ _score: { order: 'desc' } }, { report_id: { order: 'asc' } }, { ordinal: { order: 'asc' } }];
  switch (sort) {
    case 'year_desc': return [{ year: { order: 'desc', missing: '_last' } }, ...tail];
    case 'year_asc': return [{ year: { order: 'asc', missing: '_last' } }, ...tail];
    case 'region': return [{ region_code: { order: 'asc', missing: '_last' } }, ...tail];
    default: return tail;
  }
}

/** Instances of a clause in a passage's token streams, as FTS5 counts them (overlaps included). */
function instances(c: Clause, words: string[], grams: string[]): number {
  if (c.field === 'heads') {
    let n = 0;
    for (const g of grams) if (String.fromCodePoint(g.codePointAt(0)!) === c.tokens[0]) n++;
    return n;
  }
  const stream = c.field === 'words' ? words : grams;
  const t = c.tokens;
  let n = 0;
  outer: for (let i = 0; i + t.length <= stream.length; i++) {
    for (let j = 0; j < t.length; j++) if (stream[i + j] !== t[j]) continue outer;
    n++;
  }
  return n;
}

const split = (s: string) => (s ? s.split(' ') : []);

/**
 * FTS5's bm25(passage_fts, 4.0, 1.0) of one passage, negated (higher is better), computed
 * the way fts5Bm25Function does: the same terms, in the same order, in double precision.
 */
export function ftsScore(clauses: Clause[], s: Stats, streams: { words: string; grams: string }): number {
  const words = split(streams.words);
  const grams = split(streams.grams);
  const d = words.length + grams.length;
  let score = 0;
  for (const c of clauses) {
    const freq = WEIGHT[c.field] * instances(c, words, grams);
    score += ftsIdf(s.n, s.hits.get(clauseKey(c)) ?? 0) * ((freq * (FTS_K1 + 1.0)) / (freq + FTS_K1 * (1 - FTS_B + (FTS_B * d) / s.avgdl)));
  }
  return score;
}

/**
 * How far below an ES score the exact score can be: none when Lucene's average length is
 * FTS5's, a little while deleted documents still count in Lucene's, plus float rounding.
 */
export function slack(s: Stats): number {
  return Math.max(0, s.avgdl / s.luceneAvgdl - 1) + 1e-5;
}
