// Shown on every page while the index holds generated reports, so that nobody quotes them.
export function DemoBanner() {
  return (
    <div className="demo-banner" role="note">
      <strong>演示数据：</strong>以下报告由程序生成，并非真实报告。请勿引用。
    </div>
  );
}
