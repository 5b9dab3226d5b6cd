// Filters as bit masks over the in-memory columns. A passage's mask has one bit for each
// filter it fails, so the result set is "mask = 0" and a disjunctive facet — counted under
// every filter but its own — is "mask without my bit = 0": one pass serves all of them.
import type { Filters, FacetName } from '../types.js';
import { UNKNOWN_REGION } from '../../core/region-code.js';
import { Columns } from './columns.js';

export const BIT: Record<FacetName, number> = { year: 1, level: 2, region: 4, section: 8, theme: 16 };
/** Outside the reports a copy:… filter admits (filters.reportIds): no facet drops it. */
const REPORTS_BIT = 32;
/** Has a value filters.exclude names (-region:00): no facet drops it, so each counts under it. */
const EXCLUDED_BIT = 64;

export interface FilterMask {
  /** False when there is no filter at all: every mask is then 0. */
  active: boolean;
  /** The bits of the filters passage `id` fails (0: it passes them all). */
  of(id: number): number;
  /** The bits of the report-level filters report row `r` fails. */
  report(r: number): number;
  /** What `of` tests, as plain bits and arrays: what the tantivy core is handed to test the same way. */
  bits: FilterBits;
}

/** Region codes come in prefix form: 2, 4, 6 or 9 digits for province, city, county, township. */
const LEVEL_OF_LENGTH: Record<number, number> = { 2: 0, 4: 1, 6: 2, 9: 3 };

export function filterMask(cols: Columns, f: Filters): FilterMask {
  const years = new Set(f.years);
  const levels = new Set(f.levels.map((l) => Columns.LEVELS.indexOf(l)));
  const sections = new Set(f.sections.map((s) => Columns.SECTIONS.indexOf(s)));
  const themeMask = f.themes.reduce((m, t) => m | cols.bitOf(t), 0);
  const regions = f.regions.map((c) => [LEVEL_OF_LENGTH[c.length]!, c] as const);
  const x = f.exclude ?? {};
  const notYears = new Set(x.years ?? []);
  const notLevels = new Set((x.levels ?? []).map((l) => Columns.LEVELS.indexOf(l)));
  const notSections = new Set((x.sections ?? []).map((s) => Columns.SECTIONS.indexOf(s)));
  const notThemeMask = (x.themes ?? []).reduce((m, t) => m | cols.bitOf(t), 0);
  const notRegions = (x.regions ?? []).map((c) => [LEVEL_OF_LENGTH[c.length]!, c] as const);
  const excludesReports = notYears.size > 0 || notLevels.size > 0 || notRegions.length > 0;
  // '00' (no province has it) stands for 地区未识别: reports whose place is not known.
  const inRegion = (codes: ReadonlyArray<string | null>, [level, code]: readonly [number, string]) =>
    code === UNKNOWN_REGION ? codes[0] === null : codes[level] === code;

  // Report-level bits, once per report.
  const reportBits = new Uint8Array(cols.maxReport + 1);
  const admitted = f.reportIds ? new Set(f.reportIds) : null;
  if (years.size || levels.size || regions.length || admitted || excludesReports) {
    for (let r = 1; r <= cols.maxReport; r++) {
      if (cols.docId[r] === undefined) continue;
      let bits = 0;
      if (admitted && !admitted.has(cols.docId[r]!)) bits |= REPORTS_BIT;
      if (years.size && !years.has(cols.year[r]!)) bits |= BIT.year;
      if (levels.size && !levels.has(cols.level[r]!)) bits |= BIT.level;
      if (regions.length) {
        const codes = cols.regions[cols.region[r]!]!.levels;
        if (!regions.some((rc) => inRegion(codes, rc))) bits |= BIT.region;
      }
      if (excludesReports && (notYears.has(cols.year[r]!) || notLevels.has(cols.level[r]!)
        || notRegions.some((rc) => inRegion(cols.regions[cols.region[r]!]!.levels, rc)))) bits |= EXCLUDED_BIT;
      reportBits[r] = bits;
    }
  }
  const sectionBits = [...sections].reduce((m, i) => m | (1 << i), 0);
  const notSectionBits = [...notSections].reduce((m, i) => m | (1 << i), 0);
  return maskOf(cols, {
    reportBits, bySection: sections.size > 0, sections: sectionBits, byTheme: f.themes.length > 0, themes: themeMask,
    notSections: notSectionBits, notThemes: notThemeMask,
  }, years.size > 0 || levels.size > 0 || regions.length > 0 || admitted !== null || excludesReports);
}

/** The filters as plain bits and arrays (crates/gongkai-index/src/tally.rs reads them too); sections are bits by index. */
export interface FilterBits {
  /** Per report row, the report-level filters it fails. */
  reportBits: Uint8Array;
  bySection: boolean; sections: number;
  byTheme: boolean; themes: number;
  notSections: number; notThemes: number;
}

function maskOf(cols: Columns, b: FilterBits, byReport: boolean): FilterMask {
  const { reportBits, bySection, sections, byTheme, themes, notSections, notThemes } = b;
  const report = cols.report;
  const section = cols.section;
  const themeBits = cols.themeBits;
  return {
    bits: b,
    active: byReport || bySection || byTheme || notSections !== 0 || notThemes !== 0,
    report: (r) => reportBits[r]!,
    of(id) {
      let bits = reportBits[report[id]!]!;
      const s = 1 << section[id]!;
      if (bySection && (sections & s) === 0) bits |= BIT.section;
      if (byTheme && (themeBits[id]! & themes) === 0) bits |= BIT.theme;
      if ((notSections & s) !== 0 || (themeBits[id]! & notThemes) !== 0) bits |= EXCLUDED_BIT;
      return bits;
    },
  };
}
