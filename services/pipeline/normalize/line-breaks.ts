// Hard line breaks inside paragraphs, left by PDF extraction (even across a page break,
// which leaves a blank line). A break is joined when the line before does not end its
// sentence and the line after does not start a heading, a list item or a table row.
import { CLAUSE_END, PARAGRAPH_START, SENTENCE_END, TABLE_CELL } from './chars.js';
import { rewrite, type MappedText } from './mapped-text.js';

// Headings are short; a longer line that starts with a marker is a paragraph.
const HEADING_MAX = 40;
// A line broken by the page width is long: a shorter line without final punctuation is a
// heading, a label or a table cell standing on its own ("存在的主要问题", "信息内容", "规章").
const WRAPPED_MIN = 15;
// A line must be at least this long to continue across a blank line (a page break).
const PAGE_BREAK_MIN = 20;
// A marked line this wide, not ending the way headings end or holding a comma, was wrapped
// by the page width.
const ITEM_WRAP_MIN = 26;
const HEADING_END = /(?:情况|概述|概况|事项|问题|措施|建设|管理|保障|公开|工作|解读|回应|机制|制度|要求|目标|成效|做法|举措|方面|能力|水平|质量|平台|渠道|培训|考核|监督|落实|推进|服务|意识|力度|打算|计划|思路|方向)$/;

// Two bars, or one ending the line: a row of a table flattened from HTML.
const PIPE_ROW = /[|｜]\s*$|[|｜][^|｜]*[|｜]/;

/** A short marked line with no full stop inside; "一是…" items are sentences, never headings. */
function isHeading(line: string): boolean {
  return PARAGRAPH_START.test(line) && line.length < HEADING_MAX && !line.includes('。') && !/^[一二三四五六七八九十]+是/.test(line);
}

function lineAround(text: string, at: number, dir: -1 | 1): string {
  if (dir < 0) return text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  const end = text.indexOf('\n', at);
  return text.slice(at, end < 0 ? text.length : end);
}

export const joinBrokenLines = (m: MappedText) =>
  rewrite(m, /\n(?:[ \t]*\n)*/g, (match, text) => {
    // Most lines end their sentence: decided on the last character, before any slicing.
    let last = match.index - 1;
    while (last >= 0 && (text[last] === ' ' || text[last] === '\t')) last--;
    if (last < 0 || text[last] === '\n' || SENTENCE_END.test(text[last]!)) return undefined;
    const before = lineAround(text, match.index, -1).trimEnd();
    // How long the line was as extracted: PDF spaces and converter markers filled the width too.
    const lineStart = text.lastIndexOf('\n', match.index - 1) + 1;
    const extracted = m.map[match.index]! - (lineStart === 0 ? 0 : m.map[lineStart - 1]! + 1);
    const after = lineAround(text, match.index + match[0].length, 1).trimStart();
    const blank = match[0].length > 1;
    if (!before.trim() || !after) return undefined;
    if (before.includes('\t') || after.includes('\t')) return undefined;
    if (SENTENCE_END.test(before)) return undefined;
    if (PARAGRAPH_START.test(after)) return undefined;
    // A line that began with a list bullet (dropped before this step) is an item of its own.
    let next = match.index + match[0].length;
    while (text[next] === ' ' || text[next] === '\t') next++;
    if (next < text.length && m.paragraphStarts.has(m.map[next]!)) return undefined;
    if (TABLE_CELL.test(before) || TABLE_CELL.test(after)) return undefined;
    // A row of a table flattened with bars (索引号 | 公开方式 | 发布机构 |) is a line of its own.
    if (PIPE_ROW.test(before) || PIPE_ROW.test(after)) return undefined;
    const a = before.at(-1) ?? '';
    const joiner = /[A-Za-z0-9]/.test(a) && /[A-Za-z0-9]/.test(after[0] ?? '') ? ' ' : '';
    // A line ending in a comma or an enumeration comma stops mid-sentence, heading or not
    // ("（二）加强载体建设，" / "成员：张三、李四、"), however short.
    if (CLAUSE_END.test(before)) return joiner;
    const isFirstLine = text.lastIndexOf('\n', match.index - 1) < 0;
    const headingLike = isHeading(before.trim()) || isFirstLine || /报告$|统计表$/.test(before);
    const length = Math.max(before.trim().length, extracted);
    if (headingLike) {
      // A long heading broken before its last few characters ("…提起行政诉讼的情\n况") is still
      // joined; "六、其他需要报告的事项\n无" is a heading and its one-word answer. A marked line
      // as wide as the page that stops mid-word ("（4）12345热\n线诉求…") is a wrapped item.
      if (blank) return undefined;
      if (length >= WRAPPED_MIN && /^[\u4e00-\u9fff]{1,3}$/.test(after)) return '';
      if (isFirstLine) return undefined;
      return length >= ITEM_WRAP_MIN && (!HEADING_END.test(before) || /[，,]/.test(before)) ? joiner : undefined;
    }
    if (length < WRAPPED_MIN) return undefined;
    // Across a blank line only from a long line that stops mid-sentence.
    if (blank && length < PAGE_BREAK_MIN) return undefined;
    return joiner;
  });
