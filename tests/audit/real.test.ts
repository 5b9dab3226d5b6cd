// The audit over the real reports (read at run time, never copied): every report audited
// without error, every rule answered, every quote standing at its offsets; the deadline rule
// judges the reports whose sign-off date it finds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditReport, RULE_IDS } from '../../services/analytics/audit/index.js';
import { parseText } from '../../services/pipeline/parse.js';
import { realReports, realText } from '../helpers/corpus.js';

test('every real report is audited, each rule answered and each quote at its offsets', () => {
  const reports = realReports();
  assert.ok(reports.length >= 5);
  const statuses = new Map<string, Record<string, number>>();
  for (const { file } of reports) {
    const text = realText(file);
    const parsed = parseText(text, { fileName: file });
    const audit = auditReport({ ...parsed, id: file, text, source: { path: file, kind: 'txt', bytes: text.length, sha256: '0'.repeat(64), encoding: 'utf-8' } }, null);
    assert.deepEqual(audit.rules.map((r) => r.id), RULE_IDS, file);
    for (const r of audit.rules) {
      const s = statuses.get(r.id) ?? {};
      s[r.status] = (s[r.status] ?? 0) + 1;
      statuses.set(r.id, s);
      assert.ok(r.detail.length > 0, `${file} ${r.id}: no detail`);
      for (const e of r.evidence) assert.equal(text.slice(e.start, e.end).replace(/\s+$/, ''), e.quote, `${file} ${r.id}`);
    }
  }
  // The six-part reports are judged on their parts, not all passed over.
  const parts = statuses.get('format.parts')!;
  assert.ok((parts.pass ?? 0) + (parts.fail ?? 0) > 0, JSON.stringify(parts));
  const concrete = statuses.get('problems.concrete')!;
  assert.ok((concrete.pass ?? 0) > 0, JSON.stringify(concrete));
});
