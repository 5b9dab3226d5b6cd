// Term ids for token streams. Ids 0 and 1 are the two marks (stream.ts); every other term
// gets the next id the first time it is seen. Ids mean nothing outside the index that
// assigned them: analyses always go back to the terms.
import { CLAUSE_BREAK, SENTENCE_END } from './stream.js';

export const SENTENCE_ID = 0;
export const CLAUSE_ID = 1;

export class TermDictionary {
  readonly terms: string[] = [SENTENCE_END, CLAUSE_BREAK];
  private readonly ids = new Map<string, number>([[SENTENCE_END, SENTENCE_ID], [CLAUSE_BREAK, CLAUSE_ID]]);

  get size(): number { return this.terms.length; }

  idOf(term: string): number | undefined { return this.ids.get(term); }

  /** The id of a term, adding it when new; `added` receives every new term with its id. */
  intern(term: string, added?: (id: number, term: string) => void): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      added?.(id, term);
    }
    return id;
  }

  /** Known terms loaded from storage, in id order. */
  load(id: number, term: string): void {
    this.terms[id] = term;
    this.ids.set(term, id);
  }
}
