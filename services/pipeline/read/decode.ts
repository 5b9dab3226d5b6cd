// Bytes → string for plain text and HTML. The encoding is always detected, never assumed:
// reports come as UTF-8, UTF-16 (often from Windows Notepad) and GBK/GB2312/GB18030.
//
// Order, from most to least certain evidence:
//   1. a byte-order mark;
//   2. NUL bytes: UTF-8 and GB text never contain them, so they mean UTF-16 (or binary);
//   3. many control bytes: binary, not text;
//   4. valid UTF-8 (strict): multi-byte GB text is almost never valid UTF-8 by accident;
//   5. a CJK multi-byte charset declared by the caller (an HTML <meta charset>);
//   6. GB18030 (superset of GBK and GB2312) if it yields plausible Chinese text;
//   7. any other declared charset;
//   8. jschardet, as a last resort.
import iconv from 'iconv-lite';
import { detect } from 'jschardet';
import { Unreadable } from './errors.js';

export interface Decoded {
  text: string;
  /** Lower-case name of the detected encoding, e.g. 'utf-8', 'utf-16le', 'gb18030'. */
  encoding: string;
}

export function decodeText(bytes: Uint8Array, hint?: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  const bom = byBom(buf);
  if (bom) return finish(bom.encoding, decodeWith(bom.encoding, buf.subarray(bom.length)));

  if (buf.includes(0)) {
    const utf16 = guessUtf16(buf);
    if (utf16) return finish(utf16.encoding, utf16.text);
    throw new Unreadable('binary file, not text');
  }
  if (controlByteShare(buf) > 0.01) throw new Unreadable('binary file, not text');

  try {
    return finish('utf-8', new TextDecoder('utf-8', { fatal: true }).decode(buf));
  } catch {
    // Not UTF-8: fall through to the legacy encodings.
  }

  const declared = canonical(hint);
  if (declared && CJK_MULTIBYTE.has(declared)) {
    const text = decodeWith(declared, buf);
    if (plausible(text, 0.9)) return finish(declared, text);
  }
  const gb = decodeWith('gb18030', buf);
  if (plausible(gb, 0.95)) return finish('gb18030', gb);
  if (declared && !CJK_MULTIBYTE.has(declared)) {
    const text = decodeWith(declared, buf);
    if (plausible(text, 0.9)) return finish(declared, text);
  }

  const guess = detect(buf);
  const guessed = canonical(guess.encoding ?? undefined);
  if (guessed) {
    const text = decodeWith(guessed, buf);
    if (plausible(text, 0.8)) return finish(guessed, text);
  }
  throw new Unreadable('unrecognised text encoding (not UTF-8, UTF-16 or GB18030)');
}

/** Text with no BOM and with `\n` as the only line break. */
function finish(encoding: string, text: string): Decoded {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { text: noBom.replace(/\r\n?/g, '\n'), encoding };
}

function byBom(buf: Buffer): { encoding: string; length: number } | null {
  const [a, b, c, d] = buf;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (a === 0x84 && b === 0x31 && c === 0x95 && d === 0x33) return { encoding: 'gb18030', length: 4 };
  return null;
}

function decodeWith(encoding: string, buf: Buffer): string {
  // iconv-lite would strip a BOM itself; we already did, and want the rest verbatim.
  return iconv.decode(buf, encoding, { stripBOM: false });
}

/**
 * BOM-less UTF-16: ASCII characters (newlines, digits, punctuation) carry a NUL byte,
 * on odd offsets in little-endian and even offsets in big-endian. A CJK character can
 * carry one too (一 is U+4E00), so the parity only ranks the candidates; the decoded
 * text must then read as text.
 */
function guessUtf16(buf: Buffer): Decoded | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const order = odd >= even ? ['utf-16le', 'utf-16be'] : ['utf-16be', 'utf-16le'];
  for (const encoding of order) {
    const text = decodeWith(encoding, buf);
    if (plausible(text, 0.9, true)) return { encoding, text };
  }
  return null;
}

/** Share of bytes that are C0 controls other than the white space found in text files. */
function controlByteShare(buf: Buffer): number {
  if (buf.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < buf.length; i++) {
    const byte = buf[i]!;
    // Allowed: \t \n \v \f \r, ESC (terminal colours in logs), SUB (old DOS end-of-file mark).
    if (byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b && byte !== 0x1a) controls++;
  }
  return controls / buf.length;
}

// Charsets whose misreading as GB18030 would still look like Chinese, so a page's own
// declaration has to win over our GB18030 guess.
const CJK_MULTIBYTE = new Set(['big5', 'big5-hkscs', 'shift_jis', 'euc-jp', 'euc-kr', 'gb18030']);

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'gb_2312-80': 'gb18030',
  'csgb2312': 'gb18030', 'euc-cn': 'gb18030', 'x-euc-cn': 'gb18030',
  big5hkscs: 'big5-hkscs', 'x-sjis': 'shift_jis', sjis: 'shift_jis', 'shift-jis': 'shift_jis',
};

/**
 * A declared or guessed charset in our naming, or undefined when it says nothing useful:
 * UTF-8 was already tried, and a page claiming UTF-16 without a BOM or NULs is mislabelled.
 */
function canonical(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const lower = name.trim().toLowerCase();
  const resolved = Object.hasOwn(ALIASES, lower) ? ALIASES[lower]! : lower;
  if (/^(utf-?8|utf-?16|ucs-?2|ascii|us-ascii)/.test(resolved)) return undefined;
  return iconv.encodingExists(resolved) ? resolved : undefined;
}

/**
 * Does decoded text read like a report? Few replacement or control characters, and
 * nearly all other characters from the scripts a Chinese report uses. A wrong guess
 * tends to produce rare ideographs, private-use or unrelated scripts instead.
 */
function plausible(text: string, minShare: number, strictCjk = false): boolean {
  let counted = 0;
  let good = 0;
  let bad = 0;
  // Index loop rather than for..of: no string per character on files of hundreds of MB.
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++; // a surrogate pair: one character
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    counted++;
    if (c === 0xfffd || c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff)) bad++;
    else if (expected(c, strictCjk)) good++;
  }
  if (counted === 0) return true;
  return bad <= counted * 0.005 && good >= counted * minShare;
}

function expected(c: number, strictCjk: boolean): boolean {
  return (
    (c >= 0x20 && c < 0x7f) || // ASCII
    (c >= 0xa0 && c <= 0x24f) || // Latin-1 and Latin Extended
    (c >= 0x370 && c <= 0x4ff) || // Greek and Cyrillic (both in GB2312)
    (c >= 0x2000 && c <= 0x22ff) || // punctuation, letterlike, Roman numerals, arrows, maths
    (c >= 0x2460 && c <= 0x25ff) || // circled numbers, box drawing, shapes
    (c >= 0x3000 && c <= 0x33ff) || // CJK punctuation, kana, bopomofo, enclosed CJK
    (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
    (!strictCjk && c >= 0x3400 && c <= 0x4dbf) || // Extension A: byte-swapped UTF-16 lands here
    (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (!strictCjk && c >= 0x20000 && c <= 0x3134f) // Extensions B–G (rare names), four bytes in GB18030
  );
}
