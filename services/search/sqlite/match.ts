// Compiles a Query into an FTS5 MATCH expression. User text never reaches FTS5 syntax:
// every token is quoted, so operators typed by a user are only characters.
import type { Query, Term } from '../query/ast.js';

const quote = (tokens: string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;

/** Grams phrase finds the term verbatim; a lone character is the prefix of a bigram. */
function gramsExpr(t: Term): string {
  if (t.grams.length) return `grams : ${quote(t.grams)}`;
  return `grams : ${quote([t.text])} *`;
}

/** A word term matches by its word token or, whatever the cut, by its characters. */
export function termExpr(t: Term): string {
  if (t.exact || t.words.length !== 1) return gramsExpr(t);
  return `(words : ${quote(t.words)} OR ${gramsExpr(t)})`;
}

/** MATCH for the required groups, or null when the query has no positive term. */
export function matchExpr(q: Query): string | null {
  if (!q.groups.length) return null;
  return q.groups.map((g) => `(${g.map(termExpr).join(' OR ')})`).join(' AND ');
}

export function anyOf(terms: Term[]): string | null {
  return terms.length ? terms.map(termExpr).join(' OR ') : null;
}
