import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatementCorpus } from '../../services/analytics/clusters/corpus.js';
import { StatementIndex } from '../../services/analytics/clusters/index.js';
import { splitItems } from '../../services/analytics/clusters/items.js';
import { jaccard, normalizeStatement, shingles } from '../../services/analytics/clusters/minhash.js';
import { UnionFind } from '../../services/analytics/clusters/store.js';
import { generateReport } from '../../services/corpus-gen/index.js';
import { parseText } from '../../services/pipeline/parse.js';
import type { ReportSummary } from '../../services/search/types.js';
import { realReports, realText } from '../helpers/corpus.js';
import { formOf, pairScores } from './planted.js';

const real = (prefix: string) => parseText(realText(realReports().find((r) => r.file.startsWith(prefix))!.file));
const itemsOf = (prefix: string, kind: 'problems' | 'improvements') =>
  real(prefix).passages.filter((p) => p.section === kind).flatMap((p) => splitItems(p.text));

test('000: a running paragraph with a lead-in and 一是…五是 gives its five problems', () => {
  const items = itemsOf('000', 'problems');
  assert.equal(items.length, 5);
  assert.ok(items[0]!.startsWith('对政务公开工作在认识上仍存在一定差距'), 'items[0]!.startsWith("对政务公开工作在认识上仍存在一定差距")');
  assert.ok(items[1]!.startsWith('信息公开的内容不够充实完善'), 'items[1]!.startsWith("信息公开的内容不够充实完善")');
  assert.equal(items[2], '依申请公开的规范化程度还有待提升');
  assert.equal(items[3], '对重大政策文件的解读力度需待加强');
  assert.ok(items[4]!.endsWith('了解政务信息的主动性不强'), 'items[4]!.endsWith("了解政务信息的主动性不强")');
  assert.ok(items.every((i) => !/^[一二三四五]是|。$|2019年/.test(i)), 'items.every((i) => !/^[一二三四五]是|。$|2019年/.test(i))');
  assert.equal(itemsOf('000', 'improvements').length, 4);
});

test('001: a sub-heading, a lead-in and 主要是 give one problem; the improvements lead-in gives none', () => {
  assert.deepEqual(itemsOf('001', 'problems'), ['公开内容不够全面，信息公开资源整合有待进一步优化']);
  const improvements = itemsOf('001', 'improvements');
  assert.equal(improvements.length, 3);
  assert.ok(improvements[0]!.startsWith('努力实现政府信息发布'), 'improvements[0]!.startsWith("努力实现政府信息发布")');
  assert.ok(improvements[1]!.startsWith('着力加强与新闻媒体的有效沟通'), 'improvements[1]!.startsWith("着力加强与新闻媒体的有效沟通")');
});

test('item layouts: numbering styles, lead-ins, semicolons, headings', () => {
  assert.deepEqual(splitItems('（一）主要问题。一是政策解读有待加强;二是体验区利用率较低;三是个别站所认识不足。'),
    ['政策解读有待加强', '体验区利用率较低', '个别站所认识不足']);
  assert.deepEqual(splitItems('对照上级要求，我镇还存在以下不足：1.网站更新不及时；2.12345热线办理质量不高；3.培训偏少。'),
    ['网站更新不及时', '12345热线办理质量不高', '培训偏少']);
  assert.deepEqual(splitItems('（2）工作人员变动频繁，工作衔接不畅。'), ['工作人员变动频繁，工作衔接不畅']);
  assert.deepEqual(splitItems('主要是：人员队伍还不健全，力量薄弱；网站信息更新不够到位等。'), ['人员队伍还不健全，力量薄弱', '网站信息更新不够到位']);
  assert.deepEqual(splitItems('①公开形式单一②群众参与度不高'), ['公开形式单一', '群众参与度不高']);
  assert.deepEqual(splitItems('（二）改进措施'), []);
  assert.deepEqual(splitItems('2021年，我乡将重点做好以下几方面工作：'), []);
});

test('two unrelated statements sharing a long beginning are kept apart; an appended clause is not', () => {
  const lead = '对照上级要求和群众期盼，我镇政务公开工作还存在一些不足，主要是';
  const a = `${lead}政务新媒体运营不够规范，互动性不强`;
  const b = `${lead}财政预决算公开不够细化，内容不够具体`;
  assert.ok(jaccard(shingles(normalizeStatement(a), 3), shingles(normalizeStatement(b), 3)) >= 0.4, 'the shared beginning alone passes the Jaccard threshold');
  const idx = new StatementIndex();
  const texts = [a, a.replace('我镇', '我乡'), b, b.replace('我镇', '本街道'),
    '政务公开宣传力度不够，群众知晓率不高', '政务公开宣传力度不够，群众知晓率不高，与群众的期待还有一定差距',
    '政务公开宣传工作不够，群众知晓率不高'];
  texts.forEach((t, i) => idx.add(t, { doc: i, ordinal: 1, item: 1 }));
  const c = idx.cluster();
  const cl = texts.map((_, i) => c[idx.memberVariant.get(i)]);
  assert.equal(cl[0], cl[1], 'the same statement from two issuers');
  assert.equal(cl[2], cl[3]);
  assert.notEqual(cl[0], cl[2], 'different statements after a shared lead-in');
  assert.equal(cl[4], cl[5], 'a statement with a clause appended');
  assert.equal(cl[4], cl[6], 'a light paraphrase');
  assert.notEqual(cl[4], cl[0]);
});

// --- the generated corpus -------------------------------------------------------------------

interface Planted { text: string; id: string; form: string; doc: number }
const REPORTS = 3000;
let plantedCache: Record<'problems' | 'improvements', Planted[]> | undefined;
function planted(): Record<'problems' | 'improvements', Planted[]> {
  if (plantedCache) return plantedCache;
  const out: Record<'problems' | 'improvements', Planted[]> = { problems: [], improvements: [] };
  for (let i = 0; i < REPORTS; i++) {
    const t = generateReport(77, i, { mess: 0 }).truth.planted;
    t.problems.forEach((x, j) => out.problems.push({ text: x, id: t.problemIds[j]!, form: formOf(t.problemIds[j]!, x), doc: i }));
    t.improvements.forEach((x, j) => out.improvements.push({ text: x, id: t.improvementIds[j]!, form: formOf(t.improvementIds[j]!, x), doc: i }));
  }
  return (plantedCache = out);
}

for (const kind of ['problems', 'improvements'] as const) {
  test(`generated corpus (${REPORTS} reports), ${kind}: planted variants of one wording land in one cluster`, (t) => {
    const items = planted()[kind];
    assert.ok(items.every((x) => !x.form.endsWith('?')), 'every planted wording is traced to its form');
    const idx = new StatementIndex();
    items.forEach((x, j) => idx.add(x.text, { doc: x.doc, ordinal: 1, item: j }));
    const c = idx.cluster();
    const cluster = items.map((_, j) => c[idx.memberVariant.get(j)]!);
    // Recall over pairs of the same hand-written form ([a|b] swaps, optional tails); precision over
    // pairs in one cluster that belong to one canonical statement.
    const byForm = pairScores(cluster, items.map((x) => x.form), items.map((x) => x.id));
    const byId = pairScores(cluster, items.map((x) => x.id));
    t.diagnostic(`${kind}: ${items.length} statements, ${idx.variants} distinct wordings, ${idx.stats()!.clusters} clusters, ${idx.stats()!.ms.add + idx.stats()!.ms.cluster} ms`);
    t.diagnostic(`${kind}: pairwise precision ${byForm.precision.toFixed(4)}, recall ${byForm.recall.toFixed(4)} (variants of one form)`);
    t.diagnostic(`${kind}: recall across a statement's different hand-written forms ${byId.recall.toFixed(4)} (paraphrases, not near-duplicates)`);
    assert.ok(byForm.precision >= 0.95, `precision ${byForm.precision}`);
    assert.ok(byForm.recall >= 0.95, `recall ${byForm.recall}`);

    // LSH loses (almost) nothing against comparing every pair of wordings (checked on one kind: 3M pairs).
    if (kind !== 'problems') return;
    const n = idx.variants;
    const uf = new UnionFind(n);
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (idx.verify(a, b)) uf.union(a, b);
    const brute = items.map((_, j) => uf.find(idx.memberVariant.get(j)));
    const vsBrute = pairScores(cluster, brute.map(String));
    t.diagnostic(`${kind}: LSH vs all pairs: pairwise recall ${vsBrute.recall.toFixed(4)}, precision ${vsBrute.precision.toFixed(4)}`);
    assert.ok(vsBrute.recall >= 0.99 && vsBrute.precision === 1, `LSH vs all pairs: ${JSON.stringify(vsBrute)}`);
  });
}

test('generated reports end to end: passages → items → clusters, as good as clustering the planted statements', (t) => {
  const corpus = new StatementCorpus('problems');
  const truth: Array<{ doc: string; norm: string; text: string; id: string; form: string }> = [];
  for (let i = 0; i < 300; i++) {
    const r = generateReport(78, i);
    const parsed = parseText(r.text);
    const report: ReportSummary = { id: `g${i}`, title: parsed.title, issuer: parsed.issuer, year: parsed.year, level: parsed.level, region: parsed.region, demo: false };
    for (const p of parsed.passages) if (p.section === 'problems') corpus.addPassage(report, p.ordinal, p.text);
    r.truth.planted.problems.forEach((x, j) => truth.push({
      doc: `g${i}`, norm: normalizeStatement(x), text: x, id: r.truth.planted.problemIds[j]!, form: formOf(r.truth.planted.problemIds[j]!, x),
    }));
  }
  corpus.finish();
  const idx = corpus.index;
  // Each extracted item is matched to the planted statement of its report with the same wording.
  const byKey = new Map(truth.map((x) => [`${x.doc}\u0000${x.norm}`, x]));
  const matched: Array<{ cluster: number; form: string; id: string }> = [];
  const clusterOf = idx.cluster();
  for (let m = 0; m < idx.size; m++) {
    const doc = corpus.docs[idx.memberDoc.get(m)]!.id;
    const hit = byKey.get(`${doc}\u0000${normalizeStatement(idx.text(m))}`);
    if (hit) matched.push({ cluster: clusterOf[idx.memberVariant.get(m)]!, form: hit.form, id: hit.id });
  }
  const found = matched.length / truth.length;
  const extra = idx.size - matched.length;
  const e2e = pairScores(matched.map((x) => x.cluster), matched.map((x) => x.form), matched.map((x) => x.id));
  // The same statements clustered straight from the truth: what extraction could at best give.
  const direct = new StatementIndex();
  truth.forEach((x, j) => direct.add(x.text, { doc: 0, ordinal: 1, item: j }));
  const dc = direct.cluster();
  const best = pairScores(truth.map((_, j) => dc[direct.memberVariant.get(j)]!), truth.map((x) => x.form), truth.map((x) => x.id));
  t.diagnostic(`end to end: ${truth.length} planted problems, ${(found * 100).toFixed(1)}% extracted word for word, ${extra} other items`);
  t.diagnostic(`end to end: pairwise precision ${e2e.precision.toFixed(4)}, recall ${e2e.recall.toFixed(4)}; from the truth directly: ${best.precision.toFixed(4)}, ${best.recall.toFixed(4)} (300 reports: few intermediate wordings)`);
  assert.ok(found >= 0.97, `only ${found} of the planted statements extracted`);
  assert.ok(extra <= truth.length * 0.05, `${extra} items that are no planted statement`);
  assert.ok(e2e.precision >= 0.95, 'e2e.precision >= 0.95');
  assert.ok(e2e.recall >= best.recall - 0.03, `extraction lost recall: ${e2e.recall} vs ${best.recall}`);
});

test('corpus queries: filters, spread order, a township repeating itself', () => {
  const corpus = new StatementCorpus('problems');
  const report = (id: string, year: number, code: string, level: ReportSummary['level'] = 'township'): ReportSummary => ({
    id, title: `${id}报告`, issuer: `${id}人民政府`, year, level, demo: false,
    region: { province: '某省', city: '某市', county: '某县', township: id, code },
  });
  const same = ['村务公开栏内容更新不及时，部分信息长期未更换', '村务公开栏内容更新滞后，部分信息长期未更换', '村务公开栏内容更新不及时，个别信息长期未更换'];
  corpus.addPassage(report('甲镇2019', 2019, '110101001'), 5, `一是${same[0]}；二是政务新媒体运营不够规范，互动性不强。`);
  corpus.addPassage(report('甲镇2020', 2020, '110101001'), 7, `1.${same[1]}。2.财政预决算公开不够细化。`);
  corpus.addPassage(report('甲镇2021', 2021, '110101001'), 6, `主要是：${same[2]}；保密审查把关不够严格。`);
  corpus.addPassage(report('乙镇2021', 2021, '110102002'), 4, `一是${same[0]}；二是保密审查把关不够严格。`);
  corpus.addPassage(report('丙县2021', 2021, '120103', 'county'), 9, '一是保密审查环节把关不够严格；二是干部对政务公开的重要性认识不够。');
  corpus.finish();

  const all = corpus.query({ years: [], regions: [], levels: [], minReports: 2, minYears: 0, offset: 0, limit: 10, members: 10, sort: 'spread' });
  assert.equal(all.total, 2);
  assert.equal(all.statements, 10);
  const [first, second] = all.clusters;
  assert.equal(first!.reports, 4);
  assert.equal(first!.regions, 2);
  assert.deepEqual(first!.years, [2019, 2020, 2021]);
  assert.equal(first!.representative, same[0]); // the medoid: used twice, closest to the others
  assert.equal(first!.variants, 3);
  assert.deepEqual(first!.members.map((m) => [m.reportId, m.year]), [['甲镇2021', 2021], ['乙镇2021', 2021], ['甲镇2020', 2020], ['甲镇2019', 2019]]);
  assert.match(first!.members[0]!.citation.text, /《甲镇2021报告》，甲镇2021人民政府，2021年，“存在的主要问题”部分，第6段。/);
  assert.equal(second!.reports, 3); // 保密审查把关不够严格: three reports, two regions + one county
  assert.deepEqual(second!.levels, ['county', 'township']);

  const townships2021 = corpus.query({ years: [2021], regions: [], levels: ['township'], minReports: 2, minYears: 0, offset: 0, limit: 10, members: 1, sort: 'spread' });
  assert.equal(townships2021.total, 2);
  assert.ok(townships2021.clusters.every((c) => c.reports === 2 && c.members.length === 1 && c.truncated), 'townships2021.clusters.every((c) => c.reports === 2 && c.members.length === 1 && c.truncated)');

  const own = corpus.query({ years: [], regions: ['110101001'], levels: [], minReports: 1, minYears: 2, offset: 0, limit: 10, members: 10, sort: 'years' });
  assert.equal(own.total, 1, 'only the village notice board recurs across 甲镇 own years');
  assert.deepEqual(own.clusters[0]!.years, [2019, 2020, 2021]);
  assert.ok(own.clusters[0]!.members.every((m) => m.region.code === '110101001'), 'own.clusters[0]!.members.every((m) => m.region.code === "110101001")');
});
