// HTML character references. Only the named ones that occur in real report pages are
// listed; an unknown name is left as written rather than guessed at.
import iconv from 'iconv-lite';

const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  AMP: '&', LT: '<', GT: '>', QUOT: '"', COPY: '©', REG: '®',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', deg: '°', plusmn: '±',
  times: '×', divide: '÷', middot: '·', bull: '•', hellip: '…', prime: '′', permil: '‰',
  mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  yen: '¥', cent: '¢', pound: '£', euro: '€', curren: '¤',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', minus: '−', infin: '∞', radic: '√', sum: '∑',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', mu: 'μ', pi: 'π', sigma: 'σ', omega: 'ω',
  sup1: '¹', sup2: '²', sup3: '³', frac12: '½', frac14: '¼', frac34: '¾',
  iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º', macr: '¯', acute: '´', uml: '¨', cedil: '¸',
};

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name]! : whole;
    return fromCodePoint(hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10));
  });
}

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  // Browsers read &#128;–&#159; as Windows-1252 (pages written on Windows do use them).
  if (code >= 0x80 && code <= 0x9f) return iconv.decode(Buffer.from([code]), 'windows-1252');
  return String.fromCodePoint(code);
}
