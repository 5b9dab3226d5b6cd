// Made-up reports, one mess or style at a time: heading styles, the three formats, problems
// and improvements in one paragraph, pasted notices, tables in every shape.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalize } from '../../services/pipeline/normalize/index.js';
import { splitPassages } from '../../services/pipeline/passages/index.js';
import { splitSections } from '../../services/pipeline/sections/index.js';
import { checkPassages, noPassageWith, parse, sectionOf } from './support.js';

const lines = (...l: string[]) => l.join('\n');

describe('heading styles', () => {
  test('一、 （一） (一) 1. 1、 (1) ① and 第一部分 nest by level', () => {
    const text = lines(
      'XX乡2022年政府信息公开工作年度报告',
      '第一部分 总体情况',
      '（一）主动公开',
      '1.公开信息120条。',
      '（1）其中政策文件20条。',
      '①部门文件5条。',
      '(二)平台建设',
      '1、开通微信公众号。',
      '二、存在的主要问题及改进情况',
      '（一）主要问题',
      '公开内容不够全面。',
      '（二）改进措施',
      '进一步丰富公开内容。',
    );
    const r = parse(text);
    checkPassages(text, r);
    for (const p of ['公开信息120条', '政策文件20条', '部门文件5条']) assert.equal(sectionOf(r, p), 'proactive', p);
    assert.equal(sectionOf(r, '开通微信公众号'), 'platforms');
    assert.equal(sectionOf(r, '公开内容不够全面'), 'problems');
    assert.equal(sectionOf(r, '丰富公开内容'), 'improvements');
    assert.equal(r.passages.length, 6);
  });

  test('a heading with its body on the same line is one passage; a heading alone is none', () => {
    const text = lines(
      '一、概述',
      '（一）加强组织领导。成立了领导小组。',
      '(二)加强载体建设，提升保障能力。我乡统一在政府网站公布信息。',
      '(三)加强政策解读',
      '全年发布解读5篇。',
    );
    const r = parse(text);
    assert.deepEqual(r.passages.map((p) => p.section), ['supervision', 'platforms', 'proactive']);
    assert.ok(r.passages[1]!.text.startsWith('(二)加强载体建设'));
    noPassageWith(r, '(三)加强政策解读');
  });

  // Issue 13: under 总体情况 with no sub-heading a paragraph is overview whatever it mentions;
  // an 一是 item is a paragraph, not a sub-heading, while a bold run-in phrase is a sub-heading.
  test('under 总体情况 an 一是 item stays overview; bold run-in phrases classify by meaning', () => {
    const text = lines(
      '一、总体情况',
      '2021年，我镇认真贯彻落实《条例》。',
      '一是加强平台建设，我镇开通政务微博。',
      '**加强组织领导。**成立了以镇长为组长的领导小组。',
      '**做好依申请公开。**全年收到申请2件。',
    );
    const r = parse(text);
    assert.equal(sectionOf(r, '认真贯彻落实'), 'overview');
    assert.equal(sectionOf(r, '开通政务微博'), 'overview');
    assert.equal(sectionOf(r, '以镇长为组长'), 'supervision');
    assert.equal(sectionOf(r, '收到申请2件'), 'on_request');
  });

  test('deeper headings inherit: an item about training under 政府信息管理 stays management', () => {
    const r = parse(lines('一、总体情况', '(三)政府信息管理', '1.加强业务培训。组织培训2次。', '(四)平台建设', '1.加强保密审查。严格审核。'));
    assert.equal(sectionOf(r, '组织培训2次'), 'management');
    assert.equal(sectionOf(r, '严格审核'), 'platforms');
  });

  test('unmarked headings: 存在的主要问题, 改进措施, 其他需要报告的事项', () => {
    const text = lines(
      'XX局2015年政府信息公开工作年度报告',
      '一、主动公开情况',
      '公开信息30条。',
      '存在的主要问题',
      '人手不足，工作力量薄弱。',
      '改进措施',
      '我局将加强培训。',
      '其他需要报告的事项',
      '本年度无其他事项。',
    );
    const r = parse(text);
    assert.equal(sectionOf(r, '人手不足'), 'problems');
    assert.equal(sectionOf(r, '加强培训'), 'improvements');
    assert.equal(sectionOf(r, '无其他事项'), 'other');
  });
});

describe('formats', () => {
  test('pre-2019: 概述 … 十一 with an appended 统计表', () => {
    const text = lines(
      'XX县2016年政府信息公开工作年度报告',
      '本报告由县政府办公室编制。如有疑问请联系，电话：0951-1234567。',
      '一、概述',
      '2016年，我县扎实推进政府信息公开工作。',
      '二、主动公开政府信息情况',
      '全年主动公开信息500条。',
      '三、依申请公开政府信息情况',
      '全年受理申请3件。',
      '四、政府信息公开的收费及减免情况',
      '未收取任何费用。',
      '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
      '无行政复议。',
      '六、存在的主要问题和改进措施',
      '公开的及时性有待提高。下一步，我县将建立更新机制。',
      '七、其他需要报告的事项',
      '本年度无其他需要报告的事项。',
      '附件：XX县2016年政府信息公开情况统计表',
      '统计指标\t单位\t统计数',
      '一、主动公开情况\t——\t',
      '（一）主动公开政府信息数\t条\t500',
    );
    const r = parse(text);
    checkPassages(text, r);
    assert.deepEqual(r.passages.map((p) => p.section), [
      'preamble', 'overview', 'proactive', 'on_request', 'fees', 'review_litigation', 'problems', 'improvements', 'other',
    ]);
    assert.equal(r.sections.at(-1)!.type, 'statistics');
  });

  test('2019: tables under 二 三 四, problems and plans under 五', () => {
    const text = lines(
      'XX乡2019年政府信息公开工作年度报告',
      '一、总体情况',
      '(一)主动公开政府信息情况',
      '全年公开信息100条。',
      '(六)县级以上人民政府实施信息公开工作考核、社会评议和责任追究结果情况',
      '无责任追究情况。',
      '二、主动公开政府信息情况',
      '第二十条第(一)项\t\t\t',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t0',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量\t\t0\t0\t0',
      '四、政府信息公开行政复议、行政诉讼情况',
      '0\t0\t0\t0\t0',
      '五、存在的主要问题及改进情况',
      '(一)存在的问题：主要是公开内容不够全面。',
      '2020年，我乡将继续推进政府信息公开工作。',
      '六、其他需要报告的事项',
      '无。',
    );
    const r = parse(text);
    checkPassages(text, r);
    assert.deepEqual(r.passages.map((p) => p.section), ['proactive', 'supervision', 'problems', 'improvements']);
    const stats = r.sections.filter((s) => s.type === 'statistics').map((s) => s.heading?.slice(0, 2));
    assert.deepEqual(stats, ['二、', '三、', '四、']);
  });

  test('2021: six parts, tables flattened one cell per line', () => {
    const text = lines(
      'XX镇2021年政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开',
      '全年主动公开信息120条。',
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容',
      '本年制发件数',
      '规章',
      '0',
      '0',
      '三、收到和处理政府信息公开申请情况',
      '申请人情况',
      '自然人',
      '一、本年新收政府信息公开申请数量',
      '0',
      '三、本年度办理结果',
      '（一）予以公开',
      '0',
      '四、结转下年度继续办理',
      '0',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议',
      '结果维持',
      '0',
      '五、存在的主要问题及改进情况',
      '（一）存在的主要问题',
      '专职人员少，力量薄弱。',
      '（二）改进情况',
      '2022年，我镇将配齐人员。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
    );
    const r = parse(text);
    checkPassages(text, r);
    assert.deepEqual(r.passages.map((p) => [p.section, p.text]), [
      ['proactive', '全年主动公开信息120条。'],
      ['problems', '专职人员少，力量薄弱。'],
      ['improvements', '2022年，我镇将配齐人员。'],
      ['other', '本年度未收取信息处理费。'],
    ]);
    assert.deepEqual(r.sections.filter((s) => s.type === 'statistics').map((s) => s.heading?.slice(0, 2)), ['二、', '三、', '四、']);
  });
});

describe('problems and improvements in one paragraph', () => {
  test('a lead-in splits the passage at the sentence where the plan starts', () => {
    const text = lines(
      '五、存在的主要问题及改进情况',
      '我乡政府信息公开工作还存在一些不足，主要是：专职人员少，力量薄弱；网站更新不够及时。下一步，我乡将配齐人员，加强网站管理。一是加强培训；二是完善制度。',
    );
    const r = parse(text);
    checkPassages(text, r);
    assert.deepEqual(r.passages.map((p) => [p.section, p.text.slice(0, 6)]), [['problems', '我乡政府信息'], ['improvements', '下一步，我乡']]);
    assert.ok(r.passages[0]!.end <= r.passages[1]!.start);
  });

  test('lead-ins: year + 将, 针对上述问题, 今后, 在今后的工作中, an action item', () => {
    for (const lead of ['2022年，我镇将加强培训。', '针对上述问题，我们将加强培训。', '今后，要加强培训。', '在今后的工作中，我局将加强培训。', '一是加强业务培训。']) {
      const r = parse(lines('六、存在的主要问题和改进措施', `业务培训不够，人员力量薄弱。${lead}`));
      assert.deepEqual(r.passages.map((p) => p.section), ['problems', 'improvements'], lead);
    }
  });

  test('no false turn: a year that does not plan, a problem item that starts with a verb', () => {
    const r = parse(lines('五、存在的主要问题', '2021年，我乡要求各村及时更新公开栏，但一是加强宣传的力度不够；二是群众参与度不高。'));
    assert.deepEqual(r.passages.map((p) => p.section), ['problems']);
  });

  test('problems and plans paired item by item', () => {
    const r = parse(lines('五、存在的主要问题及改进情况', '一是政策解读不够深入。下一步将丰富解读形式。二是信息更新不够及时。针对这一问题，我乡将建立更新台账。'));
    assert.deepEqual(r.passages.map((p) => p.section), ['problems', 'improvements', 'problems', 'improvements']);
  });

  test('lead-ins that name the problems first: 对照上述问题，我局将…', () => {
    const r = parse(lines('六、存在的主要问题和改进措施', '一是公开目录不够细。对照上述问题，我局将从以下几个方面加以改进：一是完善主动公开目录；二是统一信息发布格式。'));
    assert.deepEqual(r.passages.map((p) => p.section), ['problems', 'improvements']);
  });

  test('a plan naming the shortcoming it remedies is still a plan', () => {
    const r = parse(lines('五、存在的主要问题及改进情况', '1.工作人员不足，力量薄弱。', '2.配齐配强工作队伍，确定专人负责，缓解人员不足的问题。', '3.加大培训力度，杜绝信息发布错漏。'));
    assert.deepEqual(r.passages.map((p) => p.section), ['problems', 'improvements', 'improvements']);
  });

  test('numbered problem sentences are content, whatever words they use', () => {
    const r = parse(lines('五、存在的主要问题及改进情况', '（一）主要问题', '1、年度报告数据统计不够准确，统计口径不够统一。',
      '2.12345热线诉求办理时效不够理想。', '（二）改进情况', '1.精心编制年度报告，加强统计数据审核。'));
    assert.deepEqual(r.passages.map((p) => [p.section, p.text.slice(0, 5)]), [
      ['problems', '1、年度报'], ['problems', '2.123'], ['improvements', '1.精心编'],
    ]);
  });

  test('under an explicit 改进措施 heading a shortcoming stays improvements', () => {
    const r = parse(lines('（二）改进措施', '一是针对人员不足的问题，调配干部。二是业务培训偏少的情况将改变。'));
    assert.deepEqual(r.passages.map((p) => p.section), ['improvements']);
  });
});

describe('real mess', () => {
  test('a pasted notice keeps its own numbering out of the report', () => {
    const text = lines(
      '一、概述',
      '（一）加强组织领导。成立领导小组。',
      '各村、站(所)：',
      '现将有关事项通知如下：',
      '一、领导小组成员',
      '组长：张三',
      '二、工作要求',
      '各村要高度重视。',
      '(二)加强载体建设。开通微信公众号。',
      '二、存在的主要问题及改进措施',
      '人员不足。',
    );
    const r = parse(text);
    for (const p of ['各村、站(所)', '通知如下', '张三', '各村要高度重视']) assert.equal(sectionOf(r, p), 'other', p);
    assert.equal(sectionOf(r, '开通微信公众号'), 'platforms');
    assert.equal(sectionOf(r, '人员不足'), 'problems');
  });

  test('a notice pasted before the report\'s sub-headings: its duties stay other, the report resumes', () => {
    const text = lines(
      '一、概述',
      '2016年，我局扎实推进政务公开。',
      '各科室、各单位：',
      '为做好档案管理工作，决定成立档案管理工作领导小组。现将有关事项通知如下：',
      '一、领导小组成员',
      '组长：王建国',
      '二、工作职责',
      '负责档案工作的组织协调。',
      '（一）加强组织领导，筑牢工作基础。成立政务公开领导小组。',
      '（二）丰富公开载体，提升公开覆盖面。开通微信公众号。',
      '二、主动公开政府信息情况',
      '全年公开信息50条。',
    );
    const r = parse(text);
    for (const p of ['王建国', '组织协调', '通知如下']) assert.equal(sectionOf(r, p), 'other', p);
    assert.equal(sectionOf(r, '成立政务公开领导小组'), 'supervision');
    assert.equal(sectionOf(r, '开通微信公众号'), 'platforms');
    assert.equal(sectionOf(r, '全年公开信息50条'), 'proactive');
  });

  test('a table listing other places inside a paragraph: no passages, the section resumes', () => {
    const text = lines(
      '二、重点领域信息公开',
      '（一）推进扶贫信息公开。及时发布扶贫信息。',
      '序号\t标题\t发布单位',
      '1\t某某乡脱贫攻坚规划\t某某乡',
      '2\t某某乡帮扶方案\t某某乡',
      '使扶贫政策及时宣传到户。',
    );
    const r = parse(text);
    noPassageWith(r, '某某乡');
    assert.equal(sectionOf(r, '宣传到户'), 'proactive');
  });

  test('headings broken across lines are joined', () => {
    const r = parse(lines('九、因政府信息公开申请行政复议、提起行政诉讼的情', '况', '无行政复议。'));
    assert.equal(r.sections[0]!.heading, '九、因政府信息公开申请行政复议、提起行政诉讼的情况');
    assert.equal(sectionOf(r, '无行政复议'), 'review_litigation');
  });

  test('preamble: title block, legal basis, contact; a first paragraph about the work is overview', () => {
    const r = parse(lines(
      'XX乡人民政府',
      '2020年政府信息公开工作年度报告',
      '根据《中华人民共和国政府信息公开条例》规定，现予发布。',
      '2020年以来，我乡全面推进政务公开。',
      '一、总体情况',
    ));
    assert.deepEqual(r.passages.map((p) => [p.section, p.text.slice(0, 4)]), [
      ['preamble', 'XX乡人'], ['preamble', '根据《中'], ['overview', '2020'],
    ]);
    assert.ok(r.sections.some((s) => s.type === 'preamble' && s.heading === '2020年政府信息公开工作年度报告'));
  });

  test('a numbered sentence with nothing under it is a paragraph, a numbered title is a heading', () => {
    const r = parse(lines('(二)平台建设', '1、开通微信公众号。', '2、开通政务微博。', '（一）主要问题', '（二）改进措施', '(三)其他'));
    assert.deepEqual(r.passages.map((p) => p.text), ['1、开通微信公众号。', '2、开通政务微博。']);
  });
});

describe('the span contract', () => {
  test('sections cover the clean text in order; passages skip statistics and carry original offsets', () => {
    const original = lines('一、总体情况', '', '公开 信息 10 条。', '规章\t0\t0', '二、存在的主要问题', '人员不足。');
    const m = normalize(original);
    const spans = splitSections(m);
    assert.equal(spans[0]!.start, 0);
    assert.equal(spans.at(-1)!.end, m.text.length);
    for (let i = 1; i < spans.length; i++) assert.equal(spans[i]!.start, spans[i - 1]!.end);
    const passages = splitPassages(m, spans);
    assert.deepEqual(passages.map((p) => [p.ordinal, p.section, p.text]), [[1, 'overview', '公开信息10条。'], [2, 'problems', '人员不足。']]);
    assert.equal(original.slice(passages[0]!.start, passages[0]!.end), '公开 信息 10 条。');
  });

  test('an empty text has one span and no passages', () => {
    const m = normalize('');
    assert.deepEqual(splitSections(m), [{ type: 'other', heading: null, start: 0, end: 0 }]);
    assert.deepEqual(splitPassages(m, splitSections(m)), []);
  });
});
