// Rules on the numbers: the tables' own identities this year, and the two that tie a report
// to the unit's previous one (上年结转 = last 结转下年度; 现行有效 = last 现行有效 + 制发 − 废止).
import { APPLICANT_COLUMNS, APPLICANT_LABELS, valueOf } from '../tables/index.js';
import { result, type AuditInput } from './context.js';
import type { AuditEvidence, AuditRuleResult } from './schema.js';
import { RULES } from './sources.js';
import { findLine, lineQuote } from './text.js';

const CHECK_ROWS: Record<string, RegExp> = {
  'applications.balance': /^(一、)?本年新收/,
  'applications.row_totals': /^(一、)?本年新收/,
  'applications.results_total': /总计/,
  'review_litigation.totals': /^行政复议/,
};

export function withinYearRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.withinYear;
  const { checks } = input.tables;
  if (!checks.length) return result(spec, input, 'not_assessable', '没有读到可以核对的统计数字。');
  const failed = checks.filter((c) => !c.ok);
  const evidence: AuditEvidence[] = [];
  for (const c of failed) {
    const l = CHECK_ROWS[c.name] ? findLine(input.lines, CHECK_ROWS[c.name]!) : undefined;
    if (l) evidence.push(lineQuote(input.report.text, l, c.detail));
  }
  if (!failed.length) return result(spec, input, 'pass', `${checks.length}项勾稽关系都成立。`);
  return result(spec, input, 'fail', failed.map((c) => c.detail).join('；'), evidence);
}

const fmt = (v: number | undefined) => (v === undefined ? '（未填）' : String(v));

export function carryOverRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.carryOver;
  const { previous, tables, report, lines } = input;
  if (!previous) return result(spec, input, 'not_assessable', '索引中没有本单位上一年度的报告。');
  if (previous.format === 'pre2019' || tables.format === 'pre2019') return result(spec, input, 'not_assessable', '2019年以前的统计表没有“结转下年度”一行。');
  const now = APPLICANT_COLUMNS.map((c) => valueOf(tables, 'applications', 'carried_over', c));
  const was = previous.carriedForward;
  if (now.every((v) => v === undefined) || was.every((v) => v === undefined)) {
    return result(spec, input, 'not_assessable', '本年“上年结转”或上年“结转下年度”一行没有读到。');
  }
  const l = findLine(lines, /^(二、)?上年结转/);
  const evidence: AuditEvidence[] = [];
  if (l) evidence.push(lineQuote(report.text, l, '本年上年结转'));
  if (previous.carriedForwardEvidence) evidence.push({ ...previous.carriedForwardEvidence, note: `${previous.year ?? ''}年报告的结转下年度` });
  // A cell left empty counts as 0, as the tables' own checks count it.
  // The applicant columns; 总计 is their sum, and a 总计 that is not is the within-year rule's finding.
  const diffs = APPLICANT_COLUMNS.slice(0, -1).flatMap((c, i) => ((now[i] ?? 0) === (was[i] ?? 0) ? [] : [`${APPLICANT_LABELS[c]} ${fmt(now[i])} ≠ ${fmt(was[i])}`]));
  if (!diffs.length) return result(spec, input, 'pass', `上年结转逐列等于${previous.year ?? '上一'}年度报告的结转下年度。`, evidence);
  return result(spec, input, 'fail', `上年结转与${previous.year ?? '上一'}年度报告的结转下年度不一致：${diffs.join('；')}。`, evidence);
}

const IN_FORCE_ROWS = { rules: ['规章', /^规章/], normative_documents: ['行政规范性文件', /^(行政)?规范性文件/] } as const;

export function inForceRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.inForce;
  const { previous, tables, report, lines } = input;
  if (!previous) return result(spec, input, 'not_assessable', '索引中没有本单位上一年度的报告。');
  if (tables.format !== '2021' || previous.format !== '2021') return result(spec, input, 'not_assessable', '现行有效件数只在2021年格式的两年之间比较。');
  const evidence: AuditEvidence[] = [];
  const diffs: string[] = [];
  let compared = 0;
  for (const row of ['rules', 'normative_documents'] as const) {
    const [label, re] = IN_FORCE_ROWS[row];
    const last = previous.inForce[row];
    const now = valueOf(tables, 'article20', row, 'in_force');
    if (!last || now === undefined) continue;
    const issued = valueOf(tables, 'article20', row, 'issued') ?? 0;
    const repealed = valueOf(tables, 'article20', row, 'repealed') ?? 0;
    compared++;
    const l = findLine(lines, re);
    if (l) evidence.push(lineQuote(report.text, l, `本年${label}`));
    if (last.evidence) evidence.push({ ...last.evidence, note: `${previous.year ?? ''}年${label}` });
    const expected = last.value + issued - repealed;
    if (expected !== now) diffs.push(`${label} ${now} ≠ ${last.value} + ${issued} − ${repealed} = ${expected}`);
  }
  if (!compared) return result(spec, input, 'not_assessable', '两年的现行有效件数没有都读到。');
  if (!diffs.length) return result(spec, input, 'pass', '现行有效件数与上年衔接。', evidence);
  return result(spec, input, 'fail', `${diffs.join('；')}。`, evidence);
}
