import { describe, expect, it } from 'vitest';
import { JOBS } from '../../../core/jobs/registry.js';
import type { ReportDocument } from '../../../core/model/report.js';
import { renderReportHtml } from '../../../core/service/report/html.js';
import { analysisName } from '../../../core/service/report/labels.js';

/**
 * Issue #14: a report names each analysis in the report's language, never by its id
 * (the screenshots showed sections titled "kmeans #3", "recommend-eval #4").
 */
const hangul = /[\uac00-\ud7a3]/;
const analyses = [...JOBS.keys()].filter((id) => !id.startsWith('diagnostics.') && id !== 'import' && id !== 'demo');

describe('report analysis names', () => {
  it('names every analysis in Korean and in English, from the table or the job\'s declared title', () => {
    expect(analyses).toContain('spend-model');
    for (const id of analyses) {
      expect(analysisName('ko', id), id).toMatch(hangul);
      expect(analysisName('en', id), id).not.toBe(id);
    }
  });

  it('a Korean report\'s section says the analysis in Korean', () => {
    const doc: ReportDocument = {
      title: '보고서', lang: 'ko', layout: 'a4', version: '0.1.0', generatedAt: '2026-12-07T21:00:00.000Z',
      provenance: { project: 'demo.sqlite', files: [], fingerprint: 'f', period: { from: '2021-01-01', to: '2021-12-31' }, customers: 1, receipts: 1, currency: 'KRW' },
      sections: [{ runId: 8, analysis: 'spend-model', heading: `${analysisName('ko', 'spend-model')} · 실행 8`, params: [{ name: 'seed', value: '1' }], blocks: [] }],
    } as unknown as ReportDocument;
    const html = renderReportHtml(doc);
    expect(html).toContain('<h2>1. 구매액 예측');
    expect(html).toMatch(/<summary>[^<]*\(구매액 예측[^<]*\)<\/summary>/);
    expect(html).not.toContain('spend-model ·');
  });
});
