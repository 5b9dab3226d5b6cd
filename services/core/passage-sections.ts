// Which section each passage came from. A report keeps its sections (type, heading, text) and
// its passages (type, ordinal, text) as two ordered lists; the reader lays passages under their
// sections with this, and citations name the heading of the section a passage stands in.
import type { SectionType } from './schema.js';

interface SectionLike { type: SectionType; heading: string | null; text: string }
interface PassageLike { section: SectionType; ordinal: number; text: string }

const squash = (s: string) => s.replace(/\s+/g, '');
const headOf = (s: string) => squash(s).slice(0, 16);

/**
 * Passages name their section's type only, and several sections in a row may share a type.
 * Each passage (in ordinal order) goes to the first section at or after the current one whose
 * type matches, preferring one whose text contains the passage's opening. Sections never go
 * backwards. Returns, for the passages sorted by ordinal, the index of their section or -1.
 */
export function sectionIndexOfPassages(sections: readonly SectionLike[], sorted: readonly PassageLike[]): number[] {
  const texts = sections.map((s) => squash(s.text));
  const out: number[] = [];
  let at = 0;
  for (const p of sorted) {
    const head = headOf(p.text);
    const matches = (i: number) => sections[i]!.type === p.section;
    const contains = (i: number) => head.length > 0 && texts[i]!.includes(head);
    let target = -1;
    if (at < sections.length && matches(at) && contains(at)) target = at;
    else {
      for (let i = at; i < sections.length && target < 0; i++) if (matches(i) && contains(i)) target = i;
      if (target < 0 && at < sections.length && matches(at)) target = at;
      for (let i = at; i < sections.length && target < 0; i++) if (matches(i)) target = i;
    }
    out.push(target);
    if (target >= 0) at = target;
  }
  return out;
}

/** A heading as a citation names it: its first clause when text runs on after it (（一）存在的主要问题。一是… → （一）存在的主要问题), at most 40 characters. */
export function citedHeading(heading: string): string | null {
  const first = heading.trim().split(/[。：:；;]/)[0]!.trim().replace(/[，,、]+$/, '');
  if (!first) return null;
  return [...first].length > 40 ? `${[...first].slice(0, 40).join('')}…` : first;
}

/**
 * The report's own heading over each passage, by ordinal: the heading of its section, or of
 * the nearest section before it that has one (a span opened by a change of type has none).
 */
export function passageHeadings(sections: readonly SectionLike[], passages: readonly PassageLike[]): Map<number, string | null> {
  const sorted = [...passages].sort((a, b) => a.ordinal - b.ordinal);
  const index = sectionIndexOfPassages(sections, sorted);
  const out = new Map<number, string | null>();
  sorted.forEach((p, k) => {
    let i = index[k]!;
    while (i >= 0 && !sections[i]!.heading) i--;
    out.set(p.ordinal, i >= 0 ? citedHeading(sections[i]!.heading!) : null);
  });
  return out;
}
