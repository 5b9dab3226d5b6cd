// One report's statistics tables on the common scale: each measure of the crosswalk summed
// from the cells its format maps to it, and each derived rate with its numerator and
// denominator. A measure is undefined when the format has no row for it or the report's
// table lacks every cell of it; a cell the report leaves empty beside read ones counts as
// 0 (offices leave zeros blank), as in the tables' own checks.
import type { StatTables } from '../tables/index.js';
import { CROSSWALK, CROSSWALK_FORMATS, type CrosswalkFormat, type Rate } from './schema.js';

export type Measures = Partial<Record<string, number>>;

const isCrosswalkFormat = (f: string): f is CrosswalkFormat => (CROSSWALK_FORMATS as readonly string[]).includes(f);

/** Cell values by `table/row/column`; an applications 总计 missing beside read applicant cells is their sum. */
function cellsOf(t: StatTables): Map<string, number> {
  const cells = new Map<string, number>();
  const appTotals = new Map<string, number>();
  for (const i of t.items) {
    cells.set(`${i.table}/${i.row}/${i.column}`, i.value);
    if (i.table === 'applications' && i.column !== 'total') appTotals.set(i.row, (appTotals.get(i.row) ?? 0) + i.value);
  }
  for (const [row, sum] of appTotals) if (!cells.has(`applications/${row}/total`)) cells.set(`applications/${row}/total`, sum);
  return cells;
}

export function measuresOf(t: StatTables): Measures {
  const out: Measures = {};
  if (!isCrosswalkFormat(t.format) || !t.items.length) return out;
  const cells = cellsOf(t);
  for (const m of CROSSWALK.measures) {
    const map = m.map[t.format];
    if (!('cells' in map)) continue;
    const read = map.cells.filter((c) => cells.has(c));
    if (read.length) out[m.id] = read.reduce((a, c) => a + cells.get(c)!, 0);
  }
  return out;
}

export interface RateValue {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0: the rate is not defined for this report. */
  value: number | null;
}

/** A rate of one report, or undefined when any of its measures is missing. */
export function rateOf(rate: Rate, m: Measures): RateValue | undefined {
  const sum = (ids: readonly string[]) => {
    let s = 0;
    for (const id of ids) {
      const v = m[id];
      if (v === undefined) return undefined;
      s += v;
    }
    return s;
  };
  const numerator = sum(rate.numerator);
  const denominator = sum(rate.denominator);
  if (numerator === undefined || denominator === undefined) return undefined;
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

/** Whether a format's table can give the rate at all (all its measures mapped). */
export const rateMapped = (rate: Rate, format: CrosswalkFormat) =>
  [...rate.numerator, ...rate.denominator].every((id) => 'cells' in CROSSWALK.measures.find((m) => m.id === id)!.map[format]);
