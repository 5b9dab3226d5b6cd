// The corpus routes over HTTP and the corpus commands of the CLI: the same tables as the
// methods, parameters validated with Chinese messages, and the routes in the OpenAPI document.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../services/paths.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { startServer } from '../helpers/server.js';

const DEV_DIR = join(REAL_DIR, '..', 'dev');

describe('corpus analysis over HTTP and on the command line', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => { server = await startServer([REAL_DIR, DEV_DIR]); });
  after(async () => { await server?.close(); });
  const get = async (path: string) => { const r = await fetch(server.url + path); return { status: r.status, body: await r.json() as Record<string, unknown> }; };

  it('answers each route, with the slice written in the query', async () => {
    const c = await get(`/api/collocates?q=${encodeURIComponent('公开 section:problems')}&minFreq=1&sentence=true`);
    assert.equal(c.status, 200);
    assert.ok((c.body.collocates as unknown[]).length > 0);
    const all = await get('/api/collocates?q=公开&minFreq=1');
    // The problems slice is smaller than the whole corpus.
    assert.ok((c.body.corpusTokens as number) < (all.body.corpusTokens as number));
    const k = await get(`/api/keywords?a=${encodeURIComponent('year:2020..2025')}&b=${encodeURIComponent('year:2008..2019')}&minFreq=2`);
    assert.equal(k.status, 200);
    assert.equal((k.body.b as { rest: boolean }).rest, false);
    const rest = await get(`/api/keywords?a=${encodeURIComponent('year:2020..2025')}`);
    assert.equal((rest.body.b as { rest: boolean }).rest, true);
    const n = await get('/api/ngrams?n=4&boilerplate=exclude');
    assert.equal(n.status, 200);
    assert.equal(n.body.n, 4);
    const d = await get('/api/dispersion?q=公开&section=problems');
    assert.equal(d.status, 200);
    assert.ok((d.body.reports as number) > 0);
  });

  it('refuses bad parameters in Chinese, and lists the routes in OpenAPI', async () => {
    for (const path of ['/api/collocates', '/api/collocates?q=公开&left=99', '/api/ngrams?n=7', '/api/keywords?sort=x', '/api/dispersion?q=']) {
      const r = await get(path);
      assert.equal(r.status, 400, path);
      assert.match(String(r.body.error), /[\u4e00-\u9fff]/, path);
    }
    const doc = await get('/api/openapi.json');
    for (const p of ['/api/collocates', '/api/keywords', '/api/ngrams', '/api/dispersion']) assert.ok((doc.body.paths as Record<string, unknown>)[p], p);
  });

  it('gongkai collocates|keywords|ngrams --csv and --json print the API\'s tables', async () => {
    // The API's answers first: the CLI runs synchronously and would hold the server's event loop.
    const api = await get('/api/collocates?q=公开&minFreq=2');
    const k = await get(`/api/keywords?a=${encodeURIComponent('year:2020..2025')}&b=${encodeURIComponent('year:2008..2019')}`);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-corpus-'));
    try {
      const env = { ...process.env, GONGKAI_DATA_DIR: dir, GONGKAI_FROM_SOURCE: '1' };
      const run = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin', 'gongkai.js'), ...args], { env, encoding: 'utf8' });
      run('ingest', REAL_DIR, DEV_DIR);
      const json = JSON.parse(run('collocates', '公开', '--min-freq', '2', '--json')) as { collocates: Array<{ term: string; freq: number }> };
      assert.deepEqual(json.collocates, api.body.collocates);
      const csv = run('keywords', 'year:2020..2025', '--vs', 'year:2008..2019', '--csv').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
      assert.equal(csv[0], 'direction,term,freq_a,freq_b,range_a,range_b,per_million_a,per_million_b,ll,log_ratio,percent_diff');
      assert.equal(csv.length - 1, (k.body.positive as unknown[]).length + (k.body.negative as unknown[]).length);
      const ng = run('ngrams', '', '--n', '2', '--csv').replace(/^\uFEFF/, '').split(/\r?\n/);
      assert.equal(ng[0], 'ngram,freq,range,dp,boilerplate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
