// Normalisation, one mess at a time: the clean text, and that every clean character still
// points at where it came from in the original.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mapped, rewrite } from '../../services/pipeline/normalize/mapped-text.js';
import { normalize, originalRange } from '../../services/pipeline/normalize/index.js';

const clean = (s: string) => normalize(s).text;

/** Every clean character maps to the same character in the original (or to what it replaced). */
function mapsBack(original: string): void {
  const m = normalize(original);
  assert.equal(m.map.length, m.text.length + 1);
  assert.equal(m.map[m.text.length], original.length);
  for (let i = 0; i < m.text.length; i++) {
    const o = original[m.map[i]!]!;
    const c = m.text[i]!;
    if (c !== o && c !== '\n' && c !== ' ') assert.equal(String.fromCharCode(o.charCodeAt(0) - 0xfee0), c, `char ${i}`);
  }
}

describe('spaces', () => {
  test('inside Chinese words they go, between Latin words and numbers they stay', () => {
    assert.equal(clean('政 府信息公开'), '政府信息公开');
    assert.equal(clean('兴庆区掌政镇 2018 年政府信息公开 工作年度报告'), '兴庆区掌政镇2018年政府信息公开工作年度报告');
    assert.equal(clean('COVID 19 疫情'), 'COVID 19疫情');
    assert.equal(clean('( 一 ) 抓组织领导'), '(一)抓组织领导');
    assert.equal(clean('规\u3000定'), '规定');
    mapsBack('政 府信息公开 COVID 19');
  });
});

describe('broken lines', () => {
  test('a line broken mid-sentence is joined, even across a page break', () => {
    // (The first line of a text is its title, which is never joined to what follows.)
    assert.equal(clean('标题\n二是积极推进政府信息公开相关制度建设，结合我镇实\n际，组织制定并落实相关制度。'),
      '标题\n二是积极推进政府信息公开相关制度建设，结合我镇实际，组织制定并落实相关制度。');
    assert.equal(clean('标题\n把政府信息公开工作作为打造法治政府的重要方面来抓，把政府信息公开工作\n\n作为重点。'),
      '标题\n把政府信息公开工作作为打造法治政府的重要方面来抓，把政府信息公开工作作为重点。');
    mapsBack('标题\n二是积极推进政府信息公开相关制度建设，结合我镇实\n\n际。');
  });

  test('a line ending in a comma or 、 continues, however short', () => {
    assert.equal(clean('成员：海文春、\n\n马鑫望'), '成员：海文春、马鑫望');
  });

  test('headings, list items, short lines and table cells are not joined', () => {
    assert.equal(clean('一、概述\n2018年，我镇认真落实。'), '一、概述\n2018年，我镇认真落实。');
    assert.equal(clean('存在的主要问题\n人手不足。'), '存在的主要问题\n人手不足。');
    assert.equal(clean('主要是做好以下几方面工作\n一是加强培训。'), '主要是做好以下几方面工作\n一是加强培训。');
    assert.equal(clean('六、其他需要报告的事项\n无'), '六、其他需要报告的事项\n无');
    assert.equal(clean('信息内容\n本年制发件数\n规章\n0'), '信息内容\n本年制发件数\n规章\n0');
    assert.equal(clean('规章\t0\t0\n规范性文件\t0'), '规章\t0\t0\n规范性文件\t0');
    // A table flattened with bars: its rows, and the title after them, stay lines of their own.
    assert.equal(clean('索引号 | 公开方式 | 发布机构 |\n某某乡2008年政府信息公开工作年度报告').split('\n')[1], '某某乡2008年政府信息公开工作年度报告');
    assert.equal(clean('规章 | 0 | 0\n规范性文件 | 0 | 0').split('\n').length, 2);
  });

  test('a numbered item as wide as the page is joined; a long template heading is not', () => {
    // The bookmark and the PDF space filled the extracted line: it was wrapped by the page width.
    assert.equal(clean('标题\n[bookmark: _GoBack]（4）12345 热线诉求办\n理时效有待提升。'), '标题\n（4）12345热线诉求办理时效有待提升。');
    assert.equal(clean('标题\n1.强化舆情监测和分析，健全舆情收集研判机制，主动回应\n社会关切。'), '标题\n1.强化舆情监测和分析，健全舆情收集研判机制，主动回应社会关切。');
    const heading = '(六)县级以上人民政府实施信息公开工作考核、社会评议和责任追究结果情况';
    assert.equal(clean(`标题\n${heading}\n我乡严格贯彻落实《条例》。`), `标题\n${heading}\n我乡严格贯彻落实《条例》。`);
  });

  test('a long heading broken before its last characters is joined', () => {
    assert.equal(clean('九、因政府信息公开申请行政复议、提起行政诉讼的情\n况\n\n2018年，无。'),
      '九、因政府信息公开申请行政复议、提起行政诉讼的情况\n\n2018年，无。');
  });
});

describe('page furniture', () => {
  test('page numbers go', () => {
    assert.equal(clean('第一段结束。\n- 3 -\n第二段。'), '第一段结束。\n第二段。');
    assert.equal(clean('第一段结束。\n第 2 页 共 5 页\n第二段。'), '第一段结束。\n第二段。');
    assert.equal(clean('第一段结束。\n\n12\n\n第二段。'), '第一段结束。\n\n\n第二段。');
    assert.equal(clean('标题\n加强对水污染治理工作的宣传，营造全民参与环保的浓厚氛\n\n3\n\n围。'),
      '标题\n加强对水污染治理工作的宣传，营造全民参与环保的浓厚氛围。');
  });

  test('numbers in tables stay, tab-separated or one cell per line', () => {
    assert.equal(clean('规章\t0\n\t12\n行政许可\t0'), '规章\t0\n\t12\n行政许可\t0');
    assert.equal(clean('主动公开政府信息数\n条\n135\n\n其中：规范性文件数\n条\n0'), '主动公开政府信息数\n条\n135\n\n其中：规范性文件数\n条\n0');
  });

  test('a running header repeated on every page goes', () => {
    const page = (n: number) => `XX乡政府信息公开年度报告\n第${n}页的内容。\n`;
    assert.equal(clean(page(1) + page(2) + page(3)), '第1页的内容。\n第2页的内容。\n第3页的内容。\n');
  });
});

describe('converter markers', () => {
  test('[bookmark: …] and bold ** go, the words stay', () => {
    assert.equal(clean('[bookmark: _GoBack]2. 公开形式'), '2.公开形式');
    assert.equal(clean('工作基础。**二是加强制度规范建设。**加强我乡'), '工作基础。二是加强制度规范建设。加强我乡');
    mapsBack('[bookmark: _GoBack]2. 公开**形式**');
  });

  test('list bullets go', () => {
    assert.equal(clean('- (一)主动公开政府信息情况。\n - (二)依申请公开情况。'), '(一)主动公开政府信息情况。\n(二)依申请公开情况。');
    assert.equal(clean('• 加强培训\n● 完善制度\n■完善网站'), '加强培训\n完善制度\n完善网站');
    assert.equal(clean('-3℃'), '-3℃');
    // After an indent of ideographic or no-break spaces, as pages indent their paragraphs.
    assert.equal(clean('\u3000\u3000- (二)改进情况。一是加强培训。'), '(二)改进情况。一是加强培训。');
  });

  test('invisible characters go', () => {
    assert.equal(clean('\ufeff政府\u200b信息'), '政府信息');
  });
});

describe('full-width and half-width', () => {
  test('full-width letters and digits become half-width; Chinese punctuation stays', () => {
    assert.equal(clean('２０１９年开通ＡＰＰ，（一）１２３４５热线'), '2019年开通APP，（一）12345热线');
    assert.equal(clean('１．加强培训'), '1．加强培训');
    mapsBack('２０１９年开通ＡＰＰ');
  });
});

describe('the offset map', () => {
  test('originalRange gives back the original span of a clean range', () => {
    const original = '一、概述\n\n兴庆区 2018 年\n工作 报告。';
    const m = normalize(original);
    const at = m.text.indexOf('2018');
    const [s, e] = originalRange(m, at, at + 4);
    assert.equal(original.slice(s, e), '2018');
    const [s2, e2] = originalRange(m, 0, m.text.length);
    assert.equal(original.slice(s2, e2).replace(/\s/g, ''), m.text.replace(/\s/g, ''));
  });

  test('rewrite with nothing to replace returns its input', () => {
    const m = mapped('政府信息公开');
    assert.equal(rewrite(m, /x/g, () => ''), m);
    assert.throws(() => rewrite(m, /x/, () => ''));
  });

  test('a replacement longer than its match keeps the map consistent', () => {
    const m = rewrite(mapped('a1b'), /1/g, () => 'one');
    assert.equal(m.text, 'aoneb');
    assert.deepEqual([...m.map], [0, 1, 1, 1, 2, 3]);
  });
});
