// Normalisation: the original text as read becomes clean text with the meaning untouched,
// and every clean character keeps a pointer to its original offset.
// Each normalizer has one concern; their order matters (markers before spaces before joins,
// page furniture before joins so that a page break inside a paragraph can be joined).
import { dropBoldMarkers, dropBookmarks, dropListBullets } from './markers.js';
import { mapped, rewrite, type MappedText } from './mapped-text.js';
import { dropPageNumbers, dropRunningHeaders } from './page-furniture.js';
import { dropSpacesInChinese } from './spaces.js';
import { joinBrokenLines } from './line-breaks.js';
import { dropInvisible, halfWidthAlnum } from './width.js';

export type Normalizer = (m: MappedText) => MappedText;

const unifyLineEnds: Normalizer = (m) => rewrite(m, /\r\n?|[\u2028\u2029\f\v]/g, () => '\n');

export const NORMALIZERS: readonly Normalizer[] = [
  unifyLineEnds,
  dropInvisible,
  halfWidthAlnum,
  dropBookmarks,
  dropBoldMarkers,
  dropPageNumbers, // before bullets: "- 3 -" is a page number, not a bullet
  dropRunningHeaders,
  dropListBullets,
  dropSpacesInChinese,
  joinBrokenLines,
];

export function normalize(original: string): MappedText {
  return NORMALIZERS.reduce((m, step) => step(m), mapped(original));
}

export { originalRange, rewrite, type MappedText } from './mapped-text.js';
