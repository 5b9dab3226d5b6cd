// 「复制引用」: copies the citation text and says so, visibly, for two seconds.
import { useEffect, useState } from 'react';
import { copyText } from '../../state/clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyCitationButton({ text, compact = false }: { text: string; compact?: boolean }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = () => copyText(text).then(() => setState('copied'), () => setState('failed'));
  return (
    <span className="copy-citation">
      <button type="button" className={`button button-small${compact ? ' button-quiet' : ''}`} onClick={copy} title={text}>
        复制引用
      </button>
      <span className={`copy-feedback copy-${state}`} role="status" aria-live="polite">
        {state === 'copied' ? '已复制' : state === 'failed' ? '复制失败，请手动选择文字' : ''}
      </span>
    </span>
  );
}
