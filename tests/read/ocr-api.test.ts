// The report API says when a report's text was recognised by OCR (the reader then warns that
// quotations need checking against the original); a report read from its text says it was not.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../services/api/app.js';
import { reportId, toIndexed } from '../../services/ingest/to-indexed.js';
import { parseText } from '../../services/pipeline/parse.js';
import { tempEngine } from '../helpers/engine.js';

const TEXT = '青石镇2022年政府信息公开工作年度报告\n一、总体情况\n本年度共受理政府信息公开申请四十五件，全部按期答复。';

describe('GET /api/reports/:id marks OCR text', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  let server: ReturnType<ReturnType<typeof createApp>['listen']>;
  let url: string;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await tempEngine();
    for (const [name, encoding] of [['scan.pdf', 'pdf+ocr'], ['text.pdf', 'pdf']] as const) {
      const text = `${TEXT}\n${name}`;
      const sha256 = createHash('sha256').update(text).digest('hex');
      const source = { path: `/reports/${name}`, kind: 'pdf' as const, bytes: text.length, sha256, encoding };
      await t.engine.backend.upsert(toIndexed(parseText(text, { fileName: name }), source, text, t.engine.segmenter, false));
      ids[name] = reportId(sha256);
    }
    server = createApp(t.engine).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.dispose();
  });

  it('says ocr: true for a scan, false for a text PDF', async () => {
    const scan = await (await fetch(`${url}/api/reports/${ids['scan.pdf']}`)).json() as { ocr: boolean };
    const text = await (await fetch(`${url}/api/reports/${ids['text.pdf']}`)).json() as { ocr: boolean };
    assert.equal(scan.ocr, true);
    assert.equal(text.ocr, false);
  });
});
