// The tantivy addon (crates/gongkai-index), built by `npm ci` (scripts/build-native.mjs).
// Its interface, typed by hand: the crate is small and this is the one place that loads it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../../paths.js';
import type { Term } from '../query/ast.js';

export const ADDON = join(ROOT, 'crates', 'gongkai-index', 'gongkai-index.node');

export interface PassageTokens { id: number; words: string; grams: string }
/** `phrase` absent, not null: napi reads a null object field as an error. */
export interface QuerySpec { groups: Term[][]; exclude: Term[]; phrase?: Term }
export interface MatchList { ids: Int32Array; scores: Float64Array; phrase: Uint8Array }
export interface TopList { ids: Int32Array; scores: Float64Array; total: number }

export interface PassageIndex {
  add(report: number, passages: PassageTokens[]): void;
  deleteReport(report: number): void;
  deleteAll(): void;
  commit(payload: string): void;
  rollback(): void;
  committedPayload(): string | null;
  reload(): void;
  releaseWriter(): void;
  matches(query: QuerySpec, withScores: boolean): MatchList;
  count(query: QuerySpec): number;
  top(query: QuerySpec, k: number): TopList;
  generation(): string;
  passages(): number;
}

interface Addon { PassageIndex: new (dir: string, writerHeapMb?: number) => PassageIndex }

let addon: Addon | undefined;

export function openPassageIndex(dir: string, writerHeapMb?: number): PassageIndex {
  if (!addon) {
    if (!existsSync(ADDON)) {
      throw new Error(`the tantivy core is not built (${ADDON} is missing): run \`npm ci\` or \`node scripts/build-native.mjs\` with cargo installed`);
    }
    addon = createRequire(import.meta.url)(ADDON) as Addon;
  }
  return new addon.PassageIndex(dir, writerHeapMb);
}
