import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { recurring } from '../../services/analytics/methods/recurring.js';
import { repeats } from '../../services/analytics/methods/repeats.js';
import { statTotals } from '../../services/analytics/methods/stat-totals.js';
import { listReports } from '../../services/analytics/source.js';
import { ingest } from '../../services/ingest/ingest.js';
import type { Engine } from '../../services/search/engine.js';
import { realPath, realReports } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';

// Three constructed reports of one township (永宁县望远镇), 2019–2021: one problem written
// again every year in slightly different words, the others new each year; 2021 with an
// applications table that does not add up.
const RECURRING = ['村级公开栏内容更新不及时，部分信息长期未更换', '村级公开栏内容更新不够及时，部分信息长期未更换', '村级公开栏内容更新不及时，个别信息长期未更换'];
const ONCE = [['网站栏目设置不够合理', '政策解读形式单一'], ['新媒体互动回复较慢', '档案资料归档不够规范'], ['业务培训频次偏低', '公开目录梳理不细']];
const table = (n: number) => ['三、收到和处理政府信息公开申请情况', '',
  '\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
  `一、本年新收政府信息公开申请数量\t\t${n}\t0\t0\t0\t0\t0\t${n}`,
  '二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0',
  '三、本年度办理结果\t(一) 予以公开\t1\t0\t0\t0\t0\t0\t1',
  '(七) 总计\t\t1\t0\t0\t0\t0\t0\t1',
  '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0', ''].join('\n');
const township = (i: number) => `永宁县望远镇人民政府${2019 + i}年政府信息公开工作年度报告

一、总体情况

${2019 + i}年，望远镇认真落实政务公开各项要求，主动公开各类信息。

${table(i === 2 ? 3 : 1)}
五、存在的主要问题及改进情况

（一）存在的主要问题。一是${RECURRING[i]}；二是${ONCE[i]![0]}；三是${ONCE[i]![1]}。

（二）改进措施。一是加强业务培训，提高工作人员业务水平。二是及时更新村级公开栏。

六、其他需要报告的事项

无。
`;

let engine: Engine;
let dispose: () => Promise<void>;
let dir: string;

before(async () => {
  const t = await tempEngine();
  engine = t.engine;
  dispose = t.dispose;
  dir = mkdtempSync(join(tmpdir(), 'gongkai-analytics-'));
  for (let i = 0; i < 3; i++) writeFileSync(join(dir, `wangyuan-${2019 + i}.txt`), township(i));
  const summary = await ingest(engine, [...realReports().map((r) => realPath(r.file)), dir]);
  assert.deepEqual(summary.failed, []);
  assert.equal(summary.indexed, 8);
});

after(async () => {
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

test('listReports enumerates the index', async () => {
  const refs = await listReports(engine);
  assert.equal(refs.length, 8);
  assert.ok(refs.every((r) => /^[0-9a-f]{16}$/.test(r.id) && r.sha256?.startsWith(r.id)), 'refs.every((r) => /^[0-9a-f]{16}$/.test(r.id) && r.sha256?.startsWith(r.id))');
});

test('stat totals per year, per region, with the inconsistent report listed', async () => {
  const byYear = await statTotals(engine, { by: 'year' });
  assert.equal(byYear.total.reports, 8);
  assert.equal(byYear.total.withTables, 8);
  assert.equal(byYear.parsed, 8);
  assert.deepEqual(byYear.rows.map((r) => [r.key, r.reports]), [['2017', 1], ['2018', 1], ['2019', 2], ['2020', 2], ['2021', 1], ['2023', 1]]);
  const y2020 = byYear.rows.find((r) => r.key === '2020')!;
  assert.equal(y2020.requestsReceived, 1); // 望远镇 2020: one request; 001 (2020): none
  assert.equal(y2020.reportsWithRequests, 1);
  assert.equal(byYear.total.requestsReceived, 5);
  assert.equal(byYear.total.reportsWithLitigation, 0);
  assert.equal(byYear.total.inconsistentReports, 1);
  assert.equal(byYear.inconsistent.length, 1);
  assert.equal(byYear.inconsistent[0]!.year, 2021);
  assert.deepEqual(byYear.inconsistent[0]!.failed.map((c) => c.name), ['applications.balance']); // 3 new, 1 handled, none carried forward

  const again = await statTotals(engine, { by: 'county', regions: ['6401'] });
  assert.equal(again.parsed, 0, 'served from the cache');
  assert.deepEqual(again.rows.map((r) => [r.key, r.reports]), [['640121', 4], ['640104', 1]]);
  assert.equal(again.rows[0]!.label, '宁夏回族自治区银川市永宁县');
});

test('recurring problems: the repeated statement first, members cited; filters', async () => {
  const r = await recurring(engine, { kind: 'problems' });
  assert.equal(r.total, 1);
  const c = r.clusters[0]!;
  assert.equal(c.reports, 3);
  assert.equal(c.regions, 1);
  assert.deepEqual(c.years, [2019, 2020, 2021]);
  assert.ok(RECURRING.includes(c.representative), 'RECURRING.includes(c.representative)');
  assert.equal(c.members[0]!.year, 2021);
  assert.match(c.members[0]!.citation.text, /望远镇人民政府，2021年，“存在的主要问题”部分，第\d+段。/);
  assert.ok(r.statements >= 3 * 3 + 5, 'r.statements >= 3 * 3 + 5');

  assert.equal((await recurring(engine, { kind: 'problems', years: [2019, 2020] })).clusters[0]!.reports, 2);
  assert.equal((await recurring(engine, { kind: 'problems', years: [2019] })).total, 0);
  assert.equal((await recurring(engine, { kind: 'problems', levels: ['county'] })).total, 0);
  assert.equal((await recurring(engine, { kind: 'problems', regions: ['640121'] })).total, 1);
  const improvements = await recurring(engine, { kind: 'improvements' });
  assert.ok(improvements.clusters.some((x) => x.reports === 3 && /业务培训/.test(x.representative)), 'improvements.clusters.some((x) => x.reports === 3 && /业务培训/.test(x.representative))');
});

test('what a township repeats year after year', async () => {
  const r = await repeats(engine, { region: '640121102' });
  assert.equal(r.reports, 3);
  assert.deepEqual(r.years, [2019, 2020, 2021]);
  assert.equal(r.statements, 9);
  assert.equal(r.total, 1);
  assert.deepEqual(r.clusters[0]!.years, [2019, 2020, 2021]);
  assert.deepEqual(r.clusters[0]!.members.map((m) => m.text).sort(), [...RECURRING].sort());
  // 胜利乡 (000) has one report only: nothing recurs.
  assert.equal((await repeats(engine, { region: '640121200' })).total, 0);
});

test('the clusters are rebuilt when the index changes', async () => {
  const before = await recurring(engine, { kind: 'problems', minReports: 1, limit: 500 });
  const extra = join(dir, 'wangyuan-2022.txt');
  writeFileSync(extra, township(0).replaceAll('2019', '2022'));
  await ingest(engine, [extra]);
  const after = await recurring(engine, { kind: 'problems' });
  assert.equal(after.clusters[0]!.reports, 4);
  assert.deepEqual(after.clusters[0]!.years, [2019, 2020, 2021, 2022]);
  assert.ok(after.statements > before.statements, 'after.statements > before.statements');
  const totals = await statTotals(engine, { by: 'year' });
  assert.equal(totals.parsed, 1, 'only the new report is parsed');
  assert.equal(totals.total.reports, 9);
});
