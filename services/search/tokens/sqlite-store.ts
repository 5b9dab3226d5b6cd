// The embedded index's token streams: one row per passage with its term ids (varints), and
// the term dictionary. Tables of their own, written next to the passage at ingest and read
// by passage id: nothing here depends on how passages are matched (FTS5 or another core).
import type Database from 'better-sqlite3';
import { TermDictionary } from './dictionary.js';
import { decodeIdsInto, encodeIds } from './varint.js';

export function createTokenSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS token_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE);
    CREATE TABLE IF NOT EXISTS passage_tokens (
      passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
      ids BLOB NOT NULL
    );
  `);
}

export class SqliteTokenStore {
  private dict = new TermDictionary();
  private loaded = 0;

  constructor(private readonly db: Database.Database) {}

  private readonly statements = new Map<string, Database.Statement>();
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

  /** Inside the caller's write transaction. */
  write(passageId: number, stream: string): void {
    this.catchUp();
    const ins = this.st('INSERT INTO token_terms (id, term) VALUES (?, ?)');
    const parts = stream ? stream.split(' ') : [];
    const ids = new Uint32Array(parts.length);
    for (let i = 0; i < parts.length; i++) ids[i] = this.dict.intern(parts[i]!, (id, term) => { ins.run(id, term); });
    this.loaded = this.dict.size;
    this.st('INSERT OR REPLACE INTO passage_tokens (passage_id, ids) VALUES (?, ?)').run(passageId, encodeIds(ids));
  }

  /** A rolled-back write may have interned terms that were never stored: forget them. */
  reset(): void {
    this.statements.clear();
    this.dict = new TermDictionary();
    this.loaded = 0;
  }

  terms(): string[] {
    this.catchUp();
    return this.dict.terms;
  }

  /**
   * The ids of the given passages (ascending ids), each handed to `each`. Dense sets are read
   * by one range scan, sparse ones by key: a scan over rows not wanted costs more than a
   * look-up once fewer than about one row in eight is wanted.
   */
  read(ids: ArrayLike<number>, each: (passageId: number, tokens: Uint32Array) => void): void {
    if (!ids.length) return;
    const lo = ids[0]!;
    const hi = ids[ids.length - 1]!;
    const decode = (blob: Buffer) => {
      const out = new Uint32Array(blob.length);
      const n = decodeIdsInto(blob, out, 0);
      return out.subarray(0, n);
    };
    if (ids.length * 8 >= hi - lo + 1) {
      const want = new Uint8Array(hi - lo + 1);
      for (let i = 0; i < ids.length; i++) want[ids[i]! - lo] = 1;
      const rows = this.st('SELECT passage_id, ids FROM passage_tokens WHERE passage_id BETWEEN ? AND ?').raw().iterate(lo, hi) as Iterable<[number, Buffer]>;
      for (const [id, blob] of rows) if (want[id - lo]) each(id, decode(blob));
    } else {
      const one = this.st('SELECT ids FROM passage_tokens WHERE passage_id = ?').pluck();
      for (let i = 0; i < ids.length; i++) {
        const blob = one.get(ids[i]!) as Buffer | undefined;
        if (blob) each(ids[i]!, decode(blob));
      }
    }
  }
}
