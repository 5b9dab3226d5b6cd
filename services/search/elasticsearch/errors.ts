// What goes wrong with Elasticsearch, said plainly: which cluster, which index, what to do.
import { errors } from '@elastic/elasticsearch';
import { BackendUnavailableError } from '../backend.js';

/** The cluster does not answer (refused, reset, timed out, DNS). */
export class ElasticsearchUnavailableError extends BackendUnavailableError {
  constructor(readonly url: string, reason: string) {
    super(`Elasticsearch at ${url} is not reachable: ${reason}`);
  }
}

/** The alias Gongkai reads does not exist: nothing was ingested into this cluster yet. */
export class IndexMissingError extends BackendUnavailableError {
  constructor(readonly url: string, readonly index: string) {
    super(`there is no Gongkai index "${index}" at ${url}: run \`gongkai ingest <folder>\` with GONGKAI_BACKEND=elasticsearch first`);
  }
}

/** The index was created from another version of index-mappings/. */
export class MappingVersionError extends Error {
  constructor(readonly location: string, readonly found: unknown, readonly expected: number) {
    super(`the Elasticsearch index ${location} uses mapping version ${String(found)}, but this Gongkai expects version ${expected}; ` +
      'run `gongkai reindex` to rebuild it (searches keep working on the old index until the new one is swapped in)');
  }
}

export interface FailedDocument { id: string; status: number; reason: string }

/** Some documents of a write were refused after retries; the write was rolled back where possible. */
export class BulkWriteError extends Error {
  constructor(readonly failed: FailedDocument[], what: string) {
    const shown = failed.slice(0, 5).map((f) => `${f.id} (${f.status}: ${f.reason})`).join('; ');
    super(`Elasticsearch refused ${failed.length} document(s) while ${what}: ${shown}${failed.length > 5 ? '; …' : ''}`);
  }
}

/** The URL without credentials, for messages and `info().location`. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

function reasonOf(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  const message = err instanceof Error ? err.message : String(err);
  if (cause instanceof Error && cause.message && !message.includes(cause.message)) return `${message} (${cause.message})`;
  return message;
}

/** ES error type of a response error (`index_not_found_exception`, …). */
export function errorType(err: unknown): string | undefined {
  if (!(err instanceof errors.ResponseError)) return undefined;
  const body = err.meta?.body as { error?: { type?: string; root_cause?: Array<{ type?: string }> } } | undefined;
  return body?.error?.type ?? body?.error?.root_cause?.[0]?.type;
}

/**
 * Turns a client error into one of ours: connection problems become
 * ElasticsearchUnavailableError, a missing alias IndexMissingError; other
 * response errors keep ES's own reason, prefixed with what we were doing.
 */
export function explain(err: unknown, url: string, index: string, doing: string): Error {
  if (err instanceof ElasticsearchUnavailableError || err instanceof IndexMissingError || err instanceof MappingVersionError ||
    err instanceof BulkWriteError) return err;
  if (err instanceof errors.ConnectionError || err instanceof errors.NoLivingConnectionsError || err instanceof errors.TimeoutError) {
    return new ElasticsearchUnavailableError(url, reasonOf(err));
  }
  if (err instanceof errors.ResponseError) {
    if (errorType(err) === 'index_not_found_exception') return new IndexMissingError(url, index);
    const status = err.meta?.statusCode;
    if (status === 502 || status === 503 || status === 504) return new ElasticsearchUnavailableError(url, `HTTP ${status}`);
    const body = err.meta?.body as { error?: { reason?: string; root_cause?: Array<{ reason?: string }> } } | undefined;
    const reason = body?.error?.root_cause?.[0]?.reason ?? body?.error?.reason ?? err.message;
    return new Error(`Elasticsearch at ${url} refused ${doing}: ${errorType(err) ?? `HTTP ${status}`}: ${reason}`);
  }
  return err instanceof Error ? err : new Error(String(err));
}
