// Every write goes through the client's bulk helper: bounded concurrency, documents
// refused with 429 retried with a pause, every other refusal collected and reported —
// never silently dropped. Nothing here refreshes: callers decide when writes become visible.
import type { Client } from '@elastic/elasticsearch';
import type { IndexedReport } from '../../core/schema.js';
import { BulkWriteError, type FailedDocument } from './errors.js';
import { passageDocs, reportDoc } from './documents.js';
import type { Names } from './indices.js';

export type Op =
  | { op: 'index'; index: string; id: string; body: Record<string, unknown> }
  | { op: 'delete'; index: string; id: string };

export interface BulkOptions {
  /** Bulk requests in flight at once (default 2: one node, two cores). */
  concurrency?: number;
  /** Bytes per bulk request (default 5 MB). */
  flushBytes?: number;
  /** Retries of documents refused with 429, and the pause between them (default 5 × 500 ms). */
  retries?: number;
  wait?: number;
}

/** The report a document belongs to: `<reportId>:p<ordinal>` for a passage, `<reportId>` for a report. */
export const reportOf = (id: string) => (/:p\d+$/.test(id) ? id.slice(0, id.lastIndexOf(':p')) : id);

export interface BulkResult { failed: Array<FailedDocument & { group?: string }>; written: number }

/** Sends the operations; resolves with the refused ones (a missing document to delete is not a refusal). */
export async function sendOps(client: Client, ops: Iterable<Op> | AsyncIterable<Op>, opts: BulkOptions = {}): Promise<BulkResult> {
  const failed: BulkResult['failed'] = [];
  const stats = await client.helpers.bulk<Op>({
    datasource: (async function* () { yield* ops; })(),
    onDocument: (o) => {
      return o.op === 'index'
        ? [{ index: { _index: o.index, _id: o.id } }, o.body] as unknown as [{ index: { _index: string; _id: string } }, Op]
        : { delete: { _index: o.index, _id: o.id } };
    },
    onDrop: (d) => {
      const action = d.operation as { index?: { _index: string; _id: string }; delete?: { _index: string; _id: string } };
      const target = action.index ?? action.delete!;
      if (action.delete && d.status === 404) return;
      const error = d.error as { type?: string; reason?: string } | null;
      failed.push({
        id: target._id, status: d.status,
        reason: error ? `${error.type ?? 'error'}: ${error.reason ?? ''}`.trim() : d.status === 429 ? 'too many requests, retries exhausted' : 'refused',
        group: reportOf(target._id),
      });
    },
    concurrency: opts.concurrency ?? 2,
    flushBytes: opts.flushBytes ?? 5_000_000,
    flushInterval: 1000,
    retries: opts.retries ?? 5,
    wait: opts.wait ?? 500,
  });
  return { failed, written: stats.successful };
}

/** Index operations of whole reports: passages first, then the report document. */
export function* reportOps(names: Names, reports: Iterable<IndexedReport>): Generator<Op> {
  for (const r of reports) yield* opsOf(names, r);
}

export async function* reportOpsAsync(names: Names, reports: AsyncIterable<IndexedReport>): AsyncGenerator<Op> {
  for await (const r of reports) yield* opsOf(names, r);
}

function* opsOf(names: Names, r: IndexedReport): Generator<Op> {
  for (const p of passageDocs(r)) yield { op: 'index', index: names.passages, id: p.id, body: p.body };
  const d = reportDoc(r);
  yield { op: 'index', index: names.reports, id: d.id, body: d.body };
}

/** Delete operations of reports, by the passage ids their documents record. */
export function deleteOps(names: Names, reports: Array<{ id: string; passageIds: string[] }>): Op[] {
  return reports.flatMap((r) => [
    ...r.passageIds.map((id): Op => ({ op: 'delete', index: names.passages, id })),
    { op: 'delete', index: names.reports, id: r.id } as Op,
  ]);
}

/**
 * Writes whole reports. With `rollback`, reports with a refused document are taken out
 * again (their documents deleted, best effort); either way the call throws
 * BulkWriteError naming every refused document, and the other reports stay written.
 * Resolves with the number of reports sent.
 */
export async function writeReports(client: Client, names: Names, reports: IndexedReport[] | AsyncIterable<IndexedReport>,
  opts: BulkOptions & { rollback?: boolean } = {}, what = 'indexing reports'): Promise<number> {
  const written = new Map<string, string[]>();
  let count = 0;
  const remember = (o: Op) => {
    if (o.op === 'index' && o.index === names.reports) count++;
    if (opts.rollback && o.op === 'index' && o.index === names.passages) {
      const r = reportOf(o.id);
      const ids = written.get(r) ?? [];
      ids.push(o.id);
      written.set(r, ids);
    }
    return o;
  };
  const source = Array.isArray(reports) ? reportOps(names, reports) : reportOpsAsync(names, reports);
  const ops = (async function* () { for await (const o of source) yield remember(o); })();
  const result = await sendOps(client, ops, opts);
  if (result.failed.length) {
    if (opts.rollback) {
      const bad = [...new Set(result.failed.map((f) => f.group).filter((g): g is string => g !== undefined))];
      await sendOps(client, deleteOps(names, bad.map((id) => ({ id, passageIds: written.get(id) ?? [] }))), opts).catch(() => undefined);
    }
    throw new BulkWriteError(result.failed, what);
  }
  return count;
}
