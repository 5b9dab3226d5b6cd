// The report's own headings over the passages a page of results shows, for their citations.
// Passages are stored without their heading; the report's sections have it. A report's
// headings are worked out once and kept (report ids are content hashes: a changed file is a
// new id), for the last MAX_REPORTS reports of each backend.
import { passageHeadings } from '../../core/passage-sections.js';
import type { SearchBackend } from '../backend.js';

const MAX_REPORTS = 512;
const caches = new WeakMap<SearchBackend, Map<string, Map<number, string | null>>>();

async function headingsOfReport(backend: SearchBackend, reportId: string): Promise<Map<number, string | null>> {
  let cache = caches.get(backend);
  if (!cache) caches.set(backend, (cache = new Map()));
  const hit = cache.get(reportId);
  if (hit) {
    cache.delete(reportId);
    cache.set(reportId, hit);
    return hit;
  }
  const report = await backend.report(reportId);
  const headings = report ? passageHeadings(report.sections, report.passages) : new Map<number, string | null>();
  cache.set(reportId, headings);
  if (cache.size > MAX_REPORTS) cache.delete(cache.keys().next().value!);
  return headings;
}

/** `heading(reportId, ordinal)` for the rows given, the reports read once each. */
export async function headingsFor(backend: SearchBackend, rows: ReadonlyArray<{ reportId: string }>): Promise<(reportId: string, ordinal: number) => string | null> {
  const ids = [...new Set(rows.map((r) => r.reportId))];
  const maps = new Map(await Promise.all(ids.map(async (id) => [id, await headingsOfReport(backend, id)] as const)));
  return (id, ordinal) => maps.get(id)?.get(ordinal) ?? null;
}
