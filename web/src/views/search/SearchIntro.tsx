// Shown before anything is asked: what the index is for, and a few queries to start from.
const EXAMPLES = ['微信', '"政策解读"', '12345', 'section:problems 人员', 'section:improvements 培训', '公众号 -微博'];

export function SearchIntro({ onExample }: { onExample: (q: string) => void }) {
  return (
    <section className="intro">
      <h1>政府信息公开工作年度报告全文检索</h1>
      <p>
        查找各地政府（尤其是乡镇、街道）在年报中如何描述<strong>存在的主要问题</strong>与<strong>改进措施</strong>，
        跨年份、跨地区追踪主题，并按段落精确引用原文。以下为全部段落，可直接用左侧筛选浏览。
      </p>
      <p className="intro-examples">
        试试：
        {EXAMPLES.map((q) => (
          <button key={q} type="button" className="example" onClick={() => onExample(q)}>{q}</button>
        ))}
      </p>
    </section>
  );
}
