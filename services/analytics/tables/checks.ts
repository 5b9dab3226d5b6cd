// The arithmetic each table states about itself. A check is made only when the numbers it
// needs are there; a cell the report leaves empty counts as 0 (offices leave zeros blank).
import { RESULT_LEAVES } from './applications.js';
import { APPLICANT_COLUMNS, APPLICANT_LABELS, REVIEW_COLUMNS, REVIEW_ROWS, type StatCheck, type StatItem } from './schema.js';

type Grid = Map<string, Map<string, number>>;

function grid(items: readonly StatItem[], table: StatItem['table']): Grid {
  const g: Grid = new Map();
  for (const i of items) {
    if (i.table !== table) continue;
    let row = g.get(i.row);
    if (!row) g.set(i.row, (row = new Map()));
    row.set(i.column, i.value);
  }
  return g;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const v = (g: Grid, row: string, col: string) => g.get(row)?.get(col) ?? 0;

function check(name: string, what: string, failures: string[]): StatCheck {
  return { name, ok: failures.length === 0, detail: failures.length ? `${what}: ${failures.join('; ')}` : what };
}

/** A failure names a row as readers know it (the table's own words), never by its key (carried_forward). */
const REVIEW_ROW_LABELS: Record<(typeof REVIEW_ROWS)[number], string> = {
  review: '行政复议', litigation_direct: '未经复议直接起诉', litigation_after_review: '复议后起诉',
};
const APPLICATION_ROW_LABELS: Record<string, string> = {
  new: '本年新收', carried_over: '上年结转', total: '办理结果总计', carried_forward: '结转下年度继续办理',
};
/** The row's label as the report writes it (shortened), or its usual name. */
function rowLabel(items: readonly StatItem[], row: string): string {
  const written = items.find((i) => i.table === 'applications' && i.row === row)?.label.replace(/^[一二三四五六七八九十（）()、.．\d]+/, '');
  const label = written || APPLICATION_ROW_LABELS[row] || row;
  return [...label].length > 16 ? `${[...label].slice(0, 16).join('')}…` : label;
}

function applicationChecks(items: readonly StatItem[]): StatCheck[] {
  const g = grid(items, 'applications');
  if (!g.size) return [];
  const out: StatCheck[] = [];
  if (g.has('new') && g.has('total') && g.has('carried_forward')) {
    const fails: string[] = [];
    for (const c of APPLICANT_COLUMNS) {
      const left = v(g, 'new', c) + v(g, 'carried_over', c);
      const right = v(g, 'total', c) + v(g, 'carried_forward', c);
      if (round(left) !== round(right)) fails.push(`${APPLICANT_LABELS[c]} ${v(g, 'new', c)}+${v(g, 'carried_over', c)} ≠ ${v(g, 'total', c)}+${v(g, 'carried_forward', c)}`);
    }
    out.push(check('applications.balance', '本年新收 + 上年结转 = 办理结果总计 + 结转下年度, per column', fails));
  }
  const rowFails: string[] = [];
  for (const [row, cols] of g) {
    if (!cols.has('total')) continue;
    const parts = APPLICANT_COLUMNS.slice(0, -1).reduce((a, c) => a + (cols.get(c) ?? 0), 0);
    if (round(parts) !== round(cols.get('total')!)) rowFails.push(`${rowLabel(items, row)} ${parts} ≠ ${cols.get('total')}`);
  }
  out.push(check('applications.row_totals', '总计 column = sum of the applicant columns, per row', rowFails));
  const leaves = [...g.keys()].filter((k) => RESULT_LEAVES.has(k));
  if (g.has('total') && leaves.length) {
    const fails: string[] = [];
    for (const c of APPLICANT_COLUMNS) {
      const s = leaves.reduce((a, k) => a + v(g, k, c), 0);
      if (round(s) !== round(v(g, 'total', c))) fails.push(`${APPLICANT_LABELS[c]} ${s} ≠ ${v(g, 'total', c)}`);
    }
    out.push(check('applications.results_total', '(七)总计 = sum of the result rows (一)…(六), per column', fails));
  }
  return out;
}

function reviewChecks(items: readonly StatItem[]): StatCheck[] {
  const g = grid(items, 'review_litigation');
  if (!g.size) return [];
  const fails: string[] = [];
  for (const row of REVIEW_ROWS) {
    const parts = REVIEW_COLUMNS.slice(0, -1).reduce((a, c) => a + v(g, row, c), 0);
    if (parts !== v(g, row, 'total')) fails.push(`${REVIEW_ROW_LABELS[row]} ${parts} ≠ ${v(g, row, 'total')}`);
  }
  return [check('review_litigation.totals', '维持 + 纠正 + 其他 + 尚未审结 = 总计, for 复议 and both kinds of 诉讼', fails)];
}

/** Pre-2019 统计表 identities: [name, what, total row, part rows]. */
const LEGACY_SUMS: ReadonlyArray<[string, string, string, readonly string[]]> = [
  ['legacy.requests_channels', '收到申请数 = 当面 + 传真 + 网络 + 信函', 'requests.received', ['requests.in_person', 'requests.by_fax', 'requests.online', 'requests.by_letter']],
  ['legacy.requests_completed', '申请办结数 = 按时办结 + 延期办结', 'requests.completed', ['requests.on_time', 'requests.extended']],
  ['legacy.requests_answers', '申请答复数 = the eight kinds of answer', 'requests.answered', ['requests.already_public', 'requests.granted', 'requests.partly_granted', 'requests.refused', 'requests.not_this_agency', 'requests.not_exist', 'requests.amend', 'requests.other_channel']],
  ['legacy.refusals', '不同意公开答复数 = the six grounds', 'requests.refused', ['requests.refused.state_secret', 'requests.refused.trade_secret', 'requests.refused.privacy', 'requests.refused.security', 'requests.refused.not_government_information', 'requests.refused.other_law']],
  ['legacy.review', '行政复议数量 = 维持 + 纠错 + 其他', 'review.total', ['review.upheld', 'review.corrected', 'review.other']],
  ['legacy.litigation', '行政诉讼数量 = 维持 + 纠错 + 其他', 'litigation.total', ['litigation.upheld', 'litigation.corrected', 'litigation.other']],
  ['legacy.staff', '从事政府信息公开工作人员数 = 专职 + 兼职', 'staffing.staff', ['staffing.full_time', 'staffing.part_time']],
];

function legacyChecks(items: readonly StatItem[]): StatCheck[] {
  const byRow = new Map(items.filter((i) => i.table === 'legacy').map((i) => [i.row, i.value]));
  const out: StatCheck[] = [];
  for (const [name, what, total, parts] of LEGACY_SUMS) {
    // Only when the table has the total and every part (older forms lack some rows).
    if (!byRow.has(total) || !parts.every((p) => byRow.has(p))) continue;
    const s = parts.reduce((a, p) => a + byRow.get(p)!, 0);
    out.push(check(name, what, round(s) === round(byRow.get(total)!) ? [] : [`${byRow.get(total)} ≠ ${s}`]));
  }
  return out;
}

export function checksOf(items: readonly StatItem[]): StatCheck[] {
  return [...applicationChecks(items), ...reviewChecks(items), ...legacyChecks(items)];
}
