// 「复制引用」: copies the citation (note style) and says so, visibly, for two seconds; its menu
// (其他格式) copies the same citation in GB/T 7714 or as plain text.
import { useEffect, useRef, useState } from 'react';
import { copyText } from '../../state/clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

export interface CitationStyles { text: string; gbt7714?: string; plain?: string }

export function CopyCitationButton({ citation, compact = false }: { citation: CitationStyles; compact?: boolean }) {
  const [state, setState] = useState<CopyState>('idle');
  const [copiedStyle, setCopiedStyle] = useState('');
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = (text: string, style: string) => {
    if (menu.current) menu.current.open = false;
    setCopiedStyle(style);
    return copyText(text).then(() => setState('copied'), () => setState('failed'));
  };
  const others = [['GB/T 7714', citation.gbt7714], ['纯文本', citation.plain]].filter((s): s is [string, string] => Boolean(s[1]));
  return (
    <span className="copy-citation">
      <button type="button" className={`button button-small${compact ? ' button-quiet' : ''}`} onClick={() => copy(citation.text, '')} title={citation.text}>
        复制引用
      </button>
      {others.length > 0 && (
        <details className="copy-menu" ref={menu}>
          <summary className="button button-small button-quiet" aria-label="其他引用格式">其他格式</summary>
          <div className="copy-menu-list" role="group" aria-label="引用格式">
            {others.map(([label, text]) => (
              <button key={label} type="button" className="link-button" onClick={() => copy(text, label)} title={text}>复制 {label}</button>
            ))}
          </div>
        </details>
      )}
      <span className={`copy-feedback copy-${state}`} role="status" aria-live="polite">
        {state === 'copied' ? `已复制${copiedStyle ? `（${copiedStyle}）` : ''}` : state === 'failed' ? '复制失败，请手动选择文字' : ''}
      </span>
    </span>
  );
}
