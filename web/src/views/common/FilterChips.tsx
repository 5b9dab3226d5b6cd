// The active filters as removable chips, with 「清除全部」.
import type { Filters } from '../../state/types';
import { LEVEL_LABELS } from '../../state/labels';
import { filterCount, toggleExcluded } from '../../state/url';
import type { Vocabulary } from '../../state/useIndex';

export interface FilterLabeler {
  vocab: Vocabulary;
  /** Region names by code, when the facet tree is known. */
  regionName: (code: string) => string;
}

interface Chip { key: string; label: string; remove: (f: Filters) => Filters }

function chipsOf(f: Filters, { vocab, regionName }: FilterLabeler): Chip[] {
  return [
    ...f.years.map((y) => ({ key: `year:${y}`, label: `${y}年`, remove: (x: Filters) => ({ ...x, years: x.years.filter((v) => v !== y) }) })),
    ...f.regions.map((r) => ({ key: `region:${r}`, label: regionName(r), remove: (x: Filters) => ({ ...x, regions: x.regions.filter((v) => v !== r) }) })),
    ...f.sections.map((s) => ({ key: `section:${s}`, label: vocab.sectionLabel(s), remove: (x: Filters) => ({ ...x, sections: x.sections.filter((v) => v !== s) }) })),
    ...f.themes.map((t) => ({ key: `theme:${t}`, label: `主题：${vocab.themeLabel(t)}`, remove: (x: Filters) => ({ ...x, themes: x.themes.filter((v) => v !== t) }) })),
    ...f.levels.map((l) => ({ key: `level:${l}`, label: LEVEL_LABELS[l] ?? l, remove: (x: Filters) => ({ ...x, levels: x.levels.filter((v) => v !== l) }) })),
    ...excludedChips(f, { vocab, regionName }),
  ];
}

/** 排除：… chips; removing one takes the exclusion back. */
function excludedChips(f: Filters, { vocab, regionName }: FilterLabeler): Chip[] {
  const x = f.exclude ?? {};
  const chip = <K extends keyof NonNullable<Filters['exclude']>>(key: K, value: string | number, label: string): Chip => ({
    key: `not_${key}:${value}`, label: `排除：${label}`,
    remove: (y: Filters) => toggleExcluded(y, key, value as NonNullable<Filters[K]>[number]),
  });
  return [
    ...(x.years ?? []).map((y) => chip('years', y, `${y}年`)),
    ...(x.regions ?? []).map((r) => chip('regions', r, regionName(r))),
    ...(x.sections ?? []).map((s) => chip('sections', s, vocab.sectionLabel(s))),
    ...(x.themes ?? []).map((t) => chip('themes', t, `主题：${vocab.themeLabel(t)}`)),
    ...(x.levels ?? []).map((l) => chip('levels', l, LEVEL_LABELS[l] ?? l)),
  ];
}

export function FilterChips({ filters, labeler, onChange }: { filters: Filters; labeler: FilterLabeler; onChange: (f: Filters) => void }) {
  if (!filterCount(filters)) return null;
  return (
    <div className="chips" aria-label="已选筛选条件">
      {chipsOf(filters, labeler).map((c) => (
        <button key={c.key} type="button" className="chip" onClick={() => onChange(c.remove(filters))} aria-label={`移除筛选：${c.label}`}>
          {c.label}<span aria-hidden="true" className="chip-x">×</span>
        </button>
      ))}
      <button type="button" className="link-button" onClick={() => onChange({ years: [], regions: [], sections: [], themes: [], levels: [] })}>
        清除全部
      </button>
    </div>
  );
}
