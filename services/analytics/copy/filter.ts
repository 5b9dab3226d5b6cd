// The query language's copy:>0.5 resolved into the reports it admits, before a backend runs:
// both backends then filter the same set of report ids and give the same answers.
import type { SearchPlan } from '../../search/backend.js';
import type { Engine } from '../../search/engine.js';
import type { CopyBound, FacetBucket } from '../../search/types.js';
import { copyRates } from './corpus.js';

const holds = (rate: number, b: CopyBound) =>
  b.op === '>' ? rate > b.value : b.op === '>=' ? rate >= b.value : b.op === '<' ? rate < b.value : rate <= b.value;

/** Reports whose copy rate against their previous year meets every bound (none without a previous report). */
export async function reportsWithCopy(engine: Engine, bounds: readonly CopyBound[]): Promise<string[]> {
  const c = await copyRates(engine);
  const out: string[] = [];
  c.previousRate.forEach((r, i) => {
    if (!Number.isNaN(r) && bounds.every((b) => holds(r, b))) out.push(c.summaries[i]!.id);
  });
  return out;
}

/** The plan with its copy bounds turned into report ids (unchanged without copy bounds). */
export async function resolveCopy(engine: Engine, plan: SearchPlan): Promise<SearchPlan> {
  if (!plan.filters.copy?.length) return plan;
  const ids = await reportsWithCopy(engine, plan.filters.copy);
  const prior = plan.filters.reportIds;
  const reportIds = prior ? ids.filter((id) => new Set(prior).has(id)) : ids;
  return { ...plan, filters: { ...plan.filters, reportIds } };
}

/** Bands of the copy facet: [from, to), the last one closed. */
export const COPY_BANDS: readonly (readonly [number, number])[] = [[0, 0.1], [0.1, 0.3], [0.3, 0.5], [0.5, 0.8], [0.8, 1]];

/**
 * The copy facet of a search: passages and reports per band, under every other filter (and
 * the query's own copy bounds), counted by the backend itself. Null until copy rates exist.
 */
export async function copyFacet(engine: Engine, plan: SearchPlan): Promise<FacetBucket[] | null> {
  const { computedCopyRates } = await import('./corpus.js');
  if (!plan.filters.copy?.length && !(await computedCopyRates(engine))) return null;
  const out: FacetBucket[] = [];
  for (const [from, to] of COPY_BANDS) {
    const bounds: CopyBound[] = [...(plan.filters.copy ?? []), { op: '>=', value: from }, { op: to === 1 ? '<=' : '<', value: to }];
    const ids = await reportsWithCopy(engine, bounds);
    const prior = plan.filters.reportIds;
    const reportIds = prior ? ids.filter((id) => new Set(prior).has(id)) : ids;
    const { facets } = await engine.backend.search({ ...plan, offset: 0, limit: 1, filters: { ...plan.filters, copy: undefined, reportIds } }, true);
    const levels = facets?.level ?? [];
    const value = `${from}-${to}`;
    out.push({
      value, label: `${Math.round(from * 100)}–${Math.round(to * 100)}%`,
      count: levels.reduce((a, b) => a + b.count, 0), reports: levels.reduce((a, b) => a + b.reports, 0),
      selected: false,
    });
  }
  return out;
}
