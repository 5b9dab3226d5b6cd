// Problems followed into the next year, on generated lineages: a problem of year t is
// "repeated" exactly when that planted statement stands in t+1's text, as written or with the
// lineage copier's small edit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { followProblems } from '../../services/analytics/audit/followed.js';
import { parsedLineages } from './planted.js';

test('repeated problems are those standing again in the next year\'s report (precision and recall ≥ 0.9)', () => {
  let tp = 0, fp = 0, fn = 0, silent = 0;
  for (const unit of parsedLineages(9, 80)) {
    for (let k = 0; k + 1 < unit.length; k++) {
      const [a, b] = [unit[k]!, unit[k + 1]!];
      // Stock phrases are repeated by the defect planter, not by the planted statements.
      if ((a.truth.defects ?? []).some((d) => d.kind === 'stock_problems') || (b.truth.defects ?? []).some((d) => d.kind === 'stock_problems')) continue;
      // Carried: the same planted statement next year, as written or with the copier's small edit
      // (a word changed, 同时 or 等 added) — not merely another wording of the same cluster id.
      // The copier's edits (lineage.ts): one of these words changed, 同时 after the first comma, or 等 at the end.
      const EDITS: Array<[string, string]> = [['积极', '主动'], ['认真', '切实'], ['进一步', '持续'], ['全面', '深入'], ['加强', '强化'], ['不断', '持续']];
      const variants = (x: string) => {
        const c = x.indexOf('，');
        return [x, x + '等', ...(c > 0 ? [x.slice(0, c + 1) + '同时' + x.slice(c + 1)] : []), ...EDITS.filter(([w]) => x.includes(w)).map(([w, to]) => x.replace(w, to))];
      };
      // Lineage reports carry extraction mess (spaces and line breaks inside words, as PDF text
      // has): a statement stands again when it does with the whitespace taken out.
      const bare = (x: string) => x.replace(/\s+/g, '');
      const nextText = bare(b.input.report.text);
      const carriedAt = (i: number) => variants(a.truth.planted.problems[i]!).some((v) => nextText.includes(bare(v)));
      const f = followProblems(a.input, b.input);
      assert.equal(f.next?.id, b.input.report.id);
      a.truth.planted.problems.forEach((statement, i) => {
        const found = f.problems.find((p) => p.problem.quote.includes(statement) || statement.includes(p.problem.quote));
        if (!found) return;
        const truly = carriedAt(i);
        if (found.status === 'repeated' && truly) tp++;
        else if (found.status === 'repeated') fp++;
        else if (truly) fn++;
        if (found.status === 'silent') silent++;
      });
    }
  }
  assert.ok(tp >= 30, `only ${tp} repeated problems`);
  assert.ok(silent > 0, 'some problems are not followed up');
  assert.ok(tp / (tp + fp) >= 0.9, `precision ${tp}/${tp + fp}`);
  assert.ok(tp / (tp + fn) >= 0.9, `recall ${tp}/${tp + fn}`);
});
