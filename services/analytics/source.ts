// What the analytics read from an engine: its reports, the passages of some section types,
// and a token of the index's state (a cache made under one state is stale under another).
//
// The search backends do not yet offer enumeration, so: with the SQLite backend the index
// file is read through a separate read-only connection (plain SELECTs over reports and
// passages, streamed); with any other backend, through the public search interface
// (empty query, paged). When SearchBackend gains listReports() / streamPassages(), these
// three functions are the only place to change.
import Database from 'better-sqlite3';
import type { SectionType } from '../core/schema.js';
import type { SearchBackend } from '../search/backend.js';
import { planOf, type Engine } from '../search/engine.js';
import { SqliteBackend } from '../search/sqlite/backend.js';
import { Filters, type ReportSummary } from '../search/types.js';

export interface ReportRef {
  id: string;
  /** The content hash when the backend gives it cheaply (a report's cache key), else null. */
  sha256: string | null;
}

export interface PassageRecord {
  report: ReportSummary;
  ordinal: number;
  section: SectionType;
  text: string;
}

/** Rows fetched a page at a time through the search interface. */
const PAGE = 5000;

function sqliteFileOf(backend: SearchBackend): string | null {
  return backend instanceof SqliteBackend ? backend.file : null;
}

function readOnly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Changes whenever a report is added, replaced or removed. */
export async function indexState(engine: Engine): Promise<string> {
  const file = sqliteFileOf(engine.backend);
  if (file) {
    return readOnly(file, (db) => {
      const r = db.prepare(`SELECT count(*) AS n, coalesce(max(id), 0) AS m, coalesce(max(ingested_at), '') AS t,
        (SELECT coalesce(max(id), 0) FROM passages) AS p FROM reports`).get() as { n: number; m: number; t: string; p: number };
      return `sqlite:${r.n}:${r.m}:${r.p}:${r.t}`;
    });
  }
  const info = await engine.backend.info();
  return `${info.backend}:${info.reports}:${info.passages}`;
}

export async function listReports(engine: Engine): Promise<ReportRef[]> {
  const file = sqliteFileOf(engine.backend);
  if (file) {
    return readOnly(file, (db) => db.prepare('SELECT doc_id AS id, sha256 FROM reports ORDER BY id').all() as ReportRef[]);
  }
  const out: ReportRef[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { plan } = planOf(engine, '', Filters.parse({}), { collapse: true, offset, limit: PAGE });
    const { rows } = await engine.backend.search(plan, false);
    out.push(...rows.map((r) => ({ id: r.reportId, sha256: null })));
    if (rows.length < PAGE) return out;
  }
}

type Row = Record<string, unknown>;

/** Every report's summary (title, issuer, year, level, region), in index order. */
export async function listSummaries(engine: Engine): Promise<ReportSummary[]> {
  const file = sqliteFileOf(engine.backend);
  if (file) {
    return readOnly(file, (db) => (db.prepare(`SELECT doc_id, title, issuer, year, level, province, city, county, township, region_code, demo
      FROM reports ORDER BY id`).all() as Row[]).map(summaryOf));
  }
  const out: ReportSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { plan } = planOf(engine, '', Filters.parse({}), { collapse: true, offset, limit: PAGE });
    const { rows } = await engine.backend.search(plan, false);
    out.push(...rows.map((r) => r.report));
    if (rows.length < PAGE) return out;
  }
}

const summaryOf = (row: Row): ReportSummary => ({
  id: row.doc_id as string, title: row.title as string | null, issuer: row.issuer as string | null,
  year: row.year as number | null, level: row.level as ReportSummary['level'], demo: row.demo === 1,
  region: {
    province: row.province as string | null, city: row.city as string | null, county: row.county as string | null,
    township: row.township as string | null, code: row.region_code as string | null,
  },
});

/** Calls fn for every passage of the given section types, report by report in index order. */
export async function eachPassage(engine: Engine, sections: readonly SectionType[], fn: (p: PassageRecord) => void): Promise<void> {
  const file = sqliteFileOf(engine.backend);
  if (file) {
    readOnly(file, (db) => {
      const rows = db.prepare(`SELECT r.doc_id, r.title, r.issuer, r.year, r.level, r.province, r.city, r.county, r.township,
          r.region_code, r.demo, p.ordinal, p.section, p.text
        FROM passages p JOIN reports r ON r.id = p.report_id
        WHERE p.section IN (${sections.map(() => '?').join(',')}) ORDER BY p.report_id, p.ordinal`).iterate(...sections) as IterableIterator<Row>;
      for (const row of rows) {
        fn({
          report: {
            id: row.doc_id as string, title: row.title as string | null, issuer: row.issuer as string | null,
            year: row.year as number | null, level: row.level as ReportSummary['level'], demo: row.demo === 1,
            region: {
              province: row.province as string | null, city: row.city as string | null, county: row.county as string | null,
              township: row.township as string | null, code: row.region_code as string | null,
            },
          },
          ordinal: row.ordinal as number, section: row.section as SectionType, text: row.text as string,
        });
      }
    });
    return;
  }
  for (let offset = 0; ; offset += PAGE) {
    const { plan } = planOf(engine, '', Filters.parse({ sections: [...sections] }), { offset, limit: PAGE });
    const { rows } = await engine.backend.search(plan, false);
    for (const r of rows) fn({ report: r.report, ordinal: r.ordinal, section: r.section, text: r.text });
    if (rows.length < PAGE) return;
  }
}
