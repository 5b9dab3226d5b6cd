// The crosswalk on the common scale: applied to generated reports of all three formats it
// gives the generator's truth; applied to the five real reports it gives the numbers a person
// reads in their tables; and the derived rates equal the arithmetic done by hand on those cells.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measuresOf, rateOf } from '../../services/analytics/crosswalk/apply.js';
import { CROSSWALK, CROSSWALK_FORMATS, rateById } from '../../services/analytics/crosswalk/schema.js';
import { parseTables } from '../../services/analytics/tables/index.js';
import { generateReport } from '../../services/corpus-gen/index.js';
import { realReports, realText } from '../helpers/corpus.js';

const measuresOfReal = (prefix: string) => measuresOf(parseTables(realText(realReports().find((r) => r.file.startsWith(prefix))!.file)));
const rate = (id: string, m: ReturnType<typeof measuresOf>) => rateOf(rateById.get(id)!, m);

test('generated reports of all three formats, clean and with extraction mess: every common measure equals the generator\'s truth', () => {
  const perFormat = { pre2019: 0, 2019: 0, 2021: 0 };
  let values = 0;
  for (let i = 0; i < 600; i++) {
    const r = generateReport(19, i, { mess: i % 2 });
    const got = measuresOf(parseTables(r.text));
    assert.deepEqual(got, r.truth.measures, `report ${i} (${r.truth.format}, ${r.truth.year}, mess ${r.truth.mess.join(',') || 'none'})`);
    perFormat[r.truth.format]++;
    values += Object.keys(got).length;
  }
  for (const f of CROSSWALK_FORMATS) assert.ok(perFormat[f] >= 50, `${f}: only ${perFormat[f]} reports`);
  assert.ok(values > 600 * 15, `${values} values compared`);
});

test('every cell the crosswalk maps is one the table readers produce in that format', () => {
  const seen = { pre2019: new Set<string>(), 2019: new Set<string>(), 2021: new Set<string>() };
  for (let i = 0; i < 400; i++) {
    const t = parseTables(generateReport(23, i, { mess: 0 }).text);
    if (t.format === 'unknown') continue;
    for (const item of t.items) seen[t.format].add(`${item.table}/${item.row}/${item.column}`);
  }
  for (const m of CROSSWALK.measures) {
    for (const f of CROSSWALK_FORMATS) {
      const map = m.map[f];
      if ('cells' in map) for (const c of map.cells) assert.ok(seen[f].has(c), `${m.id} in ${f}: ${c} is never read`);
      else assert.ok(map.absent.length > 0);
    }
  }
});

test('the five real reports: the common measures as a person reads them in the tables', () => {
  // 002 (2018 统计表): (一)主动公开政府信息数 135, 政府网站 135, 政务微博 65, 政务微信 110;
  // 收到申请数, 申请办结数, 行政复议数量 and 行政诉讼数量 are all 0.
  const m002 = measuresOfReal('002');
  assert.equal(m002['proactive.total'], 135);
  assert.equal(m002['proactive.website'], 135);
  assert.equal(m002['proactive.weibo'], 65);
  assert.equal(m002['proactive.wechat'], 110);
  for (const id of ['requests.new', 'requests.decided', 'requests.granted', 'requests.refused', 'review.total', 'litigation.total']) assert.equal(m002[id], 0, `002 ${id}`);
  // The 统计表 has no 结转 rows and no 第二十条 decisions: absent, not 0.
  assert.equal(m002['requests.carried_over'], undefined);
  assert.equal(m002['decisions.penalties'], undefined);

  // 003 (2017 统计表): 423 published, 224 on the website, 75 on weibo, 46 on wechat, 12 规范性文件.
  const m003 = measuresOfReal('003');
  assert.deepEqual([m003['proactive.total'], m003['proactive.website'], m003['proactive.weibo'], m003['proactive.wechat'], m003['proactive.normative']], [423, 224, 75, 46, 12]);
  assert.equal(m003['requests.new'], 0);

  // 000 and 001 (2019 format): every application and review cell is 0, and so is each 第二十条 row.
  for (const prefix of ['000', '001']) {
    const m = measuresOfReal(prefix);
    for (const id of ['requests.new', 'requests.carried_over', 'requests.decided', 'requests.carried_forward', 'requests.granted', 'requests.not_processed', 'requests.other_processing', 'review.total', 'review.pending', 'litigation.total', 'proactive.normative', 'decisions.licensing', 'decisions.penalties']) {
      assert.equal(m[id], 0, `${prefix} ${id}`);
    }
    assert.equal(m['proactive.total'], undefined, `${prefix}: the six-part form has no total of items published`);
  }

  // 004 (2021 format): 行政处罚 本年处理决定数量 4, 行政许可 0, application cells 0.
  const m004 = measuresOfReal('004');
  assert.equal(m004['decisions.penalties'], 4);
  assert.equal(m004['decisions.licensing'], 0);
  assert.equal(m004['requests.new'], 0);
  assert.equal(m004['requests.other_processing'], 0);
});

test('derived rates on the real reports equal the hand arithmetic; a zero denominator gives no rate, not 0', () => {
  // 003: 政府网站 224 of 主动公开 423; 002: 135 of 135.
  assert.deepEqual(rate('website_share', measuresOfReal('003')), { numerator: 224, denominator: 423, value: 224 / 423 });
  assert.deepEqual(rate('website_share', measuresOfReal('002')), { numerator: 135, denominator: 135, value: 1 });
  // No report decided any request or concluded any review: 0 ÷ 0 is not defined.
  for (const prefix of ['000', '001', '002', '003', '004']) {
    const m = measuresOfReal(prefix);
    assert.deepEqual(rate('disclosure_rate', m), { numerator: 0, denominator: 0, value: null }, prefix);
    assert.equal(rate('review_correction_rate', m)!.value, null, prefix);
  }
  // A format without the measures gives no rate at all.
  assert.equal(rate('website_share', measuresOfReal('004')), undefined);
  assert.equal(rate('carry_forward_rate', measuresOfReal('002')), undefined);
});

// A constructed 2021-format table (not from any report) with numbers chosen for the arithmetic:
// 20 new + 2 carried over; 予以公开 9, 部分公开 3, 不予公开(第三方) 2, 不掌握 4, 其他 2 → 总计 20; 2 carried forward.
// Review 维持 3, 纠正 1, 其他 0, 尚未审结 1 (总计 5); 诉讼 直接 维持 1 纠正 1 (2), 复议后 纠正 1 其他 1 (2).
const R = (label: string, n: number) => `${label}\t${n}\t0\t0\t0\t0\t0\t${n}`;
const CONSTRUCTED = ['三、收到和处理政府信息公开申请情况', '',
  '\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
  R('一、本年新收政府信息公开申请数量', 20), R('二、上年结转政府信息公开申请数量', 2),
  R('三、本年度办理结果\t(一) 予以公开', 9), R('(二) 部分公开', 3), R('(三) 不予公开\t4.保护第三方合法权益', 2),
  R('(四) 无法提供\t1.本机关不掌握相关政府信息', 4), R('(六) 其他处理\t3.其他', 2), R('(七) 总计', 20),
  R('四、结转下年度继续办理', 2), '', '四、政府信息公开行政复议、行政诉讼情况', '',
  '行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
  '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
  '3\t1\t0\t1\t5\t1\t1\t0\t0\t2\t0\t1\t1\t0\t2', '', '五、存在的主要问题及改进情况'].join('\n');

test('derived rates of a constructed table equal the hand arithmetic', () => {
  const t = parseTables(CONSTRUCTED);
  assert.equal(t.format, '2021');
  const m = measuresOf(t);
  assert.deepEqual(rate('disclosure_rate', m), { numerator: 12, denominator: 20, value: 0.6 }); // (9 + 3) ÷ 20
  assert.equal(rate('refusal_rate', m)!.value, 0.1); // 2 ÷ 20
  assert.equal(rate('not_held_rate', m)!.value, 0.2); // 4 ÷ 20
  assert.deepEqual(rate('review_correction_rate', m), { numerator: 1, denominator: 4, value: 0.25 }); // 1 ÷ (3 + 1 + 0), the pending case left out
  assert.deepEqual(rate('litigation_correction_rate', m), { numerator: 2, denominator: 4, value: 0.5 }); // (1 + 1) ÷ (1 + 1 + 0 + 0 + 1 + 1)
  assert.deepEqual(rate('carry_forward_rate', m), { numerator: 2, denominator: 22, value: 2 / 22 }); // 2 ÷ (20 + 2)
  assert.equal(m['requests.other_processing'], 2);
  assert.equal(m['review.total'], 5);
});

test('docs/analytics.md lists every measure and rate of the crosswalk with its definition', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('../../services/paths.js');
  const doc = readFileSync(join(ROOT, 'docs', 'analytics.md'), 'utf8');
  for (const m of CROSSWALK.measures) assert.ok(doc.includes(`| \`${m.id}\` ${m.label} |`), `measure ${m.id} in the crosswalk table`);
  for (const r of CROSSWALK.rates) assert.ok(doc.includes(`| \`${r.id}\` ${r.label} | ${r.definition} |`), `rate ${r.id} with its definition`);
});
