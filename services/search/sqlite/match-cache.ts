// The matches of recent queries, kept while the index stays the same. Refining a search —
// another page, a facet ticked, the same term's trend — reuses the term's matches instead of
// asking FTS5 again; for a term in a million passages that is most of the cost (BENCHMARKS.md).
import type { Matches } from './matches.js';

const bytesOf = (m: Matches) => m.ids.byteLength + (m.scores?.byteLength ?? 0) + m.phrase.byteLength;

export class MatchCache {
  private readonly entries = new Map<string, Matches>();
  private bytes = 0;
  /** The index generation the entries were computed on; another one empties the cache. */
  private generation = '';

  /** `budgetMb` 0 keeps nothing. */
  constructor(private readonly budgetMb: number) {}

  /** Matches for `key` on index `generation`; with scores when asked (an entry with scores serves both). */
  get(generation: string, key: string, withScores: boolean): Matches | undefined {
    if (generation !== this.generation) {
      this.entries.clear();
      this.bytes = 0;
      this.generation = generation;
      return undefined;
    }
    for (const k of withScores ? [`s|${key}`] : [`s|${key}`, `-|${key}`]) {
      const m = this.entries.get(k);
      if (m) {
        this.entries.delete(k);
        this.entries.set(k, m); // most recently used last
        return m;
      }
    }
    return undefined;
  }

  /** Keeps `m`, computed on the generation of the last `get`. */
  set(key: string, m: Matches): void {
    const budget = this.budgetMb * 1024 * 1024;
    const size = bytesOf(m);
    if (size > budget) return;
    const k = `${m.scores ? 's' : '-'}|${key}`;
    if (this.entries.has(k)) return;
    this.entries.set(k, m);
    this.bytes += size;
    for (const [old, v] of this.entries) {
      if (this.bytes <= budget) break;
      this.entries.delete(old);
      this.bytes -= bytesOf(v);
    }
  }
}
