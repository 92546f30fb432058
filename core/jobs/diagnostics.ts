import type { z } from 'zod';
import { WorkbenchError } from '../model/result.js';
import { bool, defineParams, int, text } from './param-spec.js';
import type { JobDefinition } from './types.js';

/*
 * Hidden jobs (isAnalysis false) that exercise the job runner itself: progress, cooperative
 * cancel, a job that ignores cancel (terminate-and-recover), and a failure with code and details.
 */

const { schema: countParams, info: countInfo } = defineParams(
  {
    n: int({ text: 'none', min: 0, default: 1000, label: { en: 'Count to', ko: '셀 수' }, help: { en: 'How far to count.', ko: '어디까지 셀지.' } }),
    chunk: int({ text: 'none', min: 1, default: 100, label: { en: 'Numbers per report', ko: '보고 간격' }, help: { en: 'Numbers counted between progress reports.', ko: '진행 상황을 알리기 전에 셀 수.' } }),
    /** Never yield to the event loop, so only the shared cancel flag can stop the count. */
    sync: bool({ text: 'none', default: false, label: { en: 'Never yield', ko: '양보하지 않기' }, help: { en: 'Never yield to the event loop.', ko: '이벤트 루프에 한 번도 양보하지 않습니다.' } }),
  },
  { strict: false },
);

const count: JobDefinition<z.output<typeof countParams>, { counted: number }> = {
  id: 'diagnostics.count',
  title: 'Count (diagnostic)',
  titleKo: '세기 (진단)',
  descriptionKo: 'n까지 나누어 세면서 진행률을 알리고, 나눈 단위 사이에서 취소를 따릅니다.',
  description: 'Counts to n in chunks, reporting progress and honouring cancel between chunks.',
  isAnalysis: false,
  params: countParams,
  paramInfo: countInfo,
  async run(ctx, { n, chunk, sync }) {
    let counted = 0;
    ctx.progress({ phase: 'count', done: 0, total: n, unit: 'rows' });
    while (counted < n) {
      ctx.throwIfCancelled();
      const end = Math.min(n, counted + chunk);
      while (counted < end) counted++;
      ctx.progress({ phase: 'count', done: counted, total: n, unit: 'rows' });
      if (!sync) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { counted };
  },
};

const { schema: ignoreCancelParams, info: ignoreCancelInfo } = defineParams(
  { ms: int({ text: 'none', min: 0, default: 60_000, label: { en: 'Spin for, ms', ko: '반복 시간(ms)' }, help: { en: 'How long to spin, in milliseconds.', ko: '몇 밀리초 동안 반복할지.' } }) },
  { strict: false },
);

const ignoreCancel: JobDefinition<z.output<typeof ignoreCancelParams>, { spunMs: number; spins: number }> = {
  id: 'diagnostics.ignore-cancel',
  title: 'Ignore cancel (diagnostic)',
  titleKo: '취소 무시 (진단)',
  descriptionKo: '취소를 확인하지 않고 ms 동안 바쁘게 돌므로, 작업자를 종료해야만 멈춥니다.',
  description: 'Busy-loops for ms without ever checking cancel, so only terminating the worker stops it.',
  isAnalysis: false,
  params: ignoreCancelParams,
  paramInfo: ignoreCancelInfo,
  async run(ctx, { ms }) {
    ctx.progress({ phase: 'spin', done: 0, total: ms, unit: 'ms' });
    const start = Date.now();
    let spins = 0;
    while (Date.now() - start < ms) spins++;
    return { spunMs: Date.now() - start, spins };
  },
};

const { schema: failParams, info: failInfo } = defineParams(
  { reason: text({ default: 'requested', label: { en: 'Reason', ko: '이유' }, help: { en: 'Put into the error details.', ko: '오류 세부 정보에 넣을 말.' } }) },
  { strict: false },
);

const fail: JobDefinition<z.output<typeof failParams>, never> = {
  id: 'diagnostics.fail',
  title: 'Fail (diagnostic)',
  titleKo: '실패 (진단)',
  descriptionKo: '코드 invalid-input과 세부 정보를 담은 WorkbenchError를 던집니다.',
  description: 'Throws a WorkbenchError with code invalid-input and details.',
  isAnalysis: false,
  params: failParams,
  paramInfo: failInfo,
  async run(_ctx, { reason }) {
    throw new WorkbenchError('invalid-input', `Diagnostic failure: ${reason}.`, { reason, parameter: 'reason', values: [1, 2, 3] });
  },
};

/** The runner's own test jobs, registered first in the job registry. */
export const DIAGNOSTIC_JOBS = [count, ignoreCancel, fail] as const;
