import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateReport } from '../../services/corpus-gen/index.js';
import { normalize } from '../../services/pipeline/normalize/index.js';
import { APPLICANT_COLUMNS, isInconsistent, parseTables, valueOf, type StatTables } from '../../services/analytics/tables/index.js';
import { realReports, realText } from '../helpers/corpus.js';

const file = (prefix: string) => realReports().find((r) => r.file.startsWith(prefix))!.file;
const tables = (prefix: string) => parseTables(realText(file(prefix)));
const legacy = (t: StatTables, row: string) => valueOf(t, 'legacy', row, 'value');
const failed = (t: StatTables) => t.checks.filter((c) => !c.ok).map((c) => c.name);

test('002 (pre-2019, one cell a line, labels wrapped): the 统计表 as a person reads it', () => {
  const t = tables('002');
  assert.equal(t.format, 'pre2019');
  assert.equal(legacy(t, 'proactive.total'), 135); // (一) 主动公开政府信息数, its label wrapped over two lines
  assert.equal(legacy(t, 'proactive.website'), 135);
  assert.equal(legacy(t, 'proactive.weibo'), 65);
  assert.equal(legacy(t, 'proactive.wechat'), 110); // 4.政务微信公开政府信息数
  assert.equal(legacy(t, 'proactive.other'), 70);
  assert.equal(legacy(t, 'response.social_media'), 33);
  assert.equal(legacy(t, 'requests.received'), 0);
  assert.equal(legacy(t, 'staffing.staff'), 2);
  assert.equal(legacy(t, 'staffing.full_time'), 0); // 1.专职人员数, label wrapped, unit and number on their own lines
  assert.equal(legacy(t, 'staffing.part_time'), 2);
  assert.equal(legacy(t, 'training.trainees'), 13);
  const trainees = t.items.find((i) => i.row === 'training.trainees')!;
  assert.equal(trainees.unit, '人次');
  assert.match(trainees.label, /接受培训人员数/);
  assert.equal(t.items.length, 58);
  assert.deepEqual(failed(t), []);
  assert.ok(t.checks.some((c) => c.name === 'legacy.staff'), 't.checks.some((c) => c.name === "legacy.staff")');
});

test('003 (pre-2019, a row a line): 423 published, 224 on the website, 75 on weibo, 46 on wechat', () => {
  const t = tables('003');
  assert.equal(t.format, 'pre2019');
  assert.equal(legacy(t, 'proactive.total'), 423);
  assert.equal(legacy(t, 'proactive.website'), 224);
  assert.equal(legacy(t, 'proactive.weibo'), 75);
  assert.equal(legacy(t, 'proactive.wechat'), 46);
  assert.equal(legacy(t, 'proactive.normative'), 12);
  assert.equal(legacy(t, 'staffing.full_time'), 1);
  assert.equal(legacy(t, 'training.trainees'), 43);
  // The pasted publication list of another township (序号 | 标题 | …) is no statistics table.
  assert.ok(t.items.every((i) => i.table === 'legacy'), 't.items.every((i) => i.table === "legacy")');
  assert.equal(t.items.length, 58);
  assert.deepEqual(failed(t), []);
});

test('000 and 001 (2019 format): every application cell 0, and the tables consistent', () => {
  for (const prefix of ['000', '001']) {
    const t = tables(prefix);
    assert.equal(t.format, '2019', prefix);
    const apps = t.items.filter((i) => i.table === 'applications');
    // 23 rows (一、二, (一)…(七) with their sub-rows, 四) × 7 columns.
    assert.equal(apps.length, 23 * 7, prefix);
    assert.ok(apps.every((i) => i.value === 0), prefix);
    for (const row of ['new', 'carried_over', 'granted', 'refused.state_secret', 'not_processed.confirmation', 'other', 'total', 'carried_forward']) {
      assert.deepEqual(apps.filter((i) => i.row === row).map((i) => i.column), [...APPLICANT_COLUMNS], `${prefix} ${row}`);
    }
    assert.equal(t.items.filter((i) => i.table === 'review_litigation').length, 15, prefix);
    assert.equal(valueOf(t, 'article20', 'normative_documents', 'published'), 0, prefix);
    assert.equal(valueOf(t, 'article20', 'procurement', 'procurement_amount'), 0, prefix);
    assert.deepEqual(t.checks.map((c) => c.name).sort(),
      ['applications.balance', 'applications.results_total', 'applications.row_totals', 'review_litigation.totals'], prefix);
    assert.ok(!isInconsistent(t), prefix);
  }
});

test('004 (2021 format, merged headers, split labels, misaligned rows): 行政处罚 4, tables consistent', () => {
  const t = tables('004');
  assert.equal(t.format, '2021');
  assert.equal(valueOf(t, 'article20', 'penalties', 'decisions'), 4);
  assert.equal(valueOf(t, 'article20', 'normative_documents', 'in_force'), 0);
  assert.equal(valueOf(t, 'article20', 'fees', 'fee_amount'), 0);
  // 一、本年⇥新收政府信⇥息公开申请数量: one row whose label is split over three cells.
  assert.equal(valueOf(t, 'applications', 'new', 'total'), 0);
  assert.equal(valueOf(t, 'applications', 'other.no_correction', 'natural'), 0);
  assert.equal(valueOf(t, 'applications', 'total', 'total'), 0);
  assert.equal(t.items.filter((i) => i.table === 'review_litigation').length, 15);
  assert.ok(!isInconsistent(t), '!isInconsistent(t)');
});

test('the clean text gives the same numbers as the original', () => {
  for (const r of realReports()) {
    const text = realText(r.file);
    const key = (t: StatTables) => t.items.map((i) => `${i.table}/${i.row}/${i.column}=${i.value}`);
    assert.deepEqual(key(parseTables(normalize(text).text)), key(parseTables(text)), r.file);
  }
});

// A constructed 2019 table (not from any report) whose numbers break its own identity.
const ROW = (label: string, ...n: number[]) => [label, '', ...n.map(String)].join('\t');
function appsTable(newNatural: number, totalNatural: number): string {
  const head = ['三、收到和处理政府信息公开申请情况', '',
    '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计',
    '\t\t自然人\t法人或其他组织', '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他'];
  return [...head,
    ROW('一、本年新收政府信息公开申请数量', newNatural, 1, 0, 0, 0, 0, newNatural + 1),
    ROW('二、上年结转政府信息公开申请数量', 0, 0, 0, 0, 0, 0, 0),
    ROW('三、本年度办理结果\t(一) 予以公开', totalNatural, 1, 0, 0, 0, 0, totalNatural + 1),
    ROW('(七) 总计', totalNatural, 1, 0, 0, 0, 0, totalNatural + 1),
    ROW('四、结转下年度继续办理', 0, 0, 0, 0, 0, 0, 0),
    '', '四、政府信息公开行政复议、行政诉讼情况', '',
    '行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    '1\t0\t0\t0\t1\t0\t0\t0\t1\t2\t0\t0\t0\t0\t0', '', '五、存在的主要问题及改进情况'].join('\n');
}

test('a constructed table that does not add up is flagged, with where', () => {
  const ok = parseTables(appsTable(3, 3));
  assert.equal(valueOf(ok, 'applications', 'new', 'natural'), 3);
  assert.equal(valueOf(ok, 'applications', 'granted', 'total'), 4);
  assert.deepEqual(failed(ok), ['review_litigation.totals']); // 未经复议直接起诉: 0+0+0+1 ≠ 2
  assert.match(ok.checks.find((c) => !c.ok)!.detail, /未经复议直接起诉 1 ≠ 2/);

  const bad = parseTables(appsTable(5, 3)); // 5 new, 0 carried over, but 3 handled and 0 carried forward
  assert.ok(isInconsistent(bad), 'isInconsistent(bad)');
  const balance = bad.checks.find((c) => c.name === 'applications.balance')!;
  assert.equal(balance.ok, false);
  assert.match(balance.detail, /自然人 5\+0 ≠ 3\+0/);
  assert.match(balance.detail, /总计 6\+0 ≠ 4\+0/);
});

test('a real report made inconsistent at run time is flagged', () => {
  // 000 with one 自然人 cell of 本年新收 changed from 0 to 2: the row total and the balance break.
  const text = realText(file('000')).replace(/(一、本年新收政府信息公开申请数量\t\t)0/, '$12');
  const t = parseTables(text);
  assert.equal(valueOf(t, 'applications', 'new', 'natural'), 2);
  assert.deepEqual(failed(t).sort(), ['applications.balance', 'applications.row_totals']);
});

test('generated reports: tables read in every format and layout, flagged exactly when planted inconsistent', () => {
  let inconsistent = 0;
  for (let i = 0; i < 400; i++) {
    const r = generateReport(2024, i, { mess: i % 2 ? 1 : 0 });
    const t = parseTables(r.text);
    assert.equal(t.format, r.truth.format, `report ${i}`);
    assert.ok(t.checks.length >= 2, `report ${i}`);
    assert.equal(isInconsistent(t), !r.truth.tableConsistent, `report ${i}: ${JSON.stringify(t.checks.filter((c) => !c.ok))}`);
    if (!r.truth.tableConsistent) inconsistent++;
  }
  assert.ok(inconsistent > 3, `only ${inconsistent} inconsistent reports planted`);
});
