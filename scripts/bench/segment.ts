// Segmentation throughput: @node-rs/jieba against nodejieba on the very same passages,
// both with their default dictionaries, precise mode, with HMM off (Gongkai's mode) and on.
// Each repetition runs every contender once, in rotating order, so the ratio of a
// repetition is taken under the same machine load.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict as defaultDict } from '@node-rs/jieba/dict.js';
import { parseText } from '../../services/pipeline/parse.js';
import { fold, segmenter } from '../../services/pipeline/segment/segmenter.js';
import { MB, spread, type Spread } from './stats.js';

export interface SegmentResult {
  texts: number; bytes: number; repeats: number;
  mbps: Record<string, Spread>;
  /** @node-rs/jieba ÷ nodejieba throughput, per repetition. */
  ratio: Record<string, Spread>;
  nodejieba: string;
}

type Cut = (s: string) => unknown;

function loadNodejieba(): { cut: (s: string, hmm: boolean) => string[]; version: string } | string {
  try {
    const require = createRequire(import.meta.url);
    const nj = require('nodejieba') as { cut: (s: string, hmm?: boolean) => string[]; load: () => void };
    nj.load();
    const version = (require('nodejieba/package.json') as { version: string }).version;
    return { cut: (s, hmm) => nj.cut(s, hmm), version };
  } catch (err) {
    return `unavailable: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
}

export function benchSegment(files: string[], repeats: number): SegmentResult {
  // The passages exactly as ingest gives them to the segmenter: parsed, then folded.
  const texts = files.flatMap((f) => parseText(readFileSync(f, 'utf8'), { fileName: basename(f) }).passages.map((p) => fold(p.text)));
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const rs = Jieba.withDict(defaultDict);
  const nj = loadNodejieba();
  const gk = segmenter();
  const contenders: Record<string, Cut> = {
    'node-rs': (s) => rs.cut(s, false),
    'node-rs+hmm': (s) => rs.cut(s, true),
    ...(typeof nj === 'string' ? {} : { nodejieba: (s: string) => nj.cut(s, false), 'nodejieba+hmm': (s: string) => nj.cut(s, true) }),
    // What ingest really runs per passage: domain dictionary, punctuation filter, plus the bigrams.
    'gongkai words+grams': (s) => { gk.words(s); gk.grams(s); },
  };
  const names = Object.keys(contenders);
  const runs: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) for (const t of texts.slice(0, 200)) contenders[n]!(t); // warm-up
  for (let r = 0; r < repeats; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]!);
    for (const n of order) {
      const cut = contenders[n]!;
      const t0 = performance.now();
      for (const t of texts) cut(t);
      runs[n]!.push(bytes / MB / ((performance.now() - t0) / 1000));
    }
  }
  const ratio: Record<string, Spread> = {};
  if (runs.nodejieba) {
    ratio['hmm off'] = spread(runs['node-rs']!.map((x, i) => x / runs.nodejieba![i]!));
    ratio['hmm on'] = spread(runs['node-rs+hmm']!.map((x, i) => x / runs['nodejieba+hmm']![i]!));
  }
  return {
    texts: texts.length, bytes, repeats,
    mbps: Object.fromEntries(names.map((n) => [n, spread(runs[n]!)])), ratio,
    nodejieba: typeof nj === 'string' ? nj : `nodejieba@${nj.version}`,
  };
}
