// The embedded backend on the tantivy core: SQLite keeps reports, passages, metadata and
// the in-memory columns (filters, facets, order), exactly as with FTS5; tantivy, beside it in
// the same data directory (tantivy/), holds the inverted index and answers which passages
// match and their BM25 scores.
//
// Two stores, one truth. SQLite is the record: every change to a report writes a row to
// `index_log` in the same transaction. The index follows the log: after the transaction
// commits, the logged reports are deleted from the index and added again from SQLite, and
// tantivy commits with the log position it reached (its commit payload). A process killed
// between the two commits leaves the log ahead of the index; the next open replays it,
// cutting the token streams again from the stored texts. So after recovery every report is
// in both whole or in neither, and replaying twice changes nothing (delete, then add).
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IndexedReport } from '../../core/schema.js';
import type { KeywordInContext, SearchPlan, UpsertOutcome } from '../backend.js';
import type { Term } from '../query/ast.js';
import type { Columns } from '../sqlite/columns.js';
import { filterMask, type FilterMask } from '../sqlite/filter-mask.js';
import type { Matches } from '../sqlite/matches.js';
import { SqliteBackend, type AnswerAsk, type EmbeddedCore, type SearchAnswer } from '../sqlite/backend.js';
import { makeTable, openPassageIndex, type PassageIndex, type PassageTokens, type QuerySpec, type Table } from './native.js';

/** A passage's token streams cut from its stored text (the segmenter's, as at ingest). */
export type Retokenize = (text: string) => { words: string; grams: string };

/** Where the index is level with SQLite: which SQLite file (its instance) and how far in its log. */
interface Position { instance: string; seq: number }

const positionOf = (payload: string | null): Position | null => {
  const m = payload?.match(/^(.+):(\d+)$/);
  return m ? { instance: m[1]!, seq: Number(m[2]) } : null;
};

/** During an ingest (upsertMany), the index commits at most this often; afterWrites and close commit the rest. */
const COMMIT_EVERY_MS = 1000;

/** The index's writer is held by another process: that process applies the log (or the next one to write). */
const isLockBusy = (err: unknown) => err instanceof Error && /lock/i.test(err.message);

const specOf = ({ query: q }: SearchPlan): QuerySpec => ({ groups: q.groups, exclude: q.exclude, ...(q.phrase ? { phrase: q.phrase } : {}) });

export class TantivyBackend extends SqliteBackend {
  override get core(): EmbeddedCore { return 'tantivy'; }
  private readonly index: PassageIndex;
  private readonly indexDir: string;
  /** Token streams of reports this process wrote and has not yet put into the index, by report row. */
  private readonly pending = new Map<number, { ids: number[]; tokens: Array<{ words: string; grams: string }> }>();
  private seenVersion = -1;

  constructor(file: string, segmenterSignature: string, private readonly retokenize: Retokenize, opts: { matchCacheMb?: number } = {}) {
    super(file, segmenterSignature, opts);
    // AUTOINCREMENT: a sequence number is never reused, even after the log is pruned.
    this.db.exec('CREATE TABLE IF NOT EXISTS index_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, report INTEGER NOT NULL)');
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('index_instance', ?) ON CONFLICT(key) DO NOTHING").run(randomUUID());
    this.indexDir = join(dirname(file), 'tantivy');
    this.index = openPassageIndex(this.indexDir);
    this.catchUp(); // recovery: whatever a killed process left in the log
  }

  private instance(): string {
    return (this.db.prepare("SELECT value FROM meta WHERE key = 'index_instance'").pluck().get() as string);
  }

  protected override indexPassages(report: number, passages: IndexedReport['passages'], ids: number[]): void {
    this.ws('INSERT INTO index_log (report) VALUES (?)').run(report);
    this.pending.set(report, { ids, tokens: passages.map((p) => ({ words: p.words, grams: p.grams })) });
  }

  protected override unindexReport(report: number): void {
    this.ws('INSERT INTO index_log (report) VALUES (?)').run(report);
    this.pending.delete(report);
  }

  /** The passages of a report as SQLite has them now, with their token streams. */
  private tokensOf(report: number): PassageTokens[] {
    const rows = this.db.prepare('SELECT id, text FROM passages WHERE report_id = ? ORDER BY id').all(report) as Array<{ id: number; text: string }>;
    const mine = this.pending.get(report);
    const same = mine !== undefined && mine.ids.length === rows.length && rows.every((r, k) => r.id === mine.ids[k]);
    return rows.map((r, k) => ({ id: r.id, ...(same ? mine.tokens[k]! : this.retokenize(r.text)) }));
  }

  /**
   * Log position applied to the index's writer but not committed yet (an ingest commits about
   * once a second, not once per batch: each tantivy commit writes a segment, and an ingest
   * writes a batch every 100 ms). A crash loses only these, and the log still has them.
   */
  private staged: Position | null = null;
  private lastCommit = 0;

  /**
   * Brings the index level with the log: deletes and re-adds every report logged since the
   * index's position; with `commit`, commits with the new position and prunes the log. When
   * the index is not this SQLite file's (new, lost, or the file was imported), it is rebuilt
   * from every report.
   */
  private sync(commit: boolean): void {
    const instance = this.instance();
    const committed = positionOf(this.index.committedPayload());
    const at = this.staged ?? committed;
    let reports: number[] = [];
    let last = at?.seq ?? 0;
    if (at?.instance !== instance) {
      this.index.deleteAll();
      reports = this.db.prepare('SELECT id FROM reports ORDER BY id').pluck().all() as number[];
      last = (this.db.prepare('SELECT coalesce(max(seq), 0) FROM index_log').pluck().get() as number);
    } else {
      const rows = this.db.prepare('SELECT seq, report FROM index_log WHERE seq > ? ORDER BY seq').all(at.seq) as Array<{ seq: number; report: number }>;
      reports = [...new Set(rows.map((r) => r.report))];
      if (rows.length) last = rows.at(-1)!.seq;
    }
    try {
      if (reports.length || at?.instance !== instance) {
        // One read transaction: the passages added are those of one state of SQLite.
        this.db.transaction(() => {
          for (const r of reports) {
            this.index.deleteReport(r);
            const passages = this.tokensOf(r);
            if (passages.length) this.index.add(r, passages);
          }
        })();
        this.staged = { instance, seq: last };
      }
      this.pending.clear();
      if (!commit || !this.staged) return;
      this.index.commit(`${instance}:${this.staged.seq}`);
    } catch (err) {
      this.staged = null;
      this.index.rollback();
      throw err;
    }
    this.lastCommit = performance.now();
    const through = this.staged.seq;
    this.staged = null;
    try {
      this.ws('DELETE FROM index_log WHERE seq <= ?').run(through);
    } catch {
      // busy, or inside a search's read transaction: entries up to the index's position are skipped anyway
    }
  }

  /** sync(), unless another process holds the index's writer (it applies the log itself). */
  private catchUp(opts: { commit: boolean; release: boolean } = { commit: true, release: true }): void {
    try {
      this.sync(opts.commit);
    } catch (err) {
      if (!isLockBusy(err)) throw err;
    } finally {
      if (opts.release) this.index.releaseWriter();
    }
  }

  override async upsert(doc: IndexedReport): Promise<UpsertOutcome> {
    const outcome = await super.upsert(doc);
    this.catchUp();
    return outcome;
  }

  /** Keeps the writer between batches: an ingest writes many, and releases it in afterWrites. */
  override async upsertMany(docs: IndexedReport[]): Promise<Array<UpsertOutcome | Error>> {
    const outcomes = await super.upsertMany(docs);
    this.catchUp({ commit: performance.now() - this.lastCommit >= COMMIT_EVERY_MS, release: false });
    return outcomes;
  }

  override async remove(reportId: string): Promise<boolean> {
    const removed = await super.remove(reportId);
    this.catchUp();
    return removed;
  }

  override async afterWrites(): Promise<void> {
    this.catchUp();
    await super.afterWrites();
  }

  /**
   * Called first for every search (the match cache asks it): sees what other processes
   * committed, and applies a log they left behind, then names the index state.
   */
  protected override matchGeneration(cols: Columns): string {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      const applied = positionOf(this.index.committedPayload())?.seq ?? -1;
      const logged = this.db.prepare('SELECT coalesce(max(seq), 0) FROM index_log').pluck().get() as number;
      if (logged > applied) this.catchUp();
    }
    this.refreshReader();
    return `${cols.generation}|${this.readerGeneration}`;
  }

  /** meta.json as last seen (tantivy replaces it at every commit), and the reader's segments then. */
  private metaStamp = '';
  private readerGeneration = '';

  /**
   * Reloads the reader only when some process committed: a reload opens every segment again
   * (about 10 ms at 10k reports, many segments), too much to pay on every search.
   */
  private refreshReader(): void {
    let stamp = 'none';
    try {
      const st = statSync(join(this.indexDir, 'meta.json'));
      stamp = `${st.ino}:${st.mtimeMs}:${st.size}`;
    } catch {
      // no commit yet
    }
    if (stamp === this.metaStamp) return;
    this.index.reload();
    this.metaStamp = stamp;
    this.readerGeneration = this.index.generation();
  }

  /**
   * Searches with terms are answered inside the core: filters, page, facets and trend counts
   * over a copy of the columns (crates/gongkai-index/src/tally.rs), instead of every match
   * crossing into JavaScript to be counted there. False: the TypeScript path of the FTS5 core
   * over the same matches — the reference the tests compare this one with.
   */
  countInCore = true;

  /** The columns as the core's table, copied again when they change (about 17 bytes a passage). */
  private table: { generation: string; table: Table } | null = null;

  private tableOf(cols: Columns): Table {
    if (this.table?.generation === cols.generation) return this.table.table;
    const reports = cols.maxReport + 1;
    // Ties are broken on the report's public id as JavaScript compares strings (rank.ts), and
    // the region sort is by code with unknown places last: both handed over as ranks.
    // (The strings sorted by the built-in order, which is `<`'s, then ranked through a map: a
    // comparator over the rows took about 150 ms of the first search at 100k reports.)
    const docRank = new Uint32Array(reports);
    const ids = cols.docId.filter((id): id is string => id !== undefined).sort();
    const rankOf = new Map(ids.map((id, k) => [id, k]));
    for (let r = 1; r < reports; r++) if (cols.docId[r] !== undefined) docRank[r] = rankOf.get(cols.docId[r]!)!;
    const codes = [...new Set(cols.regions.flatMap((k) => (k.code === null ? [] : [k.code])))].sort();
    const codeRank = new Map(codes.map((c, k) => [c, k]));
    const regionRank = Uint32Array.from(cols.regions, (k) => (k.code === null ? 0xffffffff : codeRank.get(k.code)!));
    const passages = cols.maxPassage + 1;
    const table = makeTable({
      report: cols.report.subarray(0, passages), ordinal: cols.ordinal.subarray(0, passages),
      section: cols.section.subarray(0, passages), themes: cols.themeBits.subarray(0, passages),
      year: cols.year.subarray(0, reports), level: cols.level.subarray(0, reports), region: cols.region.subarray(0, reports),
      docRank, regionRank,
    });
    this.table = { generation: cols.generation, table };
    return table;
  }

  protected override answer(cols: Columns, plan: SearchPlan, mask: FilterMask, ask: AnswerAsk): SearchAnswer {
    if (!this.countInCore) return super.answer(cols, plan, mask, ask);
    this.matchGeneration(cols); // what other processes committed
    const a = this.index.answer(specOf(plan), this.tableOf(cols), mask.bits, {
      sort: plan.sort, collapse: plan.collapse, offset: plan.offset, limit: plan.limit, facets: ask.facets,
      ...(ask.trend ? { trendKeys: ask.trend.keys, trendSize: ask.trend.size } : {}),
    });
    return {
      total: a.total,
      matches: { ids: a.ids, scores: a.scores, phrase: a.phrase },
      page: Array.from(a.ids, (_, i) => (plan.collapse ? { i, more: a.more[i]! } : { i })),
      ...(a.facets ? { facets: a.facets } : {}),
      ...(a.trend ? { trend: a.trend } : {}),
    };
  }

  /** The concordance's passages in order with their occurrences counted in the index; rows read only for the lines shown. */
  async keywordInContext(plan: SearchPlan, needle: Term, lines: number): Promise<KeywordInContext> {
    return this.db.transaction(() => {
      const cols = this.cols();
      const mask = filterMask(cols, plan.filters);
      this.matchGeneration(cols);
      const a = this.index.answer(specOf(plan), this.tableOf(cols), mask.bits, {
        sort: plan.sort, collapse: false, offset: plan.offset, limit: plan.limit, facets: false, occurrencesOf: needle,
      });
      const counts = a.occurrences!;
      let occurrences = 0;
      let needed = 0;
      for (let i = 0; i < counts.length; i++) {
        if (occurrences < lines) needed = i + 1;
        occurrences += counts[i]!;
      }
      const matches: Matches = { ids: a.ids.subarray(0, needed), scores: a.scores.subarray(0, needed), phrase: a.phrase.subarray(0, needed) };
      const rows = this.rowsOf(cols, matches, Array.from(matches.ids, (_, i) => ({ i })));
      return { passages: a.total, scanned: a.ids.length, occurrences, rows };
    })();
  }

  protected override findMatches(cols: Columns, plan: SearchPlan, withScores: boolean): Matches {
    const q = plan.query;
    const spec = specOf(plan);
    if (!q.groups.length && !q.exclude.length) return super.findMatches(cols, plan, withScores); // every passage, from the columns
    const found = this.index.matches(spec, withScores && q.groups.length > 0);
    // Only passages the columns know: the index may briefly lag a removal committed by another process.
    const report = cols.report;
    let n = 0;
    const ids = found.ids;
    const keep = new Uint8Array(ids.length);
    for (let i = 0; i < ids.length; i++) if (ids[i]! <= cols.maxPassage && report[ids[i]!]) { keep[i] = 1; n++; }
    const pick = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      if (n === ids.length) return a;
      const out = make(n);
      for (let i = 0, j = 0; i < ids.length; i++) if (keep[i]) out[j++] = a[i]!;
      return out;
    };
    return {
      ids: pick(ids, (k) => new Int32Array(k)),
      scores: withScores ? (found.scores.length ? pick(found.scores, (k) => new Float64Array(k)) : new Float64Array(n)) : null,
      phrase: pick(found.phrase, (k) => new Uint8Array(k)),
    };
  }

  /** SQLite's checks, and the index holding exactly SQLite's passages. */
  override integrityProblems(): string[] {
    const problems = super.integrityProblems();
    this.catchUp();
    this.index.reload();
    const passages = this.db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    if (this.index.passages() !== passages) problems.push(`the tantivy index holds ${this.index.passages()} passages, SQLite ${passages}`);
    return problems;
  }

  /** The imported file is another SQLite: a new instance, so the index is rebuilt from its texts. */
  protected override async afterImport(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS index_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, report INTEGER NOT NULL)');
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('index_instance', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(randomUUID());
    this.pending.clear();
    this.catchUp();
  }

  /** Commits what an ingest left staged, and lets the writer go. */
  override async close(): Promise<void> {
    if (!this.db.open) return; // closed already
    try {
      this.catchUp();
    } finally {
      await super.close();
    }
  }
}
