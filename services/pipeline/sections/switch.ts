// Where problems turn into improvements inside a paragraph. Reports often put both in one part
// ("五、存在的主要问题及改进情况") or even one paragraph: the problems come first, then a lead-in
// ("2021年，我乡将…", "下一步，…", "针对上述问题，…") or a list of actions ("一是加强…") starts the
// plan. Some pair them item by item ("一是…不够及时。下一步将…。二是…"), so inside a part that
// began as problems a later item worded as a shortcoming turns back to problems.
import { ACTION_ITEM, ACTION_PARAGRAPH, IMPROVEMENT_LEAD_IN, ITEM_START, PROBLEM_WORDS, REMEDY } from './vocabulary.js';

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
      const plan = startsPlan(line, at, stop, at === from);
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

/** `opens`: the sentence opens its paragraph, where an action with no marker starts a plan too. */
function startsPlan(line: string, at: number, stop: number, opens: boolean): boolean {
  IMPROVEMENT_LEAD_IN.lastIndex = at;
  if (IMPROVEMENT_LEAD_IN.test(line)) return true;
  ACTION_ITEM.lastIndex = at;
  ACTION_PARAGRAPH.lastIndex = at;
  const sentence = line.slice(at, stop);
  if (ACTION_ITEM.test(line)) return !namesShortcoming(sentence);
  // Unmarked, it must not describe a state either ("落实公开工作的人员均为兼职，精力有限。").
  return opens && ACTION_PARAGRAPH.test(line) && !namesShortcoming(sentence) && !DESCRIBES_STATE.test(sentence.replace(REMEDY, ''));
}

const DESCRIBES_STATE = /问题|存在|有限|兼职|难以|均为|仍然|仍是|尚需|较多|偏多|偏少/;

function startsShortcoming(line: string, at: number, stop: number): boolean {
  ITEM_START.lastIndex = at;
  return ITEM_START.test(line) && namesShortcoming(line.slice(at, stop));
}

const namesShortcoming = (sentence: string) => PROBLEM_WORDS.test(sentence.replace(REMEDY, ''));
