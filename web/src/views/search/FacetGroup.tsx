// One flat facet (years, themes, sections, levels): multi-select checkboxes with counts.
// Facets are disjunctive: ticking a second year widens the results, and the counts of a
// facet do not shrink when values of that same facet are ticked.
import { useId, useState } from 'react';
import type { FacetBucket } from '../../state/types';
import { ExcludeButton } from './ExcludeButton';

const COLLAPSED_SIZE = 8;

export function FacetGroup({ title, name, buckets, countOf, isSelected, onToggle, onExclude, exclusive = false }: {
  title: string;
  /** The URL parameter, for test ids and accessible names. */
  name: string;
  buckets: FacetBucket[];
  countOf: (b: FacetBucket) => number;
  /** From the URL, not the bucket: a click shows at once, before the new counts arrive. */
  isSelected: (value: string) => boolean;
  onToggle: (value: string) => void;
  /** 排除: leaves the value's passages out (its chip takes it back). */
  onExclude: (value: string) => void;
  /**
   * Each passage has exactly one value of this facet (year, section, level). Then, once a value
   * is ticked, the ticked counts add up to the total and another value's count is exactly what
   * ticking it adds: shown as +N, so no figure reads as part of a total it is not in.
   */
  exclusive?: boolean;
}) {
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  if (!buckets.length) return null;
  // Selected values stay visible even when the list is shortened.
  const additive = exclusive && buckets.some((b) => isSelected(b.value));
  const visible = showAll ? buckets : buckets.filter((b, i) => i < COLLAPSED_SIZE || isSelected(b.value));
  return (
    <section className="facet" aria-labelledby={headingId} data-facet={name}>
      <h3 id={headingId} className="facet-title">{title}</h3>
      <ul className="facet-list">
        {visible.map((b) => (
          <li key={b.value}>
            <label className={`facet-option${isSelected(b.value) ? ' is-selected' : ''}`}>
              <input type="checkbox" checked={isSelected(b.value)} onChange={() => onToggle(b.value)} value={b.value} />
              <span className="facet-label">{b.label}</span>
              <span className="facet-count" title={additive && !isSelected(b.value) ? '勾选后增加的数量' : undefined}>
                {additive && !isSelected(b.value) ? '+' : ''}{countOf(b).toLocaleString('zh-CN')}
              </span>
            </label>
            <ExcludeButton label={b.label} onClick={() => onExclude(b.value)} />
          </li>
        ))}
      </ul>
      {buckets.length > visible.length && (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>显示全部 {buckets.length} 项</button>
      )}
      {showAll && buckets.length > COLLAPSED_SIZE && (
        <button type="button" className="link-button" onClick={() => setShowAll(false)}>收起</button>
      )}
    </section>
  );
}
