// The report's identity: title, issuer, year, region, level and format; and whether its text was OCR'd.
import { Link } from 'react-router-dom';
import { FORMAT_LABELS, LEVEL_LABELS, regionText } from '../../state/labels';
import { parseNoteText } from '../../state/parseNotes';
import type { ReportResponse } from '../../state/types';
import { ReportLineage } from './ReportLineage';

export function ReportHeader({ report }: { report: ReportResponse }) {
  return (
    <header className="report-header">
      <p className="eyebrow">政府信息公开工作年度报告{report.demo && <span className="badge badge-demo">演示数据</span>}</p>
      <h1>{report.title ?? '未题名报告'}</h1>
      <dl className="report-meta">
        <div><dt>发布机关</dt><dd>{report.issuer ?? '未识别'}</dd></div>
        <div><dt>年度</dt><dd>{report.year !== null ? `${report.year}年` : '未识别'}</dd></div>
        <div><dt>地区</dt><dd>{regionText(report.region)}{report.region.code && <span className="muted">（{report.region.code}）</span>}</dd></div>
        <div><dt>层级</dt><dd>{LEVEL_LABELS[report.level]}</dd></div>
        <div><dt>格式</dt><dd>{FORMAT_LABELS[report.format]}</dd></div>
        {report.source.published && <div><dt>发布日期</dt><dd>{report.source.published}</dd></div>}
        <div><dt>段落</dt><dd>{report.passages.length} 段</dd></div>
      </dl>
      <p className="report-links small"><Link to={`/reports/${encodeURIComponent(report.id)}/audit`}>格式审查：逐项核对与原文依据</Link></p>
      <ReportLineage id={report.id} />
      {report.ocr && (
        <p className="report-ocr" role="note">
          本报告的文字由光学字符识别（OCR）从扫描图像中读出，可能有错字漏字：引用前请与原件核对。
        </p>
      )}
      {report.warnings.length > 0 && (
        <details className="report-warnings">
          <summary>解析提示（{report.warnings.length}）</summary>
          <ul>{report.warnings.map((w) => <li key={w}>{parseNoteText(w)}</li>)}</ul>
        </details>
      )}
    </header>
  );
}
