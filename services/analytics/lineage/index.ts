// Lineages: the reports of one unit across the years, linked automatically (unit.ts says
// which reports are the same unit). Built once per index state from every report's summary
// and kept; lineageOf / previousReport then answer from memory.
//   lineageOf(engine, reportId)       the unit's reports, oldest first, or null (no such report)
//   previousReport(engine, reportId)  the unit's report of the latest earlier year, or null
//   lineages(engine)                  the whole linking, for corpus-wide passes (copy rates, audits)
import { z } from 'zod';
import type { Engine } from '../../search/engine.js';
import { ReportSummary } from '../../search/types.js';
import { indexState, listSummaries } from '../source.js';
import { unitKey } from './unit.js';

export const LineageResponse = z.object({
  reportId: z.string(),
  /** The unit's key (stable while its reports are indexed). */
  unit: z.string(),
  /** Every report of the unit, oldest first (a year may hold more than one: the same report ingested twice). */
  reports: z.array(ReportSummary),
  previous: ReportSummary.nullable(),
  next: ReportSummary.nullable(),
});
export type LineageResponse = z.infer<typeof LineageResponse>;

export interface Lineages {
  summaries: ReportSummary[];
  /** Row of each report id in `summaries`. */
  rowOf: Map<string, number>;
  /** Unit of each row, and each unit's rows oldest first. */
  unitOf: Int32Array;
  units: number[][];
  unitKeys: string[];
  /** Row of the previous report of each row, -1 when there is none. */
  previous: Int32Array;
}

const byYear = (s: readonly ReportSummary[]) => (a: number, b: number) => (s[a]!.year ?? 0) - (s[b]!.year ?? 0) || a - b;

/** Links the reports: same key, same unit; within one name, provinces that differ stay apart. */
export function linkReports(summaries: ReportSummary[]): Lineages {
  const byName = new Map<string, number[]>();
  const keys = summaries.map(unitKey);
  // A township year without a resolved code joins the coded unit of the same county and township stems.
  const codedByAlias = new Map<string, { name: string; province: string | null }>();
  for (const k of keys) if (k.alias && /^T\d{9}$/.test(k.name) && !codedByAlias.has(k.alias)) codedByAlias.set(k.alias, k);
  keys.forEach((k, i) => {
    if (!k.alias || /^T\d{9}$/.test(k.name)) return;
    const coded = codedByAlias.get(k.alias);
    if (coded) keys[i] = { ...k, name: coded.name, province: coded.province };
  });
  keys.forEach((k, i) => {
    const list = byName.get(k.name);
    if (list) list.push(i);
    else byName.set(k.name, [i]);
  });
  const units: number[][] = [];
  const unitKeys: string[] = [];
  for (const [name, rows] of byName) {
    const byProvince = new Map<string | null, number[]>();
    for (const r of rows) {
      const p = keys[r]!.province;
      byProvince.set(p, [...(byProvince.get(p) ?? []), r]);
    }
    // A report whose province the parser missed joins the one province its name has.
    const known = [...byProvince.keys()].filter((p) => p !== null);
    const unknown = byProvince.get(null);
    if (unknown && known.length === 1) {
      byProvince.get(known[0]!)!.push(...unknown);
      byProvince.delete(null);
    }
    for (const [p, list] of byProvince) {
      units.push(list.sort(byYear(summaries)));
      unitKeys.push(`${p ?? ''}|${name}`);
    }
  }
  const unitOf = new Int32Array(summaries.length);
  const previous = new Int32Array(summaries.length).fill(-1);
  units.forEach((rows, u) => {
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      unitOf[r] = u;
      const year = summaries[r]!.year;
      if (year === null) continue;
      // The latest earlier year; of several reports that year, the first indexed.
      let best = -1;
      for (let j = k - 1; j >= 0; j--) {
        const y = summaries[rows[j]!]!.year;
        if (y === null || y >= year) continue;
        if (best >= 0 && summaries[best]!.year! > y) break;
        best = rows[j]!;
      }
      previous[r] = best;
    }
  });
  return { summaries, rowOf: new Map(summaries.map((s, i) => [s.id, i])), unitOf, units, unitKeys, previous };
}

let cached: { engine: Engine; state: string; value: Lineages } | null = null;

/**
 * The index's state as cheaply as the backend tells it: the embedded backend's write
 * generation (kept in memory) instead of indexState's queries, which cost hundreds of ms at
 * 10k reports and would be paid on every request served from the cache.
 */
export async function cacheState(engine: Engine): Promise<string> {
  const b = engine.backend as { writeGeneration?: () => Promise<string> };
  return typeof b.writeGeneration === 'function' ? `gen:${await b.writeGeneration()}` : indexState(engine);
}

export async function lineages(engine: Engine): Promise<Lineages> {
  const state = await cacheState(engine);
  if (cached && cached.engine === engine && cached.state === state) return cached.value;
  const value = linkReports(await listSummaries(engine));
  cached = { engine, state, value };
  return value;
}

export async function lineageOf(engine: Engine, reportId: string): Promise<LineageResponse | null> {
  const l = await lineages(engine);
  const row = l.rowOf.get(reportId);
  if (row === undefined) return null;
  const rows = l.units[l.unitOf[row]!]!;
  const year = l.summaries[row]!.year;
  const prev = l.previous[row]!;
  const next = year === null ? undefined : rows.find((r) => (l.summaries[r]!.year ?? 0) > year);
  return {
    reportId, unit: l.unitKeys[l.unitOf[row]!]!, reports: rows.map((r) => l.summaries[r]!),
    previous: prev >= 0 ? l.summaries[prev]! : null, next: next === undefined ? null : l.summaries[next]!,
  };
}

export async function previousReport(engine: Engine, reportId: string): Promise<ReportSummary | null> {
  const l = await lineages(engine);
  const row = l.rowOf.get(reportId);
  if (row === undefined) return null;
  const prev = l.previous[row]!;
  return prev >= 0 ? l.summaries[prev]! : null;
}
