// Test helper: undoes the generator's extraction mess the crude way a parser might
// (drop page-number and running-header lines, strip markers and all whitespace, fold
// full-width characters), so planted wording can be looked up in any report.
import { fold } from '../../services/pipeline/segment/fold.js';
import type { Truth } from '../../services/corpus-gen/types.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const PAGE_NUMBER = /^([-—]?[0-9]+[-—]?|第[0-9]+页)$/;

/** The normalisation used for lines and for phrases to look up. */
export const norm = (s: string) => fold(squeeze(s));

export function demess(text: string, truth: Pick<Truth, 'title' | 'issuer'>): string {
  const headers = new Set([norm(truth.title), norm(truth.issuer)]);
  const kept = text.split('\n').filter((line) => {
    const s = norm(line);
    return !PAGE_NUMBER.test(s) && !headers.has(s);
  });
  const joined = kept.map((l) => l.replace(/^\s*- /, '')).join('');
  return fold(squeeze(joined).replace(/\*\*/g, '').replace(/\[bookmark:_GoBack\]/g, ''));
}
