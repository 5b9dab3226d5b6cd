// 二、主动公开政府信息情况: the 第二十条 tables. Each item (第二十条第（一）项 …) has a header
// row 信息内容 | column… and rows of numbers. 2019: 本年新制作/新公开/对外公开总数量 and
// 上一年项目数量/本年增减/处理决定数量; 2021: 本年制发/废止/现行有效件数 and 本年处理决定数量.
import { cnNumber, numberOf, squash, type Row } from './cells.js';
import type { StatItem } from './schema.js';

const COLUMNS: ReadonlyArray<[RegExp, string]> = [
  [/本年新制作/, 'made'],
  [/本年新公开/, 'published'],
  [/对外公开总/, 'public_total'],
  [/本年制发/, 'issued'],
  [/本年废止/, 'repealed'],
  [/现行有效/, 'in_force'],
  [/上一年/, 'previous_year'],
  [/增\/?减|增减/, 'change'],
  [/处理决定/, 'decisions'],
  [/采购项目/, 'procurement_projects'],
  [/采购总金额/, 'procurement_amount'],
  [/收费金额/, 'fee_amount'],
];

const ROWS: ReadonlyArray<[RegExp, string]> = [
  [/^规章$/, 'rules'],
  [/规范性文件/, 'normative_documents'],
  [/行政许可/, 'licensing'],
  [/其他对外管理服务/, 'other_services'],
  [/行政处罚/, 'penalties'],
  [/行政强制/, 'enforcement'],
  [/行政事业性收费/, 'fees'],
  [/集中采购/, 'procurement'],
];

const ITEM = /第二十条第\(?([一二三四五六七八九十]+)\)?项/;

const keyOf = (table: ReadonlyArray<[RegExp, string]>, label: string) => table.find(([re]) => re.test(label))?.[1];

export function parseArticle20(rows: readonly Row[], warnings: string[]): { items: StatItem[]; variant: '2019' | '2021' | null } {
  const items: StatItem[] = [];
  const seen = new Set<string>();
  let item = 0;
  let columns: Array<{ key: string; label: string }> = [];
  let variant: '2019' | '2021' | null = null;
  for (const row of rows) {
    const cells = row.cells.filter((c) => c !== '');
    if (!cells.length) continue;
    const first = squash(cells[0]!);
    const m = ITEM.exec(cells.map(squash).join(''));
    if (m && cells.every((c) => numberOf(c) === null)) {
      item = cnNumber(m[1]!);
      columns = [];
      continue;
    }
    if (first.startsWith('信息内容')) {
      // "信息内容 本年处理决定数量" may arrive as one cell.
      const rest = [cells[0]!.replace(/^\s*信\s*息\s*内\s*容\s*/, ''), ...cells.slice(1)].map((c) => c.trim()).filter(Boolean);
      columns = rest.map((label) => ({ label: squash(label), key: keyOf(COLUMNS, squash(label)) ?? `column_${squash(label)}` }));
      if (columns.some((c) => ['issued', 'repealed', 'in_force'].includes(c.key))) variant = '2021';
      else if (columns.some((c) => ['made', 'published', 'public_total', 'previous_year'].includes(c.key))) variant ??= '2019';
      continue;
    }
    const values = cells.slice(1).map(numberOf);
    if (numberOf(cells[0]!) !== null || !values.some((v) => v !== null)) continue;
    const key = keyOf(ROWS, first) ?? `item${item || '?'}.${first}`;
    if (!columns.length) {
      warnings.push(`article20: row ${first} has no header row`);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const numbers = values.filter((v): v is number => v !== null);
    if (numbers.length > columns.length) warnings.push(`article20: row ${first} has ${numbers.length} numbers for ${columns.length} columns`);
    numbers.slice(0, columns.length).forEach((value, i) => {
      items.push({ table: 'article20', row: key, label: first, column: columns[i]!.key, value });
    });
  }
  return { items, variant };
}
