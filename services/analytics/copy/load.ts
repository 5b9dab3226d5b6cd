// A report to compare, named by a file (read and parsed as ingestion would) or by its id in
// the index; and the boilerplate the index's corpus defines (none for an empty index).
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Engine } from '../../search/engine.js';
import type { Comparable } from './compare.js';
import { copyRates } from './corpus.js';

export async function loadComparable(engine: Engine, fileOrId: string): Promise<Comparable | null> {
  if (existsSync(fileOrId)) {
    const [{ readDocument }, { parseText }] = await Promise.all([import('../../pipeline/read/index.js'), import('../../pipeline/parse.js')]);
    const { text } = await readDocument(fileOrId);
    const p = parseText(text, { fileName: basename(fileOrId) });
    return { id: null, title: p.title, issuer: p.issuer, year: p.year, text, passages: p.passages };
  }
  const r = await engine.backend.report(fileOrId);
  return r ? { id: r.id, title: r.title, issuer: r.issuer, year: r.year, text: r.text, passages: r.passages } : null;
}

export async function indexBoilerplate(engine: Engine): Promise<ReadonlySet<number>> {
  const info = await engine.backend.info();
  return info.reports ? (await copyRates(engine)).boilerplate : new Set();
}
