// Random and adversarial input on every read endpoint of a real server over the real
// reports: the answer is always 200 with a sensible body, or 400 (414 for an over-long
// URL) with a JSON message naming the field; never 500, never an engine error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_URL_BYTES } from '../../services/api/middleware/url-limit.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { startServer } from '../helpers/server.js';
import { checkProperty } from '../helpers/property.js';

const RUNS = 300;
const SEED = 20_260_512;

/** Fragments that mean something to FTS5, to the query language, to SQL or to URLs. */
const NASTY = ['"', '""', "'", '\\', '\\"', 'OR', 'AND', 'NOT', 'NEAR(', 'NEAR/2', '*', '^', '(', ')', '{', '}', ':', '：', '-', '－',
  '+', 'words:', 'grams:', 'passage_fts', "'; DROP TABLE reports; --", 'section:', 'year:', 'year:2019..', 'region:宁夏',
  'theme:', 'level:乡', '“', '」', '%', '%25', '&', '=', '#', '?', '\u0000', '\u0007', '\u001b[0m', '\u200b', '\ufeff', '\ufffd',
  '\ud800', '\udfff', '𠀀', '微信', '公众号', '政府信息公开', '公开', ' ', '\t', '\n', '<script>alert(1)</script>', '&amp;'];

const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 12 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 8 }).map((a) => a.join(' ')),
  fc.constantFrom('a'.repeat(1001), '微'.repeat(400), '"'.repeat(300), '-x '.repeat(200), 'OR '.repeat(300)),
);

/** A query-string value: properly encoded text, or raw bytes a client might send (%FF, a lone %). */
const value = fc.oneof(
  { weight: 4, arbitrary: nastyText.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))) },
  { weight: 1, arbitrary: fc.constantFrom('%FF', '%', '%E4%B8', '%ED%A0%80', '%C0%AF', '%00', '+', '%2B%2B', '..%2F..%2Fetc%2Fpasswd') },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map((n) => encodeURIComponent(String(n))) },
  { weight: 1, arbitrary: fc.constantFrom('1e999', 'NaN', 'Infinity', '-0', '0x10', '99999999999999999999', '', 'true', 'null', '[]', '{}') },
);

const PARAMS = ['q', 'page', 'size', 'sort', 'collapse', 'facets', 'year', 'region', 'section', 'theme', 'level', 'series',
  'by', 'width', 'limit', 'format', 'facet', 'unknown', '__proto__', 'constructor', 'q[]', 'q[a]', 'year[]', 'year[30]', 'page[]'];

const query = fc.array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURI(k)}=${v}`).join('&'));

const ENGINE_WORDS = /sqlite|fts5|syntax error|no such (column|table)|SqliteError|at .*\.ts:\d+|TypeError|ReferenceError|Cannot read/i;

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => { server = await startServer([REAL_DIR]); });
after(async () => { await server.close(); });

async function check(path: string, okType: RegExp = /^application\/json/): Promise<number> {
  const res = await fetch(server.url + path);
  const type = res.headers.get('content-type') ?? '';
  const body = await res.text();
  const tooLong = Buffer.byteLength(path) > MAX_URL_BYTES;
  assert.ok(res.status === 200 || res.status === 400 || res.status === 404 || (tooLong && res.status === 414),
    `${res.status} for ${path.slice(0, 300)}: ${body.slice(0, 300)}`);
  assert.doesNotMatch(body.slice(0, 2000), res.status === 200 ? /^\s*$/ : ENGINE_WORDS, `engine detail leaked for ${path.slice(0, 200)}`);
  if (res.status === 200) {
    assert.match(type, okType, path);
    return 200;
  }
  assert.match(type, /^application\/json/, `a JSON error for ${path.slice(0, 200)}`);
  const json = JSON.parse(body) as { error: string; issues?: Array<{ field: string; problem: string }> };
  assert.equal(typeof json.error, 'string');
  assert.ok(json.error.length > 5, 'a message a person can read');
  // In Chinese, every part a reader sees (issue 14, point 7): no English zod defaults left.
  assert.match(json.error, /\p{Script=Han}/u, `a message in Chinese: ${json.error}`);
  for (const i of json.issues ?? []) assert.match(i.problem, /\p{Script=Han}/u, `a problem in Chinese: ${i.problem}`);
  if (res.status === 400) {
    // The message names the field, or says it is the URL itself that is malformed.
    assert.match(json.error, /^参数 [\w.[\]]+ 无效：|URL|查询参数|请求体/, `names the field: ${json.error}`);
    for (const i of json.issues ?? []) assert.ok(i.field && i.problem, JSON.stringify(i));
  }
  return res.status;
}

const property = (endpoint: string, okType?: RegExp) => fc.asyncProperty(query, async (qs) => { await check(`${endpoint}?${qs}`, okType); });

describe('the API under random and adversarial query strings', () => {
  it('/api/search', async (t) => { await checkProperty(t, property('/api/search'), { numRuns: RUNS, seed: SEED }); });
  it('/api/concordance', async (t) => { await checkProperty(t, property('/api/concordance'), { numRuns: RUNS, seed: SEED + 1 }); });
  it('/api/trends', async (t) => { await checkProperty(t, property('/api/trends'), { numRuns: RUNS, seed: SEED + 2 }); });
  it('/api/export', async (t) => {
    await checkProperty(t, property('/api/export', /^(text\/csv|application\/json|text\/markdown)/), { numRuns: RUNS, seed: SEED + 3 });
  });
  it('/api/reports/:id and /api/reports/:id/passages/:n', async (t) => {
    const segment = fc.oneof(value, fc.constantFrom('0123456789abcdef', '0123456789ABCDEF', '%2e%2e', '..', '.', '%2F', 'a'.repeat(5000)));
    await checkProperty(t, fc.asyncProperty(segment, fc.option(value), async (id, n) => {
      const status = await check(`/api/reports/${id}${n === null ? '' : `/passages/${n}`}`);
      assert.notEqual(status, 200, 'no such report');
    }), { numRuns: RUNS, seed: SEED + 4 });
  });

  it('answers the classic cases as documented', async () => {
    const cases: Array<[string, number, RegExp?]> = [
      ['/api/search?q=%FF', 400, /^参数 q 无效：百分号编码不是有效的 UTF-8$/],
      ['/api/search?q=%E4%B8%AD%FF', 400, /^参数 q 无效：/],
      ['/api/reports/%FF', 400, /^URL 路径中的百分号编码不是有效的 UTF-8$/],
      ['/api/search?page=99999999999', 400, /^参数 page 无效：应为 1–10000 之间的整数$/],
      ['/api/search?size=-5', 400, /^参数 size 无效：应为 1–100 之间的整数$/],
      ['/api/search?sort=sideways', 400, /^参数 sort 无效：无效选项：期望以下之一 "relevance"/],
      ['/api/search?year=abc', 400, /^参数 year\.0 无效：应为 1900–2100 之间的年份$/],
      ['/api/search?q[a]=1', 400, /^参数 q 无效：/],
      ['/api/concordance', 400, /^参数 q 无效：应为 1–200 个字符$/],
      ['/api/trends?series=', 400, /^参数 series 无效：/],
      ['/api/trends', 400, /^参数 series 无效：应给出 1–8 个系列/],
      [`/api/trends?series=${'a,'.repeat(9)}`, 400, /^参数 series 无效：/],
      ['/api/search?unknown=1&facet=nope', 200],
      ['/api/search?q=' + encodeURIComponent('"微信 OR NEAR(a b) * ^x'), 200],
      [`/api/search?q=${'a'.repeat(MAX_URL_BYTES)}`, 414, /^URL 过长/],
      ['/api/nope', 404, /^接口不存在：GET \/api\/nope$/],
      ['/api/reports/0123456789abcdef', 404, /^没有编号为 0123456789abcdef 的报告$/],
      ['/api/reports/0123456789abcdef/passages/1', 404, /^报告 0123456789abcdef 中没有第 1 段$/],
    ];
    for (const [path, status, message] of cases) {
      const res = await fetch(server.url + path);
      const body = await res.json() as { error?: string };
      assert.equal(res.status, status, `${path.slice(0, 80)}: ${JSON.stringify(body).slice(0, 200)}`);
      if (message) assert.match(body.error ?? '', message, path.slice(0, 80));
    }
  });

  it('refuses a malformed or oversized JSON body in plain words, never 500', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { 'content-type': type }, body });
    for (const [body, status] of [['{"paths": [', 400], ['x'.repeat(200_000), 413]] as const) {
      const res = await post(body);
      assert.equal(res.status, status);
      assert.match(((await res.json()) as { error: string }).error, /^请求体(不是有效的 JSON|过大（上限 100 kB）)$/);
    }
  });
});
