// Which inverted index (FTS5 or tantivy) built the embedded index in a file: a data directory
// is always reopened with its own core, whatever the configuration says for new ones.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { EmbeddedCore } from './backend.js';

/** The core recorded in the file; null when there is no file or it holds no report yet (any core may start it). */
export function recordedCore(file: string): EmbeddedCore | null {
  if (!existsSync(file)) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const reports = db.prepare('SELECT count(*) FROM (SELECT 1 FROM reports LIMIT 1)').pluck().get() as number;
    if (!reports) return null;
    const core = db.prepare("SELECT value FROM meta WHERE key = 'core'").pluck().get() as string | undefined;
    // Indexes from before the tantivy core have no such key: they are FTS5's.
    return core === 'tantivy' ? 'tantivy' : 'fts5';
  } catch {
    return null; // no schema yet, or not readable: the backend's own open says what is wrong
  } finally {
    db?.close();
  }
}
