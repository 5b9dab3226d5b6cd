// The report reader's header says when a report's text was recognised by OCR.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import type { ReportResponse } from '../../web/src/state/types.js';

// The tests run through tsx with the root tsconfig, which compiles JSX the classic way
// (React.createElement): the component finds React as a global.
Object.assign(globalThis, { React });
const { ReportHeader } = await import('../../web/src/views/report/ReportHeader.js');
const { createElement } = React;
// The header links to the unit's other years and the audit, so it renders inside a router.
const render = (r: ReportResponse) => renderToStaticMarkup(createElement(MemoryRouter, null, createElement(ReportHeader, { report: r })));

const report = (ocr: boolean) => ({
  id: '0123456789abcdef', title: '青石镇2022年政府信息公开工作年度报告', issuer: '青石镇人民政府', year: 2022,
  level: 'township', format: '2021', demo: false, warnings: [], passages: [], sections: [], text: '',
  region: { province: null, city: null, county: null, township: null, code: null },
  source: { path: 'scan.pdf', kind: 'pdf', bytes: 1, sha256: '0'.repeat(64), encoding: ocr ? 'pdf+ocr' : 'pdf' },
  ocr,
}) as unknown as ReportResponse;

describe('ReportHeader', () => {
  it('asks to check quotations against the original when the text was OCR\'d, and only then', () => {
    assert.match(render(report(true)), /光学字符识别（OCR）.*引用前请与原件核对/);
    assert.doesNotMatch(render(report(false)), /OCR/);
  });
});
