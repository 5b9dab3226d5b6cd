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

/** One kind per line of `raw` (lines as in the clean text; blank lines are `no`). */
export function cellKinds(raw: readonly string[]): Cell[] {
  const lines = raw.map((l) => l.trim());
  const kinds = raw.map((l, i): Cell => (lines[i] && TABLE_CELL.test(l) ? 'cell' : 'no'));
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
    if (j < lines.length && kinds[j] === 'cell') {
      for (let n = 0; n < run.length; n++) kinds[run[n]!] = n === 0 && prev !== 'cell' ? 'lead' : 'label';
    }
    prev = kinds[run.at(-1)!]!;
    i = j;
  }
  return kinds;
}
