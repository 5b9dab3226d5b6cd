// The query language at hand: a small popover of examples, each one clickable.
import { useEffect, useRef } from 'react';

const EXAMPLES: Array<{ syntax: string; example: string; meaning: string }> = [
  { syntax: '词 词', example: '微信 公众号', meaning: '同时包含所有词' },
  { syntax: '"引号"', example: '"政策解读"', meaning: '引号精确匹配，一字不差' },
  { syntax: 'OR', example: '微信 OR 微博', meaning: '任一词即可（OR 须大写）' },
  { syntax: '-排除', example: '公众号 -微博', meaning: '排除含该词的段落' },
  { syntax: 'section:', example: 'section:problems 人员', meaning: '只查某部分：problems 存在的主要问题，improvements 改进措施' },
  { syntax: 'theme:', example: 'theme:wechat', meaning: '按主题筛选' },
  { syntax: 'year:', example: 'year:2019..2021 12345', meaning: '年份或年份范围' },
  { syntax: 'region:', example: 'region:宁夏 政务公开', meaning: '按地区名称或区划代码' },
];

export function QueryHelp({ id, onClose, onPick }: { id: string; onClose: () => void; onPick: (example: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    const onDown = (e: MouseEvent) => {
      const target = e.target as Element | null;
      if (ref.current && target && !ref.current.contains(target) && !target.closest('.search-help-toggle')) onClose();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => { document.removeEventListener('keydown', onKey); document.removeEventListener('mousedown', onDown); };
  }, [onClose]);
  return (
    <div className="query-help" id={id} ref={ref} role="dialog" aria-label="检索语法">
      <div className="query-help-head">
        <strong>检索语法</strong>
        <button type="button" className="link-button" onClick={onClose} aria-label="关闭">关闭</button>
      </div>
      <table>
        <tbody>
          {EXAMPLES.map((x) => (
            <tr key={x.syntax}>
              <th scope="row"><code>{x.syntax}</code></th>
              <td>{x.meaning}<br />
                <button type="button" className="example" onClick={() => onPick(x.example)} title="用这个例子检索">{x.example}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="query-help-note">筛选也可在左侧勾选；检索式中的筛选与勾选的筛选同时生效。</p>
    </div>
  );
}
