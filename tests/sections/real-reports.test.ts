// The five real reports of the shared corpus, read by hand: which passages are problems and
// which improvements, that tables yield no passages, and the sections of key passages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkPassages, HAVE_CORPUS, noPassageWith, parse, passageWith, readReport, sectionOf } from './support.js';

const skip = HAVE_CORPUS ? false : 'shared corpus not found';
const count = (r: ReturnType<typeof parse>, type: string) => r.passages.filter((p) => p.section === type).length;

describe('000 胜利乡 2019 (2019 format)', { skip }, () => {
  const original = HAVE_CORPUS ? readReport('000_') : '';
  const r = HAVE_CORPUS ? parse(original) : (undefined as never);

  test('passages and offsets', () => checkPassages(original, r));

  test('problems and improvements under their own sub-headings', () => {
    assert.equal(sectionOf(r, '认识上仍存在一定差距'), 'problems');
    assert.equal(sectionOf(r, '政务公开工作宣传还是不够'), 'problems');
    assert.equal(sectionOf(r, '加强检查监督力度'), 'improvements');
    assert.equal(sectionOf(r, '自觉接受社会监督'), 'improvements');
    assert.equal(count(r, 'problems'), 1);
    assert.equal(count(r, 'improvements'), 1);
    noPassageWith(r, '工作中存在的主要问题'); // the heading alone
  });

  test('sub-headings of 总体情况 get their own types', () => {
    assert.equal(sectionOf(r, '2019 年以来'.replace(' ', '')), 'overview');
    assert.equal(sectionOf(r, '总体要求是'), 'overview');
    assert.equal(sectionOf(r, '紧盯精准脱贫推进公开'), 'proactive');
    assert.equal(sectionOf(r, '规范依申请公开程序'), 'on_request');
    assert.equal(sectionOf(r, '保密审查机制'), 'management');
    assert.equal(sectionOf(r, '政务微博平台共发布信息'), 'platforms');
    assert.equal(sectionOf(r, '加强政务公开业务培训'), 'supervision');
    assert.equal(sectionOf(r, '政府开放日'), 'other');
  });

  test('the 2019 tables are statistics and yield no passages', () => {
    for (const cell of ['第二十条', '信息内容', '行政许可', '属于国家秘密', '结果维持', '勾稽关系']) noPassageWith(r, cell);
    const stats = r.sections.filter((s) => s.type === 'statistics').map((s) => s.heading ?? '');
    assert.ok(stats.some((h) => h.startsWith('二、主动公开政府信息情况')));
    assert.ok(stats.some((h) => h.startsWith('三、收到和处理政府信息公开申请情况')));
    assert.ok(stats.some((h) => h.startsWith('四、政府信息公开行政复议')));
  });
});

describe('001 桑垌乡 2020 (2019 format, problems and plans under one heading)', { skip }, () => {
  const original = HAVE_CORPUS ? readReport('001_') : '';
  const r = HAVE_CORPUS ? parse(original) : (undefined as never);

  test('passages and offsets', () => checkPassages(original, r));

  test('the plan after "(一) 存在的问题：" is improvements', () => {
    assert.equal(sectionOf(r, '公开内容不够全面'), 'problems');
    assert.equal(sectionOf(r, '2021年，我乡将按照'), 'improvements');
    assert.equal(sectionOf(r, '努力实现政府信息发布'), 'improvements');
    assert.equal(sectionOf(r, '保密审查机制'), 'improvements');
    assert.equal(count(r, 'problems'), 1);
  });

  test('numbered items inherit the type of their sub-heading', () => {
    assert.equal(sectionOf(r, '12345热线'), 'proactive');
    assert.equal(sectionOf(r, '便民服务大厅'), 'proactive');
    assert.equal(sectionOf(r, '强化组织领导'), 'management');
    assert.equal(sectionOf(r, '强化培训指导'), 'supervision');
    assert.equal(sectionOf(r, '社会评议、责任追究'), 'supervision');
    assert.equal(sectionOf(r, '没有接到群众主动要求'), 'on_request');
    assert.equal(sectionOf(r, '门户网站内容保障系统'), 'platforms');
  });

  test('tables and the bare 无 yield no passages', () => {
    for (const cell of ['予以公开', '行政许可', '尚未审结', '规范性文件']) noPassageWith(r, cell);
    assert.ok(!r.passages.some((p) => p.text === '无'));
    assert.ok(r.sections.some((s) => s.type === 'other' && s.heading === '六、其他需要报告的事项'));
  });
});

describe('002 掌政镇 2018 (pre-2019, eleven parts and a flattened 统计表)', { skip }, () => {
  const original = HAVE_CORPUS ? readReport('002_') : '';
  const r = HAVE_CORPUS ? parse(original) : (undefined as never);

  test('passages and offsets', () => checkPassages(original, r));

  test('problems and improvements, one passage per numbered item', () => {
    for (const p of ['公开内容需要进一步深化', '公开形式的便民性', '主动性还不够强', '人员的数量不够多']) {
      assert.equal(sectionOf(r, p), 'problems', p);
    }
    for (const p of ['充实公开内容', '建设长效工作机制', '加大学习培训力度', '加大舆论宣传力度']) {
      assert.equal(sectionOf(r, p), 'improvements', p);
    }
    assert.equal(count(r, 'problems'), 4);
    assert.equal(count(r, 'improvements'), 4);
  });

  test('the eleven parts', () => {
    assert.equal(sectionOf(r, '现予发布'), 'preamble');
    assert.equal(sectionOf(r, '本报告由掌政镇'), 'preamble');
    assert.equal(sectionOf(r, '认真落实党中央'), 'overview');
    assert.equal(sectionOf(r, '抓组织领导促创新'), 'supervision');
    assert.equal(sectionOf(r, '年初有计划'), 'supervision');
    // "(三)抓舆论宣传促覆盖" — publicity counts as proactive disclosure (vocabulary.ts).
    assert.equal(sectionOf(r, '横幅标语'), 'proactive');
    assert.equal(sectionOf(r, '主动公开信息135条'), 'proactive');
    assert.equal(sectionOf(r, '推进扶贫工作信息公开'), 'proactive');
    assert.equal(sectionOf(r, '通过微博微信平台积极回应'), 'platforms');
    assert.equal(sectionOf(r, '政协委员提案'), 'proactive');
    assert.equal(sectionOf(r, '未收到有关政府信息公开申请'), 'on_request');
    assert.equal(sectionOf(r, '未出现申请行政复议'), 'review_litigation');
    assert.equal(sectionOf(r, '未收取任何费用'), 'fees');
  });

  test('PDF mess: spaces in words, a bookmark, a heading broken across lines', () => {
    assert.ok(passageWith(r, '政府信息公开工作领导小组').text.includes('我镇成立了政府信息公开工作领导小组'));
    assert.ok(!r.passages.some((p) => /bookmark|\*\*/.test(p.text)));
    assert.ok(r.sections.some((s) => s.type === 'review_litigation' && s.heading === '九、因政府信息公开申请行政复议、提起行政诉讼的情况'));
  });

  test('the flattened 统计表 is statistics to the end', () => {
    for (const cell of ['统计指标', '政务微博公开政府信息数', '接受培训人员数', '安全和社会稳定']) noPassageWith(r, cell);
    const last = r.sections.at(-1)!;
    assert.equal(last.type, 'statistics');
    assert.match(last.heading ?? '', /统计表$/);
  });
});

describe('003 交岔乡 2017 (pre-2019, pasted notice and a foreign table)', { skip }, () => {
  const original = HAVE_CORPUS ? readReport('003_') : '';
  const r = HAVE_CORPUS ? parse(original) : (undefined as never);

  test('passages and offsets', () => checkPassages(original, r));

  test('problems then the plan, in one part without sub-headings', () => {
    assert.equal(sectionOf(r, '专职人员少'), 'problems');
    assert.equal(sectionOf(r, '力量薄弱'), 'problems');
    assert.ok(passageWith(r, '专职人员少').themes.includes('staffing'));
    assert.equal(sectionOf(r, '2018年，将深入贯彻'), 'improvements');
    assert.equal(sectionOf(r, '加强组织机构建设'), 'improvements');
    assert.equal(sectionOf(r, '加强督查考核和业务培训'), 'improvements');
    assert.ok(!passageWith(r, '加强制度规范建设').text.includes('**'));
    assert.equal(count(r, 'problems'), 1);
  });

  test('the pasted notice is other and does not reset the report', () => {
    for (const p of ['各村、站(所)', '有关事项通知如下', '安续堂', '马鑫望']) assert.equal(sectionOf(r, p), 'other', p);
    noPassageWith(r, '政务公开工作领导小组成员及职责'); // its heading alone
    assert.equal(sectionOf(r, '加强载体建设，提升保障能力'), 'platforms');
    assert.equal(sectionOf(r, '加强政务微信公众号应用'), 'platforms');
    assert.ok(passageWith(r, '加强政务微信公众号应用').themes.includes('wechat'));
  });

  test('sub-headings of 概述 by their meaning', () => {
    assert.equal(sectionOf(r, '近年来，交岔乡'), 'overview');
    assert.equal(sectionOf(r, '加强组织领导，健全工作机制'), 'supervision');
    assert.equal(sectionOf(r, '加强政策解读，促进政策落地'), 'proactive');
    assert.equal(sectionOf(r, '加强舆情回应'), 'proactive');
    assert.equal(sectionOf(r, '推进环境保护信息公开'), 'proactive');
    assert.equal(sectionOf(r, '通过政务微博微信主动公开情况'), 'proactive');
    assert.equal(sectionOf(r, '现予发布'), 'preamble');
  });

  test('the table of another township is statistics; the paragraph resumes after it', () => {
    noPassageWith(r, '小过乡');
    assert.equal(sectionOf(r, '使扶贫政策能及时准确宣传到户'), 'proactive');
  });

  test('the appended 统计表 yields no passages', () => {
    for (const cell of ['统计指标', '汇总数', '政府公报公开政府信息数', '彭阳县交岔乡']) noPassageWith(r, cell);
    assert.equal(r.sections.at(-1)!.type, 'statistics');
  });
});

describe('004 白马乡 2023 (2021 format, list bullets, flattened merged headers)', { skip }, () => {
  const original = HAVE_CORPUS ? readReport('004_') : '';
  const r = HAVE_CORPUS ? parse(original) : (undefined as never);

  test('passages and offsets', () => checkPassages(original, r));

  test('problems and improvements', () => {
    assert.equal(sectionOf(r, '政策解读有待进一步提质增效'), 'problems');
    assert.equal(sectionOf(r, '积极整合信息公开资源'), 'improvements');
    assert.equal(sectionOf(r, '转变思想观念'), 'improvements');
    assert.equal(count(r, 'problems'), 1);
    assert.equal(count(r, 'improvements'), 1);
  });

  test('the six parts', () => {
    assert.equal(sectionOf(r, '现发布《中宁县白马乡'), 'preamble');
    assert.equal(sectionOf(r, '加快转变政府职能,努力建设'), 'overview'); // joined across a page break
    assert.equal(sectionOf(r, '法定主动公开政府信息类别'), 'proactive');
    assert.equal(sectionOf(r, '未收到公民、法人和其他组织'), 'on_request');
    assert.equal(sectionOf(r, '信息发布保密审查表'), 'management');
    assert.equal(sectionOf(r, '完善政务公开专区建设'), 'platforms');
    assert.equal(sectionOf(r, '知情权、参与权和监督权'), 'platforms');
    assert.equal(sectionOf(r, '以会代训'), 'supervision');
    assert.equal(sectionOf(r, '工作要点落实情况'), 'other');
    assert.equal(sectionOf(r, '完善基建'), 'other');
    assert.ok(passageWith(r, '完善基建').themes.includes('village_affairs'));
  });

  test('list bullets are gone and tables yield no passages', () => {
    assert.ok(!r.passages.some((p) => p.text.startsWith('-')));
    for (const cell of ['第二十条', '行政许可', '公田', '勾稽关系', '结果维持']) noPassageWith(r, cell);
  });
});
