// Made-up reports, one concern each: levels, disambiguation, variants, year, format, title.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractMetadata } from '../../services/pipeline/metadata/index.js';
import { normalize } from '../../services/pipeline/normalize/index.js';
import { checkProperty } from '../helpers/property.js';

/** A made-up report as extracted text, through normalize as the pipeline does. */
const meta = (text: string, fileName?: string) => extractMetadata(normalize(text).text, { fileName });
const report = (title: string, ...body: string[]) => meta([title, ...body].join('\n\n'));

const POST_2019_PARTS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

test('county government', () => {
  const m = report('彭阳县人民政府2020年政府信息公开工作年度报告', '2020年，全县政务公开工作稳步推进。');
  assert.equal(m.issuer, '彭阳县人民政府');
  assert.equal(m.level, 'county');
  assert.deepEqual(m.region, { province: '宁夏回族自治区', city: '固原市', county: '彭阳县', township: null, code: '640425' });
});

test('a county-level city and a district are counties; a title without 人民政府 gets it', () => {
  assert.equal(report('灵武市人民政府2019年政府信息公开工作年度报告').level, 'county');
  const district = report('兴庆区2019年政府信息公开工作年度报告');
  assert.equal(district.issuer, '兴庆区人民政府');
  assert.equal(district.level, 'county');
  assert.equal(district.region.code, '640104');
  assert.equal(report('彭阳县政府2019年政府信息公开工作年度报告').issuer, '彭阳县人民政府');
});

test('city government', () => {
  const m = report('银川市人民政府2019年政府信息公开工作年度报告');
  assert.equal(m.level, 'city');
  assert.equal(m.issuer, '银川市人民政府');
  assert.deepEqual(m.region, { province: '宁夏回族自治区', city: '银川市', county: null, township: null, code: '640100' });
});

test('province government, and a 直辖市 district', () => {
  const ningxia = report('宁夏回族自治区人民政府2019年政府信息公开工作年度报告');
  assert.equal(ningxia.level, 'province');
  assert.equal(ningxia.region.code, '640000');
  const dongcheng = report('北京市东城区人民政府2020年政府信息公开工作年度报告');
  assert.equal(dongcheng.level, 'county');
  assert.deepEqual(dongcheng.region, { province: '北京市', city: null, county: '东城区', township: null, code: '110101' });
});

test('departments keep their name and take their county as region', () => {
  const m = report('永宁县教育局2021年政府信息公开工作年度报告', '2021年，我局主动公开政府信息。');
  assert.equal(m.issuer, '永宁县教育局');
  assert.equal(m.level, 'department');
  assert.deepEqual(m.region, { province: '宁夏回族自治区', city: '银川市', county: '永宁县', township: null, code: '640121' });
  assert.equal(report('彭阳县人民政府办公室2019年政府信息公开工作年度报告').level, 'department');
  assert.equal(report('彭阳县住房和城乡建设局2020年政府信息公开工作年度报告').issuer, '彭阳县住房和城乡建设局');
  assert.equal(report('恩施州教育局2019年政府信息公开工作年度报告').region.code, '422800');
  // The gazetteer lists forestry bureaus among townships: in a name, 林业局 is an organ.
  const forestry = report('鸡西市林业局2018年政府信息公开工作年度报告');
  assert.equal(forestry.level, 'department');
  assert.deepEqual(forestry.region, { province: '黑龙江省', city: '鸡西市', county: null, township: null, code: '230300' });
});

test('an organ named before its place is a department of that place; a 行政公署 governs its 盟', () => {
  const tax = report('国家税务总局彭阳县税务局2019年政府信息公开工作年度报告');
  assert.equal(tax.issuer, '国家税务总局彭阳县税务局');
  assert.equal(tax.level, 'department');
  assert.equal(tax.region.code, '640425');
  const league = report('兴安盟行政公署2019年政府信息公开工作年度报告');
  assert.equal(league.level, 'city');
  assert.equal(league.region.code, '152200');
});

test('a department titled without its place takes it from the body', () => {
  const m = report('教育局2019年政府信息公开工作年度报告', '本报告由彭阳县教育局编制。彭阳县教育局负责解释。');
  assert.equal(m.issuer, '彭阳县教育局');
  assert.equal(m.region.code, '640425');
});

test('a township: the title names it, the issuer gets 人民政府, a 街道 its 办事处', () => {
  const m = report('彭阳交岔乡2019年政府信息公开工作年度报告');
  assert.equal(m.issuer, '彭阳县交岔乡人民政府');
  assert.equal(m.level, 'township');
  assert.equal(m.region.code, '640425207');
  const street = report('北京市东城区东华门街道2020年政府信息公开工作年度报告');
  assert.equal(street.issuer, '东城区东华门街道办事处');
  assert.equal(street.level, 'township');
  assert.equal(street.region.code, '110101001');
  const full = report('北京市东城区人民政府东华门街道办事处2020年政府信息公开工作年度报告');
  assert.equal(full.issuer, '东城区人民政府东华门街道办事处');
  assert.equal(full.region.code, '110101001');
});

test('the issuer is named from its county (or city) on, as a body names itself', () => {
  assert.equal(report('韶关市始兴县罗坝镇2013年政府信息公开工作年度报告').issuer, '始兴县罗坝镇人民政府');
  assert.equal(report('宁夏回族自治区银川市人民政府2019年政府信息公开工作年度报告').issuer, '银川市人民政府');
  assert.equal(report('宁夏银川市永宁县教育局2019年政府信息公开工作年度报告').issuer, '永宁县教育局');
  assert.equal(report('喀什地区2010年政府信息公开工作年度报告').issuer, '喀什地区行政公署');
  const zhongshan = report('中山市生态环境局2021年政府信息公开工作年度报告');
  assert.deepEqual(zhongshan.region, { province: '广东省', city: '中山市', county: null, township: null, code: '442000' });
});

test('a repeated township name: the county in the title decides', () => {
  const m = report('永宁县胜利乡人民政府2019年政府信息公开工作年度报告', '汤原县胜利乡的经验值得学习。');
  assert.equal(m.region.code, '640121200');
});

test('a repeated township name: the county in the body decides when the title lacks it', () => {
  const ningxia = report('胜利乡2019年政府信息公开工作年度报告', '我乡在永宁县人民政府网站公开信息。永宁县胜利乡位于黄河岸边。');
  assert.deepEqual(ningxia.region, { province: '宁夏回族自治区', city: '银川市', county: '永宁县', township: '胜利乡', code: '640121200' });
  const heilongjiang = report('胜利乡2019年政府信息公开工作年度报告', '我乡在汤原县人民政府网站公开信息。');
  assert.equal(heilongjiang.region.code, '230828203');
  // A province alone is enough when it names only one of them.
  assert.equal(report('胜利乡2019年政府信息公开工作年度报告', '按照宁夏回族自治区的部署。').region.code, '640121200');
});

test('a pasted notice naming another county does not outweigh the report\'s own', () => {
  const m = report('胜利乡2019年政府信息公开工作年度报告',
    '我乡在永宁县人民政府网站公开信息，按照永宁县要求编制本报告。',
    '附：汤原县人民政府办公室关于转发通知的通知（汤原县人民政府办公室印发，发至汤原县各乡镇）',
    '附件：永宁县胜利乡政府信息公开情况统计表');
  assert.equal(m.region.code, '640121200');
  assert.ok(m.warnings.some((w) => w.includes('chose')), m.warnings.join('; '));
});

test('a repeated township name with no clue left: the name, no code, and a warning', () => {
  const m = report('胜利乡2019年政府信息公开工作年度报告', '我乡认真落实政务公开工作。');
  assert.deepEqual(m.region, { province: null, city: null, county: null, township: '胜利乡', code: null });
  assert.ok(m.warnings.some((w) => w.includes('6 places')));
});

test('a township written with a variant character, under its county', () => {
  const m = report('夏邑县桑垌乡人民政府2020年政府信息公开工作年度报告');
  assert.equal(m.issuer, '夏邑县桑垌乡人民政府');
  assert.deepEqual(m.region, { province: '河南省', city: '商丘市', county: '夏邑县', township: '桑堌乡', code: '411426207' });
  assert.ok(m.warnings.includes('township 桑垌乡 matched gazetteer 桑堌乡 (variant)'), m.warnings.join('; '));
});

test('a township with a typo, its county named only in the body', () => {
  const m = report('彭阳县小汊乡2020年政府信息公开工作年度报告');
  assert.equal(m.region.code, '640425204'); // 小岔乡
  const body = report('桑园乡2020年政府信息公开工作年度报告', '我乡在夏邑县人民政府网站公开信息，夏邑县要求……');
  assert.equal(body.region.township, '桑堌乡');
  assert.ok(body.warnings.some((w) => w.includes('(typo)')), body.warnings.join('; '));
});

test('an unknown county is read past when known places follow', () => {
  const m = report('彭杨县交岔乡2020年政府信息公开工作年度报告');
  assert.equal(m.region.code, '640425207');
  assert.ok(m.warnings.some((w) => w.includes('彭杨县')));
});

test('an unknown place: nulls and a warning', () => {
  const m = report('某某乡2019年政府信息公开工作年度报告', '我乡认真落实政务公开工作。');
  assert.deepEqual(m.region, { province: null, city: null, county: null, township: null, code: null });
  assert.equal(m.level, 'township');
  assert.ok(m.warnings.some((w) => w.includes('某某乡')));
  const national = report('某某部2019年政府信息公开工作年度报告');
  assert.equal(national.region.code, null);
  assert.ok(national.warnings.some((w) => w.startsWith('region not found')));
});

test('year: the title, not the years the body names', () => {
  const m = report('永宁县胜利乡2019年政府信息公开工作年度报告',
    '根据《关于做好2018年政务公开工作的通知》（永政办发〔2018〕12号）要求……', '2020年，我乡将进一步加强政务公开。2020年计划……');
  assert.equal(m.year, 2019);
  assert.equal(report('永宁县胜利乡二〇一九年度政府信息公开工作年度报告').year, 2019);
  assert.equal(report('永宁县胜利乡政府信息公开工作年度报告（2019年）').year, 2019);
});

test('year from the statistics period when the title has none', () => {
  const m = report('永宁县胜利乡政府信息公开工作年度报告',
    '本报告所列数据统计期限为2018年1月1日至2018年12月31日。', '2019年，我乡将继续推进政务公开。2019年重点……');
  assert.equal(m.year, 2018);
});

test('a date that is not the statistics period is not the year', () => {
  const m = report('永宁县胜利乡政府信息公开工作年度报告',
    '《某某办法》自2015年1月1日起施行。', '本年度数据统计期限为2019年1月1日至2019年12月31日。');
  assert.equal(m.year, 2019);
});

test('year from the report naming itself, else the year named most', () => {
  assert.equal(report('政府信息公开工作年度报告', '现将《永宁县胜利乡2017年政府信息公开工作年度报告》公布如下。2018年我乡将……').year, 2017);
  const guessed = report('政府信息公开工作年度报告', '2016年，我乡……2016年共公开……2017年将……');
  assert.equal(guessed.year, 2016);
  assert.ok(guessed.warnings.some((w) => w.includes('guessed')));
});

test('format: each template told by its tables', () => {
  const title = '永宁县胜利乡2019年政府信息公开工作年度报告';
  assert.equal(report(title, '一、概述', '我乡……', '统计指标\t单位\t汇总数').format, 'pre2019');
  assert.equal(report(title, '一、概述', '我乡……').format, 'pre2019');
  assert.equal(report(title, '第二十条第（一）项', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量').format, '2019');
  assert.equal(report(title, '第二十条第（五）项', '信息内容\t上一年项目数量\t本年增/减\t处理决定数量').format, '2019');
  assert.equal(report(title, '第二十条第(一)项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数').format, '2021');
  // A header cell wrapped over two lines still counts.
  assert.equal(report(title, '信息内容\t本年制发\n件数\t本年废止件数').format, '2021');
  assert.equal(report(title, '信息内容\t本年处理决定数量').format, '2021');
});

test('format: without tables, the year and the six-part headings decide', () => {
  assert.equal(report('永宁县胜利乡2022年政府信息公开工作年度报告', ...POST_2019_PARTS).format, '2021');
  assert.equal(report('永宁县胜利乡2020年政府信息公开工作年度报告', ...POST_2019_PARTS).format, '2019');
  assert.equal(report('永宁县胜利乡2016年政府信息公开工作年度报告', '我乡……').format, 'pre2019');
  // No tables and no headings (a page's opening): the template in force that year.
  assert.equal(report('永宁县胜利乡2020年政府信息公开工作年度报告', '我乡……').format, '2019');
  assert.equal(report('永宁县胜利乡2023年政府信息公开工作年度报告', '我乡……').format, '2021');
  assert.equal(report('永宁县胜利乡2019年政府信息公开工作年度报告', '本报告由概述、主动公开政府信息情况、政府信息公开的收费及减免情况等部分组成。').format, 'pre2019');
});

test('a title split by PDF spaces, with the county only in the body', () => {
  const m = meta('\n\n交岔乡 2017 年政府信息公开工作 年度报告\n\n本报告由交岔乡人民政府办公室编制。我乡在彭阳县人民政府网站公开信息。\n');
  assert.equal(m.title, '交岔乡2017年政府信息公开工作年度报告');
  assert.equal(m.issuer, '交岔乡人民政府');
  assert.equal(m.year, 2017);
  assert.equal(m.region.code, '640425207');
});

test('a title broken over two lines, or with the year first', () => {
  const two = meta('永宁县胜利乡人民政府\n\n2019年政府信息公开工作年度报告\n\n一、总体情况');
  assert.equal(two.title, '永宁县胜利乡人民政府2019年政府信息公开工作年度报告');
  assert.equal(two.region.code, '640121200');
  const yearFirst = report('2019年度永宁县胜利乡政府信息公开工作年度报告');
  assert.equal(yearFirst.issuer, '永宁县胜利乡人民政府');
  assert.equal(yearFirst.region.code, '640121200');
});

test('the title is not the preamble quoting it, a breadcrumb, nor a column header', () => {
  const m = meta('首页>政务公开>年报\n永宁县胜利乡2019年政府信息公开工作年度报告\n现将《胜利乡2019年政府信息公开工作年度报告》公布如下。');
  assert.equal(m.title, '永宁县胜利乡2019年政府信息公开工作年度报告');
  const column = meta('永宁县人民政府门户网站\n\n政府信息公开年报\n\n发布时间：2020-01-20\n\n永宁县胜利乡2019年政府信息公开工作年度报告\n\n一、总体情况');
  assert.equal(column.title, '永宁县胜利乡2019年政府信息公开工作年度报告');
});

test('a notice publishing the report: the issuer is the report\'s, not the notice\'s', () => {
  const notice = '彭阳县人民政府办公室关于印发彭阳县2019年政府信息公开工作年度报告的通知';
  const alone = meta(`${notice}\n各乡镇：\n现将报告印发给你们。`);
  assert.equal(alone.issuer, '彭阳县人民政府');
  assert.equal(alone.level, 'county');
  const withTitle = meta(`${notice}\n各乡镇：\n彭阳县2019年政府信息公开工作年度报告\n一、总体情况`);
  assert.equal(withTitle.title, '彭阳县2019年政府信息公开工作年度报告');
});

test('no issuer in the title: from the file name, else from the body', () => {
  const named = meta('2019年政府信息公开工作年度报告\n我乡……', 'reports/永宁县胜利乡2019年政府信息公开工作年度报告.pdf');
  assert.equal(named.issuer, '永宁县胜利乡人民政府');
  assert.equal(named.region.code, '640121200');
  const body = report('2019年政府信息公开工作年度报告', '经交岔乡人民政府同意，现予发布。如有疑问可与交岔乡人民政府办公室联系，或访问彭阳县人民政府网站。');
  assert.equal(body.issuer, '交岔乡人民政府');
  assert.equal(body.region.code, '640425207');
});

test('nothing to read: nulls, unknowns and warnings, never a throw', () => {
  const m = extractMetadata('');
  assert.equal(m.title, null);
  assert.equal(m.year, null);
  assert.equal(m.issuer, null);
  assert.equal(m.level, 'unknown');
  assert.equal(m.format, 'unknown');
  assert.equal(m.region.code, null);
  assert.ok(m.warnings.length > 0);
});

test('any text: a valid result, never a throw', async (t) => {
  const fc = (await import('fast-check')).default;
  const { ParsedReport } = await import('../../services/core/schema.js');
  const schema = ParsedReport.pick({ title: true, year: true, issuer: true, level: true, format: true, region: true, warnings: true });
  const pieces = ['宁夏', '彭阳', '县', '永宁县', '胜利乡', '桑垌乡', '人民政府', '政府', '教育局', '办事处', '街道', '2019', '年', '二〇二一',
    '政府信息公开工作', '年度报告', '关于印发', '的通知', '统计期限为', '1月1日至', '《', '》', '。', '，', '\n', '\t', ' ', '一、概述', '本年制发件数', 'x'];
  checkProperty(t, fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
    schema.parse(extractMetadata(parts.join('')));
  }), { numRuns: 300 });
});
