// The audit against planted defects: on generated lineages, each defect's rule fails where
// the defect was planted and nowhere else (precision and recall ≥ 0.95), and every quote
// stands at its offsets in the report's text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Audit } from '../../services/analytics/audit/index.js';
import { auditedLineages, lineageTexts, RULE_OF, score } from './planted.js';

const lineageText = (fileName: string) => lineageTexts.get(fileName)!;

const audited = auditedLineages(5, 300);

test('each planted defect is found by its rule with precision and recall ≥ 0.95', () => {
  const scores = score(audited);
  assert.equal(scores.length, Object.keys(RULE_OF).length);
  for (const s of scores) {
    // Enough planted cases that the figures mean something.
    assert.ok(s.tp + s.fn >= 10, `${s.rule}: only ${s.tp + s.fn} planted`);
    assert.ok(s.precision >= 0.95, `${s.rule}: precision ${s.precision.toFixed(3)} (${s.misses.slice(0, 5).join(', ')})`);
    assert.ok(s.recall >= 0.95, `${s.rule}: recall ${s.recall.toFixed(3)} (${s.misses.slice(0, 5).join(', ')})`);
  }
});

test('every rule names its source and every quote stands at its offsets', () => {
  const texts = new Map(audited.map((a) => [a.fileName, a]));
  for (const a of audited.slice(0, 200)) {
    Audit.parse(a.audit);
    for (const r of a.audit.rules) {
      assert.ok(r.source.citation.length > 4, `${r.id} has no source`);
      for (const e of r.evidence) {
        const own = e.reportId ? texts.get(e.reportId) : a;
        assert.ok(own, `${r.id}: evidence from an unknown report ${e.reportId}`);
        const text = lineageText(own!.fileName);
        assert.equal(text.slice(e.start, e.end).replace(/\s+$/, ''), e.quote, `${a.fileName} ${r.id}`);
      }
    }
  }
});

test('a report without defects and with its previous year passes the cross-year rules', () => {
  const clean = audited.filter((a) => !(a.truth.defects ?? []).length && a.audit.previous && a.truth.year >= 2020 && a.truth.tableConsistent);
  assert.ok(clean.length >= 20);
  const carry = clean.map((a) => a.audit.rules.find((r) => r.id === 'tables.carry_over')!);
  assert.ok(carry.filter((r) => r.status === 'pass').length / carry.length >= 0.95);
  for (const r of carry.filter((x) => x.status === 'pass')) assert.ok(r.evidence.some((e) => e.reportId), 'the previous report is quoted');
});
