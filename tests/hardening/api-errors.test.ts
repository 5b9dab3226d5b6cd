// Requests the API used to answer badly: a 500 for a trend series the route let through, lists
// refused past 20 repeats, the server's file paths shown to readers, a bare 431 for big
// headers, and a stack trace for `gen-corpus --help`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { isAbsolute, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { errorHandler } from '../../services/api/errors.js';
import { ROOT } from '../../services/paths.js';
import { serveProcess, serverWith } from './support.js';

type Json = Record<string, unknown>;

describe('errors behind a route', () => {
  let s: Awaited<ReturnType<typeof serverWith>>;
  before(async () => { s = await serverWith({}); });
  after(async () => { await s.close(); });
  const get = async (path: string) => {
    const res = await fetch(s.url + path);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Json };
  };

  it('GET /api/trends with a theme the method refuses answers 400, not 500', async () => {
    const r = await get(`/api/trends?series=theme:${'a'.repeat(41)}`);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.match(r.type, /^application\/json/);
    assert.match(String(r.body.error), /^参数 series\.0\.theme 无效：应为主题编号/);
    assert.equal((await get(`/api/trends?series=theme:${'a'.repeat(40)}`)).status, 200, 'the longest theme id the method takes');
    const ok = await get('/api/trends?series=theme:wechat&series=微信');
    assert.equal(ok.status, 200);
    assert.deepEqual((ok.body.series as Array<Json>).map((x) => x.theme ?? x.q), ['wechat', '微信']);
  });

  it('lists longer than a method takes are 400 at the route (they were 500 inside the method)', async () => {
    const themes = Array.from({ length: 51 }, (_, i) => `t${i}`).join(',');
    for (const path of [`/api/search?theme=${themes}`, `/api/search?section=${Array(21).fill('problems').join(',')}`,
      `/api/recurring?level=${Array(11).fill('city').join(',')}`, `/api/stat-totals?level=${Array(11).fill('city').join(',')}`]) {
      const r = await get(path);
      assert.equal(r.status, 400, `${path}: ${JSON.stringify(r.body)}`);
      assert.match(String(r.body.error), /^参数 (theme|section|level) 无效：最多 \d+ 个值$/, path);
    }
  });

  it('a method refusing filters written in the query text is 400 too', async () => {
    // 51 themes, one more than the filters take: the route cannot see them, the method refuses.
    const q = Array.from({ length: 51 }, (_, i) => `theme:t${i}`).join(' ');
    const r = await get(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 400, JSON.stringify(r.body).slice(0, 300));
    assert.match(String(r.body.error), /^参数 themes 无效：/);
  });

  it('the error handler answers any ZodError as 400 naming the field, in Chinese', () => {
    let status = 0;
    let body: unknown;
    const res = { headersSent: false, status(c: number) { status = c; return this; }, json(b: unknown) { body = b; return this; } };
    const err = z.object({ limit: z.number().max(5) }).safeParse({ limit: 9 }).error!;
    errorHandler(err, {} as never, res as never, () => assert.fail('not passed on'));
    assert.equal(status, 400);
    assert.match((body as Json).error as string, /^参数 limit 无效：数值过大/);
  });

  it('treats repeated list parameters like comma-separated ones, past 20 and up to the same limit', async () => {
    const total = async (path: string) => {
      const r = await get(path);
      assert.equal(r.status, 200, `${path.slice(0, 80)}: ${JSON.stringify(r.body).slice(0, 200)}`);
      return r.body.total as number;
    };
    const once = await total('/api/search?q=公开&year=2019');
    assert.equal(await total(`/api/search?q=公开&${Array(21).fill('year=2019').join('&')}`), once);
    assert.equal(await total(`/api/search?q=公开&${Array(150).fill('year=2019').join('&')}`), once);
    const years = Array.from({ length: 30 }, (_, i) => 1995 + i);
    assert.equal(await total(`/api/search?q=公开&${years.map((y) => `year=${y}`).join('&')}`), await total(`/api/search?q=公开&year=${years.join(',')}`));
    // 201 values: refused alike, whichever way they are written.
    const many = Array.from({ length: 201 }, (_, i) => 1900 + i);
    for (const path of [`/api/search?${many.map((y) => `year=${y}`).join('&')}`, `/api/search?year=${many.join(',')}`]) {
      const r = await get(path);
      assert.equal(r.status, 400, path.slice(0, 60));
      assert.match(String(r.body.error), /^参数 year 无效：最多 200 个值$/);
    }
  });

  it('shows readers the file name of a report, never its path on the server', async () => {
    const hit = ((await get('/api/search?q=公开&size=1')).body.hits as Array<{ reportId: string }>)[0]!;
    const stored = (await s.engine.backend.report(hit.reportId))!;
    assert.ok(isAbsolute(stored.source.path), 'the index keeps the full path');
    const name = stored.source.path.split('/').at(-1)!;
    const report = await get(`/api/reports/${hit.reportId}`);
    assert.equal((report.body.source as Json).path, name);
    const passage = await get(`/api/reports/${hit.reportId}/passages/1`);
    assert.equal(((passage.body.report as Json).source as Json).path, name);
    for (const body of [report.body, passage.body]) assert.ok(!JSON.stringify(body).includes(stored.source.path), 'no full path anywhere');
  });
});

/** One request by hand, so that a header can be as large as we like. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('gongkai serve', () => {
  it('answers request headers above 16 KB with a 431 in JSON', async () => {
    const { url, stop } = await serveProcess();
    try {
      const big = await rawGet(`${url}/api/health`, { 'x-filler': 'a'.repeat(20_000) });
      assert.equal(big.status, 431);
      assert.match(big.type, /^application\/json/);
      assert.match((JSON.parse(big.body) as Json).error as string, /^请求头过大（合计上限 16 KB）/);
      assert.equal((await rawGet(`${url}/api/health`, { 'x-filler': 'a'.repeat(10_000) })).status, 200, 'below the limit: served');
    } finally {
      await stop();
    }
  });
});

describe('scripts/gen-corpus.ts', () => {
  const run = (args: string[]) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'gen-corpus.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

  it('prints its usage for --help, and the usage with the mistake for a wrong option, never a stack trace', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^usage: tsx scripts\/gen-corpus\.ts/);
    assert.match(help.stdout, /--count N/);
    for (const args of [['--bogus'], ['--count', 'x'], ['stray']]) {
      const bad = await run(args);
      assert.equal(bad.code, 2, args.join(' '));
      assert.match(bad.stderr, /^gen-corpus: .+\n\nusage:/, args.join(' '));
      assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});
