// What every export says about itself: the version it names is package.json's, and its file
// name is the query made safe for any file system.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { contentDisposition, describeFilters, exportFileName } from '../../services/core/export-context.js';
import { APP_VERSION } from '../../services/core/version.js';
import { ROOT } from '../../services/paths.js';

describe('export context', () => {
  it('names the version package.json declares', () => {
    assert.equal(APP_VERSION, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('names a file after its query, safely', () => {
    const at = new Date('2026-12-02T01:00:00Z');
    assert.equal(exportFileName(null, '微信 公众号', 'csv', at), 'gongkai-微信_公众号-2026-12-02.csv');
    assert.equal(exportFileName('kwic', '', 'csv', at), 'gongkai-kwic-全部段落-2026-12-02.csv');
    const hostile = exportFileName(null, '../..\\a:b*c?"d"<e>|f\u0000 section:problems', 'md', at);
    assert.doesNotMatch(hostile, /[\\/:*?"<>|\u0000]/);
    assert.ok(hostile.startsWith('gongkai-a_b_c_d_e_f_section_problems'), hostile);
    const long = exportFileName(null, '𠀀'.repeat(100), 'json', at);
    assert.equal([...long.replace(/^gongkai-|-2026-12-02\.json$/g, '')].length, 40);
    assert.match(contentDisposition('gongkai-微信-2026-12-02.csv'), /^attachment; filename="gongkai-_-2026-12-02\.csv"; filename\*=UTF-8''gongkai-%E5%BE%AE%E4%BF%A1-2026-12-02\.csv$/);
  });

  it('says which filter values it left out (排除), 地区未识别 by name', () => {
    const names = { region: (c: string) => (c === '64' ? '宁夏回族自治区' : `区划 ${c}`), section: (s: string) => s, theme: (t: string) => t, level: (l: string) => (l === 'township' ? '乡镇' : l) };
    const text = describeFilters({ years: [2021], regions: ['64'], sections: [], themes: [], levels: [], exclude: { regions: ['00'], levels: ['township'] } }, names);
    assert.equal(text, '年份：2021年；地区：宁夏回族自治区；排除：地区未识别、乡镇');
  });
});
