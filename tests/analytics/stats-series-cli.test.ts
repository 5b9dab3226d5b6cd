// `gongkai stats-series` over the five real reports: 网站公开占比 by year as a person computes
// it from their 统计表 (003: 224 of 423 in 2017, 002: 135 of 135 in 2018, pooled 359 of 558),
// every value with its sample size and flagged 样本不足 under 30 reports; a wrong metric is a usage error.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../services/cli/main.js';
import { REAL_DIR } from '../helpers/corpus.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...a: unknown[]) => { out.push(a.join(' ')); };
  console.error = (...a: unknown[]) => { err.push(a.join(' ')); };
  try {
    return { code: await main(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

describe('gongkai stats-series', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-series-cli-'));
    assert.equal((await run(['--data-dir', dir, 'ingest', REAL_DIR])).code, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the rate by year with numerator, denominator and sample size', async () => {
    const { code, out } = await run(['--data-dir', dir, 'stats-series', 'website_share']);
    assert.equal(code, 0);
    const lines = out.split('\n');
    assert.match(lines[0]!, /网站公开占比（website_share）：政府网站公开政府信息数 ÷ 主动公开政府信息数/);
    assert.ok(lines.includes(`2017年  ${(224 / 423 * 100).toFixed(1)}%  n=1  224/423  样本不足`), out);
    assert.ok(lines.includes('2018年  100.0%  n=1  135/135  样本不足'), out);
    assert.ok(lines.includes(`合计  ${(359 / 558 * 100).toFixed(1)}%  n=2  359/558  样本不足`), out);
    // The three six-part reports have no channel rows: left out, not counted as 0 %.
    assert.match(lines[1]!, /3 份格式没有这一项/);
  });

  it('--csv carries the definition; a metric that does not exist is a usage error naming the metrics', async () => {
    const csv = await run(['--data-dir', dir, 'stats-series', 'disclosure_rate', '--csv', '--min-reports', '2']);
    assert.equal(csv.code, 0);
    assert.match(csv.out, /^# 指标：实质公开率/);
    assert.match(csv.out, /报告数少于 2/);
    await assert.rejects(run(['--data-dir', dir, 'stats-series', 'no_such_rate']), /takes one metric: a rate \(disclosure_rate/);
  });
});
