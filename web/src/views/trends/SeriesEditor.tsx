// The series being compared: each a query or a theme, added and removed here.
import { useState, type FormEvent } from 'react';
import { seriesColor } from '../../state/trendData';
import { MAX_SERIES, themeOfSeries } from '../../state/url';
import type { Vocabulary } from '../../state/useIndex';

export function seriesLabel(series: string, vocab: Vocabulary): string {
  const theme = themeOfSeries(series);
  return theme ? `主题：${vocab.themeLabel(theme)}` : `「${series}」`;
}

export function SeriesEditor({ series, vocab, onChange }: { series: string[]; vocab: Vocabulary; onChange: (s: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const full = series.length >= MAX_SERIES;
  const add = (s: string) => {
    const v = s.trim();
    if (v && !series.includes(v) && !full) onChange([...series, v]);
  };
  const submit = (e: FormEvent) => { e.preventDefault(); add(draft); setDraft(''); };
  const unusedThemes = vocab.themes.filter((t) => !series.includes(`theme:${t.id}`));
  return (
    <div className="series-editor">
      <ul className="series-list" aria-label="比较的系列">
        {series.map((s, i) => (
          <li key={s} className="series-chip" style={{ borderColor: seriesColor(i) }}>
            <span className="series-swatch" style={{ background: seriesColor(i) }} aria-hidden="true" />
            {seriesLabel(s, vocab)}
            <button type="button" className="chip-x" onClick={() => onChange(series.filter((x) => x !== s))} aria-label={`移除 ${seriesLabel(s, vocab)}`}>×</button>
          </li>
        ))}
      </ul>
      <div className="series-add">
        <form onSubmit={submit} className="series-add-query">
          <label className="visually-hidden" htmlFor="series-q">添加检索词</label>
          <input id="series-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="添加检索词，如 12345" disabled={full} maxLength={200} />
          <button type="submit" className="button" disabled={full || !draft.trim()}>添加</button>
        </form>
        <label className="inline-field">
          <span className="visually-hidden">添加主题</span>
          <select value="" disabled={full || !unusedThemes.length} onChange={(e) => { add(`theme:${e.target.value}`); e.target.value = ''; }} aria-label="添加主题">
            <option value="">添加主题…</option>
            {unusedThemes.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
          </select>
        </label>
        {full && <span className="muted">最多比较 {MAX_SERIES} 个系列</span>}
      </div>
    </div>
  );
}
