// The pipeline up to understanding: original text → ParsedReport.
// One direction, one job a stage: normalize → metadata → sections → passages → themes.
import { ParsedReport } from '../core/schema.js';
import { extractMetadata } from './metadata/index.js';
import { normalize } from './normalize/index.js';
import { splitPassages } from './passages/index.js';
import { splitSections } from './sections/index.js';
import { themesOf } from './themes/index.js';

/**
 * `hints.address`: where the page was published (a saved page's canonical link or saved-from
 * line, `source.url`), read as a clue to its place like an address written in the text.
 */
export function parseText(original: string, hints: { fileName?: string; address?: string } = {}): ParsedReport {
  const clean = normalize(original);
  const meta = extractMetadata(clean.text, { ...hints, original });
  const spans = splitSections(clean);
  const passages = splitPassages(clean, spans).map((p) => ({
    id: `p${p.ordinal}`, section: p.section, ordinal: p.ordinal, text: p.text, start: p.start, end: p.end,
    themes: themesOf(p.text),
  }));
  const sections = spans.map((s) => ({ type: s.type, heading: s.heading, text: clean.text.slice(s.start, s.end).trim() }));
  return ParsedReport.parse({ ...meta, sections, passages });
}
