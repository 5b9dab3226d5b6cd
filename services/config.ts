// One validated configuration: environment variables, overridable by CLI flags.
import { resolve } from 'node:path';
import { z } from 'zod';

export const Config = z.object({
  dataDir: z.string().min(1).default('data'),
  backend: z.enum(['sqlite', 'elasticsearch']).default('sqlite'),
  /**
   * The embedded backend's inverted index for a new data directory (an existing one keeps the
   * core that built it). Its default is this process's GONGKAI_EMBEDDED_CORE even when the
   * configuration is read from another environment (as the tests do), so that a whole test
   * suite can be run under either core.
   */
  embeddedCore: z.enum(['fts5', 'tantivy']).default(() => (process.env.GONGKAI_EMBEDDED_CORE === 'tantivy' ? 'tantivy' : 'fts5')),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  esUrl: z.string().url().default('http://127.0.0.1:9200'),
  esIndex: z.string().regex(/^[a-z0-9_-]+$/).default('gongkai'),
  esUsername: z.string().optional(),
  esPassword: z.string().optional(),
  esCaFile: z.string().optional(),
  /** Required for writes over HTTP; writes are refused when unset. */
  writeToken: z.string().min(16).optional(),
  /** The one origin allowed to call the API from a browser; CORS is off when unset. */
  corsOrigin: z.string().url().optional(),
  /** Files above this size are refused without being read. */
  maxFileMb: z.coerce.number().positive().max(100_000).default(100),
  /** The only folder `POST /api/ingest` may read from; path ingest over HTTP is off when unset. */
  ingestRoot: z.string().min(1).optional(),
  /** Requests per minute per client IP on /api; 0 (the default) turns the limit off. */
  rateLimit: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Memory for the matches of recent queries (embedded backend); 0 turns the cache off. */
  matchCacheMb: z.coerce.number().min(0).max(16_384).default(64),
});
export type Config = z.infer<typeof Config>;

const ENV: Record<string, keyof Config> = {
  GONGKAI_DATA_DIR: 'dataDir', GONGKAI_BACKEND: 'backend', PORT: 'port', HOST: 'host', ES_URL: 'esUrl',
  ES_INDEX: 'esIndex', ES_USERNAME: 'esUsername', ES_PASSWORD: 'esPassword', ES_CA_FILE: 'esCaFile',
  GONGKAI_WRITE_TOKEN: 'writeToken', GONGKAI_CORS_ORIGIN: 'corsOrigin', GONGKAI_MAX_FILE_MB: 'maxFileMb',
  GONGKAI_INGEST_ROOT: 'ingestRoot', GONGKAI_RATE_LIMIT: 'rateLimit', GONGKAI_MATCH_CACHE_MB: 'matchCacheMb', GONGKAI_EMBEDDED_CORE: 'embeddedCore',
};

export class ConfigError extends Error {}

export function loadConfig(overrides: Partial<Record<keyof Config, unknown>> = {}, env = process.env): Config {
  const fromEnv = Object.fromEntries(
    Object.entries(ENV).filter(([name]) => env[name] !== undefined && env[name] !== '').map(([name, key]) => [key, env[name]]),
  );
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const parsed = Config.safeParse({ ...fromEnv, ...defined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const envName = Object.entries(ENV).find(([, k]) => k === issue.path[0])?.[0];
    // The message names the setting, never its value: the value may be a secret.
    throw new ConfigError(`invalid configuration ${String(issue.path[0])}${envName ? ` (${envName})` : ''}: ${issue.message}`);
  }
  const data = parsed.data;
  return { ...data, dataDir: resolve(data.dataDir), ...(data.ingestRoot ? { ingestRoot: resolve(data.ingestRoot) } : {}) };
}

export const sqliteFile = (c: Config) => resolve(c.dataDir, 'gongkai.sqlite');
