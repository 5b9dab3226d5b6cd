// The six parts of the 2019/2021 format, found by their headings (一、总体情况 … 六、其他需要
// 报告的事项) as written: numbered, on a line of their own, not inside a table.
import { squashed, type Line } from './text.js';

export const PART_NAMES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'] as const;

const PATTERNS: readonly RegExp[] = [
  /^(总体|概述|概况|基本情况)/,
  /^主动公开/,
  /^(收到和处理|依申请)/,
  /^(政府信息公开)?(行政复议|行政诉讼)/,
  /(问题|不足).*(改进|措施|打算)|^存在的(主要)?问题/,
  /^其他(需要报告|事项)/,
];

const HEADING = /^([一二三四五六七八九十]{1,2})[、.．](.{2,60})$/;

export interface PartHeading { part: number; line: Line }

/** The first heading of each part, in text order. */
export function partHeadings(lines: readonly Line[]): PartHeading[] {
  const seen = new Set<number>();
  const out: PartHeading[] = [];
  for (const line of lines) {
    if (line.text.includes('\t') || line.text.length > 80) continue;
    const m = HEADING.exec(squashed(line.text));
    if (!m) continue;
    const part = PATTERNS.findIndex((re) => re.test(m[2]!));
    if (part < 0 || seen.has(part)) continue;
    seen.add(part);
    out.push({ part, line });
  }
  return out;
}

/** [start, end) of a part's text: from its heading to the next part's heading. */
export function partRange(headings: readonly PartHeading[], part: number, textLength: number): [number, number] | null {
  const i = headings.findIndex((h) => h.part === part);
  if (i < 0) return null;
  const next = headings.slice(i + 1).map((h) => h.line.start).find((s) => s > headings[i]!.line.start);
  return [headings[i]!.line.start, next ?? textLength];
}
