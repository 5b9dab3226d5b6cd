// The passages a query's terms match, straight from FTS5 in ascending rowid order: ids,
// and when a page must be ordered by relevance their BM25 scores. Exclusions and the
// phrase flag are further MATCH lists merged in the same order, never joins.
import type Database from 'better-sqlite3';
import type { SearchPlan } from '../backend.js';
import type { Columns } from './columns.js';
import { anyOf, matchExpr, termExpr } from './match.js';

export interface Matches {
  /** Matching passage ids, ascending; exclusions removed. */
  ids: Int32Array;
  /** Score per entry of `ids` (higher is better), when asked for; zeros when the query has no terms. */
  scores: Float64Array | null;
  /** 1 where the passage holds the whole query verbatim. */
  phrase: Uint8Array;
}

const idsOf = (db: Database.Database, expr: string): number[] =>
  db.prepare('SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?').pluck().all(expr) as number[];

/** Marks, for each of the ascending `ids`, whether it is in the ascending `other`. */
function member(ids: ArrayLike<number>, other: number[]): Uint8Array {
  const out = new Uint8Array(ids.length);
  let j = 0;
  for (let i = 0; i < ids.length && j < other.length; i++) {
    while (j < other.length && other[j]! < ids[i]!) j++;
    if (other[j] === ids[i]) out[i] = 1;
  }
  return out;
}

/** What identifies a query's matches: its terms, exclusions and phrase, not its filters. */
export function matchKey(plan: SearchPlan): string {
  const q = plan.query;
  return JSON.stringify([matchExpr(q), anyOf(q.exclude), q.phrase ? termExpr(q.phrase) : null]);
}

export function findMatches(db: Database.Database, cols: Columns, plan: SearchPlan, withScores: boolean): Matches {
  const match = matchExpr(plan.query);
  const exclude = anyOf(plan.query.exclude);
  let ids: ArrayLike<number>;
  let scores: ArrayLike<number> | null = null;
  if (match === null) {
    // No positive term: every passage, scored 0.
    const all = new Int32Array(cols.maxPassage);
    const report = cols.report;
    let n = 0;
    for (let id = 1; id <= cols.maxPassage; id++) if (report[id]) all[n++] = id;
    ids = all.subarray(0, n);
    if (withScores) scores = new Float64Array(n);
  } else if (withScores) {
    // Words weigh four times grams: a whole-word match ranks above a match inside another word.
    const rows = db.prepare('SELECT rowid, -bm25(passage_fts, 4.0, 1.0) FROM passage_fts WHERE passage_fts MATCH ?')
      .raw().all(match) as Array<[number, number]>;
    const i32 = new Int32Array(rows.length);
    const f64 = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) { i32[i] = rows[i]![0]; f64[i] = rows[i]![1]; }
    ids = i32;
    scores = f64;
  } else {
    ids = idsOf(db, match);
  }
  if (exclude) {
    const out = member(ids, idsOf(db, exclude));
    const keep: number[] = [];
    for (let i = 0; i < ids.length; i++) if (!out[i]) keep.push(i);
    ids = Int32Array.from(keep, (i) => ids[i]!);
    if (scores) { const s = scores; scores = Float64Array.from(keep, (i) => s[i]!); }
  }
  const phrase = plan.query.phrase && match !== null ? member(ids, idsOf(db, termExpr(plan.query.phrase))) : new Uint8Array(ids.length);
  return {
    ids: ids instanceof Int32Array ? ids : Int32Array.from(ids),
    scores: scores === null ? null : scores instanceof Float64Array ? scores : Float64Array.from(scores),
    phrase,
  };
}
