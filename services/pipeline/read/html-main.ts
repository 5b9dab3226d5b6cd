// Finding a saved page's main content among its furniture (navigation, banners, breadcrumbs,
// sidebars, footers). Generic and structural, after the text-density family of methods
// (Readability, boilerpipe): every block that bounds whole lines is a candidate, scored by the
// text it holds that is neither link nor furniture (CJK characters weigh double, see
// html-lines.ts) minus the link and furniture text it drags in. The block with the best score
// wins; a block the page names as content (<article>, <main>, class/id "content", "article",
// "zoom" …) gets a small bonus. A page with no such structure keeps its whole text.
import type { Line } from './html-lines.js';

export interface Block {
  name: string;
  /** class and id of the element, for the content-name bonus. */
  attrs: string;
  /** Lines [start, end) of the page that the element spans. */
  start: number;
  end: number;
  depth: number;
}

const CONTENT_TAGS = new Set(['article', 'main']);
const CONTENT_NAME = /(?:^|[-_\s])(?:content|article|main|detail|zoom|text|body|zw|wzzw|nr)(?:[-_\s]|$)|^(?:TRS_Editor|Custom_UnionStyle)$/i;
const BONUS = 1.05; // small: a content-named block must not shed a sibling table of the same report

export function mainContent(blocks: Block[], lines: Line[]): { start: number; end: number } {
  // Prefix sums: the score of any line range in O(1), however deep the nesting.
  const body = [0];
  const chrome = [0];
  for (const line of lines) {
    body.push(body.at(-1)! + line.body);
    chrome.push(chrome.at(-1)! + line.chrome);
  }
  const score = (start: number, end: number) => body[end]! - body[start]! - (chrome[end]! - chrome[start]!);

  let best = { start: 0, end: lines.length, score: score(0, lines.length), depth: -1 };
  for (const block of blocks) {
    const end = block.end < 0 ? lines.length : block.end; // never closed: runs to the end
    let s = score(block.start, end);
    if (s > 0 && (CONTENT_TAGS.has(block.name) || CONTENT_NAME.test(block.attrs))) s *= BONUS;
    // Equal scores: the smaller (deeper) block, which has shed more of the page around it.
    if (s > best.score || (s === best.score && block.depth > best.depth)) best = { start: block.start, end, score: s, depth: block.depth };
  }
  return best;
}
