// Any text, however broken: sections cover the clean text in order, passages are in order with
// offsets that point at their own characters in the original, and nothing throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalize } from '../../services/pipeline/normalize/index.js';
import { splitPassages } from '../../services/pipeline/passages/index.js';
import { splitSections } from '../../services/pipeline/sections/index.js';
import { checkPassages, parse } from './support.js';

const FRAGMENTS = [
  '一、总体情况', '（一）主动公开', '(二) 平台建设', '1.', '2、', '一是', '二是', '五、存在的主要问题及改进情况',
  '（二）改进措施', '下一步，我乡将', '专职人员少，力量薄弱。', '加强培训。', '各村、站(所)：', '通知如下：',
  '统计表', '附件：', '规章', '0', '\t', '\n', '\n\n', ' ', '　', '**', '[bookmark: _GoBack]', '- ', '- 3 -',
  '政 府信息', '２０１９', '。', '，', '、', '微信公众号', '12345', '其他需要报告的事项', '无',
];

const report = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));

test('invariants hold on any text', () => {
  fc.assert(fc.property(report, (original) => {
    const m = normalize(original);
    const spans = splitSections(m);
    assert.equal(spans[0]!.start, 0);
    assert.equal(spans.at(-1)!.end, m.text.length);
    for (let i = 1; i < spans.length; i++) assert.equal(spans[i]!.start, spans[i - 1]!.end);
    const passages = splitPassages(m, spans);
    for (let i = 1; i < passages.length; i++) assert.ok(passages[i]!.start >= passages[i - 1]!.end);
    checkPassages(original, parse(original));
  }), { numRuns: 400 });
});
