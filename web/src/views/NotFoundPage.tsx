import { Link } from 'react-router-dom';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage() {
  usePageTitle('页面不存在');
  return (
    <div className="page page-narrow">
      <h1>页面不存在</h1>
      <p>这个地址没有对应的页面。<Link to="/">返回搜索</Link></p>
    </div>
  );
}
