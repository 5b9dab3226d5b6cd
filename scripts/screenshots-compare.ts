// Screenshots of the compare page (desktop 1280×900, phone 390×844), the copy-rates page and the
// report reader's lineage strip, over a generated lineage corpus (the reports of one unit year after year), for
// docs/screenshots/. A pair copied a good deal but not wholly is chosen, so every mark shows.
//   npx tsx scripts/screenshots-compare.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../services/paths.js';
import type { CopiedList } from '../services/analytics/copy/summaries.js';
import { lineageCorpus } from '../tests/copy/lineage-corpus.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser, shoot } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');


mkdirSync(OUT, { recursive: true });
ensureWebBuilt();
const corpus = lineageCorpus(30, 41);
const server = await startServer([corpus.dir]);
const browser = await launchBrowser();
try {
  const list = await (await fetch(`${server.url}/api/copy/copied?min=0.3&limit=200`)).json() as CopiedList;
  const pick = list.reports.find((r) => r.copyRate > 0.45 && r.copyRate < 0.75) ?? list.reports[0]!;
  const url = `${server.url}/compare?a=${pick.previous!.id}&b=${pick.report.id}`;
  const ready = async (p: Page) => { await p.locator('.cmp-rate').waitFor(); };
  await shoot(browser, url, 'compare-desktop.png', { width: 1280, height: 900 }, ready);
  await shoot(browser, url, 'compare-phone.png', { width: 390, height: 844 }, ready);
  await shoot(browser, `${server.url}/copy`, 'copy-rates-desktop.png', { width: 1280, height: 900 }, async (p) => { await p.locator('.cmp-table').first().waitFor(); });
  await shoot(browser, `${server.url}/reports/${pick.report.id}`, 'report-lineage-desktop.png', { width: 1280, height: 900 }, async (p) => { await p.locator('.lineage').waitFor(); });
} finally {
  await browser.close();
  await server.close();
  corpus.dispose();
}
