// Screenshots of 格式审查 for docs/screenshots/: one report's checklist (desktop 1280×900 and
// a phone) and the pass-rate table, from a running server over generated lineages with
// planted defects:
//   npx tsx scripts/gen-corpus.ts --lineages 120 --defects 0.3 --seed 3 --out /tmp/aud/corpus
//   npx gongkai ingest --data-dir /tmp/aud/data /tmp/aud/corpus && npx gongkai serve --data-dir /tmp/aud/data
//   npx tsx scripts/screenshots-audit.ts http://127.0.0.1:3000 <report id>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../services/paths.js';
import { launchBrowser, shoot } from '../tests/web/support.js';

const OUT = process.env.SCREENSHOT_DIR ?? join(ROOT, 'docs', 'screenshots');


async function main() {
  const [base, id] = process.argv.slice(2);
  if (!base || !id) throw new Error('usage: tsx scripts/screenshots-audit.ts <server url> <report id>');
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    const checklist = async (p: Page) => { await p.waitForSelector('.audit-rule', { timeout: 60_000 }); };
    await shoot(browser, `${base}/reports/${id}/audit`, 'audit-desktop.png', { width: 1280, height: 1700 }, checklist);
    await shoot(browser, `${base}/reports/${id}/audit`, 'audit-phone.png', { width: 390, height: 844 }, checklist);
    await shoot(browser, `${base}/audit`, 'audit-rates-desktop.png', { width: 1280, height: 900 }, async (p) => { await p.waitForSelector('.audit-rates', { timeout: 120_000 }); });
  } finally {
    await browser.close();
  }
}

await main();
