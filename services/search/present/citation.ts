// The citation a researcher pastes into a paper: 《title》, issuer, year, section, paragraph.
import { SECTION_LABELS, type SectionType } from '../../core/schema.js';
import type { Citation, ReportSummary } from '../types.js';

export function citationOf(report: ReportSummary, section: SectionType, ordinal: number): Citation {
  const sectionLabel = SECTION_LABELS[section];
  const parts = [
    report.title ? `《${report.title}》` : '《未题名报告》',
    report.issuer,
    report.year !== null ? `${report.year}年` : null,
    `“${sectionLabel}”部分`,
    `第${ordinal}段`,
  ].filter((p): p is string => Boolean(p));
  return { title: report.title, issuer: report.issuer, year: report.year, section, sectionLabel, ordinal, text: parts.join('，') + '。' };
}
