// The embedded index's token streams: one row per report holding its passages' term ids
// (LEB128 varints), and the term dictionary. Tables of their own, written with the report at
// ingest and read by report after the search core chose the passages: nothing here depends
// on how passages are matched (FTS5 or another core). One row per report, not per passage: a
// row read through SQLite costs about as much as decoding a thousand ids, and slices are
// read whole reports at a time.
//
// Row layout: first passage id, passage count, each passage's token count, then the tokens.
import type Database from 'better-sqlite3';
import { TermDictionary } from './dictionary.js';
import { decodeIdsInto, encodeIds, skipIds } from './varint.js';

export function createTokenSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS token_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE);
    CREATE TABLE IF NOT EXISTS report_tokens (
      report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
      ids BLOB NOT NULL
    );
  `);
}

export class SqliteTokenStore {
  private dict = new TermDictionary();
  private loaded = 0;
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * Rows read so far, kept while the index does not change (`generation`): about 1.6 bytes a
   * token, so 10k generated reports' streams take about 8 MB, 100k about 85 MB — the price of
   * reading a slice again without SQLite. Each with where its passages start: a node's slice
   * wants one passage in twenty, and skipping the others byte by byte was most of reading it.
   */
  private readonly rows = new Map<number, StoredRow>();
  private cachedGeneration = '';

  constructor(private readonly db: Database.Database) {}

  private st(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** Terms other connections added since the last look (ingest may run in another process). */
  private catchUp(): void {
    const rows = this.st('SELECT id, term FROM token_terms WHERE id >= ? ORDER BY id').raw().all(Math.max(this.loaded, 2)) as Array<[number, string]>;
    for (const [id, term] of rows) this.dict.load(id, term);
    this.loaded = Math.max(this.loaded, this.dict.size);
  }

  /** A report's passages (their ids ascending, consecutive) and streams, inside the caller's write transaction. */
  writeReport(reportRow: number, passageIds: number[], streams: string[]): void {
    // Rows of one report are inserted together, so their ids follow one another: the layout relies on it.
    if (passageIds.some((id, k) => id !== passageIds[0]! + k)) throw new Error(`passages of report row ${reportRow} are not consecutive`);
    this.catchUp();
    const ins = this.st('INSERT INTO token_terms (id, term) VALUES (?, ?)');
    const parts = streams.map((s) => (s ? s.split(' ') : []));
    const total = parts.reduce((n, p) => n + p.length, 0);
    const ids = new Uint32Array(2 + parts.length + total);
    ids[0] = passageIds[0] ?? 0;
    ids[1] = parts.length;
    let at = 2 + parts.length;
    parts.forEach((p, k) => {
      ids[2 + k] = p.length;
      for (const t of p) ids[at++] = this.dict.intern(t, (id, term) => { ins.run(id, term); });
    });
    this.loaded = this.dict.size;
    this.st('INSERT OR REPLACE INTO report_tokens (report_id, ids) VALUES (?, ?)').run(reportRow, encodeIds(ids));
  }

  /** A rolled-back write may have interned terms that were never stored: forget them. */
  reset(): void {
    this.dict = new TermDictionary();
    this.loaded = 0;
  }

  terms(): string[] {
    this.catchUp();
    return this.dict.terms;
  }

  /**
   * The streams of the wanted passages (`want[passageId]` set) of the given report rows, in
   * the rows' order: each wanted passage is opened on `into` (passageId, token count), which
   * says where in its `tokens` the ids go. Dense sets of reports are read from SQLite by one
   * range scan, sparse ones by key; rows read stay cached while the index does not change.
   */
  read(reportRows: ArrayLike<number>, want: Uint8Array, into: StreamSink, generation: string): void {
    if (!reportRows.length) return;
    if (generation !== this.cachedGeneration) { this.rows.clear(); this.cachedGeneration = generation; }
    const missing: number[] = [];
    for (let i = 0; i < reportRows.length; i++) if (!this.rows.has(reportRows[i]!)) missing.push(reportRows[i]!);
    if (missing.length) {
      missing.sort((a, b) => a - b);
      const mlo = missing[0]!;
      const mhi = missing[missing.length - 1]!;
      if (missing.length * 4 >= mhi - mlo + 1) {
        const rows = this.st('SELECT report_id, ids FROM report_tokens WHERE report_id BETWEEN ? AND ?').raw().iterate(mlo, mhi) as Iterable<[number, Buffer]>;
        for (const [r, blob] of rows) this.rows.set(r, storedRow(blob));
      } else {
        const one = this.st('SELECT ids FROM report_tokens WHERE report_id = ?').pluck();
        for (const r of missing) {
          const blob = one.get(r) as Buffer | undefined;
          if (blob) this.rows.set(r, storedRow(blob));
        }
      }
    }
    const found: StoredRow[] = [];
    let tokens = 0;
    let passages = 0;
    for (let i = 0; i < reportRows.length; i++) {
      const row = this.rows.get(reportRows[i]!);
      if (!row) continue;
      found.push(row);
      for (let k = 0; k < row.lens.length; k++) if (want[row.first + k]) { tokens += row.lens[k]!; passages++; }
    }
    into.reserve?.(tokens, passages);
    for (const row of found) decodeWanted(row, want, into);
  }
}

/** Where a slice's streams are decoded to (tokens/builder.ts). */
export interface StreamSink {
  readonly tokens: Uint32Array;
  /** Room for a passage's `len` ids: the offset in `tokens` (which may be a new array) to write them at. */
  open(passageId: number, len: number): number;
  /** Told before the first passage how many tokens and passages will come: room made once, not by doubling. */
  reserve?(tokens: number, passages: number): void;
}

/** A report's row as read, with its first passage id and, per passage, its token count and where its tokens start. */
interface StoredRow { blob: Buffer; first: number; lens: Uint32Array; starts: Uint32Array }

function storedRow(blob: Buffer): StoredRow {
  const head = new Uint32Array(2);
  let pos = decodeIdsInto(blob, 0, 2, head, 0);
  const [first, n] = head as unknown as [number, number];
  const lens = new Uint32Array(n);
  pos = decodeIdsInto(blob, pos, n, lens, 0);
  const starts = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    starts[k] = pos;
    pos = skipIds(blob, pos, lens[k]!);
  }
  return { blob, first, lens, starts };
}

/** Decodes one report row's wanted passages into `into`, jumping over the others. */
function decodeWanted(row: StoredRow, want: Uint8Array, into: StreamSink): void {
  const { blob, first, lens, starts } = row;
  for (let k = 0; k < lens.length; k++) {
    if (!want[first + k]) continue;
    const at = into.open(first + k, lens[k]!);
    decodeIdsInto(blob, starts[k]!, lens[k]!, into.tokens, at);
  }
}
