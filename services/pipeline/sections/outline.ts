// The outline of a report: one pass over its lines with a stack of open headings, giving each
// line a section type. A paragraph's section is that of the nearest heading that classifies:
//  - top-level headings and the sub-headings of 总体情况/概述 are classified by their words;
//  - deeper headings inherit the type of their parent ("(五)监督保障情况" → "1.加强培训" stays
//    supervision, "(三)政府信息管理情况" → "1.强化组织领导" stays management), except that
//    problems, improvements and statistics are recognised anywhere;
//  - inside problems and improvements, numbered items are content: a paragraph turns to
//    improvements at the sentence that starts the plan (see switch.ts);
//  - table rows are statistics and leave the stack alone, so the narrative resumes after them;
//  - a document pasted into the report (a notice with its own 一、(一)…) is `other` until the
//    report's own numbering resumes, so its headings do not reset the report's types.
import type { SectionType } from '../../core/schema.js';
import { foldText } from './fold-text.js';
import { ITEM_LEVEL, isUnmarkedHeading, meaningOf, parseHeading, type Heading } from './headings.js';
import { turns, type Side } from './switch.js';
import { cellKinds, type Cell } from './tables.js';
import { GLUED_PART, isChrome, LEAD_IN, NOTICE_HEADING, NOTICE_START, OPENS_WITH_YEAR, PLAN_HEADING, PREAMBLE, REPORT_FOLLOWS, TITLE, type Meaning } from './vocabulary.js';

export interface LineLabel {
  /** Clean-text offsets of the line, trimmed. */
  start: number;
  end: number;
  /** Type at the start of the line. */
  type: SectionType;
  /** The heading this line opens a section with (items like 一是 open none). */
  heading: string | null;
  /** The heading is the whole line. */
  alone: boolean;
  /** Clean-text offsets where the line turns between problems and improvements. */
  turns: ReadonlyArray<{ at: number; side: Side }>;
}

interface Frame {
  level: number;
  num: number;
  type: SectionType;
  /** The part began as problems, so its paragraphs may turn both ways (see switch.ts). */
  mixed: boolean;
}

/** Unmarked headings: report-level parts sit at the top, run-in phrases under the current heading. */
const UNMARKED_TOP = 1;
const UNMARKED_CHILD = 6;
const TOP_MEANINGS = new Set<Meaning | null>(['statistics', 'container', 'other']);
const APPENDIX = /^附[件表]\s*\d*\s*[:：]?.{0,60}$/;
const isStatisticsTitle = (f: string) => f.length <= 63 && f.endsWith('统计表');
/** "加强载体建设，拓宽公开渠道。我乡…": a short first sentence reads as a run-in heading. */
const RUN_IN = /^[^。:;!?\d]{2,20}?[。:;]/;
const ENDS_SENTENCE = /[。;!?]$/;
const SENTENCE_SUBJECT = /^(?:我|本[乡镇局办委区县市街]|全[乡镇区县市]|该|各|[乡镇区县市]政府|[乡镇区县市]委|[乡镇]党委|街道|[\u4e00-\u9fff]{1,8}(?:人民政府|党委|办事处|办公室))|高度重视|稳步推进|有序开展|顺利开展|取得(?:了)?(?:明显|一定|较好|显著)?成效/;
const NO_TURNS: LineLabel['turns'] = [];
/** "来源: 发布时间: …", "政府信息:指…": a label and what follows it, before any heading. */
const LABELLED_LINE = /^[^。,，:：]{1,14}[:：]/;

/**
 * A line before the first heading is preamble unless it is a paragraph about the year's work:
 * a sentence (with a full stop) that is not the lead-in (legal basis, parts, contacts), not
 * a "label: value" line (furniture the page left, a glossary entry) and not a title.
 */
function isPreamble(f: string): boolean {
  if (PREAMBLE.test(f) || LABELLED_LINE.test(f)) return true;
  if (REPORT_FOLLOWS.test(f) && !OPENS_WITH_YEAR.test(f)) return true;
  return !f.includes('。');
}

const synthetic = (level: number, text: string, alone = true): Heading =>
  ({ level, num: 0, phrase: text, words: text, alone, titled: true });

function resolve(meaning: Meaning | null, words: string, parent: Frame | undefined): SectionType {
  if (meaning === 'statistics') return 'statistics';
  const pt = parent?.type;
  if (pt === 'problems' || pt === 'improvements') {
    if (meaning === 'problems' || meaning === 'container') return 'problems';
    if (meaning === 'improvements' || PLAN_HEADING.test(words)) return 'improvements';
    return pt;
  }
  if (meaning === 'container') return 'problems';
  if (meaning === 'problems' || meaning === 'improvements') return meaning;
  if (!parent || pt === 'overview' || pt === 'preamble') return meaning ?? pt ?? 'other';
  return pt!;
}

/** The lines of a text with their offsets, folded forms and table kinds. */
class Lines {
  readonly folded: string;
  readonly starts: number[] = [];
  readonly raw: string[] = [];
  readonly kinds: Cell[];
  /** Index of the next non-blank line (raw.length when none). */
  readonly next: Int32Array;

  constructor(text: string) {
    this.folded = foldText(text);
    for (let s = 0; s <= text.length;) {
      const nl = text.indexOf('\n', s);
      const e = nl < 0 ? text.length : nl;
      this.starts.push(s);
      this.raw.push(text.slice(s, e));
      s = e + 1;
    }
    this.kinds = cellKinds(this.raw);
    this.next = new Int32Array(this.raw.length);
    for (let i = this.raw.length - 1, n = this.raw.length; i >= 0; i--) {
      this.next[i] = n;
      if (this.raw[i]!.trim()) n = i;
    }
  }

  /** Folded and trimmed line i. */
  fold(i: number): string {
    return this.folded.slice(this.starts[i]!, this.starts[i]! + this.raw[i]!.length).trim();
  }

  /**
   * The heading level line i would open, for looking ahead: a marked heading its level, a table
   * or a report-level title 0 (they end what came before), a body line or the end null/0.
   */
  levelAt(i: number): number | null {
    if (i >= this.raw.length || this.kinds[i] !== 'no') return 0;
    const f = this.fold(i);
    const h = parseHeading(f);
    if (h) return h.level < ITEM_LEVEL ? h.level : null;
    if (APPENDIX.test(f) || isStatisticsTitle(f)) return 0;
    return isUnmarkedHeading(f) && TOP_MEANINGS.has(meaningOf(f)) ? UNMARKED_TOP : null;
  }
}

export function outline(text: string): LineLabel[] {
  const lines = new Lines(text);
  const out: LineLabel[] = [];
  let stack: Frame[] = [];
  let topNum = 0; // number of the report's last top-level heading
  let notice: Frame[] | null = null; // the report's stack, saved while inside a pasted document

  for (let i = 0; i < lines.raw.length; i++) {
    const line = lines.raw[i]!;
    const lead = line.length - line.trimStart().length;
    const trail = line.trimEnd().length;
    if (lead >= trail) continue;
    const start = lines.starts[i]! + lead;
    const end = lines.starts[i]! + trail;
    const f = lines.folded.slice(start, end);

    // Tables. A top-level heading between two tables ("三、收到和处理政府信息公开申请情况") is
    // still a heading when it continues the report's numbering; other labels are cells.
    const kind = lines.kinds[i]!;
    if (kind === 'cell' || kind === 'label') {
      const h = kind === 'label' ? parseHeading(f) : null;
      const m = h && h.level === 1 && h.num === topNum + 1 ? meaningOf(h.words) : null;
      if (!m || m === 'statistics') { emit(out, text, start, end, 'statistics', null); continue; }
    }

    // Page chrome, contact lines and the sign-off are preamble wherever they stand and leave
    // the stack alone.
    if (isChrome(f) && !parseHeading(f)) { emit(out, text, start, end, 'preamble', null); continue; }

    if (stack.length === 0 && !notice && f.length <= 60 && TITLE.test(f) && !f.includes('。') && !parseHeading(f)) {
      emit(out, text, start, end, 'preamble', synthetic(0, f));
      continue;
    }

    // The part the line is in, looking past run-in headings and items.
    let scope = stack.length - 1;
    while (scope >= 0 && stack[scope]!.level >= UNMARKED_CHILD) scope--;
    const found = recognise(f, stack[scope]?.type ?? null, () => lines.levelAt(lines.next[i]!));
    let h = found?.h ?? null;
    let meaning = found?.meaning ?? null;
    // Items (一是, 第一) are content of their part, not sub-headings: only problems, plans and
    // tables are recognised in them, so "二是组织学习…" under 概述 stays overview.
    if (found?.h.level === ITEM_LEVEL && stack.length > 0 && meaning !== 'problems' && meaning !== 'improvements' && meaning !== 'container' && meaning !== 'statistics') meaning = null;
    // The first part of a report is its overview, also when the page cut its heading ("一、概").
    if (found?.h.level === 1 && found.h.num === 1 && topNum === 0 && meaning === null) meaning = 'overview';
    if (h?.level === ITEM_LEVEL && stack.length === 0) h = null; // an item before any heading is a paragraph
    const level = h?.level ?? 0;

    if (notice) {
      // Inside a pasted document until a heading continues the report's own numbering and
      // speaks of the report's matters (not of the notice's working group).
      const resumes = h && level < ITEM_LEVEL && meaning && meaning !== 'other' && !NOTICE_HEADING.test(h.words) &&
        (meaning === 'statistics' || (level === 1 ? h.num > topNum : h.num > 0 && h.num === expected(notice, level)));
      if (!resumes) { emit(out, text, start, end, 'other', h && level < ITEM_LEVEL ? h : null); continue; }
      stack = notice;
      notice = null;
    } else if (NOTICE_START.test(f)) {
      notice = stack;
      emit(out, text, start, end, 'other', null);
      continue;
    }

    let from = 0; // where the content of the line starts, for the problems/improvements turns
    if (h) {
      if (level === 1 && h.num > 0) topNum = h.num;
      while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop();
      const parent = stack.at(-1);
      const type = resolve(meaning, h.words, parent);
      const inherited = type === parent?.type && meaning === null && !PLAN_HEADING.test(h.words);
      stack.push({ level, num: h.num, type, mixed: type === 'problems' || (inherited && !!parent?.mixed) });
      // Items ("一是加强…", "1.加强…") are content: the plan may start with them. Only a heading
      // that names problems or plans is not read for turns.
      const names = meaning === 'problems' || meaning === 'container' || meaning === 'improvements';
      from = h.alone ? f.length : names ? h.phrase.length : 0;
      if (level === ITEM_LEVEL) h = null;
    }

    const top = stack.at(-1);
    if (!top) {
      // Before the first heading: the title block, legal basis and contact lines are preamble;
      // a paragraph about the year's work ("2019年以来，胜利乡认真贯彻…") is overview.
      emit(out, text, start, end, isPreamble(f) ? 'preamble' : 'overview', h);
      continue;
    }
    // The lead-in under the overview heading is still the lead-in.
    if (top.type === 'overview' && !h && (LEAD_IN.test(f) || (REPORT_FOLLOWS.test(f) && !OPENS_WITH_YEAR.test(f)))) {
      emit(out, text, start, end, 'preamble', null);
      continue;
    }
    const type = top.type;
    const ts = type === 'problems' || type === 'improvements' ? turns(f, from, type, top.mixed) : NO_TURNS;
    if (ts.length > 0) turnTo(stack, ts.at(-1)!.side);
    // A turn at the very start of the line is the line's own type.
    const atStart = ts[0]?.at === 0;
    emit(out, text, start, end, atStart ? ts[0]!.side : type, h, ts.slice(atStart ? 1 : 0).map((t) => ({ at: start + t.at, side: t.side })));
  }
  return out;
}

/**
 * The heading a line opens, if any, and what it means. `scope` is the type of the part the
 * line is in; `below` gives the level of the next line's heading (see Lines.levelAt).
 */
function recognise(f: string, scope: SectionType | null, below: () => number | null): { h: Heading; meaning: Meaning | null } | null {
  let h = parseHeading(f);
  if (h) {
    // Only a phrase that reads as a title says what its part is about. Inside problems and
    // improvements, items and numbered sentences are content: their sentences decide.
    const inParts = scope === 'problems' || scope === 'improvements';
    const content = inParts && (h.level === ITEM_LEVEL || (h.level >= 3 && !(h.alone && !ENDS_SENTENCE.test(f))));
    let meaning = h.titled && !content ? meaningOf(h.words) : null;
    // There a whole numbered sentence ("2.业务水平不高。") is a paragraph, whatever follows it.
    if (content && h.alone && ENDS_SENTENCE.test(f)) h = { ...h, alone: false };
    if (meaning === 'statistics' && !h.alone) meaning = null; // a table is named, not written about
    // A whole sentence with nothing under it (the next line is a sibling or the end) is an
    // item of content, not a heading: "1、开通微信公众号。" before "2、…" or "二、…".
    if (h.alone && h.level < ITEM_LEVEL && ENDS_SENTENCE.test(f)) {
      const next = below();
      if (next !== null && next <= h.level) h = { ...h, alone: false };
    }
    return { h, meaning };
  }
  if (APPENDIX.test(f)) {
    // An appendix ends the report proper: its statistics table, or another document.
    return { h: synthetic(UNMARKED_TOP, f), meaning: /统计|表/.test(f.slice(2)) ? 'statistics' : 'other' };
  }
  if (isStatisticsTitle(f)) return { h: synthetic(UNMARKED_TOP, f), meaning: 'statistics' };
  if (isUnmarkedHeading(f)) {
    // "存在的主要问题", "改进措施", "其他需要报告的事项" anywhere; other short phrases only
    // where sub-parts are classified (under 总体情况), and never a line with a number in it.
    const meaning = meaningOf(f);
    const top = TOP_MEANINGS.has(meaning);
    if (meaning && (top || meaning === 'problems' || meaning === 'improvements' || (scope === 'overview' && !/\d/.test(f)))) {
      return { h: synthetic(top ? UNMARKED_TOP : UNMARKED_CHILD, f), meaning };
    }
    return null;
  }
  // The lead-in under the overview heading is no run-in heading ("报告电子版可在…网站下载。").
  if (scope === 'overview' && !(LEAD_IN.test(f) || REPORT_FOLLOWS.test(f))) {
    const glued = GLUED_PART.exec(f);
    if (glued) return { h: synthetic(UNMARKED_CHILD, glued[0], false), meaning: meaningOf(glued[0]) };
    const run = RUN_IN.exec(f);
    // A first sentence with a subject or a predicate of its own is a sentence, not a run-in
    // title: "我镇认真做好主动公开工作。" and "镇政府高度重视平台建设。" stay overview.
    const meaning = run && !SENTENCE_SUBJECT.test(run[0]) ? meaningOf(run[0]) : null;
    if (meaning && !TOP_MEANINGS.has(meaning)) return { h: synthetic(UNMARKED_CHILD, run![0], false), meaning };
  }
  return null;
}

function emit(out: LineLabel[], text: string, start: number, end: number, type: SectionType, h: Heading | null, found = NO_TURNS): void {
  // A heading that is the whole line but not alone is a paragraph: it names no section.
  const heading = h && (h.alone || start + h.phrase.length < end) ? text.slice(start, start + h.phrase.length) : null;
  out.push({ start, end, type, heading, alone: h?.alone ?? false, turns: found });
}

/**
 * The number the report expects next at `level`: one more than its last heading there, 1 for
 * a level below its deepest open heading, 0 (nothing) for a level it skipped.
 */
function expected(frames: readonly Frame[], level: number): number {
  for (let k = frames.length - 1; k >= 0; k--) if (frames[k]!.level === level) return frames[k]!.num + 1;
  const deepest = frames.at(-1)?.level ?? 0;
  return level > deepest ? 1 : 0;
}

/**
 * The open part continues as `side`: the innermost heading and, when that is an item (一是…),
 * the headings it belongs to, up to the first real one.
 */
function turnTo(stack: Frame[], side: Side): void {
  for (let k = stack.length - 1; k >= 0; k--) {
    const frame = stack[k]!;
    if (frame.type === 'problems' || frame.type === 'improvements') frame.type = side;
    if (frame.level < ITEM_LEVEL) break;
  }
}
