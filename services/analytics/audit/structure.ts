// Rules on the report's form: its six parts in order, its tables' rows, and blank cells.
import { rowKeyOf } from '../tables/applications.js';
import { APPLICANT_COLUMNS, type StatTables } from '../tables/index.js';
import { numberOf, prepare, rowsOf, squash } from '../tables/cells.js';
import { isSixPart, result, type AuditInput } from './context.js';
import { PART_NAMES, partRange } from './parts.js';
import type { AuditEvidence, AuditRuleResult } from './schema.js';
import { RULES } from './sources.js';
import { findLine, lineQuote, quote } from './text.js';

export function partsRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.parts;
  if (!isSixPart(input)) return result(spec, input, 'not_assessable', '2019年以前的报告没有统一的六部分格式。');
  const { parts, report } = input;
  const evidence = parts.map((h) => lineQuote(report.text, h.line, `第${h.part + 1}部分`));
  const missing = PART_NAMES.filter((_, i) => !parts.some((h) => h.part === i));
  const order = parts.map((h) => h.part);
  const inOrder = order.every((p, i) => i === 0 || p > order[i - 1]!);
  if (!missing.length && inOrder) return result(spec, input, 'pass', '六个部分齐全，顺序与格式一致。', evidence);
  const why = [
    missing.length ? `缺少：${missing.join('、')}` : '',
    inOrder ? '' : `顺序为 ${order.map((p) => p + 1).join('、')}`,
  ].filter(Boolean).join('；');
  return result(spec, input, 'fail', `${why}。`, evidence);
}

const APPLICATION_ROWS_COMMON = [
  'new', 'carried_over', 'granted', 'partly_granted',
  'refused.state_secret', 'refused.law_prohibited', 'refused.three_security', 'refused.third_party',
  'refused.internal', 'refused.process', 'refused.enforcement_files', 'refused.inquiry',
  'unable.not_held', 'unable.needs_making', 'unable.unclear',
  'not_processed.petition', 'not_processed.repeated', 'not_processed.publication', 'not_processed.excessive', 'not_processed.confirmation',
  'total', 'carried_forward',
];
const APPLICATION_ROWS: Record<'2019' | '2021', string[]> = {
  2019: [...APPLICATION_ROWS_COMMON, 'other'],
  2021: [...APPLICATION_ROWS_COMMON, 'other.no_correction', 'other.no_payment', 'other.other'],
};
const ARTICLE20_ROWS: Record<'2019' | '2021', string[]> = {
  2019: ['rules', 'normative_documents', 'licensing', 'other_services', 'penalties', 'enforcement', 'fees', 'procurement'],
  2021: ['rules', 'normative_documents', 'licensing', 'penalties', 'enforcement', 'fees'],
};

const rowsIn = (t: StatTables, table: string) => new Set(t.items.filter((i) => i.table === table).map((i) => i.row));

export function rowsRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.rows;
  const { tables, lines, report } = input;
  const variant = tables.format === '2021' || tables.format === '2019' ? tables.format : null;
  if (!variant) return result(spec, input, 'not_assessable', tables.format === 'pre2019' ? '2019年以前的统计表没有统一的行列。' : '没有找到统一格式的统计表。');
  const missing: string[] = [];
  const a20 = rowsIn(tables, 'article20');
  for (const r of ARTICLE20_ROWS[variant]) if (!a20.has(r)) missing.push(`第二十条表 ${r}`);
  const apps = rowsIn(tables, 'applications');
  for (const r of APPLICATION_ROWS[variant]) if (!apps.has(r)) missing.push(`申请表 ${r}`);
  if (!rowsIn(tables, 'review_litigation').size) missing.push('行政复议、行政诉讼表');
  const heads = [/^第二十条第/, /勾稽关系|申请人情况/, /^行政复议/].map((re) => findLine(lines, re)).filter((l) => l !== undefined);
  const evidence = heads.map((l) => lineQuote(report.text, l));
  if (!missing.length) return result(spec, input, 'pass', `${variant}年格式的三张表各行齐全。`, evidence);
  return result(spec, input, 'fail', `缺少的行：${missing.slice(0, 12).join('、')}${missing.length > 12 ? ` 等${missing.length}行` : ''}。`, evidence);
}

const BLANK = /^(?:[/／\\—–\-－]+)?$/;

/**
 * Cells of the numbers' run of a table row that hold no number: empty between numbers, or
 * "/" and dashes anywhere in it; an applications row with fewer than seven numbers.
 */
export function blankCellsRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.blanks;
  if (!isSixPart(input)) return result(spec, input, 'not_assessable', '2019年以前的统计表以“——”等标示不适用的格，不按此项评判。');
  const { report, parts, lines } = input;
  // The tables stand in parts two to four.
  const from = partRange(parts, 1, report.text.length)?.[0] ?? partRange(parts, 2, report.text.length)?.[0] ?? 0;
  const to = partRange(parts, 4, report.text.length)?.[0] ?? report.text.length;
  const first = lines.findIndex((l) => l.start >= from);
  let last = lines.findIndex((l) => l.start >= to);
  if (last < 0) last = lines.length;
  if (first < 0) return result(spec, input, 'not_assessable', '没有找到统计表。');
  const texts = prepare(lines.slice(first, last).map((l) => l.text).join('\n')).split('\n');
  const evidence: AuditEvidence[] = [];
  let checked = 0;
  for (const row of rowsOf(texts)) {
    if (!row.tabbed) continue;
    const cells = row.cells;
    let lastText = -1;
    cells.forEach((c, i) => { if (c !== '' && !BLANK.test(c) && numberOf(c) === null) lastText = i; });
    let values = cells.slice(lastText + 1);
    while (values.length && values[0] === '') values = values.slice(1);
    while (values.length && values.at(-1) === '') values = values.slice(0, -1);
    const numbers = values.filter((c) => numberOf(c) !== null).length;
    if (!numbers && !values.some((c) => c !== '')) continue;
    checked++;
    const label = squash(cells.slice(0, lastText + 1).join(''));
    const isApplications = lastText >= 0 && rowKeyOf(label) !== undefined && /申请|公开|秘密|禁止|安全|权益|事务|过程|案卷|查询|掌握|制作|补正|信访|出版物|反复|确认|收费|处理|总计|结转/.test(label);
    const blanks = values.filter((c) => numberOf(c) === null).length;
    const short = isApplications && numbers + blanks < APPLICANT_COLUMNS.length;
    if (!blanks && !short) continue;
    const line = lines[first + row.line]!;
    evidence.push(quote(report.text, line.start, line.end, blanks ? `${blanks}格没有数字` : `只有${numbers}个数字，应为${APPLICANT_COLUMNS.length}个`));
  }
  if (!checked) return result(spec, input, 'not_assessable', '没有找到统计表的数据行。');
  if (!evidence.length) return result(spec, input, 'pass', `统计表${checked}行数据没有留空或填“/”的单元格。`);
  return result(spec, input, 'fail', `${evidence.length}行有留空或填“/”的单元格。`, evidence.slice(0, 10));
}
