import type { z } from 'zod';
import { sha256Text } from '../data/hash.js';
import { openProject } from '../data/store/open.js';
import { dataSummary, type DataSummary } from '../data/store/queries/summary.js';
import { dataFingerprint } from '../data/store/runs.js';
import { recordRun } from './run-record.js';
import { defineParams } from './param-spec.js';
import type { JobDefinition } from './types.js';

const { schema: params, info: paramInfo } = defineParams({});

/** Headline figures of the project: what was loaded, the date range, net sales, returns, flags. */
export const summaryJob: JobDefinition<z.output<typeof params>, DataSummary & { runId: number }> = {
  id: 'data-summary',
  title: 'Data summary',
  titleKo: '데이터 요약',
  description: 'Counts of customers, products, stores, receipts and lines; date range; net sales and returns; flagged rows by kind; sales by channel and retailer.',
  descriptionKo: '고객, 상품, 매장, 영수증, 행의 수; 기간; 순매출과 반품; 종류별 표시된 행; 채널·유통사별 매출.',
  isAnalysis: true,
  params,
  paramInfo,
  async run(ctx, p) {
    const db = openProject(ctx.project);
    try {
      ctx.progress({ phase: 'aggregate', done: 0, total: 1, message: 'aggregating' });
      const summary = dataSummary(db);
      ctx.throwIfCancelled();
      const runId = recordRun(db, ctx, 'data-summary', p, summary, dataFingerprint(db, sha256Text));
      ctx.progress({ phase: 'aggregate', done: 1, total: 1 });
      return { ...summary, runId };
    } finally {
      db.close();
    }
  },
};
