// The facet sidebar: region tree, years, themes, sections, levels, and 「清除全部」.
import type { Facets, FacetBucket, Filters, RegionBucket } from '../../state/types';
import { filterCount, toggle, toggleExcluded } from '../../state/url';
import { FacetGroup } from './FacetGroup';
import { UNKNOWN_REGION } from '../../state/regions';
import { RegionTree } from './RegionTree';
import { SkipLink } from './SkipLink';

/** A selected value the results no longer contain still gets a (zero) row, so it can be unticked. */
function withSelected(buckets: FacetBucket[], selected: readonly (string | number)[], label: (v: string) => string): FacetBucket[] {
  const missing = selected.map(String).filter((v) => !buckets.some((b) => b.value === v));
  return [...buckets, ...missing.map((v) => ({ value: v, label: label(v), count: 0, reports: 0, selected: true }))];
}

/** Ordered by the number shown (passages, or reports when merged), ties by value: order and figure agree. */
function byShown<B extends FacetBucket>(buckets: B[], countOf: (b: B) => number): B[] {
  return [...buckets].sort((a, b) => countOf(b) - countOf(a) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
function regionsByShown(nodes: RegionBucket[], countOf: (b: RegionBucket) => number): RegionBucket[] {
  // 地区未识别 stays last: it is not a place.
  const known = byShown(nodes.filter((n) => n.value !== UNKNOWN_REGION), countOf).map((n) => ({ ...n, children: regionsByShown(n.children, countOf) }));
  return [...known, ...nodes.filter((n) => n.value === UNKNOWN_REGION)];
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
      <p className="facet-unit muted" data-testid="facet-unit">
        {collapse ? '数字为报告数' : '数字为匹配段落数'}；同一组内多选为「或」，不同组之间为「且」；「排除」去掉该项的段落；+N 为再勾选时增加的数量。
      </p>
      <RegionTree tree={regionsByShown(facets.region, countOf)} countOf={countOf} isSelected={(c) => filters.regions.includes(c)} onToggle={(code) => onChange({ ...filters, regions: toggle(filters.regions, code) })}
        onExclude={(code) => onChange(toggleExcluded(filters, 'regions', code))} />
      <SkipLink to="hits">跳到检索结果</SkipLink>
      <FacetGroup title="年份" name="year" exclusive countOf={countOf} isSelected={(v) => filters.years.includes(Number(v))}
        buckets={withSelected(facets.year, filters.years, (v) => `${v}年`)}
        onToggle={(v) => onChange({ ...filters, years: toggle(filters.years, Number(v)) })}
        onExclude={(v) => onChange(toggleExcluded(filters, 'years', Number(v)))} />
      <SkipLink to="hits">跳到检索结果</SkipLink>
      <FacetGroup title="主题" name="theme" countOf={countOf} isSelected={(v) => filters.themes.includes(v)}
        buckets={byShown(withSelected(facets.theme, filters.themes, labels.theme), countOf)}
        onToggle={(v) => onChange({ ...filters, themes: toggle(filters.themes, v) })}
        onExclude={(v) => onChange(toggleExcluded(filters, 'themes', v))} />
      <SkipLink to="hits">跳到检索结果</SkipLink>
      <FacetGroup title="报告部分" name="section" exclusive={!collapse} countOf={countOf} isSelected={(v) => (filters.sections as string[]).includes(v)}
        buckets={byShown(withSelected(facets.section, filters.sections, labels.section), countOf)}
        onToggle={(v) => onChange({ ...filters, sections: toggle(filters.sections, v as Filters['sections'][number]) })}
        onExclude={(v) => onChange(toggleExcluded(filters, 'sections', v as Filters['sections'][number]))} />
      <SkipLink to="hits">跳到检索结果</SkipLink>
      <FacetGroup title="行政层级" name="level" exclusive countOf={countOf} isSelected={(v) => (filters.levels as string[]).includes(v)}
        buckets={byShown(withSelected(facets.level, filters.levels, labels.level), countOf)}
        onToggle={(v) => onChange({ ...filters, levels: toggle(filters.levels, v as Filters['levels'][number]) })}
        onExclude={(v) => onChange(toggleExcluded(filters, 'levels', v as Filters['levels'][number]))} />
    </div>
  );
}
