// The matches of recent queries, kept while the index stays the same. Refining a search —
// another page, a facet ticked, the same term's trend — reuses the term's matches instead of
// asking FTS5 again; for a term in a million passages that is most of the cost (BENCHMARKS.md).
import type { Matches } from './matches.js';

const bytesOf = (m: Matches) => m.ids.byteLength + (m.scores?.byteLength ?? 0) + m.phrase.byteLength;

export class MatchCache {
  private readonly entries = new Map<string, Matches>();
  private bytes = 0;

  /** `budgetMb` 0 keeps nothing. */
  constructor(private readonly budgetMb: number) {}

  /** Matches for `key` computed on index `generation`; with scores when asked (an entry with scores serves both). */
  get(generation: string, key: string, withScores: boolean): Matches | undefined {
    for (const k of withScores ? [`${generation}|s|${key}`] : [`${generation}|s|${key}`, `${generation}|-|${key}`]) {
      const m = this.entries.get(k);
      if (m) {
        this.entries.delete(k);
        this.entries.set(k, m); // most recently used last
        return m;
      }
    }
    return undefined;
  }

  set(generation: string, key: string, m: Matches): void {
    const size = bytesOf(m);
    if (size > this.budgetMb * 1024 * 1024) return;
    const k = `${generation}|${m.scores ? 's' : '-'}|${key}`;
    if (this.entries.has(k)) return;
    this.entries.set(k, m);
    this.bytes += size;
    for (const [old, v] of this.entries) {
      if (this.bytes <= this.budgetMb * 1024 * 1024) break;
      this.entries.delete(old);
      this.bytes -= bytesOf(v);
    }
  }
}
