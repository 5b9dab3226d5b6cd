// A problems or improvements passage split into its statements: enumerated items
// (一是/二是…, 1. 2、, （1）, ①), or after a lead-in ending in a colon (主要是：A；B), or its
// sentences. Lead-ins, sub-headings and numbering are stripped; the wording is untouched.

const CN = '一二三四五六七八九十';
const cnValue = (s: string): number => {
  if (s.length === 1) return CN.indexOf(s) + 1;
  const t = s.indexOf('十');
  const tens = t === 0 ? 1 : CN.indexOf(s[0]!) + 1;
  const ones = t === s.length - 1 ? 0 : CN.indexOf(s[t + 1]!) + 1;
  return tens * 10 + ones;
};
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

interface Marker { at: number; end: number; n: number }

/** Enumeration markers of one style, in text order. */
const STYLES: ReadonlyArray<{ re: RegExp; value: (m: RegExpExecArray) => number }> = [
  // 一是 / 二是 … (not 统一是, 唯一是, 之一是: a word ending in 一 before 是)
  { re: /(?<![统唯之其单同万专划逐])([一二三四五六七八九十]{1,2})是/g, value: (m) => cnValue(m[1]!) },
  // （1） (1) 1) at a start: at the text's start or after sentence punctuation
  { re: /(?<=^|[。；;！!？?：:\s])\s*[（(](\d{1,2})[)）]/g, value: (m) => Number(m[1]) },
  // 1. 1、 1． (a following digit is allowed: 1.12345热线; the numbered run rules out decimals)
  { re: /(?<=^|[。；;！!？?：:\s])\s*(\d{1,2})\s*[.、．]/g, value: (m) => Number(m[1]) },
  // （一） (一) 一、 as items inside a passage
  { re: /(?<=^|[。；;！!？?：:\s])\s*[（(]([一二三四五六七八九十]{1,2})[)）]/g, value: (m) => cnValue(m[1]!) },
  { re: /[①-⑳]/g, value: (m) => CIRCLED.indexOf(m[0]) + 1 },
];

/** The longest run of markers numbered k, k+1, k+2 … (k = 1, or any k at the text's very start). */
function chain(text: string, style: (typeof STYLES)[number]): Marker[] {
  const all: Marker[] = [];
  style.re.lastIndex = 0;
  for (let m = style.re.exec(text); m; m = style.re.exec(text)) all.push({ at: m.index, end: m.index + m[0].length, n: style.value(m) });
  let best: Marker[] = [];
  for (let i = 0; i < all.length; i++) {
    const start = all[i]!;
    if (start.n !== 1 && text.slice(0, start.at).trim() !== '') continue;
    const run = [start];
    for (let j = i + 1; j < all.length; j++) if (all[j]!.n === run.at(-1)!.n + 1) run.push(all[j]!);
    if (run.length > best.length) best = run;
  }
  return best;
}

/** A sub-heading at the start: （一）存在的主要问题。 / (二) 改进措施： */
const LEADING_HEADING = /^\s*(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)\s*([^。：:；;，,]{0,24})[。：:]\s*/;
const HEADING_WORD = /问题|不足|措施|改进|打算|计划|整改|情况|方向|思路|短板/;
/** A whole passage that is only a heading. */
const HEADING_ONLY = /^[^，,。；;]{0,20}(?:问题|不足|措施|改进|打算|计划|整改|情况|方向|思路|短板)[^，,；;]{0,6}[。：:]?$/;
/** Words that open an item without meaning: 主要是, 主要表现在, 具体是. */
const OPENER = /^(?:主要(?:是|有|表现(?:为|在))|具体(?:是|表现为)|表现(?:为|在))[：:，,]?\s*/;
/** A sentence that introduces items rather than being one. */
const LEAD_IN = /[：:]\s*$|存在(?:以下|如下|一些|的主要)?(?:问题|不足|差距)|以下(?:几个?方面|问题|工作|措施)|如下[：:]?$|重点(?:做好|抓好)/;

/** Strips numbering, openers, and trailing punctuation and 等. */
function tidy(item: string): string {
  return item
    .replace(/^\s*(?:[一二三四五六七八九十]{1,2}是|[（(]\d{1,2}[)）]|\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十]{1,2}[)）]|[①-⑳])\s*/, '')
    .replace(OPENER, '')
    .replace(/[\s。；;，,、：:！!]+$/, '')
    .replace(/等$/, '')
    .trim();
}

const keep = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').length >= 4;

export function splitItems(passage: string): string[] {
  let text = passage.replace(/\s+/g, (w) => (/\n/.test(w) ? '\n' : w)).trim();
  if (!text || HEADING_ONLY.test(text)) return [];
  const heading = LEADING_HEADING.exec(text);
  if (heading && HEADING_WORD.test(heading[1]!)) text = text.slice(heading[0].length);
  if (!text || /[：:]\s*$/.test(text)) return []; // a lead-in paragraph: its items follow in the next passages

  // Enumerated items: the style with the longest numbered run wins.
  let best: Marker[] = [];
  for (const style of STYLES) {
    const run = chain(text, style);
    if (run.length > best.length) best = run;
  }
  if (best.length >= 2 || (best.length === 1 && (best[0]!.n === 1 || text.slice(0, best[0]!.at).trim() === ''))) {
    const items = best.map((m, i) => text.slice(m.end, i + 1 < best.length ? best[i + 1]!.at : text.length));
    return items.map(tidy).filter(keep);
  }

  // After a lead-in ending in a colon: items separated by ；, else the sentences.
  const colon = Math.max(text.lastIndexOf('：'), text.lastIndexOf(':'));
  const body = colon >= 0 && colon < text.length * 0.8 ? text.slice(colon + 1) : text;
  const parts = (/[；;]/.test(body) ? body.split(/[；;]/) : body.split(/(?<=[。！!？?])/)).filter((p) => keep(p));
  // Several sentences: the ones that only introduce the others are no statements.
  const items = parts.length > 1 ? parts.filter((p) => !LEAD_IN.test(p)) : parts;
  return items.map(tidy).filter(keep);
}
