// Which national template a report follows, told by the columns of its tables, which
// survive any flattening: the 2021 template (国办公开办函〔2021〕30号) counts documents made,
// repealed and in force; the 2019 one (〔2019〕60号) new and previous-year items; the
// pre-2019 one has a single 统计表 of 统计指标, and an 概述 opening.
import type { ReportFormat } from '../../core/schema.js';

const MARKERS: [ReportFormat, RegExp][] = [
  ['2021', /本年制发件数|本年废止件数|现行有效件数|本年处理决定数量/],
  ['2019', /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量/],
  ['pre2019', /统计指标/],
];
const OVERVIEW_HEADING = /(?:^|\n)[一1][、.．]概述/;
// Parts only the pre-2019 template has.
const OLD_PARTS = /概述|收费及减免|收费和减免|申诉情况|复议、诉讼和申诉/;

// The six parts both post-2019 templates prescribe.
const SIX_PARTS = /(?:^|\n)[一二三四五六]、(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)/g;

export function formatOf(text: string, year: number | null): { format: ReportFormat; warnings: string[] } {
  // Table headers come split over cells and lines: compare without any whitespace.
  const compact = text.replace(/\s+/g, '');
  for (const [format, marker] of MARKERS) if (marker.test(compact)) return { format, warnings: [] };
  const lines = text.replace(/[ \t\u3000]+/g, '');
  if (OVERVIEW_HEADING.test(lines)) return { format: 'pre2019', warnings: [] };
  // No telling table: fall back on the year, which fixes the template in force.
  if (year !== null && year <= 2018) return { format: 'pre2019', warnings: ['format inferred from the year'] };
  const sixParts = new Set([...lines.matchAll(SIX_PARTS)].map((m) => m[0].trim())).size >= 3;
  if (year !== null && sixParts) return { format: year >= 2021 ? '2021' : '2019', warnings: ['format inferred from the year and the six-part headings'] };
  // Tables cut off (a page's opening) or lost: the template in force that year, unless a
  // 2019 or 2020 report lists the old template's parts (概述, 收费及减免, 申诉).
  if (year !== null && year >= 2021) return { format: '2021', warnings: ['format inferred from the year'] };
  if (year !== null && year >= 2019) {
    return OLD_PARTS.test(lines) ? { format: 'pre2019', warnings: ['format inferred from the parts the report lists'] } : { format: '2019', warnings: ['format inferred from the year'] };
  }
  return { format: 'unknown', warnings: ['format not recognised'] };
}
