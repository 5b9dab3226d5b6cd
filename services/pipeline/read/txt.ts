// Plain text: decoding is the whole job; the text is kept exactly as written otherwise,
// since passage offsets point into it.
import { decodeText, type Decoded } from './decode.js';
import { Unreadable } from './errors.js';

export function readTxt(bytes: Buffer): Decoded {
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') throw new Unreadable('empty file');
  return decoded;
}
