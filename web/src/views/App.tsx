// Routes. The server answers index.html for any non-API path, so every URL below can be
// opened directly or shared.
import { ComparePage } from './compare/ComparePage';
import { CopyRatesPage } from './compare/CopyRatesPage';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuditPage } from './audit/AuditPage';
import { AuditRatesPage } from './audit/AuditRatesPage';
import { ConcordancePage } from './concordance/ConcordancePage';
import { CollocatesPage } from './corpus/CollocatesPage';
import { CorpusLayout } from './corpus/CorpusLayout';
import { DispersionPage } from './corpus/DispersionPage';
import { KeywordsPage } from './corpus/KeywordsPage';
import { NgramsPage } from './corpus/NgramsPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { NumbersPage } from './numbers/NumbersPage';
import { RecurringPage } from './recurring/RecurringPage';
import { ReportPage } from './report/ReportPage';
import { SearchPage } from './search/SearchPage';
import { TrendsPage } from './trends/TrendsPage';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<SearchPage />} />
          <Route path="trends" element={<TrendsPage />} />
          <Route path="concordance" element={<ConcordancePage />} />
          <Route path="corpus" element={<CorpusLayout />}>
            <Route index element={<Navigate to="collocates" replace />} />
            <Route path="collocates" element={<CollocatesPage />} />
            <Route path="keywords" element={<KeywordsPage />} />
            <Route path="ngrams" element={<NgramsPage />} />
            <Route path="dispersion" element={<DispersionPage />} />
          </Route>
          <Route path="recurring" element={<RecurringPage />} />
          <Route path="numbers" element={<NumbersPage />} />
          <Route path="audit" element={<AuditRatesPage />} />
          <Route path="reports/:id/audit" element={<AuditPage />} />
          <Route path="compare" element={<ComparePage />} />
          <Route path="copy" element={<CopyRatesPage />} />
          <Route path="reports/:id" element={<ReportPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
