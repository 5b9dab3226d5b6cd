// Generated lineages with planted audit defects (services/corpus-gen/defects.ts), parsed by
// the pipeline and audited with each report's true previous report: the audit's findings
// scored against the truth, rule by rule.
import { auditOf, factsOf, inputOf, type Audit, type UnitFacts } from '../../services/analytics/audit/index.js';
import { plantDefects, type DefectKind } from '../../services/corpus-gen/defects.js';
import { lineage } from '../../services/corpus-gen/lineage.js';
import type { Truth } from '../../services/corpus-gen/types.js';
import { parseText } from '../../services/pipeline/parse.js';

/** The rule that should fail on each planted defect. */
export const RULE_OF: Record<DefectKind, string> = {
  missing_part: 'format.parts', blank_cell: 'tables.blank_cells', broken_carry_over: 'tables.carry_over',
  stock_problems: 'problems.concrete', late_date: 'deadline',
};

export interface Audited { fileName: string; truth: Truth; audit: Audit }

/** The texts audited, by file name (evidence offsets point into them). */
export const lineageTexts = new Map<string, string>();

export function auditedLineages(seed: number, units: number, rate = 0.3): Audited[] {
  const out: Audited[] = [];
  for (let u = 0; u < units; u++) {
    let previous: UnitFacts | null = null;
    for (const r of lineage(seed, u, { transform: plantDefects({ rate }) })) {
      const parsed = parseText(r.text, { fileName: r.fileName });
      lineageTexts.set(r.fileName, r.text);
      const report = { ...parsed, id: r.fileName, text: r.text, source: { path: r.fileName, kind: 'txt' as const, bytes: r.text.length, sha256: '0'.repeat(64), encoding: 'utf-8' } };
      const input = inputOf(report, previous);
      out.push({ fileName: r.fileName, truth: r.truth as Truth, audit: auditOf(input) });
      previous = factsOf(input);
    }
  }
  return out;
}

export interface Score { rule: string; tp: number; fp: number; fn: number; precision: number; recall: number; misses: string[] }

/** Precision and recall of each defect's rule: a finding is the rule failing; the truth, the defect planted. */
export function score(audited: readonly Audited[]): Score[] {
  return (Object.entries(RULE_OF) as Array<[DefectKind, string]>).map(([kind, rule]) => {
    let tp = 0, fp = 0, fn = 0;
    const misses: string[] = [];
    for (const a of audited) {
      const planted = (a.truth.defects ?? []).some((d) => d.kind === kind);
      const failed = a.audit.rules.find((r) => r.id === rule)?.status === 'fail';
      if (planted && failed) tp++;
      else if (failed) { fp++; misses.push(`FP ${a.fileName}`); }
      else if (planted) { fn++; misses.push(`FN ${a.fileName}`); }
    }
    return { rule, tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, misses };
  });
}

/** Lineage reports parsed, oldest first per unit, for following problems into the next year. */
export function parsedLineages(seed: number, units: number) {
  return Array.from({ length: units }, (_, u) => lineage(seed, u, { transform: plantDefects({ rate: 0.3 }) }).map((r) => {
    const parsed = parseText(r.text, { fileName: r.fileName });
    const report = { ...parsed, id: r.fileName, text: r.text, source: { path: r.fileName, kind: 'txt' as const, bytes: r.text.length, sha256: '0'.repeat(64), encoding: 'utf-8' } };
    return { truth: r.truth as Truth, input: inputOf(report, null) };
  }));
}
