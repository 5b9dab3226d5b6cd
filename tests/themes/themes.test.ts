// Theme tagging from the editable taxonomy (services/pipeline/themes/themes.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { THEMES, themesOf } from '../../services/pipeline/themes/index.js';

const EXPECTED_IDS = [
  'wechat', 'weibo', 'new_media', 'website', 'hotline_12345', 'policy_interpretation',
  'confidentiality_review', 'training', 'staffing', 'open_day', 'village_affairs',
  'poverty_alleviation', 'epidemic', 'public_participation', 'opinion_response',
  'service_hall', 'assessment',
];

describe('taxonomy', () => {
  test('THEMES lists every theme once with a Chinese label, in file order', () => {
    assert.deepEqual(THEMES.map((t) => t.id), EXPECTED_IDS);
    for (const t of THEMES) assert.match(t.label, /[\u4e00-\u9fff]/, t.id);
  });

  test('the data file is plain JSON users can edit', () => {
    const raw = JSON.parse(readFileSync(new URL('../../services/pipeline/themes/themes.json', import.meta.url), 'utf8'));
    assert.equal(raw.themes.length, EXPECTED_IDS.length);
    for (const t of raw.themes) assert.ok(t.keywords?.length || t.patterns?.length, t.id);
  });
});

describe('themesOf', () => {
  const cases: Array<[string, string]> = [
    ['wechat', '微信公众号“交岔发布”累计发布信息46条。'],
    ['wechat', '开通政务公众号。'],
    ['weibo', '政务微博平台共发布信息190条。'],
    ['new_media', '积极加强政务新媒体集群平台建设。'],
    ['new_media', '“杞乡村务”小程序公开信息276条。'],
    ['new_media', '手机客户端下载5210次。'],
    ['new_media', '开通抖音政务号。'],
    ['new_media', '开发了政务APP。'],
    ['website', '在县政府门户网站累计公开政府信息数13条。'],
    ['website', '利用政府网公开作用。'],
    ['hotline_12345', '扎实做好12345公众服务热线办理工作。'],
    ['policy_interpretation', '制定了《政策解读制度》。'],
    ['confidentiality_review', '完善政府信息公开保密审查机制。'],
    ['training', '开展政务公开业务培训1次。'],
    ['staffing', '专职人员少，力量薄弱。'],
    ['staffing', '从事信息公开人员的数量不够多。'],
    ['staffing', '工作人员不足。'],
    ['open_day', '举办“政府开放日”活动。'],
    ['village_affairs', '全面推广村务公开。'],
    ['poverty_alleviation', '紧盯精准脱贫推进公开，公开扶贫政策。'],
    ['epidemic', '内容涉及疫情防控。'],
    ['epidemic', '做好COVID-19防控信息发布。'],
    ['public_participation', '扩大公众参与。'],
    ['public_participation', '邀请人大代表列席2次。'],
    ['opinion_response', '重视网络舆情监控。'],
    ['opinion_response', '加强政策宣传解读和回应社会关切。'],
    ['service_hall', '桑垌乡政府设有便民服务大厅。'],
    ['service_hall', '强化提升民生服务中心服务能力。'],
    ['assessment', '将政务公开工作纳入年度目标考核。'],
  ];
  for (const [id, text] of cases) {
    test(`${id}: ${text}`, () => assert.ok(themesOf(text).includes(id), `${id} in ${themesOf(text).join(',')}`));
  }

  test('matching is on folded text: full-width digits and letters count', () => {
    assert.deepEqual(themesOf('１２３４５热线'), ['hotline_12345']);
    assert.deepEqual(themesOf('下载政务ＡＰＰ'), ['new_media']);
  });

  test('exclusions: a phone number is not the hotline, a draft for comment is not participation', () => {
    assert.deepEqual(themesOf('电话：0951-6123456'), []);
    assert.deepEqual(themesOf('电话：0951-12345678'), []);
    assert.deepEqual(themesOf('《脱贫攻坚专项规划(征求意见稿)》'), ['poverty_alleviation']);
    assert.deepEqual(themesOf('公开征求意见稿，广泛征求意见。'), ['public_participation']);
  });

  test('nothing matched, nothing returned; several themes in taxonomy order', () => {
    assert.deepEqual(themesOf('本年度无其他需要报告的事项。'), []);
    assert.deepEqual(themesOf('通过微博、微信和政府网站发布信息。'), ['wechat', 'weibo', 'website']);
    assert.deepEqual(themesOf('applications'), []);
  });
});
