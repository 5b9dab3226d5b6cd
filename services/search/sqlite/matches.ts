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

/**
 * Matches go straight from SQLite into typed arrays through an aggregate function: returning
 * them as rows would make a JavaScript array per row — for a million matches about twice the
 * time and several hundred megabytes of garbage (BENCHMARKS.md).
 */
class Collector {
  ids = new Int32Array(1024);
  scores: Float64Array | null;
  n = 0;
  constructor(withScores: boolean) { this.scores = withScores ? new Float64Array(1024) : null; }
  add(id: number, score: number): void {
    if (this.n === this.ids.length) {
      const ids = new Int32Array(this.n * 2);
      ids.set(this.ids);
      this.ids = ids;
      if (this.scores) { const sc = new Float64Array(this.n * 2); sc.set(this.scores); this.scores = sc; }
    }
    this.ids[this.n] = id;
    if (this.scores) this.scores[this.n] = score;
    this.n++;
  }
}

let collecting: Collector | null = null;
const ready = new WeakSet<Database.Database>();

function collect(db: Database.Database, expr: string, withScores: boolean): { ids: Int32Array; scores: Float64Array | null } {
  if (!ready.has(db)) {
    db.aggregate('gongkai_collect', { start: 0, varargs: true, step: (_: number, id: number, score = 0) => { collecting!.add(id, score); return 0; } });
    ready.add(db);
  }
  const c = new Collector(withScores);
  collecting = c;
  try {
    // Words weigh four times grams: a whole-word match ranks above a match inside another word.
    // (LIMIT -1 keeps the subquery apart: bm25() is not allowed inside an aggregate's arguments.)
    db.prepare(withScores
      ? 'SELECT gongkai_collect(id, score) FROM (SELECT rowid AS id, -bm25(passage_fts, 4.0, 1.0) AS score FROM passage_fts WHERE passage_fts MATCH ? LIMIT -1)'
      : 'SELECT gongkai_collect(rowid) FROM passage_fts WHERE passage_fts MATCH ?').pluck().get(expr);
  } finally {
    collecting = null;
  }
  return { ids: c.ids.slice(0, c.n), scores: c.scores ? c.scores.slice(0, c.n) : null };
}

const idsOf = (db: Database.Database, expr: string): Int32Array => collect(db, expr, false).ids;

/** Marks, for each of the ascending `ids`, whether it is in the ascending `other`. */
function member(ids: ArrayLike<number>, other: ArrayLike<number>): Uint8Array {
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
  } else {
    ({ ids, scores } = collect(db, match, withScores));
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
