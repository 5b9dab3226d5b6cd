// Editor and converter markers that are not part of the report's wording.
import { rewrite, type MappedText } from './mapped-text.js';

/** `[bookmark: _GoBack]` and similar anchors left by DOCX/PDF converters. */
export const dropBookmarks = (m: MappedText) => rewrite(m, /\[bookmark:[^\]\n]*\]/g, () => '');

/** Markdown-style bold `**…**` from converters: the words stay, the asterisks go. */
export const dropBoldMarkers = (m: MappedText) => rewrite(m, /\*\*/g, () => '');

/**
 * A list bullet at the start of a line, when a heading or sentence follows: `- `, `• `, `● `,
 * `■`, `◆`, `➢` and the Wingdings bullets Word exports as private-use characters, after any
 * indent (ASCII, no-break or ideographic spaces, as pages indent paragraphs). The item is a
 * paragraph of its own: its first character is recorded in `paragraphStarts`, so that the line
 * joiner, which no longer sees the bullet, does not join it onto the line before.
 */
export function dropListBullets(m: MappedText): MappedText {
  const starts = new Set(m.paragraphStarts);
  const out = rewrite(m, /^[ \t\u00a0\u3000]*(?:[-•·●▪*]\s+|[■□◆◇▶►➢➤❖✓√\uf06c\uf0a7\uf0b7\uf0d8\uf0fc]\s*)(?=\S)/gm, (match) => {
    starts.add(m.map[match.index + match[0].length]!);
    return '';
  });
  return out === m ? m : { ...out, paragraphStarts: starts };
}
