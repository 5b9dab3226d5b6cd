// Typed filters written in the query (section:problems, year:2019..2021, region:宁夏 …).
import { LEVELS, SECTION_LABELS, SECTION_TYPES, type Level, type SectionType } from '../../core/schema.js';
import { THEMES } from '../../pipeline/themes/index.js';
import type { Filters } from '../types.js';
import { warn, type Warning } from './warnings.js';

export type RegionResolver = (nameOrCode: string) => string[];

const SECTION_ALIASES: Record<string, SectionType> = {
  问题: 'problems', 存在问题: 'problems', 主要问题: 'problems', 改进: 'improvements', 措施: 'improvements',
  改进措施: 'improvements', 统计: 'statistics', 平台: 'platforms', 依申请: 'on_request', 主动公开: 'proactive',
  ...Object.fromEntries(Object.entries(SECTION_LABELS).map(([id, label]) => [label, id as SectionType])),
};
const LEVEL_ALIASES: Record<string, Level> = {
  省: 'province', 市: 'city', 县: 'county', 区县: 'county', 乡镇: 'township', 乡: 'township', 镇: 'township',
  街道: 'township', 部门: 'department',
};
/** The names a reader knows, for showing a typed filter back (检索式理解为 …). */
export const LEVEL_NAMES: Record<Level, string> = {
  province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门', unknown: '层级未识别',
};
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export function yearsOf(value: string): number[] | null {
  const m = /^(\d{4})?(?:(\.\.|-|~|到|至)(\d{4})?)?$/.exec(value.trim());
  if (!m || (!m[1] && !m[3])) return null;
  const from = Number(m[1] ?? MIN_YEAR);
  const to = m[2] ? Number(m[3] ?? MAX_YEAR) : from;
  if (from < MIN_YEAR || to > MAX_YEAR || from > to) return null;
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** Facets whose values can be excluded (-region:00, NOT year:2020); copy:… bounds cannot. */
type Excludable = 'years' | 'regions' | 'sections' | 'themes' | 'levels';

/** `negated` (-field:value, NOT field:value): the value goes to filters.exclude instead. */
export function applyField(
  field: string, value: string, filters: Partial<Filters>, warnings: Warning[], resolveRegion: RegionResolver, negated = false,
): void {
  const add = <K extends Excludable>(key: K, values: Filters[K]) => {
    const target: Partial<Record<Excludable, unknown[]>> = negated ? (filters.exclude ??= {}) : filters;
    target[key] = [...new Set([...(target[key] ?? []), ...(values as unknown[])])];
  };
  switch (field) {
    case 'year': {
      const years = yearsOf(value);
      if (years) add('years', years);
      else warnings.push(warn('bad_year', value));
      return;
    }
    case 'section': {
      const id = (SECTION_TYPES as readonly string[]).includes(value) ? (value as SectionType) : SECTION_ALIASES[value];
      if (id) add('sections', [id]);
      else warnings.push(warn('bad_section', value, Object.values(SECTION_LABELS).join('、')));
      return;
    }
    case 'level': {
      const id = (LEVELS as readonly string[]).includes(value) ? (value as Level) : LEVEL_ALIASES[value] ?? levelOfName(value);
      if (id) add('levels', [id]);
      else warnings.push(warn('bad_level', value, '省、市、县、乡镇、部门'));
      return;
    }
    case 'theme': {
      // An id (theme:wechat) or the label the UI shows (theme:微信).
      const id = themeOf(value);
      if (id) add('themes', [id]);
      else warnings.push(warn('bad_theme', value));
      return;
    }
    case 'copy': {
      if (negated) warnings.push(warn('negated_filter', field, value));
      // copy:>0.5, copy:>=50%, copy:<0.2 (a bare number means at least).
      const m = /^(>=|<=|>|<|＞|＜)?\s*(\d*\.?\d+)\s*(%)?$/.exec(value.trim());
      const n = m ? Number(m[2]) / (m[3] || Number(m[2]) > 1 ? 100 : 1) : NaN;
      if (m && n >= 0 && n <= 1) {
        const op = ({ '＞': '>', '＜': '<' } as Record<string, '>' | '<'>)[m[1] ?? ''] ?? (m[1] as '>' | '>=' | '<' | '<=' | undefined) ?? '>=';
        filters.copy = [...(filters.copy ?? []), { op, value: n }];
      } else warnings.push(warn('bad_copy', value));
      return;
    }
    case 'region': {
      const codes = /^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(value) ? [value] : resolveRegion(value);
      if (codes.length) add('regions', codes);
      else warnings.push(warn('no_region', value));
      return;
    }
  }
}

const levelOfName = (name: string): Level | undefined =>
  (Object.entries(LEVEL_NAMES) as Array<[Level, string]>).find(([, label]) => label === name)?.[0];

function themeOf(value: string): string | null {
  const id = value.toLowerCase();
  const known = THEMES.find((t) => t.id === id || t.label === value);
  if (known) return known.id;
  // An id the taxonomy no longer lists still filters (to nothing): a saved link keeps its meaning.
  return /^[a-z0-9_]{1,40}$/.test(id) ? id : null;
}
