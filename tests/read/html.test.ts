import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { htmlToText } from '../../services/pipeline/read/html.js';
import { readDocument } from '../../services/pipeline/read/index.js';
import { encode, fixtureDir, rejectsWithReason } from './fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
before(async () => { fx = await fixtureDir(); });
after(() => fx.cleanup());

const PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某某市政府信息公开工作年度报告</title>
<style>p { color: red; } .nav > a { content: "不应出现"; }</style>
<script>var s = "<p>不应出现</p>"; if (a < b && c > d) {}</script>
<link rel="stylesheet" href="x.css">
</head>
<body>
<!-- 注释：不应出现 <p>也不应出现</p> -->
<noscript>请启用脚本</noscript>
<div class="nav" data-path="首页>信息公开" title='a > b'>首页 &gt; 信息公开</div>
<h1>政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p>本年度&nbsp;共主动公开&amp;发布信息&#x4E00;百二十三条&#25991;件。</p>
<p>按照要求，
   认真做好
   相关工作。</p>
<table>
  <tr><th>项目</th><th>数量</th></tr>
  <tr><td><p>申请数</p></td><td>45</td></tr>
  <tr><td>办结数</td><td></td><td>3</td></tr>
</table>
<p>第一行<br>第二行</p>
<ul><li>甲</li><li>乙</li></ul>
</body></html>`;

const EXPECTED = [
  '某某市政府信息公开工作年度报告',
  '首页 > 信息公开',
  '政府信息公开工作年度报告',
  '一、总体情况',
  '本年度\u00a0共主动公开&发布信息一百二十三条文件。',
  '按照要求，认真做好相关工作。',
  '项目\t数量',
  '申请数\t45',
  '办结数\t\t3',
  '第一行',
  '第二行',
  '甲',
  '乙',
].join('\n');

describe('HTML: the text a reader sees', () => {
  it('keeps the title and body; drops scripts, styles, noscript, comments; tables become tab-separated rows', async () => {
    const path = await fx.write('report.html', PAGE);
    const { text, source } = await readDocument(path);
    assert.equal(text, EXPECTED);
    assert.equal(source.kind, 'html');
    assert.equal(source.encoding, 'utf-8');
  });

  it('is not fooled by ">" inside attribute values, or by a lone "<" in text', () => {
    assert.equal(htmlToText(`<a title="x > y" href='a>b' data-n=1>链接</a> 若 a < b 则`), '链接 若 a < b 则');
  });

  it('keeps white space inside <pre> and separates words in Latin text', () => {
    assert.equal(htmlToText('<p>Open   Government\nInformation</p><pre>第一列  第二列\n  缩进</pre>'),
      'Open Government Information\n第一列  第二列\n  缩进');
  });

  it('treats body text after an unclosed <head> as body', () => {
    assert.equal(htmlToText('<html><head><title>标题</title><meta charset=gbk>正文开始<p>第二段'), '标题\n正文开始\n第二段');
  });

  it('reads GBK pages declared as gb2312 in a http-equiv meta', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>政府信息公开工作年度报告</p></body></html>';
    const path = await fx.write('gbk.htm', encode(html, 'gbk'));
    const { text, source } = await readDocument(path);
    assert.equal(text, '政府信息公开工作年度报告');
    assert.equal(source.encoding, 'gb18030');
  });

  it('trusts the bytes over a wrong <meta charset>', async () => {
    const path = await fx.write('lying.html', '<meta charset="gb2312"><p>依申请公开情况</p>');
    const { text, source } = await readDocument(path);
    assert.equal(text, '依申请公开情况');
    assert.equal(source.encoding, 'utf-8');
  });

  it('reads a Big5 page that declares <meta charset="big5">', async () => {
    const html = '<html><head><meta charset="big5"></head><body><p>政府資訊公開工作年度報告</p></body></html>';
    const path = await fx.write('big5.HTM', encode(html, 'big5'));
    const { text, source } = await readDocument(path);
    assert.equal(text, '政府資訊公開工作年度報告');
    assert.equal(source.encoding, 'big5');
  });

  it('reads UTF-16LE pages with a BOM', async () => {
    const path = await fx.write('utf16.html', encode('<p>监督保障</p>', 'utf-16le', true));
    assert.equal((await readDocument(path)).text, '监督保障');
  });

  it('says so when a page has no text outside scripts', async () => {
    const path = await fx.write('spa.html', '<html><body><div id="app"></div><script>render("年度报告")</script></body></html>');
    await rejectsWithReason(readDocument(path), path, /no text in HTML page/);
  });
});

describe('HTML: pathological nesting', () => {
  const nested = (n: number) => '<div>'.repeat(n) + '政府信息公开' + '</div>'.repeat(n);
  const seconds = (html: string) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      htmlToText(html);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };

  it('reads 100,000 nested <div>s, closed or not, without recursion', () => {
    assert.equal(htmlToText(nested(100_000)), '政府信息公开');
    assert.equal(htmlToText('<div><p>'.repeat(100_000) + '政府信息公开'), '政府信息公开');
  });

  it('takes time linear in the depth (htmlparser2 alone is quadratic: see html-stack.ts)', () => {
    seconds(nested(10_000)); // warm up
    // A ratio, not a time: the machine may be busy. Best of three runs each.
    const ratio = seconds(nested(160_000)) / seconds(nested(20_000));
    assert.ok(ratio < 24, `8× the depth took ${ratio.toFixed(1)}× the time (linear ≈ 8, quadratic ≈ 64)`);
  });
});
