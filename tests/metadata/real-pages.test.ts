// Made-up pages for each class of real-page trouble (issue 13): site furniture, split and
// missing titles, renamed places, zones outside GB/T 2260, shared district names, contact codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseText } from '../../services/pipeline/parse.js';

const parse = (...lines: string[]) => parseText(lines.join('\n'));
const place = (p: ReturnType<typeof parse>) => [p.region.province, p.region.city, p.region.county, p.region.township];
const BODY = '一、总体情况\n2020年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，推进政务公开。';

test('breadcrumbs, nav words and a 索引号 table before the title are read past', () => {
  const p = parse(
    '无障碍 长辈版 简体 繁体',
    '当前位置: 首页 > 政府信息公开 > 年报',
    '索引号: | 640121/2021-00001 | 发布机构: | 永宁县胜利乡人民政府 | 发文日期: | 2021-01-06 |',
    '热搜词: 社保 医保',
    '',
    '胜利乡2020年政府信息公开工作年度报告',
    '来源: 永宁县胜利乡人民政府 发布时间: 2021-01-06',
    BODY,
  );
  assert.equal(p.title, '胜利乡2020年政府信息公开工作年度报告');
  assert.equal(p.year, 2020);
  assert.equal(p.level, 'township');
  assert.deepEqual(place(p), ['宁夏回族自治区', '银川市', '永宁县', '胜利乡']);
});

test('the 发布机构 cell names the issuer when the title names no place', () => {
  const p = parse('• 发布机构:彭阳县交岔乡人民政府', '2019年政府信息公开工作年度报告', BODY.replace('2020', '2019'));
  assert.equal(p.level, 'township');
  assert.deepEqual(place(p), ['宁夏回族自治区', '固原市', '彭阳县', '交岔乡']);
  assert.ok(p.warnings.some((w) => w.includes("page's metadata")), p.warnings.join('; '));
});

test('a title split over two lines is joined', () => {
  const p = parse('彭阳县交岔乡2022年政府信息', '公开工作年度报告', BODY.replace('2020', '2022'));
  assert.equal(p.title, '彭阳县交岔乡2022年政府信息公开工作年度报告');
  assert.deepEqual(place(p), ['宁夏回族自治区', '固原市', '彭阳县', '交岔乡']);
});

test('no title line: the body naming the report gives the issuer and the year', () => {
  const p = parse('根据《中华人民共和国政府信息公开条例》，现公布彭阳县住房和城乡建设局2023年政府信息公开工作年度报告。', '一、总体情况', '2023年，我局推进政务公开。');
  assert.equal(p.issuer, '彭阳县住房和城乡建设局');
  assert.equal(p.year, 2023);
  assert.equal(p.level, 'department');
  assert.deepEqual(place(p), ['宁夏回族自治区', '固原市', '彭阳县', null]);
});

test('an old county name resolves to its successor, with a warning saying so', () => {
  const listed = parse('玉环县人民政府2015年政府信息公开工作年度报告', BODY);
  assert.deepEqual(place(listed), ['浙江省', '台州市', '玉环市', null]);
  assert.equal(listed.level, 'county');
  assert.ok(listed.warnings.some((w) => /玉环县 is now 玉环市/.test(w)), listed.warnings.join('; '));
  // Not listed, found by rule: a 县 whose stem is now only a 市 (灵武县 → 灵武市).
  const byRule = parse('灵武县2000年政府信息公开工作年度报告', BODY);
  assert.equal(byRule.region.county, '灵武市');
  assert.ok(byRule.warnings.some((w) => /灵武县 is now 灵武市/.test(w)), byRule.warnings.join('; '));
  const prefecture = parse('海东地区行政公署2012年政府信息公开工作年度报告', BODY);
  assert.deepEqual(place(prefecture), ['青海省', '海东市', null, null]);
  assert.equal(prefecture.level, 'city');
});

test('a zone outside GB/T 2260 keeps its name under its province and host city', () => {
  const named = parse('银川经济技术试验区管委会2021年政府信息公开工作年度报告', '一、总体情况', '2021年，管委会推进政务公开。');
  // Called only by its kind, the zone keeps the host word it is written with.
  assert.deepEqual(place(named), ['宁夏回族自治区', '银川市', '银川经济技术试验区', null]);
  assert.equal(named.level, 'department');
  const listed = parse('杨凌示范区管委会2020年政府信息公开工作年度报告', '一、总体情况', '2020年，示范区推进政务公开。');
  assert.deepEqual(place(listed), ['陕西省', '咸阳市', '杨凌示范区', null]);
  const hosted = parse('温州滨江新区管委会2020年政府信息公开工作年度报告', '一、总体情况', '2020年，在龙湾区委区政府的领导下，新区推进政务公开。');
  assert.deepEqual(place(hosted), ['浙江省', '温州市', '龙湾区', null]);
});

test('a district name shared across provinces is decided by the places the text names', () => {
  const tianjin = parse('和平区民政局2020年政府信息公开工作年度报告', '一、总体情况', '2020年，在天津市民政局的指导下，我局推进政务公开。');
  assert.deepEqual(place(tianjin), ['天津市', null, '和平区', null]);
  const shenyang = parse('和平区民政局2020年政府信息公开工作年度报告', '一、总体情况', '2020年，按照沈阳市的部署，我局推进政务公开。');
  assert.deepEqual(place(shenyang), ['辽宁省', '沈阳市', '和平区', null]);
  const undecided = parse('和平区民政局2020年政府信息公开工作年度报告', '一、总体情况', '2020年，我局推进政务公开。');
  assert.equal(undecided.region.province, null);
  assert.equal(undecided.region.county, '和平区');
  assert.ok(undecided.warnings.some((w) => w.includes('does not say which')), undecided.warnings.join('; '));
});

test('postcodes and phone area codes decide when nothing else does', () => {
  const byArea = parse('市中区民政局2020年政府信息公开工作年度报告', '一、总体情况', '2020年，我局推进政务公开。', '联系电话: 0632-1234567');
  assert.deepEqual(place(byArea), ['山东省', '枣庄市', '市中区', null]);
  assert.ok(byArea.warnings.some((w) => w.includes('area code')), byArea.warnings.join('; '));
  const byPostcode = parse('和平区民政局2020年政府信息公开工作年度报告', '一、总体情况', '2020年，我局推进政务公开。', '地址: 和平路1号，邮编: 110001');
  assert.deepEqual(place(byPostcode), ['辽宁省', '沈阳市', '和平区', null]);
});

test('a province-level body named without its province, and a general office for its government', () => {
  const office = parse('自治区商务厅2021年政府信息公开工作年度报告', '一、总体情况', '2021年，宁夏回族自治区商务厅推进政务公开。');
  assert.deepEqual(place(office), ['宁夏回族自治区', null, null, null]);
  assert.equal(office.level, 'department');
  const government = parse('银川市2019年政府信息公开工作年度报告', '本报告由银川市人民政府办公室编制。');
  assert.equal(government.level, 'city');
});

test('a township of an ethnic name written short, and an autonomous county without its nationalities', () => {
  const p = parse('泾源县大湾乡2020年政府信息公开工作年度报告', BODY);
  assert.equal(p.region.township, '大湾乡');
  const county = parse('镇宁自治县2019年政府信息公开工作年度报告', BODY);
  assert.equal(county.region.county, '镇宁布依族苗族自治县');
});

test('a 乡 that became a 镇 resolves to the 镇 under its county, with a warning saying so', () => {
  // 彭阳县 has 白阳镇 (no 白阳乡): the title's old grade is read as the current one.
  const p = parse('彭阳县白阳乡2012年政府信息公开工作年度报告', BODY);
  assert.deepEqual(place(p), ['宁夏回族自治区', '固原市', '彭阳县', '白阳镇']);
  assert.ok(p.warnings.some((w) => /白阳乡 is now 白阳镇 \(renamed: 乡→镇/.test(w)), p.warnings.join('; '));
});

test('a development zone the gazetteer lists as a township-level unit is filed under its county', () => {
  const p = parse('石家庄经济技术开发区管委会2020年政府信息公开工作年度报告', '一、总体情况', '2020年，管委会推进政务公开。');
  assert.deepEqual(place(p), ['河北省', '石家庄市', '藁城区', null]);
  assert.equal(p.level, 'department');
});

test('a city body named without its city takes the city the text names most', () => {
  const p = parse('市教育局2019年政府信息公开工作年度报告', '一、总体情况', '2019年，在银川市委、银川市人民政府的领导下，我局推进政务公开。');
  assert.deepEqual(place(p), ['宁夏回族自治区', '银川市', null, null]);
  assert.equal(p.level, 'department');
  const unnamed = parse('市教育局2019年政府信息公开工作年度报告', '一、总体情况', '2019年，我局推进政务公开。');
  assert.equal(unnamed.region.province, null);
});

test('a general office is its government when it reports for the whole place, a department when for itself', () => {
  const whole = parse('彭阳县人民政府办公室2019年政府信息公开工作年度报告', '一、总体情况', '2019年，全县政务公开工作稳步推进，我县主动公开政府信息3000条。');
  assert.equal(whole.level, 'county');
  const itself = parse('彭阳县人民政府办公室2019年政府信息公开工作年度报告', '一、总体情况', '2019年，我办主动公开政府信息30条，全县政务公开工作稳步推进，我县推进公开。');
  assert.equal(itself.level, 'department');
  const silent = parse('彭阳县人民政府办公室2019年政府信息公开工作年度报告', '一、总体情况', '2019年，办公室主动公开政府信息30条。');
  assert.equal(silent.level, 'department');
});

test("the title's organ is put under the place the 发布机构 cell names", () => {
  const p = parse('发布机构: 彭阳县人民政府', '县教育局2020年政府信息公开工作年度报告', '一、总体情况', '2020年，我局推进政务公开。');
  assert.equal(p.issuer, '彭阳县教育局');
  assert.equal(p.level, 'department');
  assert.deepEqual(place(p), ['宁夏回族自治区', '固原市', '彭阳县', null]);
});

test('an area code covering a whole province or 直辖市 decides among places in different ones', () => {
  const p = parse('龙湖镇2023年政府信息公开工作年度报告', BODY, '咨询电话：0898-12345678');
  assert.equal(p.region.province, '海南省');
  const tianjin = parse('和平区民政局2020年政府信息公开工作年度报告', '一、总体情况', '2020年，我局推进政务公开。', '电话：022-12345678');
  assert.deepEqual(place(tianjin), ['天津市', null, '和平区', null]);
});

test("a page title's site name after the report's is cut off the title", () => {
  const p = parse('彭阳县教育局2015年政府信息公开工作年度报告_彭阳县人民政府门户网站', '一、总体情况', '2015年，我局推进政务公开。');
  assert.equal(p.title, '彭阳县教育局2015年政府信息公开工作年度报告');
  assert.equal(p.issuer, '彭阳县教育局');
  assert.equal(p.level, 'department');
  // The site's name may also come first, before a dash.
  const first = parse('彭阳县人民政府门户网站-彭阳县教育局2015年政府信息公开工作年度报告', '一、总体情况', '2015年，我局推进政务公开。');
  assert.equal(first.title, '彭阳县教育局2015年政府信息公开工作年度报告');
  assert.equal(first.issuer, '彭阳县教育局');
  const dashed = parse('2019年政府信息公开工作年度报告-彭阳县交岔乡人民政府', BODY.replace('2020', '2019'));
  assert.equal(dashed.title, '2019年政府信息公开工作年度报告');
  // The site name stays in the text, where the body's issuer is found.
  assert.deepEqual(place(dashed), ['宁夏回族自治区', '固原市', '彭阳县', '交岔乡']);
});

test('how the text names the governments above decides a shared township name', () => {
  // Six 龙湖镇; only 海南's sits in a county with no city above it (省、县 with nothing between).
  const hainan = parse('龙湖镇2023年政府信息公开工作年度报告', '一、总体情况', '2023年，我镇认真贯彻落实省、县关于政务公开工作的要求。');
  assert.deepEqual(place(hainan), ['海南省', null, '定安县', '龙湖镇']);
  assert.ok(hainan.warnings.some((w) => w.includes('governments above')), hainan.warnings.join('; '));
  // Four 白马乡, one in a 区: 区委、区政府 says which. 县委、县政府 decides nothing, since a
  // 县 of the report's year may be a 区 today (平安县 → 平安区).
  const qu = parse('白马乡2020年政府信息公开工作年度报告', '一、总体情况', '2020年，在区委、区政府的正确领导下，我乡推进政务公开。');
  assert.deepEqual(place(qu), ['四川省', '广安市', '广安区', '白马乡']);
  const xian = parse('白马乡2020年政府信息公开工作年度报告', '一、总体情况', '2020年，在县委、县政府的正确领导下，我乡推进政务公开。');
  assert.equal(xian.region.province, null);
  assert.ok(xian.warnings.some((w) => w.includes('does not say which')), xian.warnings.join('; '));
});

test('area codes come from the national list: any city, and a code several cities share', () => {
  // 0768 (潮州) was never in a hand-kept table; the list has every city's code.
  const chaozhou = parse('龙湖镇2023年政府信息公开工作年度报告', BODY, '联系电话：0768-1234567');
  assert.deepEqual(place(chaozhou), ['广东省', '潮州市', '潮安区', '龙湖镇']);
  // 0898 serves all of Hainan, counties with no city included.
  const dingan = parse('龙湖镇2023年政府信息公开工作年度报告', BODY, '咨询电话：0898-12345678');
  assert.deepEqual(place(dingan), ['海南省', null, '定安县', '龙湖镇']);
});

test('the body that compiled the report is read past the legal basis around it', () => {
  const after = parse('一、总体情况', '本报告由彭阳县教育局根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）规定编制而成。', '2019年，我局推进政务公开。');
  assert.equal(after.issuer, '彭阳县教育局');
  assert.equal(after.level, 'department');
  const before = parse('本年报是根据《中华人民共和国政府信息公开条例》要求，由彭阳县教育局编制的2017年度政府信息公开年度报告。', '一、概述', '2017年，我局推进政务公开。');
  assert.equal(before.issuer, '彭阳县教育局');
});

test("the page's web address, in pinyin or initials, decides a shared name and finds a zone's host city", () => {
  const page = (address: string) => parse('和平区民政局2020年政府信息公开工作年度报告', `网址：${address}`, '一、总体情况', '2020年，我局推进政务公开。');
  assert.deepEqual(place(page('http://www.tjhp.gov.cn/zw/')), ['天津市', null, '和平区', null]);
  assert.deepEqual(place(page('http://www.syhp.gov.cn/')), ['辽宁省', '沈阳市', '和平区', null]);
  assert.ok(page('http://www.syhp.gov.cn/').warnings.some((w) => w.includes('web address')));
  // An address naming neither leaves the choice open.
  assert.equal(page('http://www.example.com/').region.province, null);
  const zone = parse('南湖新区管委会办公室2025年政府信息公开工作年度报告', '报告电子版见 https://yynanhu.yueyang.gov.cn/', '一、总体情况', '2025年，我办推进政务公开。');
  assert.deepEqual(place(zone), ['湖南省', '岳阳市', '南湖新区', null]);
});

test('a county-level city that became a district resolves to the district, with a warning', () => {
  const p = parse('章丘市2012年政府信息公开工作年度报告', BODY);
  assert.deepEqual(place(p), ['山东省', '济南市', '章丘区', null]);
  assert.equal(p.level, 'county');
  assert.ok(p.warnings.some((w) => w.includes('章丘市 is now 章丘区')), p.warnings.join('; '));
  const bureau = parse('吴江市教育局2011年政府信息公开工作年度报告', '一、总体情况', '2011年，我局推进政务公开。');
  assert.deepEqual(place(bureau), ['江苏省', '苏州市', '吴江区', null]);
  assert.equal(bureau.level, 'department');
});

test('a zone called only by its kind keeps the host name it is written with', () => {
  const p = parse('长沙经济技术开发区管理委员会2019年政府信息公开工作年度报告', '一、总体情况', '2019年，管委会推进政务公开。');
  assert.deepEqual(place(p), ['湖南省', '长沙市', '长沙经济技术开发区', null]);
  assert.equal(p.level, 'department');
  // A zone with a name of its own is written without its host.
  assert.equal(parse('重庆两江新区管理委员会2024年政府信息公开工作年度报告', BODY).region.county, '两江新区');
});

test('a body writing 街道办事处 bare (a 街道 row the gazetteer has) names its own 街道 in full', () => {
  const p = parse('一、总体情况', '2025年，中仓街道积极推动政府信息公开工作，主管领导为街道办事处副主任。', '综合办公室公示了中仓街道办事处2024年度部门决算。', '街道办事处认真落实公开要求。');
  assert.equal(p.issuer, '中仓街道办事处');
  assert.equal(p.region.township, '中仓街道');
});
