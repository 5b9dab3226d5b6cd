// Plain text with the given terms wrapped in <mark>, built as React elements (never HTML).
import { useMemo } from 'react';
import { splitByTerms } from '../../state/highlight';

export function MarkedText({ text, terms }: { text: string; terms: readonly string[] }) {
  const pieces = useMemo(() => splitByTerms(text, terms), [text, terms]);
  return <>{pieces.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}
