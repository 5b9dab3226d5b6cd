// The frame of every page: the header with navigation, the demo-data banner, the footer.
import { NavLink, Outlet } from 'react-router-dom';
import { RESTORE_SCROLL, useLastSearch } from '../state/lastSearch';
import { useStats } from '../state/useIndex';
import { DemoBanner } from './DemoBanner';

export function Layout() {
  const stats = useStats();
  const lastSearch = useLastSearch();
  return (
    <div className="app">
      <a className="skip-link" href="#main">跳到正文</a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="brand" aria-label="公开：首页">
            <span className="brand-mark" aria-hidden="true">公</span>
            <span className="brand-text">公开<small>政府信息公开年报检索</small></span>
          </NavLink>
          <nav className="site-nav" aria-label="主导航">
            {/* The last search, one click away from any page (state/lastSearch.ts). */}
            <NavLink to={lastSearch ?? '/'} state={lastSearch ? RESTORE_SCROLL : undefined} end>搜索</NavLink>
            <NavLink to="/trends">趋势</NavLink>
            <NavLink to="/concordance">语境</NavLink>
            <NavLink to="/corpus">语料分析</NavLink>
            <NavLink to="/recurring">重复问题</NavLink>
            <NavLink to="/numbers">统计数字</NavLink>
            <NavLink to="/audit">格式审查</NavLink>
            <NavLink to="/copy">重复率</NavLink>
          </nav>
        </div>
      </header>
      {stats.data?.demo && <DemoBanner />}
      <main id="main" className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        {stats.data
          ? <>索引收录 {stats.data.reports.toLocaleString('zh-CN')} 份报告、{stats.data.passages.toLocaleString('zh-CN')} 个段落{stats.data.demo ? '（含演示数据）' : ''}。</>
          : stats.error ? '无法获取索引信息。' : ' '}
        <span className="footer-note">引用请核对原文。</span>
      </footer>
    </div>
  );
}
