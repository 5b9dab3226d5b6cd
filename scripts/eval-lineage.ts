// Lineage links and copy rates measured against a generated lineage corpus's truth, e.g.
//   tsx scripts/gen-corpus.ts --lineages 300 --seed 3 --out /tmp/lin
//   node bin/gongkai.js ingest /tmp/lin --data-dir /tmp/lin-data
//   tsx scripts/eval-lineage.ts --corpus /tmp/lin --data-dir /tmp/lin-data [--json]
// A unit is linked right when the reports linked to it are exactly its reports; a pair's copy
// rate is right when within ±5 points of the truth.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { lineages } from '../services/analytics/lineage/index.js';
import { copyRates } from '../services/analytics/copy/corpus.js';
import { loadConfig, sqliteFile } from '../services/config.js';
import { Truth } from '../services/corpus-gen/types.js';
import { openEngine } from '../services/search/engine.js';

const { values: a } = parseArgs({ options: { corpus: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' } } });
if (!a.corpus || !a['data-dir']) throw new Error('usage: tsx scripts/eval-lineage.ts --corpus DIR --data-dir DIR [--json]');
const truths = readFileSync(join(a.corpus, 'TRUTH.jsonl'), 'utf8').trim().split('\n').map((l) => {
  const o = JSON.parse(l) as { fileName: string; truth: unknown };
  return { fileName: o.fileName, truth: Truth.pick({ lineage: true }).parse(o.truth) };
});
const config = loadConfig({ dataDir: a['data-dir'] });
const engine = await openEngine(config);
const db = new Database(sqliteFile(config), { readonly: true });
const idOf = new Map((db.prepare('SELECT doc_id, path FROM reports').all() as { doc_id: string; path: string }[]).map((r) => [basename(r.path), r.doc_id]));
db.close();

const l = await lineages(engine);
const unitOfId = (id: string | undefined) => (id === undefined ? -1 : l.unitOf[l.rowOf.get(id) ?? -1] ?? -1);
const byUnit = new Map<string, string[]>();
for (const t of truths) byUnit.set(t.truth.lineage!.unit, [...(byUnit.get(t.truth.lineage!.unit) ?? []), t.fileName]);
let unitsRight = 0;
const wrongUnits: string[] = [];
for (const [unit, files] of byUnit) {
  const ids = files.map((f) => idOf.get(f));
  const u = unitOfId(ids[0]);
  const linked = u >= 0 ? l.units[u]!.map((r) => l.summaries[r]!.id) : [];
  const ok = ids.every((id) => id !== undefined && unitOfId(id) === u) && linked.length === ids.length;
  if (ok) unitsRight++;
  else wrongUnits.push(unit);
}
let prevRight = 0;
let pairs = 0;
for (const t of truths) {
  const id = idOf.get(t.fileName);
  const want = t.truth.lineage!.previous ? idOf.get(t.truth.lineage!.previous) ?? null : null;
  const row = id === undefined ? undefined : l.rowOf.get(id);
  const got = row === undefined || l.previous[row]! < 0 ? null : l.summaries[l.previous[row]!]!.id;
  if (got === want) prevRight++;
  pairs++;
}

const started = performance.now();
const rates = await copyRates(engine);
const copyMs = performance.now() - started;
const errors: number[] = [];
const worst: { file: string; truth: number; measured: number | null }[] = [];
for (const t of truths) {
  const truth = t.truth.lineage!.copyRate;
  if (truth === null) continue;
  const id = idOf.get(t.fileName);
  const r = id === undefined ? undefined : rates.of(id);
  const measured = r?.previous ? r.previous.copyRate : null;
  const err = measured === null ? 1 : Math.abs(measured - truth);
  errors.push(err);
  worst.push({ file: t.fileName, truth, measured });
}
worst.sort((x, y) => Math.abs((y.measured ?? 9) - y.truth) - Math.abs((x.measured ?? 9) - x.truth));
errors.sort((x, y) => x - y);
const within = errors.filter((e) => e <= 0.05).length;
const result = {
  reports: truths.length, units: byUnit.size, unitsRight, unitShare: unitsRight / byUnit.size,
  previousRight: prevRight, previousShare: prevRight / pairs,
  copyPairs: errors.length, copyWithin5: within, copyShare: within / errors.length,
  copyMedianError: errors[Math.floor(errors.length / 2)] ?? null, copyP95Error: errors[Math.floor(errors.length * 0.95)] ?? null,
  copyMs: Math.round(copyMs), wrongUnits: wrongUnits.slice(0, 10), worstCopy: worst.slice(0, 8),
};
console.log(a.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
await engine.backend.close();
