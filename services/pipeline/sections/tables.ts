// Which lines belong to tables. Tables come tab-separated (one row a line) or flattened one
// cell per line (numbers, units and short labels in a column). Numbers and tabs are certain
// cells; a short label is a cell only between certain cells, since the same short line
// after narrative is a heading.
import { TABLE_CELL } from '../normalize/chars.js';

/**
 * `no`: narrative or a heading; `cell`: a row with tabs, a number, a unit; `label`: a short
 * label between cells; `lead`: a short line before a table after narrative (its caption or
 * heading, not a cell).
 */
export type Cell = 'no' | 'cell' | 'label' | 'lead';

/** A label: short, and no sentence (a line with a full stop is narrative). */
const LABEL_MAX = 60;
const isLabel = (line: string) => line.length <= LABEL_MAX && !/[。！？!?]/.test(line);

/**
 * Lines that only a statistics table holds, whatever their length (besides pipe rows, see
 * isPipeRow: no full stop, since a paragraph the page joined to a row is narrative): the template's cross-check note (本列数据的勾稽关系为…), the
 * 第二十条 item captions and column heads of the 2019/2021 templates (also when the page ran
 * the cells together: "信息内容本年新制作数量…", "规章000").
 */
const TABLE_ONLY = /勾稽关系|^\(?第二十条第?\s*\(\s*[一二三四五六七八九十]+\s*\)\s*项|本年(?:新)?制作数量|本年新公开数量|本年制发件数|本年废止件数|现行有效件数|上一年项目数量|处理决定数量|采购项目数量|^规章\s*\d|^(?:行政)?规范性文件\s*\d/;

/** Three pipes and no full stop; counted, not matched, so long lines cost one scan. */
function isPipeRow(line: string): boolean {
  if (line.includes('。')) return false;
  let pipes = 0;
  for (let i = line.indexOf('|'); i >= 0 && pipes < 3; i = line.indexOf('|', i + 1)) pipes++;
  return pipes >= 3;
}

/** One kind per line of `raw` (lines as in the clean text; blank lines are `no`). */
export function cellKinds(raw: readonly string[]): Cell[] {
  const lines = raw.map((l) => l.trim());
  const kinds = raw.map((l, i): Cell => (lines[i] && (TABLE_CELL.test(l) || isPipeRow(lines[i]!) || TABLE_ONLY.test(lines[i]!)) ? 'cell' : 'no'));
  let prev: Cell = 'no'; // kind of the last non-blank line before the current run
  for (let i = 0; i < lines.length;) {
    if (!lines[i] || kinds[i] === 'cell' || !isLabel(lines[i]!)) {
      if (lines[i]) prev = kinds[i]!;
      i++;
      continue;
    }
    // A run of labels (blank lines inside it ignored), then what follows it.
    const run: number[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      if (!lines[j]) continue;
      if (kinds[j] === 'cell' || !isLabel(lines[j]!)) break;
      run.push(j);
    }
    // A run that reaches the end of the text right after cells is the rest of a cut-off table.
    if ((j < lines.length && kinds[j] === 'cell') || (j === lines.length && prev === 'cell')) {
      for (let n = 0; n < run.length; n++) kinds[run[n]!] = n === 0 && prev !== 'cell' ? 'lead' : 'label';
    }
    prev = kinds[run.at(-1)!]!;
    i = j;
  }
  return kinds;
}
