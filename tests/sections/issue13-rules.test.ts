// The section rules of issue 13, each on made-up text shaped like real pages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { noPassageWith, parse, sectionOf } from './support.js';

const lines = (...l: string[]) => l.join('\n');

const countedSections = (r: ReturnType<typeof parse>, needle: string) =>
  r.passages.filter((p) => p.text.includes(needle) && p.section !== 'preamble').map((p) => p.section);

describe('issue 13: the lead-in is preamble', () => {
  test('before the first heading: formula, parts, statistics period, download, contact', () => {
    const r = parse(lines(
      '某某镇2023年政府信息公开工作年度报告',
      '按照上级部署，为做好政务公开工作，现将本镇2023年度政府信息公开工作情况报告如下：',
      '本报告由总体情况、主动公开政府信息情况等六部分组成。',
      '报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
      '本报告电子版可在某某镇人民政府网站下载。',
      '联系电话：0000-1234567。',
      '一、总体情况',
      '2023年，我镇认真落实公开要求，主动公开信息100条。',
    ));
    for (const s of ['现将本镇', '六部分组成', '统计期限', '网站下载', '联系电话']) assert.equal(sectionOf(r, s), 'preamble', s);
    assert.equal(sectionOf(r, '主动公开信息100条'), 'overview');
  });

  test('also when it sits under the 概述 heading', () => {
    const r = parse(lines(
      '一、概述',
      '本年度报告由概述、主动公开政府信息情况、依申请公开政府信息情况等部分组成。',
      '本报告所列数据的统计期限为2015年1月1日至12月31日。',
      '2015年，某某局高度重视政府信息公开工作，公开信息30条。',
    ));
    assert.equal(sectionOf(r, '等部分组成'), 'preamble');
    assert.equal(sectionOf(r, '统计期限'), 'preamble');
    assert.equal(sectionOf(r, '公开信息30条'), 'overview');
  });

  test('a paragraph recounting the year that ends with the formula is overview', () => {
    const r = parse(lines('2023年以来，我乡全面推进政务公开，成效明显。现将有关情况报告如下。', '一、总体情况', '全年公开信息10条。'));
    assert.equal(sectionOf(r, '成效明显'), 'overview');
  });
});

describe('issue 13: under 总体情况 the heading decides, keywords last', () => {
  test('with no sub-heading, a paragraph about the leading group is overview', () => {
    const r = parse(lines(
      '一、总体情况',
      '2022年，我乡高度重视政府信息公开工作。',
      '乡党委成立了以乡长为组长的政务公开工作领导小组，加强督查考核。',
      '一是组织干部学习《条例》，开展培训2次。',
      '二、主动公开政府信息情况',
    ));
    assert.equal(sectionOf(r, '领导小组'), 'overview');
    assert.equal(sectionOf(r, '开展培训2次'), 'overview');
  });

  test('with sub-headings, the most specific heading decides', () => {
    const r = parse(lines(
      '一、总体情况',
      '(一)主动公开',
      '全年通过门户网站主动公开信息80条，成立了领导小组审核。',
      '(二)依申请公开',
      '全年收到申请3件，均按时答复。',
      '(五)监督保障',
      '把政务公开纳入年度考核，组织培训1次。',
    ));
    assert.equal(sectionOf(r, '主动公开信息80条'), 'proactive');
    assert.equal(sectionOf(r, '收到申请3件'), 'on_request');
    assert.equal(sectionOf(r, '纳入年度考核'), 'supervision');
  });

  test('a part name run into its paragraph opens that part', () => {
    const r = parse(lines('一、总体情况', '主动公开一是围绕重点领域公开信息20条。', '依申请公开我局全年收到申请1件。'));
    assert.equal(sectionOf(r, '重点领域公开信息20条'), 'proactive');
    assert.equal(sectionOf(r, '收到申请1件'), 'on_request');
  });

  test('the first part is overview when the page cut its heading', () => {
    const r = parse(lines('一、概', '2010年，某某区认真贯彻《条例》，加强组织协调。', '二、主动公开政府信息情况', '全年公开信息5条。'));
    assert.equal(sectionOf(r, '加强组织协调'), 'overview');
  });
});

describe('issue 13: flattened statistics tables are statistics', () => {
  test('one cell a line with the cross-check note: no passage, never on_request', () => {
    const r = parse(lines(
      '三、收到和处理政府信息公开申请情况',
      '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)',
      '申请人情况', '自然人', '法人或其他组织', '总计',
      '商业企业', '科研机构',
      '一、本年新收政府信息公开申请数量', '0', '0', '0',
    ));
    for (const cell of ['勾稽关系', '申请人情况', '商业企业', '本年新收']) noPassageWith(r, cell);
    assert.ok(r.sections.every((s) => s.type !== 'on_request' || s.text.length === 0 || s.heading !== null && s.text === s.heading));
  });

  test('rows joined by pipes and cells run together are statistics', () => {
    const r = parse(lines(
      '二、主动公开政府信息情况',
      '第二十条第(一)项',
      '信息内容本年新制作数量本年新公开数量对外公开总数量',
      '规章000',
      '规范性文件000',
      '三、收到和处理政府信息公开申请情况',
      '(本列数据的勾稽关系为：第一项加第二项之和) | 申请人情况 | | |',
      '自然人 | 法人或其他组织 | 总计 |',
    ));
    for (const cell of ['第二十条', '本年新制作数量', '规章000', '勾稽关系', '自然人']) noPassageWith(r, cell);
  });
});

describe('issue 13: plans after a problems lead-in are improvements', () => {
  test('下步打算 heading, 下一步 and "2024年，我镇将…" sentences', () => {
    const r = parse(lines(
      '五、存在的主要问题及改进情况',
      '一是信息更新不够及时；二是工作人员业务水平有待提高。',
      '下步打算',
      '加强业务培训，提高信息发布质量。',
      '六、其他需要报告的事项',
      '无。',
    ));
    assert.equal(sectionOf(r, '不够及时'), 'problems');
    assert.equal(sectionOf(r, '加强业务培训'), 'improvements');
  });

  test('a plan sentence in the problems paragraph turns it', () => {
    const r = parse(lines(
      '五、存在的主要问题及改进情况',
      '公开内容不够全面，更新不够及时。',
      '2024年，我镇将进一步规范公开流程，按时更新信息。',
      '下一步，我镇将加强人员培训。',
    ));
    assert.equal(sectionOf(r, '更新不够及时'), 'problems');
    assert.equal(sectionOf(r, '规范公开流程'), 'improvements');
    assert.equal(sectionOf(r, '加强人员培训'), 'improvements');
  });
});

describe('issue 13: plan headings and lead-ins in other wordings', () => {
  test('面临的问题 / 下步工作安排 headings; a plan whose subject is the body by name', () => {
    const r = parse(lines(
      '四、政府信息公开行政复议、行政诉讼情况',
      '无。',
      '五、面临的问题',
      '2023年，某某乡信息公开工作取得一定成效，但栏目更新仍不够及时。',
      '个别站所将重点放在日常业务上，公开意识不强。',
      '2024年，某某乡将规范栏目更新，按月检查。',
      '六、下步工作安排',
      '做好年度报告发布。',
    ));
    assert.equal(sectionOf(r, '栏目更新仍不够及时'), 'problems');
    assert.equal(sectionOf(r, '公开意识不强'), 'problems');
    assert.equal(sectionOf(r, '按月检查'), 'improvements');
    assert.equal(sectionOf(r, '做好年度报告发布'), 'improvements');
  });

  test('a body named as subject, then 将进一步…, starts the plan', () => {
    const r = parse(lines('五、存在的主要问题及改进情况', '公开形式较为单一。', '镇政府将进一步丰富公开形式。'));
    assert.equal(sectionOf(r, '较为单一'), 'problems');
    assert.equal(sectionOf(r, '丰富公开形式'), 'improvements');
  });
});

describe('issue 13: page furniture is no counted passage', () => {
  test('breadcrumbs, index-number block and widgets before the title', () => {
    const r = parse(lines(
      '当前位置：首页 > 政府信息公开 > 年度报告',
      '索引号：000000/2024-00001',
      '发布机构：某某镇人民政府',
      '发文日期：2024-01-20',
      '来源：某某镇 发布时间：2024-01-20 浏览次数：',
      '字号：大 中 小',
      '某某镇2023年政府信息公开工作年度报告',
      '一、总体情况',
      '2023年，某某镇扎实推进政务公开。',
    ));
    for (const s of ['首页', '索引号', '发布机构', '发文日期', '浏览次数', '字号']) assert.deepEqual(countedSections(r, s), [], s);
    assert.equal(sectionOf(r, '扎实推进'), 'overview');
  });

  test('a footer and the sign-off after the plans are no improvements', () => {
    const r = parse(lines(
      '五、存在的主要问题及改进情况',
      '栏目更新不够及时。下一步，我镇将加强培训。',
      '某某镇人民政府',
      '2024年1月20日',
      '【打印本页】 【关闭窗口】',
      '主办单位：某某县人民政府办公室  网站标识码：0000000000',
      '上一篇：某某镇2022年报告',
    ));
    assert.equal(sectionOf(r, '加强培训'), 'improvements');
    for (const s of ['某某镇人民政府', '2024年1月20日', '打印本页', '主办单位', '上一篇']) assert.deepEqual(countedSections(r, s), [], s);
  });
});

describe('issue 13: headings of the old template name their part', () => {
  test('decision pre-disclosure is proactive, a column on the site is a platform, staff and office are supervision', () => {
    const r = parse(lines(
      '某某县2016年政府信息公开工作年度报告',
      '一、概述',
      '2016年，我县推进政务公开工作。',
      '（一）政府信息公开工作机构和人员设置情况',
      '县政府办公室设政务公开股，配备专职人员2名。',
      '二、重大决策预公开情况',
      '对涉及群众切身利益的重大决策，事前公开草案并征求意见。',
      '三、加强政务公开专栏建设',
      '在县政府网站开设政务公开专栏，集中发布各类信息。',
    ));
    assert.equal(sectionOf(r, '配备专职人员'), 'supervision');
    assert.equal(sectionOf(r, '事前公开草案'), 'proactive');
    assert.equal(sectionOf(r, '开设政务公开专栏'), 'platforms');
  });
});

describe('issue 13: plans after problems, more shapes', () => {
  const part = (...l: string[]) => parse(lines('某某镇2023年政府信息公开工作年度报告', '一、总体情况', '2023年，我镇推进政务公开。', '五、存在的主要问题及改进情况', ...l, '六、其他需要报告的事项', '无。'));

  test('a paragraph that opens with an action is a plan; one that describes a state stays a problem', () => {
    const r = part('信息公开工作仍存在一些问题，如公开不及时。', '落实政务公开工作的人员均为兼职，精力有限。', '加强学习培训，提高业务水平，确保信息及时公开。');
    assert.equal(sectionOf(r, '如公开不及时'), 'problems');
    assert.equal(sectionOf(r, '均为兼职'), 'problems');
    assert.equal(sectionOf(r, '加强学习培训'), 'improvements');
  });

  test('今年, in a report written early the next year, leads in a plan', () => {
    const r = part('公开内容不够全面。今年，我镇将进一步拓展公开内容。');
    assert.equal(sectionOf(r, '公开内容不够全面'), 'problems');
    assert.equal(sectionOf(r, '进一步拓展公开内容'), 'improvements');
  });

  test('numbered sentences and a line handing over to a list are content there, not headings', () => {
    const r = part('工作中还存在以下不足：', '1.信息公开意识不强。', '2.业务水平不高。', '下一步将重点做好以下工作：', '1.强化公开意识。', '2.提升业务水平。');
    assert.equal(sectionOf(r, '业务水平不高'), 'problems');
    assert.equal(sectionOf(r, '重点做好以下工作'), 'improvements');
    assert.equal(sectionOf(r, '提升业务水平'), 'improvements');
  });
});

describe('issue 13: the lead-in under the overview heading, more shapes', () => {
  test('a download line, a contact sentence and 特发布本报告 stay preamble, and start no sub-part', () => {
    const r = parse(lines(
      '某某镇2023年政府信息公开工作年度报告',
      '一、总体情况',
      '为使社会公众更好地了解本镇政府信息公开工作，特发布本报告。',
      '报告电子版可在某某县人民政府网站下载。',
      '如对本报告有任何疑问，请与某某镇党政办联系（地址：某某路1号）。',
      '2023年，我镇高度重视政府信息公开工作，成立了领导小组。',
      '（一）主动公开',
      '2023年，我镇主动公开信息100条。',
    ));
    for (const s of ['特发布本报告', '网站下载', '有任何疑问']) assert.equal(sectionOf(r, s), 'preamble', s);
    assert.equal(sectionOf(r, '成立了领导小组'), 'overview');
    assert.equal(sectionOf(r, '主动公开信息100条'), 'proactive');
  });
});

describe('issue 13: under 总体情况 with no sub-headings, a sentence is no run-in title', () => {
  test('a first sentence with a subject or a predicate does not open a sub-part', () => {
    const r = parse(lines(
      '某某镇2023年政府信息公开工作年度报告',
      '一、总体情况',
      '我镇认真做好主动公开工作。全年公开信息100条。',
      '镇政府高度重视平台建设。通过网站公开信息。',
      '信息公开工作稳步推进。各项工作有序开展。',
      '二、主动公开政府信息情况',
    ));
    for (const s of ['全年公开信息100条', '通过网站公开信息', '各项工作有序开展']) assert.equal(sectionOf(r, s), 'overview', s);
  });

  test('a title-like first sentence still opens one', () => {
    const r = parse(lines('某某镇2023年政府信息公开工作年度报告', '一、总体情况', '加强组织领导，健全工作机制。成立了政务公开领导小组。', '二、主动公开政府信息情况'));
    assert.equal(sectionOf(r, '成立了政务公开领导小组'), 'supervision');
  });
});
