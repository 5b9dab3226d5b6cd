import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/App';
import './styles.css';
// The compare page's styles, also used by the reader's lineage list: loaded once here, so the
// components stay importable by the server-side rendering tests (node cannot import .css).
import './views/compare/compare.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
