// 语料分析 /corpus/…: the corpus linguist's bench — collocates, keywords, phrase lists and
// dispersion — over any slice the search filters describe, one tab each.
import { NavLink, Outlet } from 'react-router-dom';

export function CorpusLayout() {
  return (
    <div className="page corpus-page">
      <header className="page-head">
        <h1>语料分析</h1>
        <p className="muted">
          在任意检索范围（可写筛选条件，如 <code>year:2021..2025 section:problems level:township</code>）内计算搭配词、关键词、常用词组与分布。
          计数来自入库时切分并存储的词序列。
        </p>
      </header>
      <nav className="corpus-tabs" aria-label="分析类型">
        <NavLink to="/corpus/collocates">搭配词</NavLink>
        <NavLink to="/corpus/keywords">关键词对比</NavLink>
        <NavLink to="/corpus/ngrams">常用词组</NavLink>
        <NavLink to="/corpus/dispersion">分布</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
