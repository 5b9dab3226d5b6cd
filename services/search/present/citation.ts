// The citation a researcher pastes into a paper: 《title》, issuer, year, the report's own
// heading (the app's category in brackets), paragraph; and the same in GB/T 7714 and plain.
import { SECTION_LABELS, type SectionType } from '../../core/schema.js';
import type { Citation, ReportSummary } from '../types.js';

export function citationOf(report: ReportSummary, section: SectionType, ordinal: number, heading: string | null = null): Citation {
  const sectionLabel = SECTION_LABELS[section];
  const title = report.title ?? '未题名报告';
  const part = heading ? `“${heading}”部分（${sectionLabel}）` : `“${sectionLabel}”部分`;
  const note = [`《${title}》`, report.issuer, report.year !== null ? `${report.year}年` : null, part, `第${ordinal}段`]
    .filter((p): p is string => Boolean(p));
  // GB/T 7714-2015, 报告 [R]: 主要责任者. 题名[R]. 年: 引文位置. The year is the report's year
  // (the publication date is not always known); the position is the paragraph.
  const gbt = `${report.issuer ? `${report.issuer}. ` : ''}${title}[R]${report.year !== null ? `. ${report.year}` : ''}: 第${ordinal}段.`;
  const plain = [title, report.issuer, report.year !== null ? `${report.year}年` : null, heading ?? sectionLabel, `第${ordinal}段`]
    .filter((p): p is string => Boolean(p)).join(' ');
  return { title: report.title, issuer: report.issuer, year: report.year, section, sectionLabel, heading, ordinal, text: note.join('，') + '。', gbt7714: gbt, plain };
}
