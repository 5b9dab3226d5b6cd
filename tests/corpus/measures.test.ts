// Collocates, keywords, phrase lists and dispersion over the real reports (../shared/corpus:
// reports and dev), each number checked against a brute force over the reports read back
// whole (brute.ts) with the formulas written out again here.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../../services/ingest/ingest.js';
import type { StoredReport } from '../../services/search/backend.js';
import { collocates } from '../../services/search/methods/corpus/collocates.js';
import { dispersion } from '../../services/search/methods/corpus/dispersion.js';
import { keywords } from '../../services/search/methods/corpus/keywords.js';
import { ngrams } from '../../services/search/methods/corpus/ngrams.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';
import { brutePassages, findAll, sentenceOf, wordsOf, type BrutePassage } from './brute.js';

/** Real reports vary more than a template: a fifth of a format's reports sharing a sentence is already telling. */
const SHARE = 0.2;
const DEV_DIR = join(REAL_DIR, '..', 'dev');
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe('corpus measures against a brute force over the real reports', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  let all: BrutePassage[] = [];

  before(async () => {
    t = await tempEngine();
    const s = await ingest(t.engine, [REAL_DIR, DEV_DIR]);
    assert.deepEqual(s.failed, []);
    const ids = (await t.engine.backend.search({ ...planAll(t), limit: 100_000 }, false)).rows.map((r) => r.reportId);
    const reports: StoredReport[] = [];
    for (const id of [...new Set(ids)]) reports.push((await t.engine.backend.report(id))!);
    all = brutePassages(reports);
    assert.ok(reports.length >= 60, `${reports.length} reports read of ${JSON.stringify(s).slice(0, 300)}`);
  });
  after(async () => { await t.dispose(); });

  /** The most frequent words (two characters or more) of some passages, with their counts. */
  const topWords = (ps: BrutePassage[], k: number) => {
    const f = new Map<string, number>();
    for (const p of ps) for (const w of wordsOf(p)) if (w.length >= 2) f.set(w, (f.get(w) ?? 0) + 1);
    return [...f].sort((a, b) => b[1] - a[1]).slice(0, k).map(([w]) => w);
  };

  for (const sentence of [false, true]) {
    it(`collocates (window 4/3${sentence ? ', same sentence' : ''}) in problems sections: O, f(c), MI, G², t, logDice`, async () => {
      const slice = all.filter((p) => p.section === 'problems');
      assert.ok(slice.length >= 5, `${slice.length} problems passages`);
      for (const node of topWords(slice, 3)) {
        const got = await collocates(t.engine, { q: node, filters: { sections: ['problems'] }, left: 4, right: 3, sentence, minFreq: 2, limit: 2000 });
        // Brute force: every occurrence, its window of words within the passage (and sentence).
        const co = new Map<string, number>();
        let r1 = 0;
        let nodeFreq = 0;
        const freq = new Map<string, number>();
        let n = 0;
        for (const p of slice) {
          const w = wordsOf(p);
          const sent = sentenceOf(p);
          for (const x of w) { freq.set(x, (freq.get(x) ?? 0) + 1); n++; }
          for (const at of findAll(w, [node])) {
            nodeFreq++;
            const window = [...range(Math.max(0, at - 4), at), ...range(at + 1, Math.min(w.length, at + 4))]
              .filter((i) => !sentence || sent[i] === sent[at]);
            for (const i of window) { co.set(w[i]!, (co.get(w[i]!) ?? 0) + 1); r1++; }
          }
        }
        assert.equal(got.nodeFreq, nodeFreq, node);
        assert.equal(got.windowTokens, r1, node);
        assert.equal(got.corpusTokens, n, node);
        const expected = [...co].filter(([, o]) => o >= 2);
        assert.equal(got.total, expected.length, `${node}: collocates`);
        const byTerm = new Map(got.collocates.map((c) => [c.term, c]));
        for (const [c, o] of expected) {
          const row = byTerm.get(c)!;
          assert.ok(row, `${node}: ${c} missing`);
          const fc = freq.get(c)!;
          assert.equal(row.freq, o);
          assert.equal(row.collocateFreq, fc);
          const e = (r1 * fc) / n;
          close(row.mi, Math.log2(o / e), `MI ${node}/${c}`);
          close(row.t, (o - e) / Math.sqrt(o), `t ${node}/${c}`);
          close(row.logDice, 14 + Math.log2((2 * o) / (nodeFreq + fc)), `logDice ${node}/${c}`);
          const cells = [[o, r1, fc], [r1 - o, r1, n - fc], [fc - o, n - r1, fc], [n - r1 - fc + o, n - r1, n - fc]];
          let g2 = 0;
          for (const [obs, row_, col] of cells) if (obs! > 0) g2 += obs! * Math.log(obs! / ((row_! * col!) / n));
          close(Math.abs(row.g2), 2 * g2, `G² ${node}/${c}`);
          if (Math.abs(row.g2) > 1e-3) assert.equal(row.g2 < 0, o < e, `G² sign ${node}/${c}`);
        }
      }
    });
  }

  it('keywords of problems sections against the rest and of one year against another: LL, log ratio, %DIFF, ranges', async () => {
    const years = [...new Set(all.map((p) => p.report.year).filter((y): y is number => y !== null))].sort();
    const cases: Array<{ a: BrutePassage[]; b: BrutePassage[]; req: Parameters<typeof keywords>[1] }> = [
      { a: all.filter((p) => p.section === 'problems'), b: all.filter((p) => p.section !== 'problems'), req: { a: 'section:problems' } },
      {
        a: all.filter((p) => p.report.year === years.at(-1)), b: all.filter((p) => p.report.year === years[0]),
        req: { a: `year:${years.at(-1)}`, b: `year:${years[0]}` },
      },
    ];
    for (const { a, b, req } of cases) {
      const got = await keywords(t.engine, { ...req, minFreq: 3, minRange: 1, limit: 2000 });
      const count = (ps: BrutePassage[]) => {
        const f = new Map<string, number>();
        const r = new Map<string, Set<string>>();
        let n = 0;
        for (const p of ps) for (const w of wordsOf(p)) {
          f.set(w, (f.get(w) ?? 0) + 1); n++;
          if (!r.has(w)) r.set(w, new Set());
          r.get(w)!.add(p.report.id);
        }
        return { f, r, n };
      };
      const A = count(a);
      const B = count(b);
      assert.equal(got.a.tokens, A.n);
      assert.equal(got.b.tokens, B.n);
      const rows = new Map([...got.positive, ...got.negative].map((k) => [k.term, k]));
      let checked = 0;
      for (const term of new Set([...A.f.keys(), ...B.f.keys()])) {
        const fa = A.f.get(term) ?? 0;
        const fb = B.f.get(term) ?? 0;
        if (fa + fb < 3 || fa / A.n === fb / B.n) { assert.equal(rows.has(term), false, term); continue; }
        const row = rows.get(term);
        assert.ok(row, `${req.a}: ${term} missing`);
        const e1 = (A.n * (fa + fb)) / (A.n + B.n);
        const e2 = (B.n * (fa + fb)) / (A.n + B.n);
        const ll = 2 * ((fa ? fa * Math.log(fa / e1) : 0) + (fb ? fb * Math.log(fb / e2) : 0));
        close(row.ll, ll, `LL ${term}`);
        close(row.logRatio, Math.log2(((fa || 0.5) / A.n) / ((fb || 0.5) / B.n)), `log ratio ${term}`);
        if (fb) close(row.percentDiff, ((fa / A.n - fb / B.n) * 100) / (fb / B.n), `%DIFF ${term}`);
        assert.equal(row.rangeA, A.r.get(term)?.size ?? 0, `range A ${term}`);
        assert.equal(row.rangeB, B.r.get(term)?.size ?? 0, `range B ${term}`);
        assert.equal(got.positive.includes(row), fa / A.n > fb / B.n, `direction ${term}`);
        checked++;
      }
      assert.ok(checked > 100, `${checked} keywords checked`);
    }
  });

  for (const n of [2, 3, 5]) {
    it(`${n}-grams of the whole corpus: frequency, range, Gries' DP and boilerplate`, async () => {
      const got = await ngrams(t.engine, { n, minFreq: 2, minRange: 1, limit: 2000, boilerplateShare: SHARE });
      // Brute force: n-grams inside clauses; reports in order; DP over reports.
      const reports = [...new Set(all.map((p) => p.report.id))];
      const size = new Map(reports.map((r) => [r, 0]));
      const per = new Map<string, Map<string, number>>();
      // Boilerplate sentences: carried by at least half the reports of their format (formats with 5 reports or more).
      const formatReports = new Map<string, Set<string>>();
      const sentenceReports = new Map<string, Set<string>>();
      for (const p of all) {
        const fmt = String(p.report.format);
        if (!formatReports.has(fmt)) formatReports.set(fmt, new Set());
        formatReports.get(fmt)!.add(p.report.id);
        for (const s of p.sentences) {
          const key = `${fmt}|${s.map((c) => c.join(' ')).join(' , ')}`;
          if (!sentenceReports.has(key)) sentenceReports.set(key, new Set());
          sentenceReports.get(key)!.add(p.report.id);
        }
      }
      const boiler = new Map<string, number>();
      for (const p of all) {
        const fmt = String(p.report.format);
        size.set(p.report.id, size.get(p.report.id)! + wordsOf(p).length);
        for (const s of p.sentences) {
          const key = `${fmt}|${s.map((c) => c.join(' ')).join(' , ')}`;
          const of = formatReports.get(fmt)!.size;
          const isBoiler = of >= 5 && sentenceReports.get(key)!.size >= SHARE * of;
          for (const c of s) for (let i = 0; i + n <= c.length; i++) {
            const g = c.slice(i, i + n).join(' ');
            if (!per.has(g)) per.set(g, new Map());
            per.get(g)!.set(p.report.id, (per.get(g)!.get(p.report.id) ?? 0) + 1);
            if (isBoiler) boiler.set(g, (boiler.get(g) ?? 0) + 1);
          }
        }
      }
      const total = [...size.values()].reduce((x, y) => x + y, 0);
      const expected = [...per].map(([g, m]) => {
        const f = [...m.values()].reduce((x, y) => x + y, 0);
        const dp = reports.reduce((s, r) => s + Math.abs((m.get(r) ?? 0) / f - size.get(r)! / total), 0) / 2;
        return { g, f, range: m.size, dp, boiler: (boiler.get(g) ?? 0) * 2 > f };
      }).filter((e) => e.f >= 2);
      assert.equal(got.total, expected.length);
      assert.equal(got.tokens, total);
      const rows = new Map(got.ngrams.map((r) => [r.words.join(' '), r]));
      expected.sort((a, b) => b.f - a.f);
      // The list's frequencies are the top of the brute force's, in order.
      assert.deepEqual(got.ngrams.map((r) => r.freq), expected.slice(0, got.ngrams.length).map((e) => e.f));
      for (const e of expected) {
        const row = rows.get(e.g);
        if (!row) continue;
        assert.equal(row.freq, e.f, e.g);
        assert.equal(row.range, e.range, e.g);
        close(row.dp, e.dp, `DP ${e.g}`);
        assert.equal(row.boilerplate, e.boiler, `boilerplate ${e.g}`);
      }
      assert.equal(got.ngrams.filter((r) => r.boilerplate).length, expected.filter((e) => e.boiler && rows.has(e.g)).length);
      const without = await ngrams(t.engine, { n, minFreq: 2, minRange: 1, limit: 2000, boilerplate: 'exclude', boilerplateShare: SHARE });
      assert.equal(without.total, expected.filter((e) => !e.boiler).length);
      assert.ok(without.ngrams.every((r) => !r.boilerplate));
    });
  }

  it('dispersion of a term: frequency and range by year, province and level, DP, plot points', async () => {
    for (const term of topWords(all, 2)) {
      const got = await dispersion(t.engine, { q: term, points: 20_000 });
      const reports = new Map<string, { r: StoredReport; f: number; size: number }>();
      for (const p of all) {
        const e = reports.get(p.report.id) ?? { r: p.report, f: 0, size: 0 };
        e.f += findAll(wordsOf(p), [term]).length;
        e.size += wordsOf(p).length;
        reports.set(p.report.id, e);
      }
      const es = [...reports.values()];
      const f = es.reduce((s, e) => s + e.f, 0);
      const size = es.reduce((s, e) => s + e.size, 0);
      assert.equal(got.freq, f);
      assert.equal(got.range, es.filter((e) => e.f > 0).length);
      assert.equal(got.plot.length, f);
      close(got.dp, es.reduce((s, e) => s + Math.abs(e.f / f - e.size / size), 0) / 2, `DP ${term}`);
      for (const [groups, key] of [[got.byYear, (r: StoredReport) => (r.year === null ? '未知' : String(r.year))],
        [got.byLevel, (r: StoredReport) => r.level], [got.byProvince, (r: StoredReport) => r.region.province ?? '未知']] as const) {
        for (const g of groups) {
          const members = es.filter((e) => key(e.r) === g.key);
          assert.equal(g.reports, members.length, `${term} ${g.key}`);
          assert.equal(g.freq, members.reduce((s, e) => s + e.f, 0), `${term} ${g.key}`);
          assert.equal(g.range, members.filter((e) => e.f > 0).length, `${term} ${g.key}`);
        }
      }
    }
  });

  it('a phrase node: collocates of a two-word node count the phrase, not its words', async () => {
    const bigrams = new Map<string, number>();
    for (const p of all) for (const c of p.sentences.flat()) for (let i = 0; i + 1 < c.length; i++) {
      const g = `${c[i]} ${c[i + 1]}`;
      bigrams.set(g, (bigrams.get(g) ?? 0) + 1);
    }
    const top = [...bigrams].filter(([g]) => !g.includes(' ') || g.split(' ').every((w) => w.length >= 2)).sort((a, b) => b[1] - a[1])[0]![0].split(' ');
    const got = await collocates(t.engine, { q: top.join(''), minFreq: 1 });
    const expected = all.reduce((s, p) => s + findAll(wordsOf(p), top).length, 0);
    // The query text may be cut into other words than the passages' (then the node is those words).
    if (got.node.join(' ') === top.join(' ')) assert.equal(got.nodeFreq, expected);
    else assert.equal(got.nodeFreq, all.reduce((s, p) => s + findAll(wordsOf(p), got.node).length, 0));
  });
});

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function planAll(t: { engine: import('../../services/search/engine.js').Engine }) {
  return { query: { groups: [], exclude: [], filters: {}, phrase: null, warnings: [], understood: '' }, filters: { years: [], regions: [], sections: [], themes: [], levels: [] },
    sort: 'relevance' as const, offset: 0, limit: 100_000, collapse: false, engine: t.engine };
}
