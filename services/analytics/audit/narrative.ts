// Rules on the narrative: part five's problems concrete and answered, and the fees that part
// six reports agreeing with the tables.
import { splitItems } from '../clusters/items.js';
import { valueOf } from '../tables/index.js';
import { result, type AuditInput } from './context.js';
import { partRange } from './parts.js';
import type { AuditEvidence, AuditRuleResult } from './schema.js';
import { RULES } from './sources.js';
import { isStock, substance } from './stock.js';
import { findLine, lineQuote, quote } from './text.js';

export interface Statement { text: string; evidence: AuditEvidence }

/**
 * A kind's statements (splitItems over its passages), each quoted where it stands in the text.
 * Within the part on problems when its heading is found (a sentence about problems found by
 * inspections, elsewhere, is not one of the report's problems); there, without passages of
 * the kind, the part's passages that are not the other kind.
 */
export function statements(input: AuditInput, section: 'problems' | 'improvements'): Statement[] {
  const { report } = input;
  const range = partRange(input.parts, 4, report.text.length);
  const inPart = (p: { start: number }) => !range || (p.start >= range[0] && p.start < range[1]);
  const other = section === 'problems' ? 'improvements' : 'problems';
  let chosen = report.passages.filter((p) => p.section === section && inPart(p));
  if (!chosen.length && range && section === 'problems') {
    chosen = report.passages.filter((p) => inPart(p) && p.section !== other && p.section !== 'statistics' && p.start > range[0]);
  }
  const out: Statement[] = [];
  for (const p of chosen) {
    for (const s of splitItems(p.text)) {
      const at = report.text.indexOf(s, p.start);
      out.push({ text: s, evidence: at >= 0 && at < p.end + s.length ? quote(report.text, at, at + s.length) : quote(report.text, p.start, p.end) });
    }
  }
  return out;
}

export function concreteRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.concrete;
  const problems = statements(input, 'problems');
  if (!problems.length) {
    return result(spec, input, 'fail', '没有找到“存在的主要问题”的陈述。',
      input.parts.filter((h) => h.part === 4).map((h) => lineQuote(input.report.text, h.line)));
  }
  const stock = problems.filter((s) => isStock(s.text));
  const evidence = problems.map((s) => ({ ...s.evidence, note: isStock(s.text) ? '套话' : `具体：${substance(s.text).slice(0, 20)}` }));
  if (stock.length < problems.length) return result(spec, input, 'pass', `${problems.length}个问题中${problems.length - stock.length}个具体。`, evidence);
  return result(spec, input, 'fail', `${problems.length}个问题都是套话，没有说明具体的问题。`, evidence);
}

/** Character bigrams of what a statement says beyond stock words. */
const bigrams = (s: string) => {
  const t = substance(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
};

export function answeredRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.answered;
  const problems = statements(input, 'problems').filter((s) => !isStock(s.text));
  if (!problems.length) return result(spec, input, 'not_assessable', '没有具体的问题可以对照。');
  const improvements = statements(input, 'improvements');
  if (!improvements.length) return result(spec, input, 'fail', '有问题，没有找到改进措施。', problems.map((p) => p.evidence));
  const grams = improvements.map((s) => bigrams(s.text));
  const evidence: AuditEvidence[] = [];
  let unanswered = 0;
  for (const p of problems) {
    const mine = bigrams(p.text);
    let best = -1;
    let shared = 0;
    grams.forEach((g, i) => {
      let n = 0;
      for (const b of mine) if (g.has(b)) n++;
      if (n > shared) [best, shared] = [i, n];
    });
    if (shared >= 2) {
      evidence.push({ ...p.evidence, note: '问题' }, { ...improvements[best]!.evidence, note: '对应的改进措施' });
    } else {
      unanswered++;
      evidence.push({ ...p.evidence, note: '没有对应的改进措施' });
    }
  }
  if (!unanswered) return result(spec, input, 'pass', `${problems.length}个问题都有对应的改进措施。`, evidence);
  return result(spec, input, 'fail', `${problems.length}个问题中${unanswered}个没有对应的改进措施。`, evidence);
}

const NONE = /(未|没有|无|不|均未|并未)(收取|发生|产生|涉及|发出|开具)[^。；\n]{0,14}(费|收费通知)|(收费|费用)[^。；\n]{0,6}(为零|为0|0元)|免费提供|不收取费用|无收费/;
const AMOUNT = /(收取|收费|费用)[^。；\n]{0,20}?(\d+(?:\.\d+)?)\s*(万元|元)/;
const FEE_WORDS = /收费|费用|信息处理费/;

export function feesRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.fees;
  const { report, tables, parts, lines } = input;
  const range = partRange(parts, 5, report.text.length);
  // Part six; a pre-2019 report reports its fees wherever (its own 收费 heading or the other matters).
  const text = report.text;
  const sentences: Array<{ s: string; start: number }> = [];
  const pushFrom = (from: number, to: number) => {
    const re = /[^。；\n]+[。；]?/g;
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) if (FEE_WORDS.test(m[0])) sentences.push({ s: m[0], start: m.index });
  };
  if (range) pushFrom(range[0], range[1]);
  else for (const p of report.passages) if (p.section === 'fees' || p.section === 'other') pushFrom(p.start, p.end);
  const pre2019 = tables.format === 'pre2019';
  const collected = pre2019 ? valueOf(tables, 'legacy', 'fees.collected', 'value') : undefined;
  const unpaid = tables.format === '2021' ? valueOf(tables, 'applications', 'other.no_payment', 'total') : undefined;
  const tableLine = pre2019 ? findLine(lines, /收取.{0,4}费用|收费/) : findLine(lines, /收费通知|缴纳费用/);
  const tableEvidence = tableLine && (collected !== undefined || unpaid !== undefined) ? [lineQuote(text, tableLine, '统计表')] : [];
  if (!sentences.length) return result(spec, input, 'not_assessable', range ? '“其他需要报告的事项”没有说明收费情况。' : '没有找到报告收费情况的文字。', tableEvidence);
  const evidence = [...sentences.slice(0, 3).map((x) => quote(text, x.start, x.start + x.s.length, '收费情况')), ...tableEvidence];
  const none = sentences.find((x) => NONE.test(x.s));
  const amount = sentences.map((x) => AMOUNT.exec(x.s)).find((m) => m);
  if (collected !== undefined) {
    if (none && collected > 0) return result(spec, input, 'fail', `文字说未收取费用，统计表的收费为${collected}。`, evidence);
    if (amount) {
      const stated = Number(amount[2]) / (amount[3] === '元' ? 10_000 : 1);
      const unit = (tables.items.find((i) => i.row === 'fees.collected')?.unit ?? '万元');
      const inTable = unit === '元' ? collected / 10_000 : collected;
      if (Math.abs(stated - inTable) > 1e-6) return result(spec, input, 'fail', `文字中的收费${amount[2]}${amount[3]}与统计表的${collected}${unit}不一致。`, evidence);
    }
    return result(spec, input, 'pass', '文字与统计表的收费一致。', evidence);
  }
  if (unpaid !== undefined && unpaid > 0 && sentences.some((x) => /(未|没有)(发出|开具)[^。；]{0,6}收费通知/.test(x.s))) {
    return result(spec, input, 'fail', `文字说未发出收费通知，统计表却有${unpaid}件申请因逾期未缴费不再处理。`, evidence);
  }
  return result(spec, input, 'pass', none ? '文字说明未收取费用，与统计表不矛盾。' : '文字说明了收费情况，与统计表不矛盾。', evidence);
}
