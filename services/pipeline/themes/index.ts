// Theme tagging from the editable taxonomy in themes.json (loaded once, validated, compiled):
// a passage has a theme when one of its keywords or patterns occurs in the folded text outside
// the theme's exclusions.
import { z } from 'zod';
import { fold } from '../segment/fold.js';
import { foldText } from '../sections/fold-text.js';
import taxonomy from './themes.json' with { type: 'json' };

const ThemeRule = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string().min(1),
  keywords: z.array(z.string().min(1)).default([]),
  patterns: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
});
const Taxonomy = z.object({ themes: z.array(ThemeRule).min(1) });

interface CompiledTheme { id: string; label: string; match: RegExp; exclude: RegExp | null }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(raw: unknown): CompiledTheme[] {
  const themes = Taxonomy.parse(raw).themes;
  const ids = new Set<string>();
  return themes.map((t) => {
    if (ids.has(t.id)) throw new Error(`themes.json: duplicate theme id ${t.id}`);
    ids.add(t.id);
    const alternatives = [...t.keywords.map((k) => escape(fold(k))), ...t.patterns];
    if (alternatives.length === 0) throw new Error(`themes.json: theme ${t.id} has no keywords or patterns`);
    return {
      id: t.id,
      label: t.label,
      match: new RegExp(alternatives.join('|')),
      exclude: t.exclude.length ? new RegExp(t.exclude.join('|'), 'g') : null,
    };
  });
}

const COMPILED = compile(taxonomy);

/** Theme ids and Chinese labels, in taxonomy order, for the API and the UI. */
export const THEMES: ReadonlyArray<{ id: string; label: string }> = COMPILED.map(({ id, label }) => ({ id, label }));

/** Theme ids of a text, in taxonomy order. */
export function themesOf(text: string): string[] {
  const folded = foldText(text);
  const out: string[] = [];
  for (const t of COMPILED) {
    // Excluded matches are blanked (same length, so nothing shifts) before matching.
    const target = t.exclude ? folded.replace(t.exclude, (x) => ' '.repeat(x.length)) : folded;
    if (t.match.test(target)) out.push(t.id);
  }
  return out;
}
