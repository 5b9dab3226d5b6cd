// gongkai collocates|keywords|ngrams|dispersion: the corpus-analysis tables on the command
// line, as text, --json (the API's answer) or --csv (the table's rows).
import { toCsv } from '../core/csv.js';
import type { Engine } from '../search/engine.js';
import { collocates } from '../search/methods/corpus/collocates.js';
import { dispersion } from '../search/methods/corpus/dispersion.js';
import { keywords } from '../search/methods/corpus/keywords.js';
import { ngrams } from '../search/methods/corpus/ngrams.js';
import { printable } from './printable.js';

export const CORPUS_COMMANDS = ['collocates', 'keywords', 'ngrams', 'dispersion'] as const;

export interface CorpusOptions {
  json?: boolean; csv?: boolean; vs?: string; n?: string; left?: string; right?: string; sentence?: boolean;
  'min-freq'?: string; 'min-range'?: string; limit?: string; sort?: string; boilerplate?: string;
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

function table(header: string[], rows: unknown[][], opts: CorpusOptions, answer: unknown, title: string): string {
  if (opts.json) return JSON.stringify(answer, null, 2);
  if (opts.csv) return toCsv(header, rows).trimEnd();
  const lines = rows.map((r) => r.map((c) => printable(String(c))).join('\t'));
  return [title, header.join('\t'), ...lines].join('\n');
}

export async function runCorpusCommand(engine: Engine, command: (typeof CORPUS_COMMANDS)[number], query: string, opts: CorpusOptions): Promise<string> {
  const common = { minFreq: num(opts['min-freq']), limit: num(opts.limit) };
  if (command === 'collocates') {
    const out = await collocates(engine, { q: query, left: num(opts.left), right: num(opts.right), sentence: opts.sentence ?? false, ...common, sort: opts.sort as 'logDice' | undefined });
    return table(['collocate', 'freq', 'left', 'right', 'collocate_freq', 'mi', 'g2', 't', 'logdice'],
      out.collocates.map((c) => [c.term, c.freq, c.left, c.right, c.collocateFreq, c.mi, c.g2, c.t, c.logDice]), opts, out,
      `「${out.node.join(' ')}」出现 ${out.nodeFreq} 次，${out.passages} 段；搭配词 ${out.total} 个（${out.tookMs} ms）`);
  }
  if (command === 'keywords') {
    const out = await keywords(engine, { a: query, b: opts.vs ?? '', ...common, minRange: num(opts['min-range']), sort: opts.sort as 'll' | undefined });
    const rows = [...out.positive.map((k) => ['+', k] as const), ...out.negative.map((k) => ['-', k] as const)]
      .map(([d, k]) => [d, k.term, k.freqA, k.freqB, k.rangeA, k.rangeB, k.perMillionA, k.perMillionB, k.ll, k.logRatio, k.percentDiff]);
    return table(['direction', 'term', 'freq_a', 'freq_b', 'range_a', 'range_b', 'per_million_a', 'per_million_b', 'll', 'log_ratio', 'percent_diff'],
      rows, opts, out, `A：${out.a.reports} 份报告 ${out.a.tokens} 词；B${out.b.rest ? '（其余语料）' : ''}：${out.b.reports} 份报告 ${out.b.tokens} 词（${out.tookMs} ms）`);
  }
  if (command === 'ngrams') {
    const out = await ngrams(engine, { q: query, n: num(opts.n), ...common, minRange: num(opts['min-range']), boilerplate: opts.boilerplate as 'mark' | undefined, sort: opts.sort as 'freq' | undefined });
    return table(['ngram', 'freq', 'range', 'dp', 'boilerplate'], out.ngrams.map((g) => [g.words.join(' '), g.freq, g.range, g.dp, g.boilerplate ? 'yes' : '']),
      opts, out, `${out.n} 元词组 ${out.total} 个，${out.reports} 份报告，套话句 ${out.boilerplateSentences} 句（${out.tookMs} ms）`);
  }
  const out = await dispersion(engine, { q: query });
  const rows = [
    ...out.byYear.map((g) => ['year', g.key, g.freq, g.range, g.reports, g.perMillion]),
    ...out.byProvince.map((g) => ['province', g.key, g.freq, g.range, g.reports, g.perMillion]),
    ...out.byLevel.map((g) => ['level', g.key, g.freq, g.range, g.reports, g.perMillion]),
  ];
  return table(['by', 'key', 'freq', 'range', 'reports', 'per_million'], rows, opts, out,
    `「${out.node.join(' ')}」${out.freq} 次，${out.range}/${out.reports} 份报告，DP ${out.dp}（${out.tookMs} ms）`);
}
