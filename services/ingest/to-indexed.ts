// A parsed report becomes an IndexedReport: its source, the original text, and the
// token streams of every passage, cut once here by the one segmenter.
import type { IndexedReport, ParsedReport, SourceInfo } from '../core/schema.js';
import { fold, type Segmenter } from '../pipeline/segment/segmenter.js';

export const reportId = (sha256: string) => sha256.slice(0, 16);

export function toIndexed(parsed: ParsedReport, source: SourceInfo, text: string, seg: Segmenter, demo: boolean): IndexedReport {
  return {
    ...parsed,
    id: reportId(source.sha256),
    source, text, demo,
    passages: parsed.passages.map((p) => ({ ...p, ...passageTokens(p.text, seg) })),
  };
}

/** A passage's token streams, from its text alone (an index rebuilt from stored texts cuts them the same way). */
export function passageTokens(text: string, seg: Segmenter): { words: string; grams: string } {
  const folded = fold(text);
  return { words: seg.words(folded).join(' '), grams: seg.grams(folded).join(' ') };
}
