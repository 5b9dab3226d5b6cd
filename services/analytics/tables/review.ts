// 四、政府信息公开行政复议、行政诉讼情况: one row of fifteen numbers under a three-level
// header: 行政复议 (结果维持, 结果纠正, 其他结果, 尚未审结, 总计), then 行政诉讼 未经复议直接起诉
// and 复议后起诉 with the same five columns each.
import { isStrayNumber, numberOf, type Row } from './cells.js';
import { REVIEW_COLUMNS, REVIEW_ROWS, type StatItem } from './schema.js';

const WIDTH = REVIEW_ROWS.length * REVIEW_COLUMNS.length;

const groupsAddUp = (v: readonly number[]) => REVIEW_ROWS.every((_, g) => {
  const x = v.slice(g * 5, g * 5 + 5);
  return x[0]! + x[1]! + x[2]! + x[3]! === x[4]!;
});

/** Rows after the table's header: the numbers, which may wrap onto several lines. */
export function parseReview(rows: readonly Row[], warnings: string[]): StatItem[] {
  const numbers: number[] = [];
  for (const row of rows) {
    if (isStrayNumber(row)) continue;
    const cells = row.cells.filter((c) => c !== '');
    if (!cells.length) continue;
    const nums = cells.map(numberOf);
    if (nums.every((n) => n !== null)) {
      numbers.push(...(nums as number[]));
      if (numbers.length >= WIDTH) break;
    } else if (numbers.length) {
      // Too few numbers before more header text: a page number, not the data row.
      numbers.length = 0;
    }
  }
  if (!numbers.length) return [];
  if (numbers.length < WIDTH) {
    warnings.push(`review_litigation: ${numbers.length} numbers, expected ${WIDTH}`);
    return [];
  }
  let offset = 0;
  for (let o = 0; o + WIDTH <= numbers.length; o++) {
    if (groupsAddUp(numbers.slice(o, o + WIDTH))) {
      offset = o;
      break;
    }
  }
  if (numbers.length > WIDTH) warnings.push(`review_litigation: ${numbers.length} numbers for ${WIDTH} columns, from number ${offset + 1} taken`);
  const v = numbers.slice(offset, offset + WIDTH);
  const labels = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'];
  return REVIEW_ROWS.flatMap((row, g) => REVIEW_COLUMNS.map((column, c) => ({
    table: 'review_litigation' as const, row, label: labels[g]!, column, value: v[g * 5 + c]!,
  })));
}
