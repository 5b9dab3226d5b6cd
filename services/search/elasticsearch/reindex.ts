// gongkai reindex: rebuild both indices from the reports index, without downtime.
//
// Every stored report keeps its original text and source. Each is parsed and segmented
// again by this Gongkai (so a new segmenter, dictionary, pipeline or mapping version takes
// effect), written into two new concrete indices, and then both aliases move to them in
// one atomic _aliases call. Searches run on the old indices until that moment and on the
// new ones after it; the old indices are deleted last. Writes made to the old indices
// while a reindex runs are not carried over: do not ingest during a reindex.
import { basename } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Config } from '../../config.js';
import type { IndexedReport } from '../../core/schema.js';
import { toIndexed } from '../../ingest/to-indexed.js';
import { parseText } from '../../pipeline/parse.js';
import type { Segmenter } from '../../pipeline/segment/segmenter.js';
import { writeReports, type BulkOptions } from './bulk.js';
import { explain, IndexMissingError, safeUrl } from './errors.js';
import { aliasNames, checkReachable, concreteName, createIndex, makeClient, resolveAlias, type Names } from './indices.js';

export interface ReindexProgress { done: number; total: number; passages: number }
export interface ReindexSummary {
  reports: number; passages: number; ms: number;
  from: Names; to: Names;
  failed: Array<{ id: string; path: string; reason: string }>;
}

export interface ReindexOptions extends BulkOptions {
  onProgress?: (p: ReindexProgress) => void;
  /** Keep the old indices instead of deleting them after the swap. */
  keepOld?: boolean;
  /** Stored reports read per request (default 200). */
  pageSize?: number;
}

interface StoredSource { path: string; kind: IndexedReport['source']['kind']; bytes: number; sha256: string; encoding: string; text: string; demo?: boolean }

/** Every stored report, in report id order, a page at a time. */
async function* storedReports(client: Client, index: string, pageSize: number): AsyncGenerator<{ id: string; source: StoredSource }> {
  let after: unknown[] | undefined;
  for (;;) {
    const res = await client.search({
      index, size: pageSize, sort: [{ report_id: 'asc' }], _source: ['path', 'kind', 'bytes', 'sha256', 'encoding', 'text', 'demo'],
      ...(after ? { search_after: after as never } : {}),
    });
    for (const h of res.hits.hits) yield { id: h._id!, source: h._source as StoredSource };
    if (res.hits.hits.length < pageSize) return;
    after = res.hits.hits.at(-1)!.sort as unknown[];
  }
}

export async function reindex(config: Config, seg: Segmenter, opts: ReindexOptions = {}): Promise<ReindexSummary> {
  const started = performance.now();
  const client = makeClient(config);
  const url = safeUrl(config.esUrl);
  const aliases = aliasNames(config.esIndex);
  const created: string[] = [];
  try {
    await checkReachable(client, url);
    const from = { passages: await resolveAlias(client, aliases.passages), reports: await resolveAlias(client, aliases.reports) };
    if (!from.reports) throw new IndexMissingError(url, aliases.reports);
    await client.indices.refresh({ index: from.reports });
    const total = (await client.count({ index: from.reports })).count;
    const to: Names = { passages: concreteName(aliases.passages), reports: concreteName(aliases.reports) };
    await createIndex(client, 'passages', to.passages, seg.signature);
    created.push(to.passages);
    await createIndex(client, 'reports', to.reports, seg.signature);
    created.push(to.reports);

    const summary: ReindexSummary = { reports: 0, passages: 0, ms: 0, from: from as Names, to, failed: [] };
    async function* reparsed(): AsyncGenerator<IndexedReport> {
      for await (const { id, source } of storedReports(client, from.reports!, opts.pageSize ?? 200)) {
        try {
          const { text, demo, ...src } = source;
          const parsed = parseText(text, { fileName: basename(src.path) });
          const doc = toIndexed(parsed, src, text, seg, demo ?? false);
          summary.reports++;
          summary.passages += doc.passages.length;
          opts.onProgress?.({ done: summary.reports, total, passages: summary.passages });
          yield doc;
        } catch (err) {
          summary.failed.push({ id, path: source.path, reason: err instanceof Error ? err.message : String(err) });
        }
      }
    }
    await writeReports(client, to, reparsed(), opts, 'reindexing');
    if (summary.failed.length) {
      throw new Error(`${summary.failed.length} stored report(s) could not be parsed again, so the old index stays in place: ` +
        summary.failed.slice(0, 5).map((f) => `${f.path}: ${f.reason}`).join('; '));
    }
    await client.indices.refresh({ index: [to.passages, to.reports] });
    const check = await Promise.all([client.count({ index: to.reports }), client.count({ index: to.passages })]);
    if (check[0].count !== summary.reports || check[1].count !== summary.passages) {
      throw new Error(`the new index holds ${check[0].count} reports and ${check[1].count} passages, expected ${summary.reports} and ${summary.passages}; the old index stays in place`);
    }
    // One atomic call: readers see the old pair or the new pair, never one of each.
    const actions: object[] = [
      { add: { index: to.passages, alias: aliases.passages } },
      { add: { index: to.reports, alias: aliases.reports } },
    ];
    if (from.passages) actions.unshift({ remove: { index: from.passages, alias: aliases.passages } });
    actions.unshift({ remove: { index: from.reports, alias: aliases.reports } });
    await client.indices.updateAliases({ actions: actions as never });
    created.length = 0;
    if (!opts.keepOld) await client.indices.delete({ index: [from.reports, ...(from.passages ? [from.passages] : [])] });
    summary.ms = Math.round(performance.now() - started);
    return summary;
  } catch (err) {
    // A failed reindex leaves the old indices serving and removes what it built.
    if (created.length) await client.indices.delete({ index: created }).catch(() => undefined);
    throw explain(err, url, aliases.reports, 'a reindex');
  } finally {
    await client.close();
  }
}
