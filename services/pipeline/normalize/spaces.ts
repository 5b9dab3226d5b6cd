// PDF extraction puts spaces inside Chinese words (`政 府信息`). A run of spaces next to a
// Chinese character carries no meaning and goes; spaces between Latin words and numbers stay.
import { CJK } from './chars.js';
import { rewrite, type MappedText } from './mapped-text.js';

export const dropSpacesInChinese = (m: MappedText) =>
  rewrite(m, /[ \u00a0\u3000]+/g, (match, text) => {
    const before = text[match.index - 1];
    const after = text[match.index + match[0].length];
    // Start or end of a line: trailing and leading spaces go too.
    if (before === undefined || after === undefined || before === '\n' || after === '\n') return '';
    if (before === '\t' || after === '\t') return '';
    if (CJK.test(before) || CJK.test(after)) return '';
    // Spaces inside brackets of a CJK context: "( 一 )".
    if ((before === '(' || after === ')') ) return '';
    return match[0].length > 1 ? ' ' : undefined;
  });
