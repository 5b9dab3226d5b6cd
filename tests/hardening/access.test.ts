// Access: reading is open; writing needs the token; CORS only for the configured origin;
// URLs and bodies are bounded; the rate limit answers 429; the token never reaches a log.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import type { Request, Response } from 'express';
import { rateLimit } from '../../services/api/middleware/rate-limit.js';
import { search } from '../../services/search/methods/search.js';
import { captureOutput, reportText, serveProcess, serverWith } from './support.js';

const TOKEN = 'tok-3f9a1c0e5b7d42e8a6c1';
const auth = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
const json = async (res: Response | globalThis.Response) => (await (res as globalThis.Response).json()) as Record<string, unknown>;

async function firstReportId(url: string): Promise<string> {
  const out = await json(await fetch(`${url}/api/search?q=公开&size=1`));
  return (out.hits as Array<{ reportId: string }>)[0]!.reportId;
}

describe('writes with no token configured', () => {
  let s: Awaited<ReturnType<typeof serverWith>>;
  before(async () => { s = await serverWith({ ingestRoot: tmpdir() }); });
  after(async () => { await s.close(); });

  it('refuses every write, whatever the request carries, and still serves reads', async () => {
    const id = await firstReportId(s.url);
    for (const [method, path, body] of [['DELETE', `/api/reports/${id}`], ['POST', '/api/ingest', '{"paths":["."]}']] as const) {
      for (const headers of [{}, auth(), auth('')]) {
        const res = await fetch(s.url + path, { method, headers: { ...headers, 'content-type': 'application/json' }, body });
        assert.equal(res.status, 403);
        assert.deepEqual(await json(res), { error: '写入功能未开启：请设置 GONGKAI_WRITE_TOKEN' });
      }
    }
    assert.equal((await fetch(`${s.url}/api/reports/${id}`)).status, 200);
  });
});

describe('writes with a token', () => {
  let s: Awaited<ReturnType<typeof serverWith>>;
  let root: string;
  let outside: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'gongkai-root-'));
    outside = mkdtempSync(join(tmpdir(), 'gongkai-outside-'));
    mkdirSync(join(root, '2020'));
    writeFileSync(join(root, '2020', 'a.txt'), reportText('根目录里的报告'));
    writeFileSync(join(outside, 'secret.txt'), reportText('根目录外的秘密'));
    symlinkSync(join(outside, 'secret.txt'), join(root, '2020', 'link-out.txt'));
    symlinkSync(outside, join(root, 'dir-out'));
    s = await serverWith({ writeToken: TOKEN, ingestRoot: root });
  });
  after(async () => { await s.close(); rmSync(root, { recursive: true, force: true }); rmSync(outside, { recursive: true, force: true }); });

  it('asks for the token (401) and refuses a wrong one (403)', async () => {
    const id = await firstReportId(s.url);
    const none = await fetch(`${s.url}/api/reports/${id}`, { method: 'DELETE' });
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.match(String((await json(none)).error), /Authorization: Bearer/);
    for (const wrong of [TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase(), 'x', 'x'.repeat(10_000)]) {
      const res = await fetch(`${s.url}/api/reports/${id}`, { method: 'DELETE', headers: auth(wrong) });
      assert.equal(res.status, 403, wrong.slice(0, 20));
      assert.deepEqual(await json(res), { error: '写入令牌不正确' });
    }
    const basic = await fetch(`${s.url}/api/reports/${id}`, { method: 'DELETE', headers: { authorization: `Basic ${TOKEN}` } });
    assert.equal(basic.status, 401);
    assert.equal((await fetch(`${s.url}/api/reports/${id}`)).status, 200, 'still there');
  });

  it('DELETE /api/reports/:id removes the report and its passages', async () => {
    const id = await firstReportId(s.url);
    const before = await s.engine.backend.info();
    const removed = (await s.engine.backend.report(id))!.passages.length;
    const res = await fetch(`${s.url}/api/reports/${id}`, { method: 'DELETE', headers: auth() });
    assert.equal(res.status, 200);
    assert.deepEqual(await json(res), { deleted: id });
    assert.equal((await fetch(`${s.url}/api/reports/${id}`)).status, 404);
    const afterInfo = await s.engine.backend.info();
    assert.equal(afterInfo.reports, before.reports - 1);
    assert.equal(afterInfo.passages, before.passages - removed);
    const again = await fetch(`${s.url}/api/reports/${id}`, { method: 'DELETE', headers: auth() });
    assert.equal(again.status, 404);
    const bad = await fetch(`${s.url}/api/reports/..%2F..%2Fetc`, { method: 'DELETE', headers: auth() });
    assert.equal(bad.status, 400);
    assert.match(String((await json(bad)).error), /^参数 id 无效：/);
  });

  it('POST /api/ingest reads only under the ingest root', async () => {
    const post = (body: unknown) => fetch(`${s.url}/api/ingest`, {
      method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    for (const [body, field] of [
      [{ paths: ['../etc'] }, 'paths.0'], [{ paths: ['2020/../../x'] }, 'paths.0'], [{ paths: ['/etc/passwd'] }, 'paths.0'],
      [{ paths: ['ok', 'a\0b'] }, 'paths.1'], [{ paths: [] }, 'paths'], [{ paths: '2020' }, 'paths'], [{}, 'paths'],
      [{ paths: ['2020'], extra: 1 }, '(request)'], [['2020'], '(request)'],
    ] as const) {
      const res = await post(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const error = String((await json(res)).error);
      assert.ok(error.startsWith(field === '(request)' ? '请求无效：' : `参数 ${field} 无效：`), `${JSON.stringify(body)}: ${error}`);
    }
    const res = await post({ paths: ['2020', 'dir-out', 'nothing-here.txt'] });
    assert.equal(res.status, 200);
    const summary = await json(res);
    assert.equal(summary.indexed, 1);
    assert.deepEqual((summary.failed as Array<{ file: string; reason: string }>).sort((a, b) => a.file.localeCompare(b.file)), [
      { file: '2020/link-out.txt', reason: 'outside the ingest root' },
      { file: 'dir-out', reason: 'outside the ingest root' },
      { file: 'nothing-here.txt', reason: 'file not found' },
    ]);
    assert.equal((await search(s.engine, { q: '"根目录里的报告"' })).total, 1);
    assert.equal((await search(s.engine, { q: '"根目录外的秘密"' })).total, 0);
  });

  it('refuses path ingest when no ingest root is configured', async () => {
    const t = await serverWith({ writeToken: TOKEN });
    try {
      const res = await fetch(`${t.url}/api/ingest`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"paths":["."]}' });
      assert.equal(res.status, 403);
      assert.match(String((await json(res)).error), /GONGKAI_INGEST_ROOT/);
    } finally {
      await t.close();
    }
  });
});

describe('CORS, headers and limits', () => {
  let open: Awaited<ReturnType<typeof serverWith>>;
  let cors: Awaited<ReturnType<typeof serverWith>>;
  before(async () => {
    open = await serverWith({});
    cors = await serverWith({ corsOrigin: 'https://newsroom.example.org/', writeToken: TOKEN });
  });
  after(async () => { await open.close(); await cors.close(); });

  it('sends no CORS headers unless an origin is configured, and then only to that origin', async () => {
    const from = (url: string, origin: string, init: RequestInit = {}) =>
      fetch(`${url}/api/health`, { ...init, headers: { origin, ...(init.headers as Record<string, string> | undefined) } });
    assert.equal((await from(open.url, 'https://evil.example')).headers.get('access-control-allow-origin'), null);
    assert.equal((await from(cors.url, 'https://evil.example')).headers.get('access-control-allow-origin'), null);
    const ok = await from(cors.url, 'https://newsroom.example.org');
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://newsroom.example.org');
    assert.match(ok.headers.get('vary') ?? '', /Origin/);
    const preflight = await from(cors.url, 'https://newsroom.example.org', {
      method: 'OPTIONS', headers: { 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const evilPreflight = await from(cors.url, 'https://evil.example', { method: 'OPTIONS', headers: { 'access-control-request-method': 'DELETE' } });
    assert.equal(evilPreflight.headers.get('access-control-allow-origin'), null);
  });

  it('sends the security headers on the API and on the web app', async () => {
    for (const path of ['/api/health', '/api/nope', '/', '/search?q=x']) {
      const res = await fetch(open.url + path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'.*script-src 'self';.*frame-ancestors 'none'/, path);
      assert.equal(res.headers.get('x-powered-by'), null);
    }
  });

  it('refuses an over-long URL with 414 and an over-large body with 413, in JSON', async () => {
    const long = await fetch(`${open.url}/api/search?q=${'x'.repeat(9000)}`);
    assert.equal(long.status, 414);
    assert.match(String((await json(long)).error), /^URL 过长（9\d{3} 字节，上限 8192 字节）/);
    const big = await fetch(`${cors.url}/api/ingest`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ paths: ['x'.repeat(200_000)] }) });
    assert.equal(big.status, 413);
  });
});

describe('the rate limit', () => {
  it('answers 429 in JSON with Retry-After past the limit, per client', async () => {
    const s = await serverWith({ rateLimit: 5 });
    try {
      const codes = [];
      for (let i = 0; i < 7; i++) codes.push((await fetch(`${s.url}/api/health`)).status);
      assert.deepEqual(codes, [200, 200, 200, 200, 200, 429, 429]);
      const res = await fetch(`${s.url}/api/search?q=x`);
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
      assert.match(String((await json(res)).error), /^请求过于频繁：每分钟最多 5 次，请 \d+ 秒后重试$/);
    } finally {
      await s.close();
    }
  });

  it('counts each client over a one-minute window, then lets it in again', async () => {
    mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
    try {
      const limit = rateLimit(60);
      const call = async (ip: string) => {
        let result: unknown = 'passed';
        const headers: Record<string, string> = {};
        const req = { ip, headers: {}, app: { get: () => false }, socket: {} } as unknown as Request;
        const res = { headersSent: false, setHeader: (k: string, v: string) => { headers[k] = v; }, getHeader: (k: string) => headers[k],
          append: (k: string, v: string) => { headers[k] = v; } } as unknown as Response;
        await limit(req, res, (err?: unknown) => { if (err) result = (err as { status: number }).status; });
        return { result, headers };
      };
      for (let i = 0; i < 60; i++) assert.equal((await call('10.0.0.1')).result, 'passed');
      const refused = await call('10.0.0.1');
      assert.equal(refused.result, 429);
      assert.equal(refused.headers['Retry-After'], '60');
      assert.equal((await call('10.0.0.2')).result, 'passed', 'another client has its own count');
      mock.timers.tick(30_000);
      const later = await call('10.0.0.1');
      assert.equal(later.result, 429, 'still refused within the minute');
      assert.equal(later.headers['Retry-After'], '30');
      mock.timers.tick(30_000);
      assert.equal((await call('10.0.0.1')).result, 'passed', 'a new minute, a new count');
    } finally {
      mock.timers.reset();
    }
  });
});

describe('secrets', () => {
  it('never appear in the output of the server, whatever the requests', async () => {
    let s!: Awaited<ReturnType<typeof serverWith>>;
    const seen: string[] = [];
    const output = await captureOutput(async () => {
      s = await serverWith({ writeToken: TOKEN, ingestRoot: tmpdir() });
      const id = await firstReportId(s.url);
      for (const h of [auth(), auth('wrong-token-000000000'), auth(TOKEN.slice(0, 8)), { authorization: TOKEN }]) {
        for (const [method, path] of [['DELETE', `/api/reports/${'0'.repeat(16)}`], ['POST', '/api/ingest'], ['GET', `/api/search?q=${TOKEN}`]]) {
          const res = await fetch(s.url + path, { method, headers: { ...h, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{"paths":[' } : {}) });
          seen.push(await res.text());
        }
      }
      // An internal error is logged: the index closed under the server.
      await s.engine.backend.close();
      const broken = await fetch(`${s.url}/api/reports/${id}`, { headers: auth() });
      assert.equal(broken.status, 500);
      seen.push(await broken.text());
    });
    assert.match(output, /internal error/, 'the capture sees the server log');
    assert.ok(!output.includes(TOKEN), 'the token is not in the log');
    assert.ok(!output.includes(TOKEN.slice(0, 8)));
    for (const body of seen) assert.ok(!body.includes(TOKEN) || body.includes(`"q":"${TOKEN}"`), 'no answer echoes the token unless it was the query');
    await s.close();
  });

  it('gongkai serve says writes are on without printing the token', async () => {
    const { url, output, stop } = await serveProcess({ GONGKAI_WRITE_TOKEN: TOKEN, GONGKAI_RATE_LIMIT: '100' });
    try {
      const res = await fetch(`${url}/api/reports/${'0'.repeat(16)}`, { method: 'DELETE', headers: auth('not-the-token-00000') });
      assert.equal(res.status, 403);
      const out = output();
      assert.match(out, /writes over HTTP: on \(token set\)/);
      assert.match(out, /rate limit: 100\/min per client/);
      assert.ok(!out.includes(TOKEN), out);
    } finally {
      await stop();
    }
  });
});
