// A folder of bad files among good ones: each bad file is reported with its reason, the
// rest of the batch goes on, every good file is searchable and the index stays sound.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { ingest, type IngestSummary } from '../../services/ingest/ingest.js';
import { reportId } from '../../services/ingest/to-indexed.js';
import { search } from '../../services/search/methods/search.js';
import { SqliteBackend } from '../../services/search/sqlite/backend.js';
import { realPath, realReports, REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';
import { reportText } from './support.js';
import { handmadePdf, makeDocx } from '../read/fixtures.js';

const GOOD: Record<string, { marker: string; data: () => Promise<Buffer | string> | Buffer | string }> = {
  'utf8.txt': { marker: '琥珀色灯塔', data: () => reportText('琥珀色灯塔') },
  'gbk.txt': { marker: '翡翠色码头', data: () => iconv.encode(reportText('翡翠色码头'), 'gbk') },
  'utf16.txt': { marker: '靛青色驿站', data: () => iconv.encode(reportText('靛青色驿站'), 'utf16-le', { addBOM: true }) },
  'gb18030.htm': {
    marker: '胭脂色石桥',
    data: () => iconv.encode(`<html><head><meta charset="gb18030"><style>body{color:red} .x::after{content:"样式表内容"}</style>
<script>document.write("恶意脚本内容")</script></head><body><script>var s = "</p>恶意脚本内容";</script>
${reportText('胭脂色石桥').split('\n').map((l) => `<p>${l}</p>`).join('\n')}<noscript>无脚本提示</noscript></body></html>`, 'gb18030'),
  },
  'report.docx': { marker: '赭石色渡口', data: () => makeDocx(reportText('赭石色渡口').trim().split('\n')) },
  '报告 (2019) #1 & \'引号\' 💾.txt': { marker: '藏蓝色钟楼', data: () => reportText('藏蓝色钟楼', 2019) },
  'line\nbreak\tand -rf *.txt': { marker: '月白色凉亭', data: () => reportText('月白色凉亭', 2018) },
  [`${'长'.repeat(80)}.txt`]: { marker: '绛紫色牌坊', data: () => reportText('绛紫色牌坊', 2021) },
};

// file name → the reason it must be refused with.
const BAD: Record<string, { reason: RegExp; data: () => Promise<Buffer | string> | Buffer | string }> = {
  'empty.txt': { reason: /^empty file$/, data: () => '' },
  'blank.txt': { reason: /^empty file$/, data: () => '   \n\n\t ' },
  'binary.txt': { reason: /^binary file, not text$/, data: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
  'binary.pdf': { reason: /^corrupt or truncated PDF/, data: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)) },
  'truncated.pdf': { reason: /^corrupt or truncated PDF/, data: () => handmadePdf({ text: '政府信息公开' }).subarray(0, 300) },
  'encrypted.pdf': { reason: /^password-protected PDF$/, data: () => handmadePdf({ text: '政府信息公开', encrypted: true }) },
  'scanned.pdf': { reason: /^no text layer and no images \(blank PDF\?\)$/, data: () => handmadePdf({ text: '' }) },
  'truncated.docx': { reason: /^corrupt or truncated \.docx/, data: async () => (await makeDocx(['政府信息公开'])).subarray(0, 200) },
  'encrypted.docx': {
    reason: /^password-protected or legacy \.doc/,
    data: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048, 1)]),
  },
  'script-only.html': {
    reason: /^no text in HTML page/,
    data: () => '<html><head><script>document.body.innerHTML = "政府信息公开"</script><style>p{}</style></head><body></body></html>',
  },
};

let t: Awaited<ReturnType<typeof tempEngine>>;
let dir: string;
let summary: IngestSummary;
const failure = (name: string) => summary.failed.find((f) => f.file === join(dir, name));

before(async () => {
  t = await tempEngine();
  dir = mkdtempSync(join(tmpdir(), 'gongkai-bad-'));
  for (const [name, f] of Object.entries({ ...GOOD, ...BAD })) writeFileSync(join(dir, name), await f.data());
  // 200 MB of nothing on disk: a sparse file. Were it read, its NULs would say "binary file".
  writeFileSync(join(dir, 'huge.txt'), '');
  truncateSync(join(dir, 'huge.txt'), 200 * 1024 * 1024);
  // A name that is not UTF-8 (Linux allows any bytes but / and NUL).
  writeFileSync(Buffer.concat([Buffer.from(join(dir, 'latin1-')), Buffer.from([0xe9, 0xff]), Buffer.from('.txt')]), reportText('无效名字'));
  // Links: a loop between two links, a link to a missing file, a link to the folder itself.
  symlinkSync(join(dir, 'loop-b.txt'), join(dir, 'loop-a.txt'));
  symlinkSync(join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync(dir, join(dir, 'sub', 'up'));
  writeFileSync(join(dir, 'sub', 'note.xyz'), 'not a report: skipped in folders');
  const before = process.memoryUsage().arrayBuffers;
  summary = await ingest(t.engine, [dir, REAL_DIR, join(dir, 'missing-folder')]);
  assert.ok(process.memoryUsage().arrayBuffers - before < 100 * 1024 * 1024, 'the 200 MB file was not read into memory');
});
after(async () => {
  await t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingesting a folder of bad and good files', () => {
  it('reports every bad file with its reason', () => {
    for (const [name, { reason }] of Object.entries(BAD)) {
      const f = failure(name);
      assert.ok(f, `${name} is reported: ${JSON.stringify(summary.failed)}`);
      assert.match(f.reason, reason, name);
    }
    assert.match(failure('huge.txt')?.reason ?? '', /^file too large \(200\.0 MB; the limit is 100 MB, set by GONGKAI_MAX_FILE_MB\)$/);
    assert.match(failure('loop-a.txt')?.reason ?? '', /^symbolic link loop$/);
    assert.match(failure('loop-b.txt')?.reason ?? '', /^symbolic link loop$/);
    assert.match(failure('dangling.txt')?.reason ?? '', /^file not found$/);
    assert.match(failure('missing-folder')?.reason ?? '', /^file not found$/);
    const badName = summary.failed.find((f) => f.file.includes('latin1-'));
    assert.match(badName?.reason ?? '', /^file name is not valid UTF-8; rename the file$/);
  });

  it('indexes every good file and every real report, and nothing else', async () => {
    const real = realReports().length;
    assert.equal(summary.indexed, Object.keys(GOOD).length + real, JSON.stringify(summary.failed, null, 1));
    assert.equal(summary.failed.length, Object.keys(BAD).length + 6);
    assert.equal((await t.engine.backend.info()).reports, Object.keys(GOOD).length + real);
  });

  it('finds each good file by its marker, and never the text of scripts or styles', async () => {
    for (const [name, { marker }] of Object.entries(GOOD)) {
      const out = await search(t.engine, { q: `"${marker}"`, collapse: true });
      assert.equal(out.total, 1, `${name}: ${marker}`);
    }
    for (const q of ['恶意脚本内容', '样式表内容', 'document.write']) assert.equal((await search(t.engine, { q: `"${q}"` })).total, 0, q);
  });

  it('finds each real report by a verbatim piece of its longest passage', async () => {
    for (const row of realReports()) {
      const id = reportId(createHash('sha256').update(readFileSync(realPath(row.file))).digest('hex'));
      const report = await t.engine.backend.report(id);
      assert.ok(report, row.file);
      const longest = report.passages.reduce((a, b) => (b.text.length > a.text.length ? b : a));
      // Twelve characters with no quote mark in them (a quote would end the quoted query).
      const piece = longest.text.split(/["“”「」『』]/).reduce((a, b) => (b.length > a.length ? b : a)).slice(0, 12);
      const out = await search(t.engine, { q: `"${piece}"`, collapse: true, size: 100 });
      assert.ok(out.hits.some((h) => h.reportId === id), `${row.file}: "${piece}"`);
    }
  });

  it('leaves the index sound', () => {
    assert.ok(t.engine.backend instanceof SqliteBackend);
    assert.deepEqual(t.engine.backend.integrityProblems(), []);
  });

  it('honours a lower size limit, and ingests the same folder again with nothing new', async () => {
    const again = await ingest(t.engine, [dir, REAL_DIR], { maxFileMb: 0.0005 });
    assert.equal(again.indexed + again.replaced, 0);
    // Files above 512 bytes are now refused by size, unread; the small ones are unchanged.
    assert.ok(again.failed.some((f) => /^file too large \(0\.0 MB; the limit is 0\.0005 MB/.test(f.reason)));
    assert.ok(again.unchanged >= 1);
  });
});
