// The query box. It edits a draft; the URL (and so the search) changes on submit only.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { MAX_QUERY_CHARS } from '../../state/searchState';
import { QueryHelp } from './QueryHelp';

export function SearchBox({ q, onSearch, placeholder = '输入检索词，如：微信公众号、政策解读、"12345"' }: {
  q: string; onSearch: (q: string) => void; placeholder?: string;
}) {
  const [draft, setDraft] = useState(q);
  const [helpOpen, setHelpOpen] = useState(false);
  const helpId = useId();
  // Back/forward or a clicked link changes the URL's q: the box follows.
  useEffect(() => setDraft(q), [q]);
  const atLimit = [...draft].length >= MAX_QUERY_CHARS;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setHelpOpen(false);
    onSearch(draft.trim());
  };
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`${helpId}-q`}>检索词</label>
      <input
        id={`${helpId}-q`}
        name="q"
        type="search"
        value={draft}
        onChange={(e) => setDraft([...e.target.value].slice(0, MAX_QUERY_CHARS).join(''))}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_QUERY_CHARS}
        aria-describedby={atLimit ? `${helpId}-limit` : undefined}
      />
      <button type="button" className="search-help-toggle" aria-expanded={helpOpen} aria-controls={helpId}
        onClick={() => setHelpOpen((o) => !o)} title="检索语法">
        语法
      </button>
      <button type="submit" className="button button-primary">搜索</button>
      {atLimit && (
        <p id={`${helpId}-limit`} className="search-limit warning" role="status" data-testid="query-limit">
          检索词最多 {MAX_QUERY_CHARS} 字，超出的部分不会输入。更长的检索请分成几次，或用 API 的 POST /api/search。
        </p>
      )}
      {helpOpen && (
        <QueryHelp id={helpId} onClose={() => setHelpOpen(false)} onPick={(example) => { setDraft(example); setHelpOpen(false); onSearch(example); }} />
      )}
    </form>
  );
}
