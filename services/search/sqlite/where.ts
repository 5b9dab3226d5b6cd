// Filters as SQL over `p` (passages) and `r` (reports). Values are always bound parameters.
import type { FacetName, Filters } from '../types.js';

export interface Sql { sql: string; params: unknown[] }

const inList = (col: string, values: unknown[]): Sql =>
  ({ sql: `${col} IN (${values.map(() => '?').join(',')})`, params: values });

/** WHERE conditions for every filter except `skip` (disjunctive facets count without their own filter). */
export function filterSql(f: Filters, skip?: FacetName): Sql {
  const parts: Sql[] = [];
  if (skip !== 'year' && f.years.length) parts.push(inList('r.year', f.years));
  if (skip !== 'level' && f.levels.length) parts.push(inList('r.level', f.levels));
  if (skip !== 'section' && f.sections.length) parts.push(inList('p.section', f.sections));
  if (skip !== 'theme' && f.themes.length) {
    const t = inList('t.theme', f.themes);
    parts.push({ sql: `EXISTS (SELECT 1 FROM passage_themes t WHERE t.passage_id = p.id AND ${t.sql})`, params: t.params });
  }
  if (skip !== 'region' && f.regions.length) {
    const byLength: Record<number, string> = { 2: 'province_code', 4: 'city_code', 6: 'county_code', 9: 'township_code' };
    const ors = f.regions.map((code) => ({ sql: `r.${byLength[code.length]} = ?`, params: [code] }));
    parts.push({ sql: `(${ors.map((o) => o.sql).join(' OR ')})`, params: ors.flatMap((o) => o.params) });
  }
  return {
    sql: parts.length ? parts.map((p) => p.sql).join(' AND ') : '1',
    params: parts.flatMap((p) => p.params),
  };
}
