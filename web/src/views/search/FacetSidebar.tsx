// The facet sidebar: region tree, years, themes, sections, levels, and 「清除全部」.
import type { Facets, FacetBucket, Filters, RegionBucket } from '../../state/types';
import { filterCount, toggle } from '../../state/url';
import { FacetGroup } from './FacetGroup';
import { RegionTree } from './RegionTree';
import { SkipLink } from './SkipLink';

/** A selected value the results no longer contain still gets a (zero) row, so it can be unticked. */
function withSelected(buckets: FacetBucket[], selected: readonly (string | number)[], label: (v: string) => string): FacetBucket[] {
  const missing = selected.map(String).filter((v) => !buckets.some((b) => b.value === v));
  return [...buckets, ...missing.map((v) => ({ value: v, label: label(v), count: 0, reports: 0, selected: true }))];
}

export function FacetSidebar({ facets, filters, collapse, onChange, labels }: {
  facets: Facets | undefined;
  filters: Filters;
  collapse: boolean;
  onChange: (f: Filters) => void;
  labels: { theme: (id: string) => string; section: (id: string) => string; level: (id: string) => string };
}) {
  // Collapsed results count reports, so do the facets; otherwise passages.
  const countOf = (b: FacetBucket | RegionBucket) => (collapse ? b.reports : b.count);
  if (!facets) return null;
  return (
    <div className="facets">
      <div className="facets-head">
        <h2>筛选</h2>
        {filterCount(filters) > 0 && (
          <button type="button" className="link-button" onClick={() => onChange({ years: [], regions: [], sections: [], themes: [], levels: [] })}>
            清除全部（{filterCount(filters)}）
          </button>
        )}
      </div>
      <SkipLink to="hits">跳到检索结果</SkipLink>
      <RegionTree tree={facets.region} countOf={countOf} isSelected={(c) => filters.regions.includes(c)} onToggle={(code) => onChange({ ...filters, regions: toggle(filters.regions, code) })} />
      <SkipLink to="hits">跳到检索结果</SkipLink>
      <FacetGroup title="年份" name="year" countOf={countOf} isSelected={(v) => filters.years.includes(Number(v))}
        buckets={withSelected(facets.year, filters.years, (v) => `${v}年`)}
        onToggle={(v) => onChange({ ...filters, years: toggle(filters.years, Number(v)) })} />
      <SkipLink to="hits">跳到检索结果</SkipLink>
      <FacetGroup title="主题" name="theme" countOf={countOf} isSelected={(v) => filters.themes.includes(v)}
        buckets={withSelected(facets.theme, filters.themes, labels.theme)}
        onToggle={(v) => onChange({ ...filters, themes: toggle(filters.themes, v) })} />
      <SkipLink to="hits">跳到检索结果</SkipLink>
      <FacetGroup title="报告部分" name="section" countOf={countOf} isSelected={(v) => (filters.sections as string[]).includes(v)}
        buckets={withSelected(facets.section, filters.sections, labels.section)}
        onToggle={(v) => onChange({ ...filters, sections: toggle(filters.sections, v as Filters['sections'][number]) })} />
      <SkipLink to="hits">跳到检索结果</SkipLink>
      <FacetGroup title="行政层级" name="level" countOf={countOf} isSelected={(v) => (filters.levels as string[]).includes(v)}
        buckets={withSelected(facets.level, filters.levels, labels.level)}
        onToggle={(v) => onChange({ ...filters, levels: toggle(filters.levels, v as Filters['levels'][number]) })} />
    </div>
  );
}
