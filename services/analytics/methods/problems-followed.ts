// Problems followed into the next year: one report's problems each looked for in its unit's
// next report (audit/followed.ts), and, over the whole index, the problems a unit repeats
// unchanged year after year — chains of "repeated" through its consecutive reports.
import { z } from 'zod';
import type { Engine } from '../../search/engine.js';
import { inputOf } from '../audit/context.js';
import { followProblems, type ProblemsFollowed } from '../audit/followed.js';
import { AuditReportRef } from '../audit/schema.js';
import { lineageOf, lineages } from '../lineage/index.js';
import { indexState } from '../source.js';
import { Region } from '../../core/schema.js';

export async function followedById(engine: Engine, id: string): Promise<ProblemsFollowed | null> {
  const report = await engine.backend.report(id);
  if (!report) return null;
  const l = await lineageOf(engine, id);
  const next = l?.next ? await engine.backend.report(l.next.id) : null;
  // Only the next year counts: a report two years on says nothing of this year's follow-up.
  const adjacent = next && next.year !== null && report.year !== null && next.year === report.year + 1 ? next : null;
  return followProblems(inputOf(report, null), adjacent ? inputOf(adjacent, null) : null);
}

export const UnchangedRequest = z.object({
  /** Times a problem must come back unchanged after its first year (2: three consecutive reports). */
  minRecurrences: z.number().int().min(1).max(50).default(2),
  /** GB/T 2260 prefix: only units there. */
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type UnchangedRequestInput = z.input<typeof UnchangedRequest>;

export const UnchangedProblem = z.object({
  unit: z.string(),
  issuer: z.string().nullable(),
  region: Region,
  /** The statement as the latest report writes it. */
  problem: z.string(),
  years: z.array(z.number().int()),
  reports: z.array(AuditReportRef),
});
export type UnchangedProblem = z.infer<typeof UnchangedProblem>;

export const UnchangedResponse = z.object({
  minRecurrences: z.number().int(),
  /** Chains found (before paging), and the units they belong to. */
  total: z.number().int(),
  units: z.number().int(),
  items: z.array(UnchangedProblem),
  tookMs: z.number(),
});
export type UnchangedResponse = z.infer<typeof UnchangedResponse>;

interface Chain { unit: string; issuer: string | null; region: z.infer<typeof Region>; problem: string; years: number[]; reports: z.infer<typeof AuditReportRef>[] }

let cached: { engine: Engine; state: string; chains: Chain[] } | null = null;

/** Every chain of a problem repeated in consecutive years (one recurrence or more), by unit. */
async function chainsOf(engine: Engine): Promise<Chain[]> {
  const state = await indexState(engine);
  if (cached && cached.engine === engine && cached.state === state) return cached.chains;
  const l = await lineages(engine);
  const chains: Chain[] = [];
  for (const [u, rows] of l.units.entries()) {
    let open = new Map<string, Chain>(); // by the statement's text in the latest report
    for (let k = 0; k + 1 < rows.length; k++) {
      const a = l.summaries[rows[k]!]!;
      const b = l.summaries[rows[k + 1]!]!;
      if (a.year === null || b.year !== a.year + 1) { open = new Map(); continue; }
      const [ra, rb] = await Promise.all([engine.backend.report(a.id), engine.backend.report(b.id)]);
      if (!ra || !rb) { open = new Map(); continue; }
      const f = followProblems(inputOf(ra, null), inputOf(rb, null));
      const next = new Map<string, Chain>();
      for (const p of f.problems) {
        if (p.status !== 'repeated' || !p.next) continue;
        const ref = { id: rb.id, title: rb.title, issuer: rb.issuer, year: rb.year };
        let chain = open.get(p.problem.quote);
        if (!chain) {
          chain = { unit: l.unitKeys[u]!, issuer: rb.issuer, region: rb.region, problem: p.problem.quote, years: [a.year], reports: [{ id: ra.id, title: ra.title, issuer: ra.issuer, year: ra.year }] };
          chains.push(chain);
        }
        chain.years.push(b.year);
        chain.reports.push(ref);
        chain.problem = p.next.quote;
        next.set(p.next.quote, chain);
      }
      open = next;
    }
  }
  cached = { engine, state, chains };
  return chains;
}

export async function unchangedProblems(engine: Engine, input: UnchangedRequestInput): Promise<UnchangedResponse> {
  const started = performance.now();
  const req = UnchangedRequest.parse(input);
  const all = (await chainsOf(engine))
    .filter((c) => c.years.length - 1 >= req.minRecurrences && (!req.region || (c.region.code ?? '').startsWith(req.region)))
    .sort((a, b) => b.years.length - a.years.length || a.unit.localeCompare(b.unit));
  return {
    minRecurrences: req.minRecurrences, total: all.length, units: new Set(all.map((c) => c.unit)).size,
    items: all.slice(req.offset, req.offset + req.limit), tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
