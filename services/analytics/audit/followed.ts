// Problems followed: each problem a report states, looked for in the same unit's report of
// the next year — repeated (the same statement again, word for word or nearly: the years
// moved on, a word changed), reported fixed (a sentence on the same matter saying it was
// solved or improved), or silent (not mentioned again).
import { z } from 'zod';
import type { AuditInput } from './context.js';
import { statements, type Statement } from './narrative.js';
import { AuditEvidence, AuditReportRef } from './schema.js';
import { partRange } from './parts.js';
import { quote } from './text.js';

export const FOLLOW_STATUSES = ['repeated', 'reported_fixed', 'silent'] as const;
export const FollowStatus = z.enum(FOLLOW_STATUSES);

export const FollowedProblem = z.object({
  problem: AuditEvidence,
  status: FollowStatus,
  /** The next year's words: the repeated statement, or the sentence that reports it fixed. */
  next: AuditEvidence.nullable(),
  /** Share of the problem's character bigrams found in `next` (0 when silent). */
  similarity: z.number().min(0).max(1),
});
export type FollowedProblem = z.infer<typeof FollowedProblem>;

export const ProblemsFollowed = z.object({
  report: AuditReportRef,
  /** The unit's next report (null: none indexed, every problem then unfollowed). */
  next: AuditReportRef.nullable(),
  problems: z.array(FollowedProblem),
});
export type ProblemsFollowed = z.infer<typeof ProblemsFollowed>;

/** Punctuation, spaces, ordinals and years out: what stays is the statement's wording. */
const norm = (s: string) => s.replace(/\d{4}年?/g, '').replace(/[\s，。；、：:,.;！？!?“”"'（）()]/g, '');

function grams(s: string): Set<string> {
  const t = norm(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Share of a's bigrams that b has. */
function containment(a: Set<string>, b: Set<string>): number {
  if (!a.size) return 0;
  let n = 0;
  for (const g of a) if (b.has(g)) n++;
  return n / a.size;
}

/** At least this share of the problem's bigrams: the same statement again. */
export const REPEATED = 0.85;
/** At least this share, in a sentence saying so: the same matter, reported dealt with. */
const SAME_MATTER = 0.4;
const FIXED = /已(经)?(得到|基本|全面|有效|逐步)?(解决|整改|改进|改善|完善|落实|消除)|整改到位|得到(有效)?(解决|改善|改进|整改)|问题.{0,6}(已|均)(整改|解决)|(完成|实现)了?整改/;

const SENTENCE = /[^。；！？\n]+[。；！？]?/g;

export function followProblems(now: AuditInput, next: AuditInput | null): ProblemsFollowed {
  const ref = (i: AuditInput) => ({ id: i.report.id, title: i.report.title, issuer: i.report.issuer, year: i.report.year });
  const mine = statements(now, 'problems');
  if (!next) return { report: ref(now), next: null, problems: mine.map((p) => ({ problem: p.evidence, status: 'silent', next: null, similarity: 0 })) };
  const text = next.report.text;
  const theirs: Array<Statement & { g: Set<string> }> = statements(next, 'problems').map((s) => ({ ...s, g: grams(s.text) }));
  // Also every sentence of next year's part on problems, however its passages were labelled.
  const range = partRange(next.parts, 4, text.length);
  if (range) {
    const re = new RegExp(SENTENCE.source, 'g');
    re.lastIndex = range[0];
    for (let m = re.exec(text); m && m.index < range[1]; m = re.exec(text)) {
      theirs.push({ text: m[0], evidence: quote(text, m.index, m.index + m[0].length), g: grams(m[0]) });
    }
  }
  const sentences: Array<{ start: number; end: number; g: Set<string> }> = [];
  for (const m of text.matchAll(SENTENCE)) if (FIXED.test(m[0])) sentences.push({ start: m.index!, end: m.index! + m[0].length, g: grams(m[0]) });
  const problems: FollowedProblem[] = mine.map((p) => {
    const g = grams(p.text);
    let best: { s: number; e: (typeof theirs)[number] } | null = null;
    for (const t of theirs) {
      // The problem's words found in a statement of next year (which may run several together).
      const s = containment(g, t.g);
      if (!best || s > best.s) best = { s, e: t };
    }
    if (best && best.s >= REPEATED) return { problem: p.evidence, status: 'repeated', next: { ...best.e.evidence, reportId: next.report.id }, similarity: best.s };
    let fixed: { s: number; x: (typeof sentences)[number] } | null = null;
    for (const x of sentences) {
      const s = containment(g, x.g);
      if (!fixed || s > fixed.s) fixed = { s, x };
    }
    if (fixed && fixed.s >= SAME_MATTER) {
      return { problem: p.evidence, status: 'reported_fixed', next: quote(text, fixed.x.start, fixed.x.end, undefined, next.report.id), similarity: fixed.s };
    }
    return { problem: p.evidence, status: 'silent', next: null, similarity: 0 };
  });
  return { report: ref(now), next: ref(next), problems };
}
