// The audit stage: every report of the index audited (each with its unit's previous one, as
// GET /api/audit-rates does on a changed index), and single reports as GET
// /api/reports/:id/audit serves them (the lineage linking made beforehand, as a running
// server has it).
import { auditById, auditIndex } from '../../services/analytics/methods/audit.js';
import { lineages } from '../../services/analytics/lineage/index.js';
import type { Engine } from '../../services/search/engine.js';
import { percentiles, type Percentiles } from './stats.js';

export interface AuditResult {
  backend: string;
  reports: number;
  /** The whole index audited once, seconds (linking the lineages included). */
  wholeIndexS: number;
  /** Reports per second of that pass. */
  reportsPerS: number;
  /** One report's audit as served: ms over a sample of ids. */
  perReportMs: Percentiles;
  failedRules: number;
}

export async function benchAudit(engine: Engine, backend: string, reports: number, sample: number, log: (s: string) => void): Promise<AuditResult> {
  const t0 = performance.now();
  let failedRules = 0;
  const { entries } = await auditIndex(engine, (a) => { failedRules += a.counts.fail; });
  const wholeIndexS = (performance.now() - t0) / 1000;
  log(`  whole index: ${entries.length} reports in ${wholeIndexS.toFixed(1)} s`);
  const l = await lineages(engine);
  const step = Math.max(1, Math.floor(l.summaries.length / sample));
  const times: number[] = [];
  for (let i = 0; i < l.summaries.length && times.length < sample; i += step) {
    const t = performance.now();
    await auditById(engine, l.summaries[i]!.id);
    times.push(performance.now() - t);
  }
  const perReportMs = percentiles(times);
  log(`  one report: p50 ${perReportMs.p50.toFixed(1)} ms, p95 ${perReportMs.p95.toFixed(1)} ms`);
  return { backend, reports, wholeIndexS, reportsPerS: entries.length / wholeIndexS, perReportMs, failedRules };
}
