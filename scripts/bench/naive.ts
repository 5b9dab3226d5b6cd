// The naive alternatives a user might try on the same passages, in SQLite:
//   like      — SELECT … WHERE text LIKE '%q%' (a full scan; its answer is the truth)
//   unicode61 — FTS5 on the raw text with the default tokenizer (a run of Han characters is one token)
//   trigram   — FTS5 on the raw text with the trigram tokenizer (substrings of 3+ characters)
// Each answers "total + the first 20 passages" (FTS5 ones ranked by bm25), as Gongkai's search
// does; recall is measured against the passages that really contain every query string.
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseQuery } from '../../services/search/query/parse.js';
import { matchExpr } from '../../services/search/sqlite/match.js';
import { search } from '../../services/search/methods/search.js';
import type { Engine } from '../../services/search/engine.js';
import { load1, percentiles, spread, type Percentiles, type Spread } from './stats.js';

/** Substring queries (all terms required). 抖音 is two characters: too short for a trigram index. */
export const NAIVE_QUERIES: string[][] = [['微信公众号'], ['政府开放日'], ['信息公开'], ['互动回复'], ['兼职为主'], ['抖音'], ['政策解读', '培训']];

type Method = 'gongkai' | 'like' | 'unicode61' | 'trigram';
export interface NaiveQuery {
  q: string; truth: number;
  methods: Record<Method, { latency: Percentiles; found: number; recall: number }>;
  /** Latency of the method ÷ Gongkai's, medians of the same run. */
  slowerThanGongkai: Record<Exclude<Method, 'gongkai'>, number>;
}
export interface NaiveResult {
  reports: number; passages: number;
  build: Record<'raw' | 'unicode61' | 'trigram', { ms: number; bytes: number }>;
  gongkaiIndexBytes: number;
  queries: NaiveQuery[];
  /** Over the queries: LIKE median ÷ Gongkai median. */
  likeOverGongkai: Spread;
  load: [number, number];
}

const ftsPhrase = (terms: string[]) => terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');

function tableBytes(db: Database.Database, prefix: string): number {
  try {
    return (db.prepare(`SELECT coalesce(sum(pgsize), 0) AS b FROM dbstat WHERE name = ? OR name LIKE ?`).get(prefix, `${prefix}\\_%`) as { b: number }).b;
  } catch {
    return NaN;
  }
}

/** Builds (or reuses) the naive database next to the Gongkai index it copies its passages from. */
export function buildNaive(gongkaiFile: string, naiveFile: string, log: (s: string) => void): { db: Database.Database; build: NaiveResult['build'] } {
  const reuse = existsSync(naiveFile);
  const db = new Database(naiveFile);
  db.pragma('journal_mode = WAL');
  const build = { raw: { ms: 0, bytes: 0 }, unicode61: { ms: 0, bytes: 0 }, trigram: { ms: 0, bytes: 0 } };
  const step = (name: keyof typeof build, sql: string) => {
    const t0 = performance.now();
    db.exec(sql);
    build[name].ms = performance.now() - t0;
  };
  const built = reuse && (db.prepare("SELECT value FROM bench WHERE key = 'build'").pluck().get() as string | undefined);
  if (built) {
    Object.assign(build, JSON.parse(built) as typeof build);
  } else {
    if (reuse) { db.close(); rmSync(naiveFile, { force: true }); return buildNaive(gongkaiFile, naiveFile, log); }
    log('    building the naive tables (LIKE, unicode61, trigram) …');
    db.prepare('ATTACH DATABASE ? AS g').run(gongkaiFile);
    step('raw', 'CREATE TABLE raw (id INTEGER PRIMARY KEY, text TEXT NOT NULL); INSERT INTO raw SELECT id, text FROM g.passages;');
    db.exec('DETACH DATABASE g');
    step('unicode61', `CREATE VIRTUAL TABLE raw_unicode61 USING fts5(text, content='raw', content_rowid='id', tokenize='unicode61');
      INSERT INTO raw_unicode61(raw_unicode61) VALUES('rebuild');`);
    step('trigram', `CREATE VIRTUAL TABLE raw_trigram USING fts5(text, content='raw', content_rowid='id', tokenize='trigram');
      INSERT INTO raw_trigram(raw_trigram) VALUES('rebuild');`);
    build.raw.bytes = tableBytes(db, 'raw');
    build.unicode61.bytes = tableBytes(db, 'raw_unicode61');
    build.trigram.bytes = tableBytes(db, 'raw_trigram');
    db.exec('CREATE TABLE bench (key TEXT PRIMARY KEY, value TEXT)');
    db.prepare("INSERT INTO bench VALUES ('build', ?)").run(JSON.stringify(build));
  }
  return { db, build };
}

export async function benchNaive(engine: Engine, gongkaiFile: string, naiveFile: string, reports: number, repeats: number, budgetMs: number,
  log: (s: string) => void): Promise<NaiveResult> {
  const l0 = load1();
  const { db, build } = buildNaive(gongkaiFile, naiveFile, log);
  const gk = new Database(gongkaiFile, { readonly: true });
  try {
    const passages = (db.prepare('SELECT count(*) FROM raw').pluck().get() as number);
    const queries: NaiveQuery[] = [];
    for (const terms of NAIVE_QUERIES) {
      const q = terms.join(' ');
      const likeWhere = terms.map(() => 'text LIKE ?').join(' AND ');
      const likeArgs = terms.map((t) => `%${t}%`);
      const truthIds = new Set(db.prepare(`SELECT id FROM raw WHERE ${terms.map(() => 'instr(text, ?) > 0').join(' AND ')}`).pluck().all(...terms) as number[]);
      const setOf = (ids: number[]) => new Set(ids);
      const plan = matchExpr(parseQuery(q, engine.segmenter));
      const ids: Record<Method, () => Set<number>> = {
        gongkai: () => setOf(gk.prepare('SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?').pluck().all(plan) as number[]),
        like: () => setOf(db.prepare(`SELECT id FROM raw WHERE ${likeWhere}`).pluck().all(...likeArgs) as number[]),
        unicode61: () => setOf(db.prepare('SELECT rowid FROM raw_unicode61 WHERE raw_unicode61 MATCH ?').pluck().all(ftsPhrase(terms)) as number[]),
        trigram: () => setOf(db.prepare('SELECT rowid FROM raw_trigram WHERE raw_trigram MATCH ?').pluck().all(ftsPhrase(terms)) as number[]),
      };
      // What a user waits for: the total and the first page of 20.
      const answer: Record<Method, () => Promise<unknown>> = {
        gongkai: () => search(engine, { q, size: 20 }),
        like: async () => [db.prepare(`SELECT count(*) FROM raw WHERE ${likeWhere}`).get(...likeArgs),
          db.prepare(`SELECT id, text FROM raw WHERE ${likeWhere} LIMIT 20`).all(...likeArgs)],
        unicode61: async () => [db.prepare('SELECT count(*) FROM raw_unicode61 WHERE raw_unicode61 MATCH ?').get(ftsPhrase(terms)),
          db.prepare('SELECT rowid, text FROM raw_unicode61 WHERE raw_unicode61 MATCH ? ORDER BY rank LIMIT 20').all(ftsPhrase(terms))],
        trigram: async () => [db.prepare('SELECT count(*) FROM raw_trigram WHERE raw_trigram MATCH ?').get(ftsPhrase(terms)),
          db.prepare('SELECT rowid, text FROM raw_trigram WHERE raw_trigram MATCH ? ORDER BY rank LIMIT 20').all(ftsPhrase(terms))],
      };
      const methods = {} as NaiveQuery['methods'];
      for (const m of ['gongkai', 'like', 'unicode61', 'trigram'] as const) {
        const found = ids[m]();
        let hit = 0;
        for (const id of found) if (truthIds.has(id)) hit++;
        await answer[m](); // warm-up
        const samples: number[] = [];
        const started = performance.now();
        while (samples.length < repeats && (samples.length < 3 || performance.now() - started < budgetMs)) {
          const t0 = performance.now();
          await answer[m]();
          samples.push(performance.now() - t0);
        }
        methods[m] = { latency: percentiles(samples), found: found.size, recall: truthIds.size ? hit / truthIds.size : 1 };
      }
      const g = methods.gongkai.latency.p50;
      const slowerThanGongkai = { like: methods.like.latency.p50 / g, unicode61: methods.unicode61.latency.p50 / g, trigram: methods.trigram.latency.p50 / g };
      queries.push({ q, truth: truthIds.size, methods, slowerThanGongkai });
      log(`    naive ${reports} ${q.padEnd(8)} truth ${String(truthIds.size).padStart(7)} | ` + (['gongkai', 'like', 'unicode61', 'trigram'] as const)
        .map((m) => `${m} ${methods[m].latency.p50.toFixed(1)} ms r=${methods[m].recall.toFixed(3)}`).join(' | '));
    }
    const gongkaiIndexBytes = ['', '-wal'].map((x) => gongkaiFile + x).filter((f) => existsSync(f)).reduce((a, f) => a + statSync(f).size, 0);
    return { reports, passages, build, gongkaiIndexBytes, queries, likeOverGongkai: spread(queries.map((x) => x.slowerThanGongkai.like)), load: [l0, load1()] };
  } finally {
    gk.close();
    db.close();
  }
}

export const naiveFileFor = (indexDir: string) => join(indexDir, '..', `${indexDir.split('/').pop()}-naive.sqlite`);
