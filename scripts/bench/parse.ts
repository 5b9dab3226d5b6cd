// Report understanding alone: parseText (normalize → metadata → sections → passages →
// themes) over texts already in memory. No file reading, no segmentation, no index.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseText } from '../../services/pipeline/parse.js';
import { MB, spread, type Spread } from './stats.js';

export interface ParseResult { reports: number; bytes: number; repeats: number; mbps: Spread; reportsPerS: Spread; passages: number }

export function benchParse(files: string[], repeats: number): ParseResult {
  const docs = files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
  const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
  let passages = 0;
  for (const d of docs.slice(0, 50)) parseText(d.text, { fileName: d.name }); // warm-up
  const secs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    passages = 0;
    const t0 = performance.now();
    for (const d of docs) passages += parseText(d.text, { fileName: d.name }).passages.length;
    secs.push((performance.now() - t0) / 1000);
  }
  return {
    reports: docs.length, bytes, repeats, passages,
    mbps: spread(secs.map((s) => bytes / MB / s)), reportsPerS: spread(secs.map((s) => docs.length / s)),
  };
}
