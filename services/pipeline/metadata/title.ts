// The title line and the issuer it names. A title reads <issuer><year>年<政府信息公开工作年度报告>
// in some order (2019年永宁县胜利乡…, …工作2019年度报告); the issuer is what is left once the
// year and the report words are cut away.
import { ADMIN_SUFFIX, matchChain, placeMentions, type Place } from './gazetteer.js';
import type { IssuerReading } from './region.js';
import { isFurniture } from './furniture.js';
import { titleYear } from './year.js';

const YEAR_WORD = /(?:(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})\s*年度?/g;
const REPORT_LINE = /年度报告|年报|工作报告|(?:信息公开|政务公开).{0,12}报告/;
const REPORT_WORDS = /关于|政府信息公开|政务公开|信息公开|政府信息|年度报告|工作报告|年报/;
// A line that is a sentence (the preamble quoting the title) or a web page's breadcrumb, not a title.
const SENTENCE = /[。；;，,：:！？>＞|]|^(?:根据|现将|本报告|按照)/;
const TITLE_SEARCH_LINES = 40;
// A title is at most 80 characters; more of a long line only costs time.
const LINE_CHARS = 200;
// The rank of a title naming a year and a place, not a notice: no line can do better.
const FULL_TITLE = 6;
// A line's opening words up to 年度报告, with no punctuation before: a title run into a paragraph.
const TITLE_HEAD = /^[^。，,；;：:！？《》“”"]{4,80}?(?:年度报告|工作报告|年报)(?:[（(][^）)]{1,12}[）)])?/;
const HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．])/;
const NOTICE = /关于(?:印发|公布|发布|转发)(.+?)的通知$/;

/**
 * The report's title: of the short lines among the first that name a report, the one
 * that best reads as a title (names a year and a place, is not a notice publishing the
 * report, nor a site's 政府信息公开年报 column header); site furniture (breadcrumbs, the
 * 索引号 table) is read past, and a table's 标题: cell read as a line. When no line names
 * its issuer, the body's own naming of the report (现公布…年度报告, 《…年度报告》) may.
 * Else the first short line that is not furniture.
 */
export function findTitle(text: string, fileName?: string): string | null {
  const rank = (t: string) => (NOTICE.test(t) ? 0 : 2) + (titleYear(t) !== null ? 1 : 0) + (issuerText(t) ? 1 : 0) + (namesPlace(issuerText(t)) ? 2 : 0);
  const lines: string[] = [];
  let best: { title: string; rank: number } | undefined;
  const consider = (title: string) => {
    const r = rank(title);
    if (!best || r > best.rank) best = { title, rank: r };
  };
  // Lines in order; the first full title (a year and a place, not a notice) is the best there can be.
  for (let at = 0; at <= text.length && lines.length < TITLE_SEARCH_LINES && best?.rank !== FULL_TITLE;) {
    const end = text.indexOf('\n', at);
    const raw = text.slice(at, end < 0 ? text.length : Math.min(end, at + LINE_CHARS));
    const line = titleCell(raw);
    if (line && !raw.includes('\t')) {
      // A line cut short ends as a sentence would: it is a title only by its opening words.
      lines.push(end < 0 || end - at <= LINE_CHARS ? line : `${line}。`);
      let title = titleIn(lines.at(-1)!);
      // 某某镇2021年政府信息公开工作年度 / 报告: a piece that names a report only with the line above.
      const prev = lines.at(-2);
      if (!title && prev && prev.length <= 60 && !SENTENCE.test(prev) && !titleIn(prev)) {
        const joined = prev + lines.at(-1)!;
        title = titleIn(joined);
        if (title) lines.splice(-2, 2, joined);
      }
      if (title) consider(joinedUp(lines, lines.length - 1, title));
    }
    if (end < 0) break;
    at = end + 1;
  }
  // The body is read only when no line is a full title: it costs more.
  if (best?.rank !== FULL_TITLE) {
    const inBody = titleInBody(text);
    if (inBody) consider(inBody);
  }
  if (best) return unwrap(best.title);
  // No report title: the first short line of words, unless a section heading (一、总体情况).
  const words = (l: string) => l.length <= 60 && /\p{Script=Han}{2}/u.test(l) && !SENTENCE.test(l) && !HEADING.test(l) && !isFurniture(l);
  const named = fileName ? baseName(fileName) : '';
  return lines.find(words) ?? (/\p{Script=Han}{2}/u.test(named) ? named : null);
}

// A page's date cell run into the title's line (发布时间：2023-01-15 10:30  某镇2022年…报告): cut before the title is read.
const DATE_CELL = /^\s*(?:发布(?:时间|日期)|发文日期|成文日期|日期|时间)[:：]\s*[\d\-/.年月日:：\s]{6,24}\s+(?=\S)/;
// A 标题/名称 cell of the page's metadata table, and bullets and table bars around a line.
const TITLE_LABEL = /^(?:标题|名称|称|文件名称|关键字|信息名称)[:：]/;
const EDGES = /^[•·|｜\s]+|[|｜\s]+$/g;

/** A line as a title candidate: whitespace gone, a table's 标题: label and bars cut; '' for furniture. */
function titleCell(raw: string): string {
  const rest = raw.replace(DATE_CELL, '');
  const line = rest.replace(/\s+/g, '').replace(EDGES, '');
  const cell = line.replace(TITLE_LABEL, '').replace(EDGES, '');
  if (cell !== line) return cell;
  return isFurniture(rest) ? '' : line;
}

// The body naming its report: 现公布某县2023年政府信息公开工作年度报告, 特编制…, 《…年度报告》.
const TITLE_IN_SENTENCE = /(?:现将|现公布|现予公布|现予以公布|特编制|特向社会公布|向社会公布|编制|发布)(?:了)?《?([^，,。；;：:《》()（）“”"]{0,60}?(?:(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})\s*年度?[^，,。；;《》()（）]{0,24}?(?:年度报告|工作报告|年报))/;
const TITLE_CITED = /《([^》\n]{2,40}?(?:(?:19|20)\d{2})\s*年度?[^》\n]{0,24}?(?:年度报告|工作报告))》/;

/** The end of an address's label, with the address's opening after it: 地址：吉林省… */
const IN_ADDRESS = /(?:地址|住址)[:：]?[^\n。；;，,]*$/;

const PLACE_HEAD = /^[\u4e00-\u9fff]{1,8}?(?:乡|镇|街道|县|区|市|旗|省|自治区)/;

function titleInBody(text: string): string | null {
  // A line break inside a sentence (a PDF's wrapped line) is no break: 《某县2022年政府信息公开工作年 / 度报告》.
  const opening = text.slice(0, 2000).replace(/[ \t\u3000]+/g, '').replace(/(?<=[^\n])\n(?=[^\n])/g, '');
  for (const pattern of [TITLE_IN_SENTENCE, TITLE_CITED]) {
    const title = opening.match(pattern)?.[1];
    // Naming a place, or what reads as one the gazetteer lacks as written (a misspelling the region reading may mend).
    if (title && (namesPlace(issuerText(title)) || PLACE_HEAD.test(issuerText(title)))) return title;
  }
  return null;
}

const namesPlace = (words: string) => words !== '' && matchChain(words.replace(/^(?:关于|特|现)/, '')).links.length > 0;

// A page title's site name after the report's: …年度报告_某县人民政府门户网站, …年度报告-某市人民政府.
const SITE_SUFFIX = /(?<=报告|年报|[)）])[_\-—–]+[^_\-—–]*$/;
// …and before it: 某县人民政府门户网站-某县教育局2019年…年度报告.
const SITE_PREFIX = /^[^_\-—–]{2,30}?(?:网站|门户|政府网)[_\-—–]+(?=.*(?:报告|年报))/;

/** The title a line is, or starts with when line joining ran it into the first paragraph. */
function titleIn(line: string): string | null {
  if (REPORT_LINE.test(line) && line.length <= 80 && !SENTENCE.test(line)) return line.replace(SITE_SUFFIX, '').replace(SITE_PREFIX, '');
  const head = line.match(TITLE_HEAD)?.[0];
  return head && !SENTENCE.test(head) ? head : null;
}

/**
 * A title broken over lines (永宁县胜利乡人民政府 / 2019年政府信息公开工作年度报告, or
 * 某县某乡2022年政府信息 / 公开工作年度报告): a line that names no issuer, or neither a year
 * nor a place, continues the short line above it.
 */
function joinedUp(lines: string[], at: number, title: string): string {
  const incomplete = (t: string) => !issuerText(t) || (titleYear(t) === null && !namesPlace(issuerText(t)));
  while (at > 0 && incomplete(title) && lines[at - 1]!.length <= 40 && !SENTENCE.test(lines[at - 1]!) && !/^\d+$/.test(lines[at - 1]!)) {
    title = lines[--at]! + title;
  }
  return title;
}

const unwrap = (title: string) => title.replace(/^(?:标题[:：])?[《“"]+|[》”"]+$/g, '');

export const baseName = (fileName: string) => unwrap(fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/\s+/g, ''));

/** The issuer as the title writes it: 永宁县胜利乡人民政府, 交岔乡, XX县教育局, or ''. */
export function issuerText(title: string): string {
  const report = title.match(NOTICE)?.[1] ?? title;
  const chunks = report.replace(/^关于/, '').replace(YEAR_WORD, '|').split('|');
  for (const chunk of chunks) {
    const words = chunk.split(REPORT_WORDS)[0]!.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '').replace(/人民$/, '人民政府');
    if (words) return words;
  }
  return '';
}

// 本报告由交岔乡人民政府办公室汇总…: the body that compiled the report, before its office.
// The legal basis may stand before 由 (本年报是根据《条例》要求，由…编制) or after the body
// (本报告由某局根据《条例》(…)规定编制而成).
const PREPARED_BY = /本(?:年度)?(?:报告|年报)(?:是)?(?:(?:根据|按照|依据)[^。]{0,80}?[,，]\s*)?由([^，,。；;、\n]{2,30}?)(?:党政综合办公室|党政办公室|党政办|综合办公室|政务公开办公室|办公室|办公厅)?(?:负责)?(?:(?:根据|按照|依据)[^。]{0,120}?)?(?:汇总|编制|整理|编写|起草)/;

const OPENING_CHARS = 1500;

// A department speaking of itself (我局, 本委), and a department's name after its place.
const SELF_AS_DEPARTMENT = /(?:我|本)(?:局|委|厅|办|中心)(?![\u4e00-\u9fff]{0,1}(?:政府|人民))/;
const DEPARTMENT_AFTER_PLACE = /^[\u4e00-\u9fff]{1,12}?(?:局|委员会|厅|中心)/;

/**
 * The department a report comes from when its title names no issuer and its body speaks as
 * a department (我局): the place-prefixed department name the opening repeats most, twice at least.
 */
export function departmentInBody(body: string): string | null {
  const text = body.slice(0, 5000);
  if (!SELF_AS_DEPARTMENT.test(text)) return null;
  const counts = new Map<string, number>();
  for (const m of placeMentions(text)) {
    if (!m.places.some((p) => p.level === 'county' || p.level === 'city')) continue;
    const dept = text.slice(m.end, m.end + 14).match(DEPARTMENT_AFTER_PLACE)?.[0];
    if (!dept || /^(?:人民政府|政府|委员会)/.test(dept)) continue;
    const name = text.slice(m.start, m.end) + dept;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (n >= 2 && (!best || n > counts.get(best)!)) best = name;
  return best;
}

/**
 * An issuer found in the body when the title names none. In order: the body that says
 * it compiled the report (本报告由…编制); the county and township the opening names most
 * (a township names itself throughout, a county names townships rarely); the places most
 * often written before `organ` (经交岔乡人民政府同意 → 交岔乡人民政府); the county or city
 * the opening names most.
 */
export function issuerInBody(body: string, organ: string): string | null {
  // The opening paragraphs, and the end, where a signature names the issuer.
  const text = body.length > 6000 ? `${body.slice(0, 5000)}\n${body.slice(-1000)}` : body;
  // …司法局综合股: the department, not its section.
  const prepared = text.match(PREPARED_BY)?.[1]?.replace(/(局|委员会|厅|中心)[\u4e00-\u9fff]{1,6}?(?:股|科|室|组|处)$/, '$1');
  if (prepared && organ === '人民政府' && matchChain(prepared).links.length) return prepared;
  const counts = new Map<string, number>();
  const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  if (organ === '人民政府') {
    for (const m of placeMentions(text)) {
      if (!m.places.some((p) => p.level === 'county')) continue;
      // An address (地址：某县某镇某路1号) names where an office sits, not who reports.
      if (IN_ADDRESS.test(text.slice(Math.max(0, m.start - 16), m.start))) continue;
      const { links } = matchChain(text.slice(m.start, m.end + 12));
      const last = links.at(-1);
      if (links.length >= 2 && last!.places[0]!.level === 'township') count(links.map((l) => l.text).join(''));
    }
  }
  if (!counts.size) {
    for (let at = text.indexOf(organ); at >= 0 && organ; at = text.indexOf(organ, at + organ.length)) {
      const before = text.slice(Math.max(0, at - 16), at);
      for (let from = 0; from < before.length - 1; from++) {
        const { links, rest } = matchChain(before.slice(from));
        // 街道 alone is a row of the gazetteer (皮山县), never how a body names its own place.
        if (links.length && !rest && !/^(?:街道|社区|城区)$/.test(before.slice(from))) {
          count(before.slice(from) + organ);
          break;
        }
      }
    }
  }
  if (!counts.size && organ === '人民政府') {
    // Last, a county or city government names itself throughout: 南岗区始终坚持….
    for (const level of ['county', 'city'] as const) {
      for (const m of placeMentions(text.slice(0, OPENING_CHARS))) if (m.places.some((p) => p.level === level)) count(text.slice(m.start, m.end));
      for (const [name, n] of counts) if (n < 2) counts.delete(name);
      if (counts.size) break;
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (!best || n > counts.get(best)!) best = name;
  return best;
}

/**
 * The issuer's name as the index records it: from its county (or city) on, as a body
 * names itself (韶关市始兴县罗坝镇 → 始兴县罗坝镇人民政府), suffix-less places written out
 * (彭阳 → 彭阳县), and a bare place given its government (交岔乡 → 交岔乡人民政府, a 街道
 * its 办事处, a 地区 or 盟 its 行政公署).
 */
export function issuerName(words: string, reading: IssuerReading, place: Place | null): string | null {
  if (!words) return null;
  if (!reading.links.length && !reading.unknown) return words;
  const meant = reading.links.map((link) => {
    const fits = link.places.filter((p) => !place || place.code.startsWith(p.code));
    return fits.length === 1 ? fits[0]! : null;
  });
  const levels = reading.links.map((link, i) => meant[i]?.level ?? link.places[0]?.level);
  const start = Math.max(levels.indexOf('county'), levels.indexOf('city') >= 0 && !levels.includes('county') ? levels.indexOf('city') : 0, 0);
  let name = '';
  let from = 0;
  reading.links.forEach((link, i) => {
    const at = words.indexOf(link.text, from);
    const bare = link.viaAlias && !ADMIN_SUFFIX.test(link.text) && meant[i];
    if (i === 0) name += words.slice(0, at); // an organ named first: 国家税务总局
    else if (i > start) name += words.slice(from, at);
    if (i >= start) name += bare ? meant[i]!.name : link.text;
    from = at + link.text.length;
  });
  name += words.slice(from);
  if (reading.organ === '政府') return name.replace(/政府$/, '人民政府');
  if (reading.organ) return name;
  return name + (/街道$/.test(name) ? '办事处' : /(?:地区|盟)$/.test(name) ? '行政公署' : '人民政府');
}
