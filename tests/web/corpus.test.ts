// 语料分析 in a real browser over the real reports: each of the four pages computes its table
// from the URL, sorts on a header click, exports CSV, and its 查看语境 links open the
// concordance. Each page is also photographed into the run's temporary directory, so a failure
// can be looked at; the docs' pictures come from generated reports (scripts/screenshots-corpus.ts),
// never from the real ones, whose text stays out of the repository.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { REAL_DIR } from '../helpers/corpus.js';
import { browserApp, skipReason } from './support.js';

const reason = skipReason();
const SHOTS = mkdtempSync(join(tmpdir(), 'gongkai-corpus-shots-'));

describe('语料分析 in Chromium', { skip: reason ?? false }, () => {
  const app = browserApp(() => ({ dirs: [REAL_DIR, join(REAL_DIR, '..', 'dev')] }), { acceptDownloads: true });
  const open = (path: string) => app.open(path, { width: 1280, height: 1000 });

  const api = async <T>(path: string) => (await (await fetch(app.url + path)).json()) as T;
  const firstColumn = (page: Page) => page.locator('table.corpus-table tbody tr td:first-child').allInnerTexts();

  it('collocates: the table of the API, sortable, exported, each row opening the concordance', async () => {
    const { page, errors } = await open('/corpus/collocates?q=公开&minFreq=2');
    await page.locator('table.corpus-table tbody tr').first().waitFor();
    const answer = await api<{ collocates: Array<{ term: string; freq: number }> }>('/api/collocates?q=公开&minFreq=2&limit=300');
    assert.deepEqual(await firstColumn(page), answer.collocates.map((c) => c.term));
    await page.getByRole('button', { name: /^共现/ }).click();
    const freqs = (await page.locator('table.corpus-table tbody tr td:nth-child(2)').allInnerTexts()).map(Number);
    assert.deepEqual(freqs, [...freqs].sort((a, b) => b - a));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    assert.match((await download).suggestedFilename(), /^collocates-.*\.csv$/);
    await page.screenshot({ path: join(SHOTS, 'corpus-collocates.png'), fullPage: false });
    const term = (await firstColumn(page))[0]!;
    await page.getByRole('link', { name: '查看语境' }).first().click();
    await page.waitForURL(/\/concordance\?/);
    assert.equal(new URL(page.url()).searchParams.get('q'), `公开 ${term}`);
    await page.getByRole('heading', { name: '语境（KWIC）' }).waitFor();
    await page.locator('table.kwic, .status-empty').first().waitFor();
    assert.deepEqual(errors, []);
  });

  it('keywords: positive and negative tables of A against the rest', async () => {
    const { page, errors } = await open('/corpus/keywords?a=' + encodeURIComponent('year:2020..2025') + '&minRange=2');
    await page.getByRole('heading', { name: /负关键词/ }).waitFor();
    const answer = await api<{ positive: Array<{ term: string }>; negative: Array<{ term: string }> }>(`/api/keywords?a=${encodeURIComponent('year:2020..2025')}&minRange=2&limit=200`);
    const tables = page.locator('table.corpus-table');
    assert.equal(await tables.count(), (answer.positive.length ? 1 : 0) + (answer.negative.length ? 1 : 0));
    assert.deepEqual(await tables.first().locator('tbody tr td:first-child').allInnerTexts(), answer.positive.map((k) => k.term));
    await page.screenshot({ path: join(SHOTS, 'corpus-keywords.png') });
    assert.deepEqual(errors, []);
  });

  it('n-grams: the phrase list, and boilerplate filtered through the URL', async () => {
    const { page, errors } = await open('/corpus/ngrams?n=3&boilerplateShare=0.2');
    await page.locator('table.corpus-table tbody tr').first().waitFor();
    const answer = await api<{ ngrams: Array<{ words: string[] }> }>('/api/ngrams?n=3&boilerplateShare=0.2&limit=300');
    assert.deepEqual((await firstColumn(page)).map((t) => t.replace(/套话$/, '')), answer.ngrams.map((g) => g.words.join(' ')));
    await page.screenshot({ path: join(SHOTS, 'corpus-ngrams.png') });
    await page.getByRole('radio', { name: '只看套话' }).click();
    await page.waitForURL(/boilerplate=only/);
    assert.deepEqual(errors, []);
  });

  it('dispersion: groups by year and by level, and the plot', async () => {
    const { page, errors } = await open('/corpus/dispersion?q=公开');
    await page.locator('table.corpus-table tbody tr').first().waitFor();
    const answer = await api<{ byYear: Array<{ key: string }>; byLevel: Array<{ key: string }>; plot: unknown[] }>('/api/dispersion?q=公开&points=3000');
    assert.equal(await page.locator('table.corpus-table tbody tr').count(), answer.byYear.length);
    assert.ok(answer.plot.length > 0);
    assert.ok(await page.locator('.recharts-scatter').count() > 0, 'the dispersion plot is drawn');
    await page.screenshot({ path: join(SHOTS, 'corpus-dispersion.png') });
    await page.getByRole('radio', { name: '层级' }).click();
    await page.waitForURL(/by=level/);
    await page.waitForFunction((n) => document.querySelectorAll('table.corpus-table tbody tr').length === n, answer.byLevel.length);
    assert.deepEqual(errors, []);
  });
});
