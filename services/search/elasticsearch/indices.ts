// The client, the two indices behind their aliases, and their mappings from index-mappings/.
//   <ES_INDEX>-passages → <ES_INDEX>-passages-v1-<timestamp>   one document per passage (searched)
//   <ES_INDEX>-reports  → <ES_INDEX>-reports-v1-<timestamp>    one document per report (metadata, text, source)
// Gongkai only ever reads and writes through the aliases; `gongkai reindex` builds new
// concrete indices and moves both aliases in one atomic _aliases call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, SniffingTransport, type TransportOptions } from '@elastic/elasticsearch';
import type { Config } from '../../config.js';
import { ROOT } from '../../paths.js';
import { explain, safeUrl } from './errors.js';

/** The version of index-mappings/*.vN.json this code reads and writes. */
export const MAPPING_VERSION = 1;

export type IndexKind = 'passages' | 'reports';

export interface IndexMeta { kind: IndexKind; mapping_version: number; segmenter: string; created: string }

interface MappingFile {
  settings: Record<string, unknown>;
  mappings: { _meta: { gongkai: { kind: IndexKind; mapping_version: number } } } & Record<string, unknown>;
}

const cache = new Map<IndexKind, MappingFile>();

/** The mapping and settings of one index kind, as JSON from index-mappings/. */
export function mappingFile(kind: IndexKind): MappingFile {
  let m = cache.get(kind);
  if (!m) {
    const file = join(ROOT, 'index-mappings', `${kind}.v${MAPPING_VERSION}.json`);
    m = JSON.parse(readFileSync(file, 'utf8')) as MappingFile;
    const meta = m.mappings._meta?.gongkai;
    if (meta?.kind !== kind || meta.mapping_version !== MAPPING_VERSION) {
      throw new Error(`${file} does not declare _meta.gongkai {kind: "${kind}", mapping_version: ${MAPPING_VERSION}}`);
    }
    cache.set(kind, m);
  }
  return m;
}

export interface Names { passages: string; reports: string }

/** The aliases for an ES_INDEX prefix. */
export const aliasNames = (prefix: string): Names => ({ passages: `${prefix}-passages`, reports: `${prefix}-reports` });

/** A new concrete index name: the alias, the mapping version and a UTC timestamp. */
export function concreteName(alias: string, at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:TZ.]/g, '');
  return `${alias}-v${MAPPING_VERSION}-${stamp}`;
}

/**
 * The client's transport, retrying a failed request once after at most half a second
 * (the default backs off for seconds): a cluster that is down is said so quickly.
 */
class QuickRetryTransport extends SniffingTransport {
  constructor(opts: TransportOptions) {
    super({ ...opts, retryBackoff: (_min: number, _max: number, attempt: number) => Math.random() * Math.min(0.5, 0.1 * 2 ** attempt) });
  }
}

export function makeClient(config: Config): Client {
  const auth = config.esUsername !== undefined && config.esPassword !== undefined
    ? { username: config.esUsername, password: config.esPassword } : undefined;
  const tls = config.esCaFile ? { ca: readFileSync(config.esCaFile) } : undefined;
  return new Client({
    node: config.esUrl,
    ...(auth ? { auth } : {}),
    ...(tls ? { tls } : {}),
    requestTimeout: 120_000,
    maxRetries: 1,
    Transport: QuickRetryTransport,
  });
}

/** Creates one concrete index from its mapping file, with the segmenter recorded in _meta. */
export async function createIndex(client: Client, kind: IndexKind, name: string, segmenter: string, aliases: string[] = []): Promise<void> {
  const file = mappingFile(kind);
  const meta: IndexMeta = { kind, mapping_version: MAPPING_VERSION, segmenter, created: new Date().toISOString() };
  await client.indices.create({
    index: name,
    settings: file.settings,
    mappings: { ...file.mappings, _meta: { gongkai: meta } },
    ...(aliases.length ? { aliases: Object.fromEntries(aliases.map((a) => [a, {}])) } : {}),
  } as Parameters<Client['indices']['create']>[0]);
}

/** The concrete index behind an alias, or null when the alias does not exist. */
export async function resolveAlias(client: Client, alias: string): Promise<string | null> {
  const exists = await client.indices.existsAlias({ name: alias });
  if (!exists) return null;
  const res = await client.indices.getAlias({ name: alias });
  const names = Object.keys(res);
  if (names.length !== 1) throw new Error(`the alias ${alias} points to ${names.length} indices (${names.join(', ')}); it must point to exactly one`);
  return names[0]!;
}

/** The _meta.gongkai of a concrete index (null when it has none: not made by Gongkai). */
export async function indexMeta(client: Client, index: string): Promise<Partial<IndexMeta> | null> {
  const res = await client.indices.getMapping({ index });
  const mapping = Object.values(res)[0]?.mappings as { _meta?: { gongkai?: Partial<IndexMeta> } } | undefined;
  return mapping?._meta?.gongkai ?? null;
}

/** Liveness without GET / (absent from minimal distributions): cluster health, briefly. */
export async function checkReachable(client: Client, url: string): Promise<void> {
  try {
    await client.cluster.health({ timeout: '10s' }, { requestTimeout: 15_000, maxRetries: 1 });
  } catch (err) {
    throw explain(err, safeUrl(url), '', 'a health check');
  }
}
