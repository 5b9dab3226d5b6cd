// The tantivy addon (crates/gongkai-index), built by `npm ci` (scripts/build-native.mjs).
// Its interface, typed by hand: the crate is small and this is the one place that loads it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../../paths.js';
import type { Term } from '../query/ast.js';
import type { FilterBits } from '../sqlite/filter-mask.js';

export const ADDON = join(ROOT, 'crates', 'gongkai-index', 'gongkai-index.node');

export interface PassageTokens { id: number; words: string; grams: string }
/** `phrase` absent, not null: napi reads a null object field as an error. */
export interface QuerySpec { groups: Term[][]; exclude: Term[]; phrase?: Term }
export interface MatchList { ids: Int32Array; scores: Float64Array; phrase: Uint8Array }

/** The columns the core filters, counts and orders by (tally.rs; a copy, made once per generation of them). */
export interface TableColumns {
  report: Int32Array; ordinal: Uint32Array; section: Uint8Array; themes: Uint32Array;
  year: Int16Array; level: Uint8Array; region: Int32Array; docRank: Uint32Array; regionRank: Uint32Array;
}
export type Table = object;
export interface Ask {
  sort: string; collapse: boolean; offset: number; limit: number; facets: boolean;
  trendKeys?: Int32Array; trendSize?: number;
  /** Counts, per page entry, how many times the passage holds this term verbatim. */
  occurrencesOf?: Term;
}
export interface Tally { count: Int32Array; reports: Int32Array }
export interface Answer {
  total: number; ids: Int32Array; scores: Float64Array; phrase: Uint8Array; more: Int32Array;
  facets?: { year: Tally; level: Tally; region: Tally; section: Tally; theme: Tally } | null;
  trend?: Tally | null;
  occurrences?: Int32Array | null;
}

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
  answer(query: QuerySpec, table: Table, filter: FilterBits, ask: Ask): Answer;
  generation(): string;
  passages(): number;
}

interface Addon {
  PassageIndex: new (dir: string, writerHeapMb?: number) => PassageIndex;
  Table: new (columns: TableColumns) => Table;
}

let addon: Addon | undefined;

function load(): Addon {
  if (!addon) {
    if (!existsSync(ADDON)) {
      throw new Error(`the tantivy core is not built (${ADDON} is missing): run \`npm ci\` or \`node scripts/build-native.mjs\` with cargo installed`);
    }
    addon = createRequire(import.meta.url)(ADDON) as Addon;
  }
  return addon;
}

export const openPassageIndex = (dir: string, writerHeapMb?: number): PassageIndex => new (load().PassageIndex)(dir, writerHeapMb);
export const makeTable = (columns: TableColumns): Table => new (load().Table)(columns);
