// Every endpoint the OpenAPI document lists, with every parameter it declares, under random
// and adversarial values (api-fuzz.test.ts goes deeper on the main read endpoints): the answer
// is 200 or a 4xx JSON message in Chinese, never a 500 and never an engine's words. Writes are
// fuzzed with the token, bodies of any JSON shape.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { openApiDocument } from '../../services/api/openapi.js';
import { serverWith } from './support.js';
import { checkProperty } from '../helpers/property.js';

const RUNS = 40;
const SEED = 20_261_201;
const TOKEN = 'tok-fuzz-0a1b2c3d4e5f6a7b';
const ENGINE_WORDS = /sqlite|fts5|syntax error|no such (column|table)|SqliteError|at .*\.ts:\d+|TypeError|ReferenceError|Cannot read/i;

const NASTY = ['"', "'", '\\', 'OR', 'NEAR(', '*', '(', ')', ':', '-', 'theme:', 'year:2019..', 'region:宁夏', '%', '&', '=', '#',
  '\u0000', '\u001b[2J', '\ud800', '𠀀', '公开', ' ', '\n', '<script>', '1e999', 'NaN', '-1', '0', '99999999999', 'true', '[]', '{}'];
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 8 }).map((a) => a.join('')),
  fc.integer().map(String),
  fc.constantFrom('a'.repeat(1001), 'theme:' + 'x'.repeat(41), 'year,'.repeat(30)),
);
const value = fc.oneof(
  { weight: 5, arbitrary: text.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))) },
  { weight: 1, arbitrary: fc.constantFrom('%FF', '%', '%E4%B8', '%00', '+') },
);

type Op = { parameters?: Array<{ name: string; in: string }> };
const doc = openApiDocument() as { paths: Record<string, Record<string, Op>> };

let s: Awaited<ReturnType<typeof serverWith>>;
let root: string;
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-fuzz-root-'));
  s = await serverWith({ writeToken: TOKEN, ingestRoot: root });
});
after(async () => { await s.close(); rmSync(root, { recursive: true, force: true }); });

async function check(method: string, path: string, body?: string): Promise<void> {
  const res = await fetch(s.url + path, {
    method, body, headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  });
  const raw = await res.text();
  const where = `${method} ${path.slice(0, 200)} ${body?.slice(0, 100) ?? ''}`;
  assert.ok(res.status < 500, `${res.status} for ${where}: ${raw.slice(0, 300)}`);
  if (res.status === 200) return;
  assert.doesNotMatch(raw.slice(0, 2000), ENGINE_WORDS, `engine detail leaked for ${where}`);
  const json = JSON.parse(raw) as { error: string };
  assert.match(json.error, /\p{Script=Han}/u, `a message in Chinese for ${where}: ${json.error}`);
}

describe('every endpoint, every parameter', () => {
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method !== 'get') continue;
      const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      it(`${method.toUpperCase()} ${template}`, async (t) => {
        const query = fc.array(fc.tuple(fc.constantFrom(...names, 'unknown', '__proto__', `${names[0] ?? 'x'}[]`), value), { maxLength: 6 });
        const segments = fc.array(fc.oneof(value, fc.constantFrom('0123456789abcdef', '..', '1', '0', '-1')), { minLength: pathParams.length, maxLength: pathParams.length });
        await checkProperty(t, fc.asyncProperty(query, segments, async (pairs, segs) => {
          let path = template;
          pathParams.forEach((name, i) => { path = path.replace(`{${name}}`, segs[i]!); });
          await check('GET', `${path}?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}`);
        }), { numRuns: RUNS, seed: SEED });
      });
    }
  }

  it('DELETE /api/reports/{id}', async (t) => {
    await checkProperty(t, fc.asyncProperty(value, async (id) => { await check('DELETE', `/api/reports/${id}`); }), { numRuns: RUNS, seed: SEED + 1 });
  });

  it('POST /api/ingest', async (t) => {
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.array(text, { maxLength: 3 }).map((paths) => JSON.stringify({ paths: paths.map((p) => `../${p}`) })),
      fc.constantFrom('{"paths": [', '{"paths": ["/etc/passwd"]}', '{"paths": ["a\\u0000b"]}', '{"__proto__": {"paths": ["."]}}'),
    );
    await checkProperty(t, fc.asyncProperty(body, async (b) => { await check('POST', '/api/ingest', b); }), { numRuns: RUNS, seed: SEED + 2 });
  });
});
