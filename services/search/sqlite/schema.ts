// The embedded index: one SQLite file. Passages are scored by FTS5 over the token
// streams the segmenter produced; the ascii tokenizer with every ASCII mark as a token
// character splits only on spaces, so tokens are stored exactly as given.
import type Database from 'better-sqlite3';

export const SCHEMA_VERSION = '1';

const TOKEN_CHARS = "!#$%&()*+,-./:;<=>?@[\\]^_`{|}~";

export function createSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS reports (
      id INTEGER PRIMARY KEY,
      doc_id TEXT NOT NULL UNIQUE,
      path TEXT NOT NULL,
      sha256 TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL, bytes INTEGER NOT NULL, encoding TEXT NOT NULL,
      url TEXT, published TEXT,
      title TEXT, issuer TEXT, year INTEGER, level TEXT NOT NULL, format TEXT NOT NULL,
      province TEXT, city TEXT, county TEXT, township TEXT, region_code TEXT,
      warnings TEXT NOT NULL, sections TEXT NOT NULL, text TEXT NOT NULL,
      demo INTEGER NOT NULL DEFAULT 0,
      ingested_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS reports_path ON reports(path);
  `);
  addReportSourceColumns(db);
  db.exec(`
    CREATE INDEX IF NOT EXISTS reports_year ON reports(year);
    -- The index's state (analytics/source.ts indexState: max(ingested_at)) read from this, not by a scan of the rows and their texts.
    CREATE INDEX IF NOT EXISTS reports_ingested ON reports(ingested_at);
    CREATE INDEX IF NOT EXISTS reports_columns ON reports(id, doc_id, year, level, demo, region_code, province, city, county, township);
    CREATE TABLE IF NOT EXISTS passages (
      id INTEGER PRIMARY KEY,
      report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      section TEXT NOT NULL,
      text TEXT NOT NULL,
      start INTEGER NOT NULL, "end" INTEGER NOT NULL,
      themes TEXT NOT NULL
    );
    -- Covering indexes: the in-memory columns (columns.ts) and the counts are read from these,
    -- never from the tables, whose rows carry the texts (a scan of those reads the whole file).
    DROP INDEX IF EXISTS passages_report;
    CREATE INDEX IF NOT EXISTS passages_columns ON passages(report_id, ordinal, section);
    CREATE TABLE IF NOT EXISTS passage_themes (
      passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
      theme TEXT NOT NULL,
      PRIMARY KEY (theme, passage_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS passage_themes_passage ON passage_themes(passage_id);
    -- A cache of the in-memory columns (columns.ts), so a new process need not rebuild them.
    CREATE TABLE IF NOT EXISTS column_snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL);
    CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5(
      words, grams,
      content = '', contentless_delete = 1,
      tokenize = 'ascii tokenchars ''${TOKEN_CHARS}''',
      detail = full
    );
  `);
}

/**
 * Indexes made before the page's address and publication date were kept lack those columns:
 * added in place (NULL for the reports already there, which re-ingesting their files fills).
 */
function addReportSourceColumns(db: Database.Database): void {
  const have = new Set((db.pragma('table_info(reports)') as Array<{ name: string }>).map((c) => c.name));
  for (const column of ['url', 'published']) {
    if (!have.has(column)) db.exec(`ALTER TABLE reports ADD COLUMN ${column} TEXT`);
  }
}
