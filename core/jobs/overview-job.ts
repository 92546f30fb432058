import type { z } from 'zod';
import { sha256Text } from '../data/hash.js';
import { epochDay } from '../data/import/values.js';
import { openProject } from '../data/store/open.js';
import { ALL_DAYS, type DayRange } from '../data/store/queries/overview/index.js';
import { dataFingerprint } from '../data/store/runs.js';
import type { OverviewExplore } from '../model/overview-explore.js';
import { overviewExplore, STORED_EXPLORE_FIELD } from '../service/overview-explore.js';
import type { OverviewResult } from '../model/overview.js';
import { computeOverview, OVERVIEW_STEPS } from '../service/overview-panels.js';
import { recordRun } from './run-record.js';
import { date, defineParams } from './param-spec.js';
import type { JobDefinition } from './types.js';

const { schema: params, info: paramInfo } = defineParams(
  {
    from: date({
      valid: (s) => toDay(s) !== undefined,
      label: { en: 'First day', ko: '시작일' },
      help: { en: 'First day (YYYY-MM-DD) of the period shown; default: the first day of the data.', ko: '보여 줄 기간의 첫날(YYYY-MM-DD). 기본값은 데이터의 첫날.' },
    }),
    to: date({
      valid: (s) => toDay(s) !== undefined,
      label: { en: 'Last day', ko: '종료일' },
      help: { en: 'Last day (YYYY-MM-DD) of the period shown, included; default: the last day of the data.', ko: '보여 줄 기간의 마지막 날(YYYY-MM-DD, 포함). 기본값은 데이터의 마지막 날.' },
    }),
  },
  { refine: [{ check: (p) => p.from === undefined || p.to === undefined || p.from <= p.to, message: 'from must not be after to' }] },
);
export type OverviewParams = z.output<typeof params>;

export { computeOverview, OVERVIEW_STEPS, type OverviewHooks, type OverviewStep } from '../service/overview-panels.js';

/** Overview / EDA (SPEC §3.1): headline KPIs and the panels of the Overview page. */
export const overviewJob: JobDefinition<OverviewParams, OverviewResult & { runId: number }> = {
  id: 'overview',
  title: 'Overview',
  titleKo: '개요',
  description: 'Headline KPIs; customers by gender × age; sales by region; monthly sales by retailer and partner; online vs offline; weekday × hour; top categories; price spread (skewness, kurtosis, extreme products); L.pay adoption; the 100-won cohort; retailer themes.',
  descriptionKo: '주요 KPI; 성별 × 연령별 고객; 지역별 매출; 유통사·제휴사별 월 매출; 온라인 대 오프라인; 요일 × 시간; 상위 카테고리; 가격 분포(왜도, 첨도, 극단 상품); L.pay 도입; 100원 코호트; 유통사별 테마.',
  isAnalysis: true,
  params,
  paramInfo,
  async run(ctx, p) {
    const db = openProject(ctx.project);
    try {
      const range: DayRange = { from: p.from === undefined ? ALL_DAYS.from : (toDay(p.from) as number), to: p.to === undefined ? ALL_DAYS.to : (toDay(p.to) as number) };

      // One read transaction: every panel sees the same snapshot even if an import commits meanwhile
      // (the temp tables the queries aggregate into live outside the project file).
      db.exec('BEGIN');
      let panels: Omit<OverviewResult, 'period'>;
      let explore: OverviewExplore | undefined;
      let contiguous: boolean | undefined;
      try {
        panels = computeOverview(db, range, {
          onStep: (step, done, total) => {
            ctx.throwIfCancelled();
            ctx.progress({ phase: 'overview', done, total, unit: 'panels', message: step });
          },
          onChunk: () => ctx.throwIfCancelled(),
          onLayout: (c) => (contiguous = c),
        });
        // The unfiltered Overview for every file, stored with the run (issue #16): on a large project it
        // takes a third of the panels' time, and getOverviewExplore then answers it from here
        // (core/service/overview-explore.ts exploreAnswer); only filtered requests compute live. It
        // reuses the panels' receipt-layout check (same snapshot). Computing it on a query thread
        // beside the panels was tried and measured slower on this shared machine (decision 0022).
        if (p.from === undefined && p.to === undefined) {
          ctx.throwIfCancelled();
          explore = overviewExplore(db, {}, { contiguous });
        }
      } finally {
        db.exec('COMMIT');
      }
      ctx.progress({ phase: 'overview', done: OVERVIEW_STEPS.length, total: OVERVIEW_STEPS.length, unit: 'panels' });
      const result: OverviewResult = { period: { from: p.from ?? null, to: p.to ?? null }, ...panels };
      const runId = recordRun(db, ctx, 'overview', p, explore === undefined ? result : { ...result, [STORED_EXPLORE_FIELD]: explore }, dataFingerprint(db, sha256Text));
      return { ...result, runId };
    } finally {
      db.close();
    }
  },
};

/** Epoch day of an ISO date "YYYY-MM-DD", or undefined when it is not one. */
function toDay(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? epochDay(+m[1], +m[2], +m[3]) : undefined;
}
