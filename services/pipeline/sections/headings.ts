// Heading markers and heading phrases. Works on one folded line (half-width brackets).
//
// Levels follow the numbering conventions of Chinese official documents:
//   1 一、 / 第一部分   2 (一)   3 1. 1、   4 (1) 1)   5 ①   7 一是 (an inline item)
// (6 is left for unmarked run-in headings, which items belong to.)
// A heading is either alone on its line ("(一)主动公开政府信息情况") or opens a paragraph
// ("(二)加强载体建设，提升保障能力。我乡统一…"): its phrase is then the first sentence.
import { HEADING_RULES, type Meaning } from './vocabulary.js';

export const ITEM_LEVEL = 7;

export interface Heading {
  level: number;
  /** The number of the marker (一 → 1), to follow a report's numbering. */
  num: number;
  /** Marker and phrase as written in the line, e.g. "(二)加强载体建设，提升保障能力。". */
  phrase: string;
  /** The phrase without its marker, for classification. */
  words: string;
  /** True when the heading is the whole line. */
  alone: boolean;
  /** The phrase reads as a title, not as a sentence of content (see readsAsTitle). */
  titled: boolean;
}

const CN = '[一二三四五六七八九十]{1,3}';
const MARKERS: ReadonlyArray<readonly [number, RegExp]> = [
  [1, new RegExp(`^(${CN})\\s*[、.,]|^第(${CN})(?:部分|章)[、:,\\s]?`)],
  [2, new RegExp(`^\\(\\s*(${CN})\\s*\\)[、.]?`)],
  [3, /^(\d{1,2})\s*(?:、|\.(?!\d+(?:\.\d+)?\s*(?:%|万|亿|元|倍|个百分点)))/], // "2.12345热线", not "2.5万元"
  [4, /^\(\s*(\d{1,2})\s*\)|^(\d{1,2})\)/],
  [5, /^([①-⑳])/],
  [ITEM_LEVEL, new RegExp(`^(${CN})是|^第(${CN})[,、]`)],
];

/** The longest phrase that still reads as a heading. */
const PHRASE_MAX = 40;

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十一 → 21, ③ → 3, "7" → 7. */
export function numberOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[①-⑳]$/.test(s)) return s.charCodeAt(0) - 0x2460 + 1;
  const ten = s.indexOf('十');
  if (ten < 0) return DIGITS[s] ?? 0;
  return (ten === 0 ? 1 : DIGITS[s[0]!] ?? 0) * 10 + (DIGITS[s[ten + 1] ?? ''] ?? 0);
}

/** Where the phrase of a heading ends: its first sentence, or its first clause when that is long. */
function phraseEnd(line: string, from: number): number {
  const limit = Math.min(line.length, from + PHRASE_MAX);
  for (let i = from; i < limit; i++) if ('。；;:：!?！？'.includes(line[i]!)) return i + 1;
  if (line.length <= limit) return line.length;
  for (let i = from; i < limit; i++) if (line[i] === ',' || line[i] === '，') return i;
  return limit;
}

/**
 * A whole marked line is a heading, not a one-sentence paragraph, when it reads as a title:
 * without a full stop (the 2019 template's long "(六)县级以上人民政府…结果情况"), or short with
 * at most one comma ("(二)抓学习培训促建设，完善政务公开新机制。"). "3、公开信息的主动性还不够强，
 * 个别信息没有做到第一时间更新，信息公开的时效性不够强。" is a paragraph.
 */
function readsAsTitle(words: string): boolean {
  if (COUNT.test(words)) return false; // "1.公开信息120条。" reports, a title names
  if (!/[。;；!?！？]$/.test(words)) return words.length <= 50;
  return words.length <= TITLE_SENTENCE_MAX && (words.match(/[,，]/g)?.length ?? 0) <= 1;
}
const TITLE_SENTENCE_MAX = 30;
const COUNT = /\d\s*(?:余|多)?(?:条|件|次|人|个|篇|份|期|场|项|家|户|元|万元|%|人次)/;

/** The marked heading that opens `line` (folded, trimmed), if any. */
export function parseHeading(line: string): Heading | null {
  for (const [level, re] of MARKERS) {
    const m = re.exec(line);
    if (!m) continue;
    let end = phraseEnd(line, m[0].length);
    if (end >= line.length && !readsAsTitle(line.slice(m[0].length))) {
      // A one-sentence paragraph: its heading is its first clause, and the line is a passage.
      const comma = line.slice(m[0].length).search(/[,，]/);
      end = comma > 0 ? m[0].length + comma : line.length - 1;
    }
    const phrase = line.slice(0, end);
    const words = phrase.slice(m[0].length);
    return { level, num: numberOf(m[1] ?? m[2] ?? ''), phrase, words, alone: end >= line.length, titled: readsAsTitle(words) };
  }
  return null;
}

/** The meaning of a heading's words by the keyword table, or null when nothing matches. */
export function meaningOf(words: string): Meaning | null {
  for (const [meaning, re] of HEADING_RULES) {
    // A table is named, never described in a sentence ("年度报告数据统计不够准确。" is a problem).
    if (re.test(words) && !(meaning === 'statistics' && /[。;!?]$/.test(words))) return meaning;
  }
  return null;
}

/**
 * An unmarked line that is nonetheless a heading ("存在的主要问题", "改进措施", bold phrases
 * whose asterisks normalize removed): short, one clause, no sentence inside.
 */
export function isUnmarkedHeading(line: string): boolean {
  return line.length <= 25 && !/[。,，;；:：]./.test(line) && !/[。!?！？]$/.test(line) && !INTRODUCES_LIST.test(line);
}

/** A sentence that hands over to a list ("下一步将重点做好以下工作：", "存在以下问题："): content, not a title. */
const INTRODUCES_LIST = /(?:以下|如下|下列|将|拟)[^:：]*[:：]$/;
