// Where problems turn into improvements inside a paragraph. Reports often put both in one part
// ("五、存在的主要问题及改进情况") or even one paragraph: the problems come first, then a lead-in
// ("2021年，我乡将…", "下一步，…", "针对上述问题，…") or a list of actions ("一是加强…") starts the
// plan. Some pair them item by item ("一是…不够及时。下一步将…。二是…"), so inside a part that
// began as problems a later item worded as a shortcoming turns back to problems.
import { ACTION_ITEM, IMPROVEMENT_LEAD_IN, ITEM_START, PROBLEM_WORDS, REMEDY } from './vocabulary.js';

export type Side = 'problems' | 'improvements';
export interface Turn { at: number; side: Side }

const SENTENCE_END = /[。!?;]/g;
const SKIP = /[\s”’"')\]]/;

/**
 * The turns in the folded `line` from offset `from`, starting on `side`. `mayReturn`: the part
 * began as problems (not under an improvements heading), so a shortcoming item turns back.
 */
export function turns(line: string, from: number, side: Side, mayReturn: boolean): Turn[] {
  const out: Turn[] = [];
  SENTENCE_END.lastIndex = from;
  for (let at = from; at < line.length;) {
    while (at < line.length && SKIP.test(line[at]!)) at++;
    const end = SENTENCE_END.exec(line);
    const stop = end ? end.index + 1 : line.length;
    if (at < stop) {
      const plan = startsPlan(line, at, stop);
      if (side === 'problems' && plan) out.push({ at, side: (side = 'improvements') });
      else if (side === 'improvements' && mayReturn && !plan && startsShortcoming(line, at, stop)) {
        out.push({ at, side: (side = 'problems') });
      }
    }
    at = stop;
    SENTENCE_END.lastIndex = stop;
  }
  return out;
}

function startsPlan(line: string, at: number, stop: number): boolean {
  IMPROVEMENT_LEAD_IN.lastIndex = at;
  if (IMPROVEMENT_LEAD_IN.test(line)) return true;
  ACTION_ITEM.lastIndex = at;
  return ACTION_ITEM.test(line) && !namesShortcoming(line.slice(at, stop));
}

function startsShortcoming(line: string, at: number, stop: number): boolean {
  ITEM_START.lastIndex = at;
  return ITEM_START.test(line) && namesShortcoming(line.slice(at, stop));
}

const namesShortcoming = (sentence: string) => PROBLEM_WORDS.test(sentence.replace(REMEDY, ''));
