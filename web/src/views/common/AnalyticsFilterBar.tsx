// The filters 重复问题 and 统计数字 share: a year range, a region (province or city from the
// search's region facet, or any code the URL carries) and a level.
import { api } from '../../state/api';
import type { AnalyticsFilters } from '../../state/analyticsUrl';
import { LEVEL_LABELS } from '../../state/labels';
import type { Level, RegionBucket, SearchResponse } from '../../state/types';
import { useApi } from '../../state/useApi';
import { useRegionNames } from '../../state/useRegionNames';

const LEVEL_OPTIONS: Level[] = ['province', 'city', 'county', 'township', 'department'];

/** Provinces and their cities, from the region facet of an empty search. */
function useRegionOptions(): Array<{ code: string; label: string }> {
  const tree = useApi<SearchResponse>(api.searchUrl(new URLSearchParams({ size: '1', facets: 'true' })), { cache: true }).data?.facets?.region ?? [];
  const out: Array<{ code: string; label: string }> = [];
  const add = (nodes: RegionBucket[], depth: number) => {
    for (const n of nodes) {
      // These pages are about reports: the menu counts reports, not passages.
      out.push({ code: n.value, label: `${'\u3000'.repeat(depth)}${n.label}（${n.reports} 份报告）` });
      if (depth < 1) add(n.children, depth + 1);
    }
  };
  add(tree, 0);
  return out;
}

export function AnalyticsFilterBar({ filters, years, onChange }: {
  filters: AnalyticsFilters; years: readonly number[]; onChange: (patch: Partial<AnalyticsFilters>) => void;
}) {
  const regions = useRegionOptions();
  const unknownRegion = filters.region && !regions.some((r) => r.code === filters.region);
  const regionNames = useRegionNames(filters.region ? [filters.region] : []);
  const yearSelect = (label: string, value: number | null, key: 'yearFrom' | 'yearTo') => (
    <label className="inline-field">
      {label}
      <select value={value ?? ''} onChange={(e) => onChange({ [key]: e.target.value ? Number(e.target.value) : null })}>
        <option value="">不限</option>
        {years.map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </label>
  );
  return (
    <div className="analytics-filters" role="group" aria-label="筛选">
      {yearSelect('起始年份', filters.yearFrom, 'yearFrom')}
      {yearSelect('截止年份', filters.yearTo, 'yearTo')}
      <label className="inline-field">
        地区
        <select value={filters.region ?? ''} onChange={(e) => onChange({ region: e.target.value || null })}>
          <option value="">全部地区</option>
          {unknownRegion && <option value={filters.region!}>{regionNames.name(filters.region!)}</option>}
          {regions.map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
        </select>
      </label>
      <label className="inline-field">
        层级
        <select value={filters.level ?? ''} onChange={(e) => onChange({ level: (e.target.value || null) as Level | null })}>
          <option value="">全部层级</option>
          {LEVEL_OPTIONS.map((l) => <option key={l} value={l}>{LEVEL_LABELS[l]}</option>)}
        </select>
      </label>
    </div>
  );
}
