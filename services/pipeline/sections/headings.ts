// Heading markers and heading phrases. Works on one folded line (half-width brackets).
//
// Levels follow the numbering conventions of Chinese official documents:
//   1 一、 / 第一部分   2 (一)   3 1. 1、   4 (1) 1)   5 ①   6 一是 (an inline item)
// A heading is either alone on its line ("(一)主动公开政府信息情况") or opens a paragraph
// ("(二)加强载体建设，提升保障能力。我乡统一…"): its phrase is then the first sentence.
import { HEADING_RULES, type Meaning } from './vocabulary.js';

export const ITEM_LEVEL = 6;

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
}

const CN = '[一二三四五六七八九十]{1,3}';
const MARKERS: ReadonlyArray<readonly [number, RegExp]> = [
  [1, new RegExp(`^(${CN})\\s*[、.,]|^第(${CN})(?:部分|章)[、:,\\s]?`)],
  [2, new RegExp(`^\\(\\s*(${CN})\\s*\\)[、.]?`)],
  [3, /^(\d{1,2})\s*[、.](?!\d)/],
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

/** The marked heading that opens `line` (folded, trimmed), if any. */
export function parseHeading(line: string): Heading | null {
  for (const [level, re] of MARKERS) {
    const m = re.exec(line);
    if (!m) continue;
    const end = phraseEnd(line, m[0].length);
    const phrase = line.slice(0, end);
    return { level, num: numberOf(m[1] ?? m[2] ?? ''), phrase, words: phrase.slice(m[0].length), alone: end >= line.length };
  }
  return null;
}

/** The meaning of a heading's words by the keyword table, or null when nothing matches. */
export function meaningOf(words: string): Meaning | null {
  for (const [meaning, re] of HEADING_RULES) if (re.test(words)) return meaning;
  return null;
}

/**
 * An unmarked line that is nonetheless a heading ("存在的主要问题", "改进措施", bold phrases
 * whose asterisks normalize removed): short, one clause, no sentence inside.
 */
export function isUnmarkedHeading(line: string): boolean {
  return line.length <= 25 && !/[。,，;；]./.test(line) && !/[:：]./.test(line);
}
