// The three states every data view has besides success: loading, empty and failed.
import type { ReactNode } from 'react';
import type { ApiError } from '../../state/api';

export function Loading({ label = '正在加载…' }: { label?: string }) {
  return (
    <div className="status status-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="status status-empty">
      <p className="status-title">{title}</p>
      {children && <div className="status-body">{children}</div>}
    </div>
  );
}

const ERROR_TITLES: Record<ApiError['kind'], string> = {
  'bad-request': '请求有误',
  'not-found': '未找到',
  server: '服务器出错',
  network: '无法连接服务器',
  'bad-response': '服务器返回异常',
};

export function ErrorNotice({ error, onRetry, children }: { error: ApiError; onRetry?: () => void; children?: ReactNode }) {
  return (
    <div className="status status-error" role="alert">
      <p className="status-title">{ERROR_TITLES[error.kind]}</p>
      {/* The server's message is plain text; React escapes it. */}
      <p className="status-body">{error.message}</p>
      {error.issues && error.issues.length > 1 && (
        <ul className="status-issues">
          {error.issues.map((i) => <li key={`${i.field}:${i.problem}`}><code>{i.field}</code>：{i.problem}</li>)}
        </ul>
      )}
      <div className="status-actions">
        {onRetry && error.kind !== 'bad-request' && error.kind !== 'not-found' && (
          <button type="button" className="button" onClick={onRetry}>重试</button>
        )}
        {children}
      </div>
    </div>
  );
}
