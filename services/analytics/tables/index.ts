// parseTables: the standard statistics tables of a report, from its clean or original
// text, as numbers with row and column meaning, plus the checks of their own arithmetic.
import { parseApplications } from './applications.js';
import { parseArticle20 } from './article20.js';
import { isPartHeading, prepare, rowsOf, squash } from './cells.js';
import { checksOf } from './checks.js';
import { legacyStart, parseLegacy } from './legacy.js';
import { parseReview } from './review.js';
import { StatTables, type StatItem } from './schema.js';

export * from './schema.js';

const APPLICATIONS_HEAD = /收到和处理政府信息公开申请情况/;
const APPLICATIONS_ROW = /勾稽关系|申请人情况|本年新收/;
const REVIEW_HEAD = /行政复议.{0,3}行政诉讼情况|行政复议、行政诉讼/;

/**
 * Index of the first line from `from` matching re (in the squashed line) and pred, or -1.
 * Only lines holding the hint character are squashed: most lines are prose.
 */
function findLine(lines: readonly string[], re: RegExp, hint: string, from = 0, pred: (l: string) => boolean = () => true): number {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.includes(hint) && pred(l) && re.test(squash(l))) return i;
  }
  return -1;
}

/** The end of a table started at `from`: the next heading of the report's six parts. */
const endOf = (lines: readonly string[], from: number) => {
  for (let i = from + 1; i < lines.length; i++) if (isPartHeading(lines[i]!)) return i;
  return lines.length;
};

export function parseTables(text: string): StatTables {
  const lines = prepare(text).split('\n');
  const warnings: string[] = [];
  const items: StatItem[] = [];
  let variant: '2019' | '2021' | null = null;

  // 三、收到和处理政府信息公开申请情况: its heading (or, without one, its first rows).
  let appsStart = findLine(lines, APPLICATIONS_HEAD, '收', 0, (l) => !l.includes('\t'));
  while (appsStart >= 0 && !lines.slice(appsStart + 1, appsStart + 8).some((l) => l.includes('\t'))) {
    appsStart = findLine(lines, APPLICATIONS_HEAD, '收', appsStart + 1, (l) => !l.includes('\t'));
  }
  if (appsStart < 0) appsStart = findLine(lines, APPLICATIONS_ROW, '申', 0, (l) => l.includes('\t'));
  // 第二十条 tables come before it.
  const a20Start = findLine(lines, /第二十条第/, '条', 0, (l) => l.includes('\t') || /项\s*$/.test(l.trim()));
  if (a20Start >= 0) {
    const end = appsStart > a20Start ? appsStart : endOf(lines, a20Start);
    const a20 = parseArticle20(rowsOf(lines, a20Start, end), warnings);
    items.push(...a20.items);
    variant = a20.variant;
  }
  let reviewFrom = -1;
  if (appsStart >= 0) {
    // The table ends at the next part heading, or where the review table's header starts.
    let end = endOf(lines, appsStart);
    const reviewHeader = findLine(lines, /^行政复议/, '复', appsStart + 1, (l) => l.includes('\t'));
    if (reviewHeader >= 0 && reviewHeader < end) end = reviewHeader;
    const apps = parseApplications(rowsOf(lines, appsStart, end), warnings);
    items.push(...apps.items);
    if (apps.variant === '2021' || (apps.variant === '2019' && !variant)) variant = apps.variant;
    reviewFrom = end;
  }
  const reviewStart = findLine(lines, REVIEW_HEAD, '复', Math.max(0, reviewFrom), (l) => !l.includes('\t'));
  const reviewHeader = findLine(lines, /^行政复议/, '复', reviewStart >= 0 ? reviewStart : Math.max(0, reviewFrom), (l) => l.includes('\t'));
  if (reviewHeader >= 0 && (appsStart >= 0 || a20Start >= 0)) {
    items.push(...parseReview(rowsOf(lines, reviewHeader, endOf(lines, reviewHeader)), warnings));
  }

  let format: StatTables['format'] = variant ?? (items.length ? '2019' : 'unknown');
  if (!items.length) {
    // The pre-2019 统计表 (its header row: 统计指标 | 单位 | 统计数).
    const header = findLine(lines, /统计指标/, '统');
    if (header >= 0) {
      const rows = rowsOf(lines, Math.max(0, header - 12));
      const legacy = legacyStart(rows);
      if (legacy >= 0) {
        items.push(...parseLegacy(rows.slice(legacy), warnings));
        format = 'pre2019';
      }
    }
  }
  return StatTables.parse({ format, items, checks: checksOf(items), warnings });
}
