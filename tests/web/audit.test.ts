// 格式审查 in a real browser, over generated lineages with planted defects: a report whose
// carry-over was broken shows that rule failed, with its source and both years' rows quoted;
// its 问题跟进 list is there; the pass-rate page draws its table and offers the CSV.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { plantDefects } from '../../services/corpus-gen/defects.js';
import { generateLineages } from '../../services/corpus-gen/lineage.js';
import { startServer } from '../helpers/server.js';
import { ensureWebBuilt, launchBrowser, skipReason } from './support.js';

const reason = skipReason();

describe('格式审查 in Chromium', { skip: reason ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'gk-audit-web-'));
  let broken = '';

  before(async () => {
    ensureWebBuilt();
    generateLineages(dir, { units: 40, seed: 3, transform: plantDefects({ rate: 0.4 }) });
    const truth = readFileSync(join(dir, 'TRUTH.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { fileName: string; truth: { defects?: Array<{ kind: string }> } });
    broken = truth.find((t) => t.truth.defects?.some((d) => d.kind === 'broken_carry_over'))!.fileName;
    server = await startServer([dir]);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the broken carry-over failed, with its source and both years quoted', async () => {
    const hits = await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('上年结转')}&size=100&collapse=true`)).json() as { hits: Array<{ reportId: string }> };
    let id = '';
    for (const h of hits.hits) {
      const r = await (await fetch(`${server.url}/api/reports/${h.reportId}`)).json() as { source: { path: string } };
      if (r.source.path === broken) id = h.reportId;
    }
    assert.ok(id, `the report ${broken} is indexed`);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/reports/${id}/audit`);
    const rule = page.locator('.audit-rule', { hasText: '上年结转等于上一年度报告的结转下年度' });
    await rule.waitFor();
    assert.match(await rule.locator('.audit-status').innerText(), /不通过/);
    assert.match(await rule.locator('.audit-source').innerText(), /评估指标/);
    const quotes = await rule.locator('.audit-evidence q').allInnerTexts();
    assert.ok(quotes.some((q) => q.includes('上年结转')) && quotes.some((q) => q.includes('结转下年度')), quotes.join(' | '));
    assert.equal(await page.locator('.audit-rule').count(), 10);
    await page.getByRole('heading', { name: '问题跟进' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('draws the pass rates by level and links the CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/audit`);
    await page.locator('.audit-rates').waitFor({ timeout: 60_000 });
    await page.getByRole('radio', { name: '按层级' }).click();
    await page.locator('.audit-rates tbody th', { hasText: '乡镇' }).first().waitFor();
    const href = await page.getByRole('link', { name: '下载 CSV' }).getAttribute('href');
    assert.match(href ?? '', /audit-rates\.csv\?by=level/);
    const csv = await (await fetch(new URL(href!, server.url))).text();
    assert.match(csv.split('\n')[0]!, /分组,报告数,规则/);
    await context.close();
  });
});
