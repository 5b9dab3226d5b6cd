// A corpus where statements recur: ~150 generated reports (seeded) plus four constructed
// reports of one township (永宁县望远镇, 2019–2022) that write one problem again every year.
// Shared by the analytics API tests, the browser test and scripts/screenshots.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReport } from '../../services/corpus-gen/index.js';

export const TOWNSHIP = { name: '望远镇', code: '640121102' } as const;

const RECURRING = [
  '村级公开栏内容更新不及时，部分信息长期未更换',
  '村级公开栏内容更新不够及时，部分信息长期未更换',
  '村级公开栏内容更新不及时，个别信息长期未更换',
  '村级公开栏内容更新不及时，部分信息长期没有更换',
];
const ONCE = [
  ['网站栏目设置不够合理', '政策解读形式单一'], ['新媒体互动回复较慢', '档案资料归档不够规范'],
  ['业务培训频次偏低', '公开目录梳理不细'], ['依申请公开答复文书不够规范', '公开信息分类不够清晰'],
];

function townshipReport(i: number): string {
  const year = 2019 + i;
  return `永宁县望远镇人民政府${year}年政府信息公开工作年度报告

一、总体情况

${year}年，望远镇认真落实政务公开各项要求，主动公开各类信息。

五、存在的主要问题及改进情况

（一）存在的主要问题。一是${RECURRING[i]}；二是${ONCE[i]![0]}；三是${ONCE[i]![1]}。

（二）改进措施。一是加强业务培训，提高工作人员业务水平。二是及时更新村级公开栏。

六、其他需要报告的事项

无。
`;
}

export function writeTestCorpus(opts: { generated?: number; seed?: number } = {}): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-analytics-api-'));
  const n = opts.generated ?? 150;
  for (let i = 0; i < n; i++) {
    const g = generateReport(opts.seed ?? 4242, i);
    writeFileSync(join(dir, g.fileName), g.text);
  }
  for (let i = 0; i < RECURRING.length; i++) writeFileSync(join(dir, `wangyuan-${2019 + i}.txt`), townshipReport(i));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
