// gongkai ingest|parse|search|serve|stats — the command line.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../config.js';
import { segmenter } from '../pipeline/segment/segmenter.js';
import { openEngine } from '../search/engine.js';
import { SqliteBackend } from '../search/sqlite/backend.js';
import { printable } from './printable.js';
// What only some commands need (the ingest pipeline, the file readers, the HTTP server) is
// imported by those commands: `serve` starts without loading ingestion, `search` without express.

const USAGE = `usage: gongkai <command> [options]

commands:
  ingest <file|folder>... [--follow-links]
                            add reports (.txt .html .docx .doc .pdf, folders recursively) to the index; links
                            leading outside the folders given are skipped unless --follow-links
  parse <file> [--json]     show how a report is understood (the object ingestion indexes)
  compare <a> <b> [--json]  a report (file or indexed id) against an earlier one: sections and sentences aligned, copy rate of b against a
  audit <file|id> [--json]  the report's format-compliance checklist: each rule with its source, pass / fail / not assessable, and the quotes that show it
  search <query> [--json] [--size N] [--page N] [--sort relevance|year_desc|year_asc|region] [--collapse]
  collocates <query> [--left N] [--right N] [--sentence] [--min-freq N] [--sort logDice|mi|g2|t|freq] [--json|--csv]
                            collocates of a word or phrase in a slice ("人员不足 section:problems level:township")
  keywords <slice A> [--vs <slice B>] [--min-freq N] [--min-range N] [--json|--csv]
                            keywords of A against B (without --vs: against the rest of the corpus)
  ngrams <slice> [--n 2..5] [--boilerplate mark|exclude|only] [--min-freq N] [--json|--csv]
                            the slice's most frequent word n-grams, boilerplate marked
  dispersion <query> [--json|--csv]
                            a term's frequency and range by year, province and level, and its DP
  serve [--port N]          serve the web app and the API on an existing index
  stats                     reports, passages and years indexed
  stats-series <metric> [--by year|province|level] [--min-reports N] [--json|--csv]
                            a crosswalk measure or rate (disclosure_rate, requests.new …) across the three table
                            formats, the sample size beside every value (docs/analytics.md)
  export-index <file>       back up the embedded index to one file (online: a server may keep running)
  import-index <file>       replace the embedded index with a backup made by export-index
  reindex                   rebuild the Elasticsearch index from its stored reports (new segmenter, pipeline or
                            mapping), then swap it in atomically; searches go on meanwhile (docs/elasticsearch.md)

options (also from the environment):
  --data-dir DIR   GONGKAI_DATA_DIR   where the index lives (default: data/)
  --backend NAME   GONGKAI_BACKEND    sqlite (default) or elasticsearch
  --port N         PORT               HTTP port (default 3000)
  --es-url URL     ES_URL             Elasticsearch URL
                   ES_INDEX, ES_USERNAME, ES_PASSWORD, ES_CA_FILE: see docs/elasticsearch.md
  GONGKAI_MAX_FILE_MB    files larger than this are refused unread (default 100)
  GONGKAI_WRITE_TOKEN, GONGKAI_INGEST_ROOT, GONGKAI_CORS_ORIGIN, GONGKAI_RATE_LIMIT: see docs/security.md`;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      json: { type: 'boolean' }, size: { type: 'string' }, page: { type: 'string' }, sort: { type: 'string' },
      collapse: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' },
      'data-dir': { type: 'string' }, backend: { type: 'string' }, 'es-url': { type: 'string' },
      demo: { type: 'boolean' }, 'seed-demo': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      'follow-links': { type: 'boolean' },
      csv: { type: 'boolean' }, vs: { type: 'string' }, n: { type: 'string' }, left: { type: 'string' }, right: { type: 'string' },
      sentence: { type: 'boolean' }, 'min-freq': { type: 'string' }, 'min-range': { type: 'string' }, limit: { type: 'string' },
      boilerplate: { type: 'string' },
      by: { type: 'string' }, 'min-reports': { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) { console.log(USAGE); return command || values.help ? 0 : 2; }
  // Not for people: the server's POST /api/ingest runs in this child process (ingest/child.ts).
  if (command === 'ingest-job') return (await import('../ingest/child.js')).runIngestJob();
  const config = loadConfig({ dataDir: values['data-dir'], backend: values.backend, port: values.port, host: values.host, esUrl: values['es-url'] });

  if (command === 'parse') {
    if (args.length !== 1) throw new UsageError('parse takes one file');
    const [{ readDocument }, { parseText }] = await Promise.all([import('../pipeline/read/index.js'), import('../pipeline/parse.js')]);
    const { text, source } = await readDocument(args[0]!);
    const parsed = parseText(text, { fileName: basename(args[0]!), address: source.url });
    const { ParseOutput } = await import('../core/schema.js');
    if (values.json) console.log(JSON.stringify(ParseOutput.parse({ ...parsed, published: source.published ?? null, source }), null, 2));
    else {
      console.log(printable(`${parsed.title ?? '(no title)'}`) + `\n${printable(parsed.issuer ?? '?')} · ${parsed.year ?? '?'} · ${parsed.level} · format ${parsed.format}`);
      console.log(printable(`region: ${[parsed.region.province, parsed.region.city, parsed.region.county, parsed.region.township].filter(Boolean).join(' ')} (${parsed.region.code ?? 'unresolved'})`));
      for (const p of parsed.passages) console.log(`  [${p.ordinal}] ${p.section.padEnd(17)} ${printable(p.text.slice(0, 60))}${p.text.length > 60 ? '…' : ''}`);
      for (const w of parsed.warnings) console.log(`warning: ${printable(w)}`);
      if (source.ocr) console.log(`note: text recognised by OCR (${source.ocr.engine} ${source.ocr.languages}, ${source.ocr.pages} pages): check quotations against the original`);
    }
    return 0;
  }

  if (command === 'reindex') {
    if (args.length) throw new UsageError('reindex takes no arguments');
    if (config.backend !== 'elasticsearch') {
      throw new UsageError('reindex rebuilds the Elasticsearch index (GONGKAI_BACKEND=elasticsearch); to rebuild the embedded index, ' +
        'move data/gongkai.sqlite away and run `gongkai ingest` on your folders again');
    }
    // Not through openEngine: the index being rebuilt may be one it would refuse to open.
    const [{ reindex }, { progressBar }] = await Promise.all([import('../search/elasticsearch/reindex.js'), import('./progress.js')]);
    const bar = progressBar();
    const s = await reindex(config, segmenter(), {
      onProgress: (p) => bar.update({ done: p.done, total: p.total, bytes: 0, passages: p.passages, file: '' }),
    });
    bar.stop();
    console.log(`reindexed ${s.reports} reports, ${s.passages} passages in ${(s.ms / 1000).toFixed(1)} s: ` +
      `${s.to.passages} and ${s.to.reports} now serve ${config.esIndex}-passages and ${config.esIndex}-reports`);
    return 0;
  }

  const engine = await openEngine(config);
  try {
    switch (command) {
      case 'ingest': {
        if (!args.length) throw new UsageError('ingest needs at least one file or folder');
        const [{ ingest }, { formatSummary, progressBar }] = await Promise.all([import('../ingest/ingest.js'), import('./progress.js')]);
        const bar = progressBar();
        const summary = await ingest(engine, args, {
          demo: values.demo ?? false, onProgress: bar.update, maxFileMb: config.maxFileMb, followLinks: values['follow-links'] ?? false,
        });
        bar.stop();
        console.log(formatSummary(summary));
        return summary.failed.length && !summary.indexed && !summary.replaced && !summary.unchanged ? 1 : 0;
      }
      case 'search': {
        const { search } = await import('../search/methods/search.js');
        const out = await search(engine, {
          q: args.join(' '), size: Number(values.size ?? 10), page: Number(values.page ?? 1),
          sort: (values.sort ?? 'relevance') as 'relevance', collapse: values.collapse ?? false,
        });
        if (values.json) { console.log(JSON.stringify(out, null, 2)); return 0; }
        for (const w of out.warnings) console.log(`note: ${printable(w.message)}`);
        console.log(`${out.total} passages (${out.tookMs} ms)${out.demo ? ' — demo data' : ''}`);
        out.hits.forEach((h, i) => {
          // The marks (real tags: the text's own are escaped) become colour; the text between them is made printable.
          const snippet = h.snippet.split(/(<\/?mark>)/).map((part) => (part === '<mark>' ? '\x1b[1;33m' : part === '</mark>' ? '\x1b[0m'
            : printable(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')))).join('');
          console.log(`\n${(out.page - 1) * out.size + i + 1}. ${snippet}\n   — ${printable(h.citation.text)}`);
        });
        return 0;
      }
      case 'audit': {
        if (args.length !== 1) throw new UsageError('audit takes one report (a file or an indexed id)');
        const { existsSync } = await import('node:fs');
        const { auditById, auditFile } = await import('../analytics/methods/audit.js');
        const out = existsSync(args[0]!) ? await auditFile(engine, args[0]!) : await auditById(engine, args[0]!);
        if (!out) throw new UsageError(`no such file or indexed report: ${args[0]}`);
        if (values.json) { console.log(JSON.stringify(out, null, 2)); return 0; }
        const mark = { pass: '✓', fail: '✗', not_assessable: '–' } as const;
        console.log(printable(`${out.report.title ?? args[0]}${out.previous ? `（对照 ${out.previous.year ?? ''} 年报告）` : ''}`));
        console.log(`pass ${out.counts.pass}, fail ${out.counts.fail}, not assessable ${out.counts.not_assessable}`);
        for (const r of out.rules) {
          console.log(`\n${mark[r.status]} ${r.id}  ${printable(r.title)}\n  ${printable(r.detail)}\n  依据：${printable(r.source.citation)}`);
          for (const e of r.evidence.slice(0, 4)) console.log(printable(`    [${e.start}–${e.end}${e.reportId ? ` @${e.reportId}` : ''}] ${e.quote.replace(/\s+/g, ' ').slice(0, 80)}${e.note ? `  (${e.note})` : ''}`));
        }
        return 0;
      }
      case 'compare': {
        if (args.length !== 2) throw new UsageError('compare takes two reports (files or indexed ids)');
        const [{ compareReports }, { loadComparable, indexBoilerplate }] = await Promise.all([import('../analytics/copy/compare.js'), import('../analytics/copy/load.js')]);
        const [a, b] = await Promise.all(args.map((x) => loadComparable(engine, x)));
        if (!a || !b) throw new UsageError(`no such file or indexed report: ${!a ? args[0] : args[1]}`);
        const out = compareReports(a, b, await indexBoilerplate(engine));
        if (values.json) { console.log(JSON.stringify(out, null, 2)); return 0; }
        const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
        console.log(printable(`${b.title ?? args[1]} ← ${a.title ?? args[0]}`));
        console.log(`copy rate ${pct(out.copyRate)} (boilerplate ${pct(out.boilerplateShare)} counted apart); sentences: ${out.counts.unchanged} unchanged, ${out.counts.changed} changed, ${out.counts.new} new, ${out.counts.dropped} dropped`);
        const mark = { unchanged: ' ', changed: '~', new: '+', dropped: '-' } as const;
        for (const sec of out.sections) {
          console.log(`\n[${sec.label}]`);
          for (const r of sec.rows) console.log(`${mark[r.status]} ${printable((r.b ?? r.a ?? '').slice(0, 70))}${r.boilerplate ? ' (套话)' : ''}`);
        }
        const changed = out.cells.filter((c) => c.changed);
        if (changed.length) console.log(`\ntable cells changed: ${changed.length} of ${out.cells.length}`);
        for (const c of changed.slice(0, 30)) console.log(printable(`  ${c.label} · ${c.column}: ${c.a ?? '—'} → ${c.b ?? '—'}`));
        return 0;
      }
      case 'collocates':
      case 'keywords':
      case 'ngrams':
      case 'dispersion': {
        const { runCorpusCommand } = await import('./corpus.js');
        console.log(await runCorpusCommand(engine, command, args.join(' '), values));
        return 0;
      }
      case 'stats-series': {
        const { runStatsSeries, SeriesUsageError } = await import('./stats-series.js');
        try {
          console.log(await runStatsSeries(engine, args, values));
        } catch (e) {
          throw e instanceof SeriesUsageError ? new UsageError(e.message) : e;
        }
        return 0;
      }
      case 'stats': {
        const info = await engine.backend.info();
        console.log(`${info.reports} reports, ${info.passages} passages (${info.backend}: ${info.location})`);
        if (info.demoReports) console.log(`${info.demoReports} of them are generated demo reports`);
        console.log(`years: ${info.years.map((y) => `${y.year} (${y.reports})`).join(', ') || 'none'}`);
        console.log(`segmenter: ${info.segmenter}`);
        return 0;
      }
      case 'export-index':
      case 'import-index': {
        if (args.length !== 1) throw new UsageError(`${command} takes one file`);
        if (!(engine.backend instanceof SqliteBackend)) {
          throw new UsageError(`${command} is for the embedded index; back up Elasticsearch with its snapshot API`);
        }
        if (command === 'export-index') {
          await engine.backend.exportTo(args[0]!);
          console.log(`index backed up to ${args[0]}`);
        } else {
          await engine.backend.importFrom(args[0]!);
          const info = await engine.backend.info();
          console.log(`index restored from ${args[0]}: ${info.reports} reports, ${info.passages} passages`);
        }
        return 0;
      }
      case 'serve': {
        const { serve } = await import('./serve.js');
        await serve(engine, config, { seedDemo: values['seed-demo'] ?? false });
        return await new Promise<number>(() => {}); // runs until stopped
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    if (command !== 'serve') await engine.backend.close();
  }
}

export class UsageError extends Error {}

export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`gongkai: ${(err as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (err instanceof ConfigError || err instanceof Error) { // ReadError too
      console.error(`gongkai: ${printable(err.message)}`);
      process.exitCode = 1;
    } else {
      console.error('gongkai:', err);
      process.exitCode = 1;
    }
  }
}
