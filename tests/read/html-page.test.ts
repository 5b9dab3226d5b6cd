// Saved government pages: the main content among the furniture, and the page's own metadata.
// The pages are made up, built like the ones government sites serve (layout, class names,
// metadata tables), with no site's markup copied.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readDocument } from '../../services/pipeline/read/index.js';
import { isoDate } from '../../services/pipeline/read/html-meta.js';
import { fixtureDir } from './fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
before(async () => { fx = await fixtureDir(); });
after(() => fx.cleanup());

const REPORT = [
  '根据《中华人民共和国政府信息公开条例》规定，现公布青石镇人民政府2022年政府信息公开工作年度报告。',
  '一、总体情况',
  '2022年，青石镇认真贯彻落实政府信息公开工作要求，围绕群众关切的重点领域持续推进信息公开。',
  '二、存在的主要问题及改进情况',
  '信息公开的及时性仍有不足，下一步将加强培训，提高工作人员业务水平。',
];

const nav = Array.from({ length: 30 }, (_, k) => `<li><a href="/col/${k}">栏目名称${k}</a></li>`).join('');
const page = (body: string, head = '') => `<!-- saved from url=(0047)http://www.qingshi.example.gov.cn/art/2023/1/6/1.html -->
<!DOCTYPE html><html><head><meta charset="utf-8"><title>青石镇2022年政府信息公开工作年度报告_青石镇人民政府</title>${head}</head>
<body>${body}</body></html>`;

const CHROME_PAGE = page(`
<div class="top">无障碍 长辈版 <a href="/">登录</a> 热搜词：<a>社保</a> <a>医保</a></div>
<div class="menu"><ul>${nav}</ul></div>
<div class="wrapper">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a>政府信息公开</a> &gt; <a>年报</a></div>
  <div class="side-bar"><h3>相关链接</h3><ul>${nav}</ul></div>
  <div class="main-right">
    <table class="xxgk-meta">
      <tr><td>索引号：</td><td>11330000000000000A/2023-00001</td><td>发布机构：</td><td>青石镇人民政府</td></tr>
      <tr><td>发文日期：</td><td>2023-01-06</td><td>主题分类：</td><td>政务公开</td></tr>
    </table>
    <div class="article-content" id="zoom">${REPORT.map((p) => `<p>${p}</p>`).join('\n')}</div>
    <div class="share">分享到：<a>微信</a> <a>微博</a></div>
  </div>
</div>
<div class="footer">主办单位：青石镇人民政府 地址：某某路1号 网站标识码：0000000000 <a>网站地图</a> <a>联系我们</a></div>`);

describe('HTML pages: the main content among the furniture', () => {
  it('keeps the title and the report, and leaves out navigation, breadcrumbs, sidebars and footers', async () => {
    const path = await fx.write('page.html', CHROME_PAGE);
    const { text } = await readDocument(path);
    assert.ok(text.startsWith('青石镇2022年政府信息公开工作年度报告_青石镇人民政府\n'), text);
    assert.ok(text.includes(REPORT.join('\n')), text);
    // The metadata table sits with the report, and stays: the metadata stage reads its issuer.
    assert.match(text, /发布机构：\t青石镇人民政府/);
    for (const furniture of ['无障碍', '热搜词', '栏目名称', '当前位置', '相关链接', '主办单位', '网站地图']) assert.ok(!text.includes(furniture), furniture);
  });

  it('keeps a report whose sections are sibling blocks (text and table) together', async () => {
    const body = `<div class="nav">${nav}</div><div id="main"><div class="text">${REPORT.map((p) => `<p>${p}</p>`).join('')}</div>
      <div class="table"><table><tr><td>本年新收政府信息公开申请数量</td><td>12</td></tr><tr><td>办结数量</td><td>12</td></tr></table></div></div>`;
    const { text } = await readDocument(await fx.write('siblings.html', page(body)));
    assert.match(text, /本年新收政府信息公开申请数量\t12/);
    assert.match(text, /青石镇认真贯彻落实/);
    assert.doesNotMatch(text, /栏目名称/);
  });

  it('reads an old page laid out with tables: the report cell by its paragraphs, its data table by rows', async () => {
    const links = Array.from({ length: 12 }, (_, k) => `<a href="/c/${k}">栏目名称${k}</a><br>`).join('');
    const body = `<table width="1000"><tr><td colspan="2">无障碍 <a>网站首页</a> <a>政务公开</a></td></tr>
      <tr><td width="200" valign="top">${links}</td><td valign="top">${REPORT.map((p) => `<p>${p}</p>`).join('')}
        <table border="1"><tr><td>本年新收政府信息公开申请数量</td><td>12</td></tr><tr><td>办结数量</td><td>12</td></tr></table></td></tr>
      <tr><td colspan="2">主办单位：青石镇人民政府 <a>网站地图</a></td></tr></table>`;
    const { text } = await readDocument(await fx.write('layout.html', page(body)));
    assert.ok(text.includes(REPORT.join('\n')), text);
    assert.match(text, /\n本年新收政府信息公开申请数量\t12\n办结数量\t12/);
    for (const furniture of ['栏目名称', '无障碍', '主办单位']) assert.ok(!text.includes(furniture), furniture);
  });

  it('keeps the page\'s own heading just above the content block (the <title> may be only the site\'s name)', async () => {
    const body = `<div class="menu"><ul>${nav}</ul></div><div class="wrap"><div class="side-bar"><ul>${nav}</ul></div>
      <h1>青石镇2022年政府信息公开工作年度报告</h1><div class="info">发布时间：2023-01-06 来源：<a>青石镇</a> 字号：<a>大</a> <a>中</a> <a>小</a></div>
      <div id="zoom">${REPORT.map((p) => `<p>${p}</p>`).join('')}</div></div><div class="footer">${nav}</div>`;
    const html = `<html><head><title>青石镇人民政府门户网站</title></head><body>${body}</body></html>`;
    const { text } = await readDocument(await fx.write('heading.html', html));
    assert.equal(text, ['青石镇人民政府门户网站', '青石镇2022年政府信息公开工作年度报告', ...REPORT].join('\n'));
  });

  it('keeps a plain page whole', async () => {
    const { text } = await readDocument(await fx.write('plain.html', `<p>${REPORT.join('</p><p>')}</p>`));
    assert.equal(text, REPORT.join('\n'));
  });

  it('leaves out what the page hides', async () => {
    const { text } = await readDocument(await fx.write('hidden.html', `<p>${REPORT[0]}</p><div style="display: none">隐藏的内容</div><p hidden>也隐藏</p>`));
    assert.equal(text, REPORT[0]);
  });
});

describe('HTML pages: the page’s own metadata', () => {
  it('takes the saved-from address, the publication date, the issuer and the index number from the page', async () => {
    const { source } = await readDocument(await fx.write('meta-table.html', CHROME_PAGE));
    assert.equal(source.url, 'http://www.qingshi.example.gov.cn/art/2023/1/6/1.html');
    assert.equal(source.published, '2023-01-06');
    assert.equal(source.issuer, '青石镇人民政府');
    assert.equal(source.indexNumber, '11330000000000000A/2023-00001');
  });

  it('prefers the canonical link and the meta tags of the government-site guideline', async () => {
    const head = '<link rel="canonical" href="https://www.example.gov.cn/zwgk/2021/report.html"><meta name="PubDate" content="2021-01-29 09:30">' +
      '<meta name="ContentSource" content="某某县人民政府办公室">';
    const { source } = await readDocument(await fx.write('meta-tags.html', page(`<p>${REPORT.join('</p><p>')}</p><p>发布时间：2021年2月1日</p>`, head)));
    assert.equal(source.url, 'https://www.example.gov.cn/zwgk/2021/report.html');
    assert.equal(source.published, '2021-01-29');
    assert.equal(source.issuer, '某某县人民政府办公室');
  });

  it('reads a metadata list with bullets and full-width colons, and ignores what is not clean', async () => {
    const body = `<ul><li>• 发布机构:蚶石镇人民政府</li><li>成文日期：2020年01月15日</li><li>索引号：见附件</li></ul><p>${REPORT.join('</p><p>')}</p>`;
    const { source } = await readDocument(await fx.write('bullets.html', `<html><body>${body}</body></html>`));
    assert.equal(source.issuer, '蚶石镇人民政府');
    assert.equal(source.published, '2020-01-15');
    assert.equal(source.indexNumber, undefined);
    assert.equal(source.url, undefined);
  });

  it('writes dates as ISO and refuses impossible ones', () => {
    assert.equal(isoDate('2020年1月6日'), '2020-01-06');
    assert.equal(isoDate('2020/01/06 10:00:00'), '2020-01-06');
    assert.equal(isoDate('20200106'), '2020-01-06');
    assert.equal(isoDate('2020-02-30'), undefined);
    assert.equal(isoDate('第2020号'), undefined);
  });
});
