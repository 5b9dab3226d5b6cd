// 三、收到和处理政府信息公开申请情况: rows 一、本年新收 … 四、结转下年度继续办理, seven columns
// (自然人, five kinds of 法人或其他组织, 总计). Row labels arrive split over several cells, rows
// misaligned with empty leading cells, and sometimes a stray extra number.
import { numberOf, squash, type Row } from './cells.js';
import { APPLICANT_COLUMNS, type StatItem } from './schema.js';

/** Canonical row keys, most specific first (a label is matched against each in turn). */
const ROWS: ReadonlyArray<[RegExp, string]> = [
  [/本年新收/, 'new'],
  [/上年结转/, 'carried_over'],
  [/结转下年度/, 'carried_forward'],
  [/国家秘密/, 'refused.state_secret'],
  [/法律行政法规禁止/, 'refused.law_prohibited'],
  [/三安全一稳定/, 'refused.three_security'],
  [/第三方合法权益/, 'refused.third_party'],
  [/内部事务/, 'refused.internal'],
  [/过程性信息/, 'refused.process'],
  [/行政执法案卷/, 'refused.enforcement_files'],
  [/行政查询事项/, 'refused.inquiry'],
  [/不掌握/, 'unable.not_held'],
  [/另行制作/, 'unable.needs_making'],
  [/补正后/, 'unable.unclear'],
  [/信访|举报投诉/, 'not_processed.petition'],
  [/重复申请/, 'not_processed.repeated'],
  [/公开出版物/, 'not_processed.publication'],
  [/大量反复/, 'not_processed.excessive'],
  [/确认或重新出具/, 'not_processed.confirmation'],
  [/逾期不补正/, 'other.no_correction'],
  [/收费通知|缴纳费/, 'other.no_payment'],
  [/^(?:\d+\.)?其他$|\d\.其他$/, 'other.other'],
  [/其他处理/, 'other'],
  [/予以公开/, 'granted'],
  [/部分公开|\(二\)部分/, 'partly_granted'],
  [/总计/, 'total'],
];

/** Rows whose sum per column is the (七)总计 row. */
export const RESULT_LEAVES = new Set(ROWS.map(([, k]) => k).filter((k) =>
  !['new', 'carried_over', 'carried_forward', 'total'].includes(k)));

export const rowKeyOf = (label: string) => ROWS.find(([re]) => re.test(label))?.[1];

const WIDTH = APPLICANT_COLUMNS.length;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const rowAddsUp = (v: ReadonlyArray<number | null>) =>
  v.every((x) => x !== null) && sum(v.slice(0, WIDTH - 1) as number[]) === v[WIDTH - 1];

/**
 * The seven values of a row from its cells after the label: a longer run is windowed to
 * where the row adds up (else its start); a shorter one is right-aligned (总计 is last).
 */
function alignValues(tail: ReadonlyArray<number | null>): { values: Array<number | null>; note?: string } {
  if (tail.length === WIDTH) return { values: [...tail] };
  if (tail.length < WIDTH) return { values: [...Array<null>(WIDTH - tail.length).fill(null), ...tail], note: `${tail.filter((v) => v !== null).length} numbers, right-aligned` };
  for (let o = 0; o + WIDTH <= tail.length; o++) {
    const w = tail.slice(o, o + WIDTH);
    if (rowAddsUp(w)) return { values: [...w], note: o ? `${tail.length} cells, the ${WIDTH} from cell ${o + 1} add up` : undefined };
  }
  return { values: tail.slice(0, WIDTH), note: `${tail.length} cells for ${WIDTH} columns, the first ${WIDTH} taken` };
}

export function parseApplications(rows: readonly Row[], warnings: string[]): { items: StatItem[]; variant: '2019' | '2021' | null } {
  const items: StatItem[] = [];
  const seen = new Set<string>();
  let variant: '2019' | '2021' | null = null;
  for (const row of rows) {
    const { cells } = row;
    const nums = cells.map(numberOf);
    let lastText = -1;
    cells.forEach((c, i) => { if (c !== '' && nums[i] === null) lastText = i; });
    if (lastText < 0) continue;
    const label = squash(cells.slice(0, lastText + 1).join(''));
    const key = rowKeyOf(label);
    const tailCells = nums.slice(lastText + 1);
    const firstNum = tailCells.findIndex((v) => v !== null);
    if (firstNum < 0) continue;
    let lastNum = tailCells.length - 1;
    while (tailCells[lastNum] === null) lastNum--;
    if (!key) {
      warnings.push(`applications: row not recognised: ${label}`);
      continue;
    }
    if (key.startsWith('other.')) variant = '2021';
    if (seen.has(key)) continue;
    seen.add(key);
    const { values, note } = alignValues(tailCells.slice(firstNum, lastNum + 1));
    if (note) warnings.push(`applications: ${key}: ${note}`);
    values.forEach((value, i) => {
      if (value !== null) items.push({ table: 'applications', row: key, label, column: APPLICANT_COLUMNS[i]!, value });
    });
  }
  if (items.length && !variant) variant = seen.has('other') ? '2019' : null;
  return { items, variant };
}
