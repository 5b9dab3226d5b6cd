// Durability of the embedded index: an ingest killed at random moments and run again
// ends with every report exactly once; a changed file replaces its old version; a removed
// report leaves nothing behind; a backup restores the same answers.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { loadConfig, sqliteFile } from '../../services/config.js';
import { generateCorpus } from '../../services/corpus-gen/index.js';
import { ingest } from '../../services/ingest/ingest.js';
import { ROOT } from '../../services/paths.js';
import { openEngine, type Engine } from '../../services/search/engine.js';
import { search } from '../../services/search/methods/search.js';
import { SqliteBackend } from '../../services/search/sqlite/backend.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';
import { reportText } from './support.js';

const CLI = join(ROOT, 'bin', 'gongkai.js');
const REPORTS = 300;
const KILLS = 4;

/** mulberry32: a small seeded generator, so that the kill moments are the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sqlite = (e: Engine) => { assert.ok(e.backend instanceof SqliteBackend); return e.backend; };

function countReports(file: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  } catch {
    return 0; // the schema is not there yet
  } finally {
    db.close();
  }
}

/** Runs `gongkai ingest`; with `killAt`, SIGKILLs it once the index holds that many reports (plus a random delay). */
function runIngest(dir: string, dataDir: string, killAt?: { reports: number; delayMs: number }): Promise<{ killed: boolean; code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'ingest', dir, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { out += c; });
    let killed = false;
    let poll: NodeJS.Timeout | undefined;
    if (killAt) {
      poll = setInterval(() => {
        if (countReports(join(dataDir, 'gongkai.sqlite')) >= killAt.reports) {
          clearInterval(poll);
          setTimeout(() => { killed = child.kill('SIGKILL'); }, killAt.delayMs);
        }
      }, 10);
    }
    child.on('exit', (code) => { clearInterval(poll); resolve({ killed: killed && code === null, code, out }); });
  });
}

describe('an ingest killed at random moments, then run to completion', () => {
  let corpus: string;
  let killedDir: string;
  let clean: Awaited<ReturnType<typeof tempEngine>>;
  before(async () => {
    corpus = mkdtempSync(join(tmpdir(), 'gongkai-kill-corpus-'));
    killedDir = mkdtempSync(join(tmpdir(), 'gongkai-kill-index-'));
    generateCorpus({ count: REPORTS, seed: 90_210, out: corpus });
    clean = await tempEngine();
    const summary = await ingest(clean.engine, [corpus]);
    assert.equal(summary.indexed, REPORTS);
  });
  after(async () => {
    await clean.dispose();
    rmSync(corpus, { recursive: true, force: true });
    rmSync(killedDir, { recursive: true, force: true });
  });

  it('holds every report exactly once, the same passages as a clean ingest, and a sound full-text index', async (ctx) => {
    const random = rng(20_260_513);
    const file = join(killedDir, 'gongkai.sqlite');
    const counts: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const have = countReports(file);
      // A target between what is there and the end, then up to 300 ms more: inside a transaction or between two.
      const target = have + 1 + Math.floor(random() * Math.max(1, (REPORTS - have) * 0.6));
      const run = await runIngest(corpus, killedDir, { reports: target, delayMs: Math.floor(random() * 300) });
      counts.push(countReports(file));
      // A later run may finish within its delay when little is left (a fast ingest): then it
      // must have finished cleanly, and the kills before it are the ones that fell mid-ingest.
      if (!run.killed && k > 0 && run.code === 0 && /failed 0/.test(run.out)) break;
      assert.ok(run.killed, `run ${k} was killed (exit ${run.code}): ${run.out}`);
    }
    ctx.diagnostic(`reports in the index after each kill: ${counts.join(', ')} of ${REPORTS}`);
    assert.ok(counts.some((n) => n > 0 && n < REPORTS), `some kills fell mid-ingest: ${counts.join(', ')}`);
    const last = await runIngest(corpus, killedDir);
    assert.equal(last.code, 0, last.out);
    assert.match(last.out, /failed 0/);

    const engine = await openEngine(loadConfig({ dataDir: killedDir, backend: 'sqlite' }, {}));
    try {
      const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).length;
      const db = new Database(sqliteFile(loadConfig({ dataDir: killedDir }, {})), { readonly: true });
      const one = <T>(sql: string) => db.prepare(sql).get() as T;
      try {
        assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM reports').n, files);
        assert.equal(one<{ n: number }>('SELECT count(DISTINCT sha256) AS n FROM reports').n, files);
        assert.equal(one<{ n: number }>('SELECT count(DISTINCT path) AS n FROM reports').n, files);
        const cleanInfo = await clean.engine.backend.info();
        assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM passages').n, cleanInfo.passages);
        // The FTS5 core's rows; the tantivy core's index is checked against SQLite by integrityProblems() below.
        if (sqlite(engine).core === 'fts5') {
          assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM passage_fts').n, cleanInfo.passages, 'one FTS row per passage');
          assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM passage_fts WHERE rowid NOT IN (SELECT id FROM passages)').n, 0);
        }
      } finally {
        db.close();
      }
      assert.deepEqual(sqlite(engine).integrityProblems(), []);
      // A verbatim piece of a passage of every tenth report finds that report in the recovered index.
      const sample = await search(clean.engine, { q: '', size: 100, collapse: true, facets: false });
      for (const hit of sample.hits.filter((_, i) => i % 3 === 0)) {
        const piece = hit.text.split(/["“”「」『』]/).reduce((a, b) => (b.length > a.length ? b : a)).slice(0, 14);
        const out = await search(engine, { q: `"${piece}"`, collapse: true, size: 100, facets: false });
        assert.ok(out.hits.some((h) => h.reportId === hit.reportId), `"${piece}" finds ${hit.reportId}`);
        const ref = await search(clean.engine, { q: `"${piece}"`, collapse: true, size: 100, facets: false });
        assert.equal(out.total, ref.total, `"${piece}": same count as the clean index`);
      }
    } finally {
      await engine.backend.close();
    }
  });
});

describe('changing, removing and restoring reports', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  let dir: string;
  before(async () => {
    t = await tempEngine();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-change-'));
    for (const [name, marker] of [['a.txt', '旧版独有的句子'], ['b.txt', '另一份报告的标记'], ['c.txt', '第三份报告的标记']]) {
      writeFileSync(join(dir, name!), reportText(marker!));
    }
    await ingest(t.engine, [dir, REAL_DIR]);
  });
  after(async () => { await t.dispose(); rmSync(dir, { recursive: true, force: true }); });

  const total = async (q: string) => (await search(t.engine, { q: `"${q}"`, facets: false })).total;

  it('re-ingesting a changed file replaces its old passages', async () => {
    const before = await t.engine.backend.info();
    writeFileSync(join(dir, 'a.txt'), reportText('新版才有的句子'));
    const summary = await ingest(t.engine, [dir]);
    assert.equal(summary.replaced, 1);
    assert.equal(summary.unchanged, 2);
    assert.equal(await total('旧版独有的句子'), 0);
    assert.equal(await total('新版才有的句子'), 1);
    const afterInfo = await t.engine.backend.info();
    assert.equal(afterInfo.reports, before.reports);
    assert.equal(afterInfo.passages, before.passages);
    assert.deepEqual(sqlite(t.engine).integrityProblems(), []);
  });

  it('a file that becomes a copy of another leaves no stale version behind', async () => {
    const before = await t.engine.backend.info();
    writeFileSync(join(dir, 'c.txt'), readFileSync(join(dir, 'b.txt')));
    await ingest(t.engine, [dir]);
    assert.equal(await total('第三份报告的标记'), 0);
    assert.equal(await total('另一份报告的标记'), 1);
    assert.equal((await t.engine.backend.info()).reports, before.reports - 1);
  });

  it('removing a report removes its passages from every table of the index', async () => {
    const out = await search(t.engine, { q: '"新版才有的句子"' });
    const id = out.hits[0]!.reportId;
    const db = new Database(join(t.dir, 'gongkai.sqlite'), { readonly: true });
    try {
      const row = db.prepare('SELECT id FROM reports WHERE doc_id = ?').get(id) as { id: number };
      const pids = (db.prepare('SELECT id FROM passages WHERE report_id = ?').all(row.id) as Array<{ id: number }>).map((p) => p.id);
      assert.ok(pids.length > 0);
      assert.equal(await t.engine.backend.remove(id), true);
      const inList = `(${pids.join(',')})`;
      assert.equal((db.prepare('SELECT count(*) AS n FROM reports WHERE doc_id = ?').get(id) as { n: number }).n, 0);
      for (const sql of [`SELECT count(*) AS n FROM passages WHERE id IN ${inList}`,
        `SELECT count(*) AS n FROM passage_themes WHERE passage_id IN ${inList}`,
        `SELECT count(*) AS n FROM passage_fts WHERE rowid IN ${inList}`]) {
        assert.equal((db.prepare(sql).get() as { n: number }).n, 0, sql);
      }
    } finally {
      db.close();
    }
    assert.equal(await total('新版才有的句子'), 0);
    assert.equal(await t.engine.backend.report(id), null);
    assert.equal(await t.engine.backend.remove(id), false);
    assert.deepEqual(sqlite(t.engine).integrityProblems(), []);
  });

  it('export-index then import-index (CLI) restores the same answers after a wipe', async (ctx) => {
    const queries = ['公开', '"另一份报告的标记"', '微信 OR 网站', '政府信息 -依申请', 'section:problems 培训'];
    const answers = async (e: Engine) => Promise.all(queries.map(async (q) => {
      const { tookMs: _t, ...rest } = await search(e, { q, size: 50, collapse: false });
      return rest;
    }));
    const expected = await answers(t.engine);
    const backupDir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
    ctx.after(() => rmSync(backupDir, { recursive: true, force: true }));
    const backup = join(backupDir, 'index.backup');
    const cli = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args, '--data-dir', t.dir], { encoding: 'utf8' });
    assert.match(cli('export-index', backup), /backed up/);
    assert.ok(existsSync(backup));
    assert.ok(!existsSync(`${backup}-wal`), 'the backup is one file');
    // Wipe: the index is gone; a fresh empty one takes its place.
    await t.engine.backend.close();
    for (const f of readdirSync(t.dir)) rmSync(join(t.dir, f), { recursive: true, force: true });
    t.engine = await openEngine(t.config);
    assert.equal((await t.engine.backend.info()).reports, 0);
    // Importing while this engine keeps the index open: it sees the restored index at once.
    assert.match(cli('import-index', backup), /restored .*: \d+ reports/);
    assert.deepEqual(await answers(t.engine), expected);
    assert.deepEqual(sqlite(t.engine).integrityProblems(), []);
  });

  it('import-index refuses a file that is not a backup, changing nothing', async () => {
    const before = await t.engine.backend.info();
    const junk = join(t.dir, 'junk.backup');
    writeFileSync(junk, 'not a database at all '.repeat(100));
    await assert.rejects(sqlite(t.engine).importFrom(junk), /not a Gongkai index backup|cannot open the backup|file is not a database/);
    const other = new Database(join(t.dir, 'other.sqlite'));
    other.exec('CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES (\'segmenter\', \'some-other-segmenter\')');
    other.close();
    await assert.rejects(sqlite(t.engine).importFrom(join(t.dir, 'other.sqlite')), /not a Gongkai index backup|segmenter/);
    await assert.rejects(sqlite(t.engine).importFrom(join(t.dir, 'gongkai.sqlite')), /is the index itself/);
    await assert.rejects(sqlite(t.engine).exportTo(join(t.dir, 'gongkai.sqlite')), /must not be the index itself/);
    assert.deepEqual(await t.engine.backend.info(), before);
  });
});
