// STUB — to be replaced by the section splitter.
import type { SectionType } from '../../core/schema.js';
import type { MappedText } from '../normalize/index.js';

export interface SectionSpan { type: SectionType; heading: string | null; start: number; end: number }

/** Sections of the clean text, in order, covering it; offsets are clean-text offsets. */
export function splitSections(m: MappedText): SectionSpan[] {
  return [{ type: 'other', heading: null, start: 0, end: m.text.length }];
}
