// Typed filters written in the query (section:problems, year:2019..2021, region:宁夏 …).
import { LEVELS, SECTION_LABELS, SECTION_TYPES, type Level, type SectionType } from '../../core/schema.js';
import type { Filters } from '../types.js';

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

export function applyField(
  field: string, value: string, filters: Partial<Filters>, warnings: string[], resolveRegion: RegionResolver,
): void {
  const add = <K extends keyof Filters>(key: K, values: Filters[K]) => {
    filters[key] = [...new Set([...((filters[key] ?? []) as unknown[]), ...(values as unknown[])])] as Filters[K];
  };
  switch (field) {
    case 'year': {
      const years = yearsOf(value);
      if (years) add('years', years);
      else warnings.push(`ignored year:${value} (write year:2019 or year:2019..2021)`);
      return;
    }
    case 'section': {
      const id = (SECTION_TYPES as readonly string[]).includes(value) ? (value as SectionType) : SECTION_ALIASES[value];
      if (id) add('sections', [id]);
      else warnings.push(`ignored section:${value} (one of ${SECTION_TYPES.join(', ')})`);
      return;
    }
    case 'level': {
      const id = (LEVELS as readonly string[]).includes(value) ? (value as Level) : LEVEL_ALIASES[value];
      if (id) add('levels', [id]);
      else warnings.push(`ignored level:${value} (one of ${LEVELS.join(', ')})`);
      return;
    }
    case 'theme': {
      const id = value.toLowerCase();
      if (/^[a-z0-9_]{1,40}$/.test(id)) add('themes', [id]);
      else warnings.push(`ignored theme:${value}`);
      return;
    }
    case 'region': {
      const codes = /^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(value) ? [value] : resolveRegion(value);
      if (codes.length) add('regions', codes);
      else warnings.push(`no region named ${value}`);
      return;
    }
  }
}
