// Two reports side by side: `a` the earlier (or the one compared with), `b` the report
// examined. Narrative sections are aligned by type; within a section the sentences are
// aligned by the `diff` library (diffArrays over their normal forms), and a dropped sentence
// facing a new one that is nearly the same becomes one changed sentence with its character
// diff (diffChars). The statistics tables are compared cell by cell. copyRate is b's against a.
import { diffArrays, diffChars } from 'diff';
import { z } from 'zod';
import { SECTION_LABELS, SectionType } from '../../core/schema.js';
import { parseTables } from '../tables/index.js';
import { featuresOf, matchSentences, MATCH_NONE, pairCopy, PairCopy } from './pair.js';
import { NARRATIVE_SECTIONS, normalize, splitSentences, type Sentence } from './sentences.js';

export interface Comparable {
  id: string | null;
  title: string | null;
  issuer: string | null;
  year: number | null;
  text: string;
  passages: readonly { ordinal: number; section: SectionType; text: string }[];
}

export const ROW_STATUSES = ['unchanged', 'changed', 'new', 'dropped'] as const;
export const RowStatus = z.enum(ROW_STATUSES);

export const CompareRow = z.object({
  status: RowStatus,
  /** The sentence as written in a and in b (null where it is absent). */
  a: z.string().nullable(),
  b: z.string().nullable(),
  aOrdinal: z.number().int().nullable(),
  bOrdinal: z.number().int().nullable(),
  /** One of the format's standard sentences (counted apart in copyRate). */
  boilerplate: z.boolean(),
  /** The sentence stood in another part of a (or out of order): the part it came from. */
  movedFrom: SectionType.optional(),
  movedFromLabel: z.string().optional(),
  /** For a changed sentence: a → b in pieces, each kept, added or removed. */
  diff: z.array(z.object({ text: z.string(), added: z.boolean(), removed: z.boolean() })).optional(),
});
export type CompareRow = z.infer<typeof CompareRow>;

export const CompareSection = z.object({ type: SectionType, label: z.string(), rows: z.array(CompareRow) });

export const CompareCell = z.object({
  table: z.string(), row: z.string(), label: z.string(), column: z.string(),
  a: z.number().nullable(), b: z.number().nullable(), changed: z.boolean(),
});

const Side = z.object({ id: z.string().nullable(), title: z.string().nullable(), issuer: z.string().nullable(), year: z.number().int().nullable() });

export const CompareResult = PairCopy.extend({
  a: Side,
  b: Side,
  /** Sentences by status, over all narrative sections. */
  counts: z.record(RowStatus, z.number().int()),
  sections: z.array(CompareSection),
  cells: z.array(CompareCell),
});
export type CompareResult = z.infer<typeof CompareResult>;

function narrative(r: Comparable): Sentence[] {
  const title = normalize(r.title ?? '');
  return r.passages
    .filter((p) => NARRATIVE_SECTIONS.includes(p.section) && !(title && normalize(p.text) === title))
    .flatMap((p) => splitSentences(p.text, p.ordinal).map((s) => ({ ...s, section: p.section })));
}

export function compareReports(a: Comparable, b: Comparable, boilerplate: ReadonlySet<number>): CompareResult {
  const A = featuresOf(narrative(a));
  const B = featuresOf(narrative(b));
  const copy = pairCopy(B.features, A.features, boilerplate);
  const sectionOf = new Map<Sentence, SectionType>();
  for (const p of a.passages) for (const s of A.kept) if (s.ordinal === p.ordinal) sectionOf.set(s, p.section);
  for (const p of b.passages) for (const s of B.kept) if (s.ordinal === p.ordinal) sectionOf.set(s, p.section);
  const { match } = matchSentences(B.features, A.features);
  const isBoiler = (f: typeof A, i: number) => boilerplate.has(f.features.hash[i]!);

  type Draft = { kind: 'pair'; i: number; j: number } | { kind: 'new'; j: number } | { kind: 'dropped'; i: number };
  // Pass 1: each section aligned on its own.
  const drafts: { type: SectionType; rows: Draft[] }[] = [];
  const paired = new Set<number>();
  for (const type of NARRATIVE_SECTIONS) {
    const ai = A.kept.map((_, i) => i).filter((i) => sectionOf.get(A.kept[i]!) === type);
    const bi = B.kept.map((_, i) => i).filter((i) => sectionOf.get(B.kept[i]!) === type);
    if (!ai.length && !bi.length) continue;
    const rows: Draft[] = [];
    let x = 0;
    let y = 0;
    const pending: number[] = [];
    const flushDropped = () => {
      for (const i of pending.splice(0)) rows.push({ kind: 'dropped', i });
    };
    for (const part of diffArrays(ai.map((i) => A.kept[i]!.norm), bi.map((i) => B.kept[i]!.norm))) {
      const n = part.count ?? part.value.length;
      if (!part.added && !part.removed) {
        flushDropped();
        for (let k = 0; k < n; k++, x++, y++) {
          rows.push({ kind: 'pair', i: ai[x]!, j: bi[y]! });
          paired.add(ai[x]!);
        }
      } else if (part.removed) {
        for (let k = 0; k < n; k++, x++) pending.push(ai[x]!);
      } else {
        for (let k = 0; k < n; k++, y++) {
          const j = bi[y]!;
          // A new sentence nearly the same as one just dropped: one sentence, changed.
          const m = match[j]!;
          const at = m === MATCH_NONE ? -1 : pending.indexOf(m);
          if (at >= 0) {
            pending.splice(at, 1);
            rows.push({ kind: 'pair', i: m, j });
            paired.add(m);
          } else rows.push({ kind: 'new', j });
        }
      }
    }
    flushDropped();
    drafts.push({ type, rows });
  }
  // Pass 2: a new sentence that stands elsewhere in a (another part, or out of order) moved there;
  // the a sentence is then shown where it went, not as dropped.
  const moved = new Set<number>();
  for (const d of drafts) {
    d.rows = d.rows.map((r) => {
      if (r.kind !== 'new') return r;
      const m = match[r.j]!;
      if (m === MATCH_NONE || paired.has(m) || moved.has(m)) return r;
      moved.add(m);
      return { kind: 'pair', i: m, j: r.j };
    });
  }
  const counts = { unchanged: 0, changed: 0, new: 0, dropped: 0 };
  const sections: z.infer<typeof CompareSection>[] = [];
  for (const d of drafts) {
    const rows: CompareRow[] = [];
    for (const r of d.rows) {
      let row: CompareRow;
      if (r.kind === 'dropped') {
        if (moved.has(r.i)) continue;
        const sa = A.kept[r.i]!;
        row = { status: 'dropped', a: sa.text, b: null, aOrdinal: sa.ordinal, bOrdinal: null, boilerplate: isBoiler(A, r.i) };
      } else if (r.kind === 'new') {
        const sb = B.kept[r.j]!;
        row = { status: 'new', a: null, b: sb.text, aOrdinal: null, bOrdinal: sb.ordinal, boilerplate: isBoiler(B, r.j) };
      } else {
        const sa = A.kept[r.i]!;
        const sb = B.kept[r.j]!;
        const same = sa.norm === sb.norm;
        const from = sectionOf.get(sa);
        row = {
          status: same ? 'unchanged' : 'changed', a: sa.text, b: sb.text, aOrdinal: sa.ordinal, bOrdinal: sb.ordinal, boilerplate: isBoiler(B, r.j),
          ...(same ? {} : { diff: diffChars(sa.text, sb.text).map((x) => ({ text: x.value, added: !!x.added, removed: !!x.removed })) }),
          ...(moved.has(r.i) && from ? { movedFrom: from, movedFromLabel: SECTION_LABELS[from] } : {}),
        };
      }
      rows.push(row);
      counts[row.status]++;
    }
    if (rows.length) sections.push({ type: d.type, label: SECTION_LABELS[d.type], rows });
  }

  const ta = parseTables(a.text).items;
  const tb = parseTables(b.text).items;
  const key = (i: (typeof ta)[number]) => `${i.table}|${i.row}|${i.column}`;
  const cells = new Map<string, z.infer<typeof CompareCell>>();
  for (const i of ta) cells.set(key(i), { table: i.table, row: i.row, label: i.label, column: i.column, a: i.value, b: null, changed: true });
  for (const i of tb) {
    const c = cells.get(key(i));
    if (c) {
      c.b = i.value;
      c.changed = c.a !== i.value;
    } else cells.set(key(i), { table: i.table, row: i.row, label: i.label, column: i.column, a: null, b: i.value, changed: true });
  }
  const side = (r: Comparable) => ({ id: r.id, title: r.title, issuer: r.issuer, year: r.year });
  return { ...copy, a: side(a), b: side(b), counts, sections, cells: [...cells.values()] };
}
