// The embedded backend: SQLite FTS5 through better-sqlite3, one file on disk.
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { IndexedReport } from '../../core/schema.js';
import {
  IndexMismatchError, openedCounties, type IndexInfo, type PassageRow, type RawFacets, type SearchBackend,
  type SearchPlan, type StoredReport, type TrendBy, type TrendPoint, type UpsertOutcome,
} from '../backend.js';
import { Columns } from './columns.js';
import { facetsOf, tallyFacets, type FacetTallies, type Tally } from './facets.js';
import { filterMask, type FilterMask } from './filter-mask.js';
import { MatchCache } from './match-cache.js';
import { findMatches, matchKey, type Matches } from './matches.js';
import { rankPage, type Ranked } from './rank.js';
import { createSchema, SCHEMA_VERSION } from './schema.js';
import { OrderedSliceBuilder } from '../tokens/builder.js';
import { CLAUSE_ID } from '../tokens/dictionary.js';
import { compareReports, type SliceReport, type TokenSlice } from '../tokens/slice.js';
import { createTokenSchema, SqliteTokenStore } from '../tokens/sqlite-store.js';
import { tokenStream } from '../tokens/stream.js';

type Row = Record<string, unknown>;

const REPORT_COLUMNS = `r.doc_id, r.title, r.issuer, r.year, r.level, r.province, r.city, r.county, r.township,
  r.region_code, r.demo`;
const PASSAGE_COLUMNS = `p.ordinal, p.section, p.text, p.themes`;

/** A report's key in a trend (null: it has no such key and is left out). */
function trendKey(cols: Columns, by: TrendBy): (report: number) => string | null {
  if (by === 'year') return (r) => (cols.year[r] ? String(cols.year[r]) : null);
  const place = (r: number) => cols.regions[cols.region[r]!]!;
  if (by === 'province') return (r) => place(r).province;
  return (r) => { const p = place(r); return p.province !== null && p.city !== null ? `${p.province}/${p.city}` : null; };
}

function summary(row: Row): PassageRow['report'] {
  return {
    id: row.doc_id as string,
    title: row.title as string | null,
    issuer: row.issuer as string | null,
    year: row.year as number | null,
    level: row.level as PassageRow['report']['level'],
    region: {
      province: row.province as string | null, city: row.city as string | null,
      county: row.county as string | null, township: row.township as string | null,
      code: row.region_code as string | null,
    },
    demo: row.demo === 1,
  };
}

/** What a search counts besides its page: the facets, and a trend's matches by each report's key index (-1: none). */
export interface AnswerAsk { facets: boolean; trend?: { keys: Int32Array; size: number } }

/** A search's total, its page (entries into `matches`, whose other entries may be absent), and the counts asked for. */
export interface SearchAnswer { total: number; matches: Matches; page: Ranked[]; facets?: FacetTallies; trend?: Tally }

/** The inverted index under the embedded backend: FTS5 inside the SQLite file, or tantivy beside it (../tantivy/). */
export type EmbeddedCore = 'fts5' | 'tantivy';

export class SqliteBackend implements SearchBackend {
  readonly kind = 'sqlite' as const;
  /** Recorded in the index's meta: a directory is always opened with the core that built it (engine.ts). */
  get core(): EmbeddedCore { return 'fts5'; }
  protected readonly db: Database.Database;

  private readonly matchCache: MatchCache;

  constructor(readonly file: string, private readonly segmenterSignature: string, opts: { matchCacheMb?: number } = {}) {
    this.matchCache = new MatchCache(opts.matchCacheMb ?? 64);
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    createSchema(this.db);
    createTokenSchema(this.db);
    this.tokens = new SqliteTokenStore(this.db);
    this.checkSignature();
  }

  /** Token streams for corpus analysis (tokens/): tables of their own, beside FTS5. */
  private tokens: SqliteTokenStore;

  private meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  /** A new index records its segmenter; an existing one must match it exactly. */
  private checkSignature(): void {
    const found = this.meta('segmenter');
    const reports = (this.db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    if (found && found !== this.segmenterSignature && reports > 0) {
      throw new IndexMismatchError(this.file, found, this.segmenterSignature);
    }
    const set = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    set.run('segmenter', this.segmenterSignature);
    set.run('schema', SCHEMA_VERSION);
    set.run('core', this.core);
  }

  /**
   * Counting passages scans the table, and every search asks whether the index holds demo
   * data: so the answer is kept until the index changes — by this connection (writes reset
   * it) or by another process (SQLite's data_version moves).
   */
  protected infoCache: { version: number; info: IndexInfo } | undefined;

  async info(): Promise<IndexInfo> {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.infoCache?.version === version) return this.infoCache.info;
    const n = this.db.prepare(`SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM passages) AS passages,
      (SELECT count(*) FROM reports WHERE demo = 1) AS demo`).get() as { reports: number; passages: number; demo: number };
    const years = this.db.prepare('SELECT year, count(*) AS reports FROM reports WHERE year IS NOT NULL GROUP BY year ORDER BY year')
      .all() as Array<{ year: number; reports: number }>;
    const info: IndexInfo = { backend: 'sqlite', segmenter: this.segmenterSignature, reports: n.reports, passages: n.passages,
      demoReports: n.demo, years, location: this.file };
    this.infoCache = { version, info };
    return info;
  }

  async isIndexed(path: string, sha256: string): Promise<boolean> {
    return this.ws('SELECT 1 FROM reports WHERE sha256 = ? AND path = ?').get(sha256, path) !== undefined;
  }

  async upsert(doc: IndexedReport): Promise<UpsertOutcome> {
    this.infoCache = undefined;
    try {
      return this.db.transaction(() => this.write(doc)).immediate();
    } catch (err) {
      this.tokens.reset(); // terms it interned were rolled back
      throw err;
    }
  }

  /**
   * Several reports in one transaction (FTS5 writes one segment per transaction, so this
   * is much cheaper than one upsert each). Each report stays atomic: should any report fail,
   * the transaction is rolled back and the batch written again with each report inside its
   * own savepoint, so that the failed one rolls back alone, is returned as its Error, and
   * the others commit. (Not savepoints from the start: FTS5 writes its pending terms out at
   * every savepoint, which costs as much as a transaction per report.) Throws only when the
   * transaction as a whole could not commit.
   */
  async upsertMany(docs: IndexedReport[]): Promise<Array<UpsertOutcome | Error>> {
    this.infoCache = undefined;
    try {
      return this.db.transaction(() => docs.map((doc) => this.write(doc))).immediate();
    } catch {
      // Some report failed and nothing was written: again, one savepoint per report.
      this.tokens.reset();
    }
    const one = this.db.transaction((doc: IndexedReport) => this.write(doc)); // nested: a SAVEPOINT
    return this.db.transaction(() => docs.map((doc): UpsertOutcome | Error => {
      try {
        return one(doc);
      } catch (err) {
        this.tokens.reset();
        return err instanceof Error ? err : new Error(String(err));
      }
    })).immediate();
  }

  /** Prepared once per connection: the write path runs them for every report and passage. */
  private readonly writeStatements = new Map<string, Database.Statement>();

  protected ws(sql: string): Database.Statement {
    let st = this.writeStatements.get(sql);
    if (!st) this.writeStatements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** One report, inside the caller's transaction. */
  private write(doc: IndexedReport): UpsertOutcome {
    const same = this.ws('SELECT id, path FROM reports WHERE sha256 = ?').get(doc.source.sha256) as Row | undefined;
    if (same) {
      // The same content under another name is one report: remember the newest path,
      // and drop an older version of this path (the file now holds that other content).
      if (same.path !== doc.source.path) {
        const stale = this.ws('SELECT id FROM reports WHERE path = ? AND id != ?').all(doc.source.path, same.id) as Array<{ id: number }>;
        for (const o of stale) this.removeRow(o.id);
        this.ws('UPDATE reports SET path = ? WHERE id = ?').run(doc.source.path, same.id);
      }
      return 'unchanged';
    }
    const old = this.ws('SELECT id FROM reports WHERE path = ?').all(doc.source.path) as Array<{ id: number }>;
    for (const o of old) this.removeRow(o.id);
    this.insert(doc);
    return old.length ? 'replaced' : 'indexed';
  }

  private insert(doc: IndexedReport): void {
    // A region filter's prefix codes come from region_code (columns.ts): they are not stored.
    const r = this.ws(`INSERT INTO reports (doc_id, path, sha256, kind, bytes, encoding, url, published, title, issuer, year, level,
      format, province, city, county, township, region_code,
      warnings, sections, text, demo, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`).run(
      doc.id, doc.source.path, doc.source.sha256, doc.source.kind, doc.source.bytes, doc.source.encoding,
      doc.source.url ?? null, doc.source.published ?? null,
      doc.title, doc.issuer, doc.year, doc.level, doc.format, doc.region.province, doc.region.city, doc.region.county,
      doc.region.township, doc.region.code, JSON.stringify(doc.warnings), JSON.stringify(doc.sections),
      doc.text, doc.demo ? 1 : 0, new Date().toISOString());
    const reportRow = Number(r.lastInsertRowid);
    const insPassage = this.ws(`INSERT INTO passages (report_id, ordinal, section, text, start, "end", themes)
      VALUES (?,?,?,?,?,?,?)`);
    const insTheme = this.ws('INSERT OR IGNORE INTO passage_themes (passage_id, theme) VALUES (?, ?)');
    const ids: number[] = [];
    for (const p of doc.passages) {
      const pid = Number(insPassage.run(reportRow, p.ordinal, p.section, p.text, p.start, p.end, JSON.stringify(p.themes)).lastInsertRowid);
      ids.push(pid);
      for (const t of p.themes) insTheme.run(pid, t);
    }
    this.tokens.writeReport(reportRow, ids, doc.passages.map((p) => tokenStream(p.text, p.words)));
    this.indexPassages(reportRow, doc.passages, ids);
  }

  /** The report's token streams into the inverted index, inside the caller's transaction. */
  protected indexPassages(_report: number, passages: IndexedReport['passages'], ids: number[]): void {
    const insFts = this.ws('INSERT INTO passage_fts (rowid, words, grams) VALUES (?, ?, ?)');
    passages.forEach((p, k) => insFts.run(ids[k], p.words, p.grams));
  }

  /** A report's passages out of the inverted index, inside the caller's transaction, before its rows go. */
  protected unindexReport(report: number): void {
    this.ws('DELETE FROM passage_fts WHERE rowid IN (SELECT id FROM passages WHERE report_id = ?)').run(report);
  }

  private removeRow(id: number): void {
    this.unindexReport(id);
    this.ws('DELETE FROM reports WHERE id = ?').run(id);
    // Readers keep columns of every row in memory (columns.ts); a removal tells them to rebuild.
    this.ws(`INSERT INTO meta (key, value) VALUES ('removals', '1')
      ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`).run();
  }

  async remove(reportId: string): Promise<boolean> {
    this.infoCache = undefined;
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT id FROM reports WHERE doc_id = ?').get(reportId) as { id: number } | undefined;
      if (row) this.removeRow(row.id);
      return row !== undefined;
    }).immediate();
  }

  /** The in-memory columns, level with the index (see columns.ts). */
  private columns: Columns | undefined;

  protected cols(): Columns {
    this.columns = Columns.sync(this.db, this.columns);
    if (this.columns.snapshotStale && !this.snapshotPending) {
      this.snapshotPending = true;
      setImmediate(() => this.saveSnapshot());
    }
    return this.columns;
  }

  private snapshotPending = false;

  /**
   * After a batch of writes (the end of an ingest): brings the columns level with the index
   * and stores them, so that the next server starts from them instead of rebuilding them.
   */
  async afterWrites(): Promise<void> {
    this.db.transaction(() => this.cols())();
    this.saveSnapshot();
  }

  /** Outside any request; skipped, not waited for, when another process is writing. */
  private saveSnapshot(): void {
    this.snapshotPending = false;
    if (!this.db.open || !this.columns?.snapshotStale) return;
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      this.columns.saveSnapshot(this.db);
    } catch {
      // busy or read-only: the next process rebuilds the columns, which is only slower
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  /** What the match cache is keyed by besides the query: changes whenever the matches may. */
  protected matchGeneration(cols: Columns): string {
    return cols.generation;
  }

  protected findMatches(cols: Columns, plan: SearchPlan, withScores: boolean): Matches {
    return findMatches(this.db, cols, plan, withScores);
  }

  private matches(cols: Columns, plan: SearchPlan, withScores: boolean): Matches {
    const key = matchKey(plan);
    const hit = this.matchCache.get(this.matchGeneration(cols), key, withScores);
    if (hit) return hit;
    const m = this.findMatches(cols, plan, withScores);
    this.matchCache.set(key, m);
    return m;
  }

  /** The stored fields of the page's passages, in the page's order. */
  protected rowsOf(cols: Columns, m: Matches, page: Ranked[]): PassageRow[] {
    if (!page.length) return [];
    const ids = page.map((e) => m.ids[e.i]!);
    // The passages alone, their reports from the facts kept per generation: a concordance reads
    // 20,000 rows, and joining each to its report's row (and building its summary again) was
    // most of that (a CPU profile at 100k reports).
    const found = this.db.prepare(`SELECT p.id AS pid, p.report_id AS rid, ${PASSAGE_COLUMNS} FROM passages p WHERE p.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Row[];
    const facts = this.factsOf(cols, found.map((r) => r.rid as number));
    const byId = new Map(found.map((r) => [r.pid as number, r]));
    return page.map((e, k): PassageRow => {
      const row = byId.get(ids[k]!)!;
      const report = facts.get(row.rid as number)!.summary;
      return {
        reportId: report.id, ordinal: row.ordinal as number, section: row.section as PassageRow['section'],
        text: row.text as string, themes: JSON.parse(row.themes as string) as string[],
        score: m.scores ? m.scores[e.i]! : 0, phrase: m.phrase[e.i] === 1, report,
        ...(e.more !== undefined ? { moreInReport: e.more - 1 } : {}),
      };
    });
  }

  /** Report facts by row, kept while the index does not change: those of `rows` not yet known are read in one query. */
  private factsOf(cols: Columns, rows: number[]): Map<number, { summary: PassageRow['report']; slice: SliceReport }> {
    if (this.facts.generation !== cols.generation) this.facts = { generation: cols.generation, byRow: new Map() };
    const byRow = this.facts.byRow;
    const missing = [...new Set(rows.filter((r) => !byRow.has(r)))];
    if (missing.length) {
      const found = this.db.prepare(`SELECT r.id AS rid, r.format, ${REPORT_COLUMNS} FROM reports r WHERE r.id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(missing)) as Row[];
      for (const row of found) {
        const s = summary(row);
        byRow.set(row.rid as number, { summary: s, slice: { ...s, format: row.format as string } });
      }
    }
    return byRow;
  }

  async search(plan: SearchPlan, withFacets: boolean): Promise<{ total: number; rows: PassageRow[]; facets?: RawFacets }> {
    return this.db.transaction(() => {
      const cols = this.cols();
      const a = this.answer(cols, plan, filterMask(cols, plan.filters), { facets: withFacets });
      return { total: a.total, rows: this.rowsOf(cols, a.matches, a.page), ...(a.facets ? { facets: facetsOf(cols, a.facets, openedCounties(plan.filters)) } : {}) };
    })();
  }

  /**
   * A search's page, total and counts under the filters: here from the matches in id order
   * (rank.ts, facets.ts); the tantivy core answers the same inside the index.
   */
  protected answer(cols: Columns, plan: SearchPlan, mask: FilterMask, ask: AnswerAsk): SearchAnswer {
    const m = this.matches(cols, plan, plan.limit > 0);
    const { total, page } = rankPage(cols, m, mask, plan);
    const out: SearchAnswer = { total, matches: m, page };
    if (ask.facets) out.facets = tallyFacets(cols, m.ids, mask);
    if (ask.trend) {
      const { keys, size } = ask.trend;
      const t: Tally = { count: new Int32Array(size), reports: new Int32Array(size) };
      // A report's matches are consecutive: it is counted at its first match.
      let last = 0;
      for (const id of m.ids) {
        if (mask.active && mask.of(id) !== 0) continue;
        const r = cols.report[id]!;
        const k = keys[r]!;
        if (k < 0) continue;
        t.count[k]!++;
        if (r !== last) { last = r; t.reports[k]!++; }
      }
      out.trend = t;
    }
    return out;
  }

  async trend(plan: SearchPlan, by: TrendBy): Promise<TrendPoint[]> {
    return this.db.transaction(() => {
      const cols = this.cols();
      const mask = filterMask(cols, plan.filters);
      const keyOf = trendKey(cols, by);
      // Each report's key as an index, and the denominator: reports of that key under the report-level filters only.
      const names: string[] = [];
      const index = new Map<string, number>();
      const totals: number[] = [];
      const keys = new Int32Array(cols.maxReport + 1).fill(-1);
      for (let r = 1; r <= cols.maxReport; r++) {
        const key = cols.docId[r] === undefined ? null : keyOf(r);
        if (key === null) continue;
        let k = index.get(key);
        if (k === undefined) { index.set(key, (k = names.length)); names.push(key); totals.push(0); }
        keys[r] = k;
        if (mask.report(r) === 0) totals[k]!++;
      }
      const t = this.answer(cols, { ...plan, offset: 0, limit: 0 }, mask, { facets: false, trend: { keys, size: names.length } }).trend!;
      return names.flatMap((key, k) => (totals[k] || t.count[k]
        ? [{ key, totalReports: totals[k]!, reports: t.reports[k]!, passages: t.count[k]! }] : []));
    })();
  }

  async matchingPassages(plan: SearchPlan): Promise<{ total: number; rows: PassageRow[] }> {
    return this.search({ ...plan, collapse: false }, false);
  }

  private facts: { generation: string; byRow: Map<number, { summary: PassageRow['report']; slice: SliceReport }> } = { generation: '', byRow: new Map() };

  async writeGeneration(): Promise<string> {
    return this.db.transaction(() => this.cols().generation)();
  }

  /** Every report row's place in slice order (compareReports), from the columns, kept while the index does not change. */
  private sliceRank: { generation: string; rank: Uint32Array; rows: Uint32Array } = { generation: '', rank: new Uint32Array(0), rows: new Uint32Array(0) };

  private sliceRanks(cols: Columns): { rank: Uint32Array; rows: Uint32Array } {
    if (this.sliceRank.generation === cols.generation) return this.sliceRank;
    const year = cols.year;
    const key = (r: number) => ({ id: cols.docId[r]!, year: year[r] || null });
    const rows: number[] = [];
    for (let r = 1; r <= cols.maxReport; r++) if (cols.docId[r] !== undefined) rows.push(r);
    const keys = rows.map(key);
    const order = rows.map((_, k) => k).sort((x, y) => compareReports(keys[x]!, keys[y]!));
    const rank = new Uint32Array(cols.maxReport + 1);
    const byRank = new Uint32Array(order.length);
    order.forEach((k, place) => { rank[rows[k]!] = place; byRank[place] = rows[k]!; });
    this.sliceRank = { generation: cols.generation, rank, rows: byRank };
    return this.sliceRank;
  }

  /** The passages a plan selects, as a bitmap over passage ids, and their reports' rows. */
  private sliceRows(cols: Columns, plan: SearchPlan): { want: Uint8Array; rows: number[] } {
    const m = this.matches(cols, plan, false);
    const mask = filterMask(cols, plan.filters);
    const want = new Uint8Array(cols.maxPassage + 1);
    const seen = new Uint8Array(cols.maxReport + 1);
    const rows: number[] = [];
    for (let i = 0; i < m.ids.length; i++) {
      const id = m.ids[i]!;
      if (mask.active && mask.of(id) !== 0) continue;
      want[id] = 1;
      const r = cols.report[id]!;
      if (!seen[r]) { seen[r] = 1; rows.push(r); }
    }
    return { want, rows };
  }

  async termFrequencies(plan: SearchPlan): Promise<{ terms: string[]; freq: Uint32Array; total: number }> {
    return this.db.transaction(() => {
      const cols = this.cols();
      const { want, rows } = this.sliceRows(cols, plan);
      const terms = this.tokens.terms();
      const freq = new Uint32Array(terms.length);
      let total = 0;
      // Streams are decoded into one reused buffer and counted whenever it fills: a whole
      // corpus's slice (120 M tokens at 100k reports) would otherwise be laid out at 4 bytes a token.
      let tokens = new Uint32Array(1 << 20);
      let end = 0;
      const count = () => {
        for (let i = 0; i < end; i++) { const t = tokens[i]!; if (t > CLAUSE_ID) { freq[t]!++; total++; } }
        end = 0;
      };
      this.tokens.read(rows, want, {
        get tokens() { return tokens; },
        open: (_pid, len) => {
          if (end + len > tokens.length) { count(); if (len > tokens.length) tokens = new Uint32Array(len); }
          const at = end;
          end += len;
          return at;
        },
      }, cols.generation);
      count();
      return { terms, freq, total };
    })();
  }

  async tokenSlice(plan: SearchPlan): Promise<TokenSlice> {
    return this.db.transaction(() => {
      const cols = this.cols();
      const { want, rows } = this.sliceRows(cols, plan);
      const facts = this.factsOf(cols, rows);
      // Reports in slice order, so their streams are decoded straight into place. A report's
      // passages are stored in ordinal order (consecutive ids), so they need no sort.
      const { rank, rows: byRank } = this.sliceRanks(cols);
      const ordered = Uint32Array.from(rows.filter((r) => facts.has(r)), (r) => rank[r]!).sort().map((k) => byRank[k]!);
      const builder = new OrderedSliceBuilder(this.tokens.terms());
      const sections = Columns.SECTIONS;
      let current = -1;
      this.tokens.read(ordered, want, {
        get tokens() { return builder.tokens; },
        reserve: (tokens, passages) => builder.reserve(tokens, passages),
        open: (pid, len) => {
          const r = cols.report[pid]!;
          if (r !== current) { builder.addReport(facts.get(r)!.slice); current = r; }
          return builder.open(cols.ordinal[pid]!, sections[cols.section[pid]!]!, len);
        },
      }, cols.generation);
      return builder.build();
    })();
  }

  async report(id: string): Promise<StoredReport | null> {
    const row = this.db.prepare(`SELECT r.*, ${REPORT_COLUMNS} FROM reports r WHERE r.doc_id = ?`).get(id) as Row | undefined;
    if (!row) return null;
    const passages = this.db.prepare('SELECT ordinal, section, text, start, "end", themes FROM passages WHERE report_id = ? ORDER BY ordinal')
      .all(row.id) as Row[];
    return {
      ...summary(row),
      format: row.format as StoredReport['format'],
      warnings: JSON.parse(row.warnings as string) as string[],
      sections: JSON.parse(row.sections as string) as StoredReport['sections'],
      text: row.text as string,
      source: { path: row.path as string, kind: row.kind as StoredReport['source']['kind'], bytes: row.bytes as number,
        sha256: row.sha256 as string, encoding: row.encoding as string,
        ...(row.url ? { url: row.url as string } : {}), ...(row.published ? { published: row.published as string } : {}) },
      passages: passages.map((p) => ({
        id: `p${p.ordinal as number}`, section: p.section as StoredReport['passages'][number]['section'],
        ordinal: p.ordinal as number, text: p.text as string, start: p.start as number, end: p.end as number,
        themes: JSON.parse(p.themes as string) as string[],
      })),
    };
  }

  /** Problems found by SQLite's quick check and FTS5's integrity check; empty when the index is sound. */
  integrityProblems(): string[] {
    const problems = (this.db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((r) => r !== 'ok');
    try {
      this.db.prepare("INSERT INTO passage_fts(passage_fts) VALUES('integrity-check')").run();
    } catch (err) {
      problems.push(`full-text index: ${err instanceof Error ? err.message : String(err)}`);
    }
    const orphans = this.db.prepare('SELECT count(*) AS n FROM passages WHERE report_id NOT IN (SELECT id FROM reports)').get() as { n: number };
    if (orphans.n) problems.push(`${orphans.n} passages without their report`);
    return problems;
  }

  /** A consistent copy of the whole index in `dest`, taken online: searches and ingests may go on meanwhile. */
  async exportTo(dest: string): Promise<void> {
    if (this.sameFile(dest)) throw new Error('the backup file must not be the index itself');
    mkdirSync(dirname(resolve(dest)), { recursive: true });
    await this.db.backup(dest);
  }

  /**
   * Replaces the whole index with the backup in `src`, atomically: other readers see the
   * old index or the new one, never a mix. The backup must be sound and built with the
   * same segmenter; otherwise nothing changes.
   */
  async importFrom(src: string): Promise<void> {
    if (this.sameFile(src)) throw new Error('the backup file is the index itself');
    let source: Database.Database;
    try {
      source = new Database(src, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new Error(`cannot open the backup ${src}: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      let found: string | undefined;
      let core: string | undefined;
      try {
        found = (source.prepare("SELECT value FROM meta WHERE key = 'segmenter'").get() as { value: string } | undefined)?.value;
        core = (source.prepare("SELECT value FROM meta WHERE key = 'core'").get() as { value: string } | undefined)?.value;
        source.prepare('SELECT count(*) FROM reports JOIN passages ON passages.report_id = reports.id LIMIT 1').get();
      } catch {
        throw new Error(`${src} is not a Gongkai index backup`);
      }
      if (found !== this.segmenterSignature) throw new IndexMismatchError(src, found ?? '(none)', this.segmenterSignature);
      // A tantivy-core backup carries no FTS5 index (the tantivy core rebuilds its own from the texts).
      if (this.core === 'fts5' && core === 'tantivy') {
        throw new Error(`the backup ${src} was made by the tantivy core: open it with GONGKAI_EMBEDDED_CORE=tantivy`);
      }
      const check = (source.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (check.length) throw new Error(`the backup ${src} is damaged: ${check.slice(0, 3).join('; ')}`);
      await source.backup(this.file);
    } finally {
      source.close();
    }
    this.infoCache = undefined;
    this.columns = undefined;
    createSchema(this.db);
    createTokenSchema(this.db);
    this.tokens.reset();
    this.checkSignature();
    await this.afterImport();
  }

  /** After importFrom replaced the SQLite file: whatever the core must rebuild. */
  protected async afterImport(): Promise<void> {}

  private sameFile(other: string): boolean {
    const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
    return real(other) === real(this.file);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
