// The query language at hand: a small popover of examples, each one clickable.
import { useEffect, useRef } from 'react';

const EXAMPLES: Array<{ syntax: string; example: string; meaning: string }> = [
  { syntax: '词 词', example: '微信 公众号', meaning: '同时包含所有词' },
  { syntax: '"引号"', example: '"政策解读"', meaning: '引号精确匹配，一字不差' },
  { syntax: 'OR / 或', example: '微信 or 微博', meaning: '任一词即可（大小写均可；「或」须前后有空格）' },
  { syntax: 'AND / 与', example: '微信 AND 微博', meaning: '同时包含（与空格相同）' },
  { syntax: 'NOT / 非 / -', example: '公众号 NOT 微博', meaning: '排除含该词的段落（-微博 亦可）' },
  { syntax: '( )', example: '(微信 OR 微博) 公开', meaning: '括号分组' },
  { syntax: 'section:', example: 'section:存在的主要问题 人员', meaning: '只查某部分（也可写 problems、改进措施）；与左侧勾选相同' },
  { syntax: 'theme:', example: 'theme:微信', meaning: '按主题筛选（主题名或编号 wechat）' },
  { syntax: 'level:', example: 'level:乡镇 培训', meaning: '按行政层级：省、市、县、乡镇、部门' },
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
