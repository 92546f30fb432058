import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateReason } from '../../../core/analysis/recommend/reason-translate.js';
import { makeTinyDemo, runCli } from '../../helpers/project.js';

/*
 * Issue #14: `export --lang en|ko`. Reasons are rendered in the language of the export, not fixed
 * when the list was computed; `--lang ko` writes Korean headers; without --lang the file is what it
 * was (contract headers, reasons as stored), byte for byte.
 */
describe('export --lang on the tiny demo', () => {
  let dir: string, project: string;
  const runs: Record<string, number> = {};
  const HANGUL = /[가-힣]/;
  const exportCsv = (run: number, name: string, extra: string[] = [], what = 'campaign') => {
    const out = path.join(dir, name);
    const r = runCli(['export', '--project', project, '--run', String(run), '--what', what, '--out', out, ...extra]);
    expect(r.code, r.stderr).toBe(0);
    return fs.readFileSync(out);
  };
  const rowsOf = (b: Buffer) => b.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const reasonOf = (line: string) => {
    // The reason is the last column; it may be quoted (commas inside).
    const m = /,("(?:[^"]|"")*"|[^,]*)$/.exec(line);
    const cell = m?.[1] ?? '';
    return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
  };

  beforeAll(() => {
    ({ dir, project } = makeTinyDemo('swb-export-lang-'));
    for (const [model, lang] of [['item-knn', 'en'], ['item-knn', 'ko'], ['p-topfreq', 'en']] as const) {
      const r = runCli(['run', 'recommend', '--project', project, '--param', `model=${model}`, '--param', 'top=5', '--param', `lang=${lang}`, '--json']);
      expect(r.code, r.stderr).toBe(0);
      runs[`${model}-${lang}`] = (JSON.parse(r.stdout) as { runId: number }).runId;
    }
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('without --lang: the contract header and the reasons exactly as stored; --lang en on an English run changes no byte', () => {
    const plain = exportCsv(runs['item-knn-en'], 'plain.csv');
    const rows = rowsOf(plain);
    expect(rows[0]).toBe('customer,segment,rank,product,name,category,score,reason');
    const db = new Database(project, { readonly: true });
    const stored = (db.prepare('SELECT reason FROM recommendations WHERE run_id = ? ORDER BY customer_id, rank').all(runs['item-knn-en']) as { reason: string }[]).map((x) => x.reason);
    db.close();
    expect(rows.slice(1).map(reasonOf)).toEqual(stored);
    expect(exportCsv(runs['item-knn-en'], 'en.csv', ['--lang', 'en']).equals(plain)).toBe(true);
    // A list computed in Korean, exported in English, is the English list byte for byte.
    expect(exportCsv(runs['item-knn-ko'], 'ko-as-en.csv', ['--lang', 'en']).equals(plain)).toBe(true);
  });

  it('--lang ko: Korean headers and Korean reasons, the same as a list computed in Korean', () => {
    const ko = rowsOf(exportCsv(runs['item-knn-en'], 'ko.csv', ['--lang', 'ko']));
    expect(ko[0]).toBe('고객,세그먼트,순위,상품,이름,카테고리,점수,이유');
    const computedKo = rowsOf(exportCsv(runs['item-knn-ko'], 'computed-ko.csv'));
    expect(computedKo[0]).toBe('customer,segment,rank,product,name,category,score,reason');
    expect(ko.slice(1)).toEqual(computedKo.slice(1));
    const reasons = ko.slice(1).map(reasonOf);
    expect(reasons.length).toBeGreaterThan(100);
    for (const r of reasons) expect(r).toMatch(HANGUL);
    expect(reasons.some((r) => r.includes('코사인'))).toBe(true);
  });

  it('--lang ko on the personal-popularity list translates every reason', () => {
    const en = rowsOf(exportCsv(runs['p-topfreq-en'], 'p-en.csv')).slice(1).map(reasonOf);
    const ko = rowsOf(exportCsv(runs['p-topfreq-en'], 'p-ko.csv', ['--lang', 'ko'])).slice(1).map(reasonOf);
    expect(ko).toEqual(en.map((r) => translateReason(r, 'ko')));
    for (const r of ko) expect(r).toMatch(/^(고객님이 영수증 \d+건에서 구매|인기 상품: 영수증 \d+건에 포함)$/);
  });

  it('other exports: contract headers by default, Korean with --lang ko; a bad --lang is a usage error', () => {
    const seg = (JSON.parse(runCli(['run', 'kmeans', '--project', project, '--param', 'k=3', '--json']).stdout) as { runId: number }).runId;
    expect(rowsOf(exportCsv(seg, 'seg0.csv', [], 'segments'))[0]).toBe('customer,segment,name,outlier,reason');
    const segEn = rowsOf(exportCsv(seg, 'seg.csv', [], 'segments'));
    const segKo = rowsOf(exportCsv(seg, 'seg-ko.csv', ['--lang', 'ko'], 'segments'));
    expect(segKo[0]).toBe('고객,세그먼트,이름,이상치,이유');
    // Default names ("segment 2") in Korean ("세그먼트 2"); the customer and segment columns unchanged.
    expect(segKo.length).toBe(segEn.length);
    const named = segEn.slice(1).filter((l) => /,segment \d+,/.test(l));
    expect(named.length).toBeGreaterThan(100);
    for (let i = 1; i < segEn.length; i++) expect(segKo[i]).toBe(segEn[i].replace(/,segment (\d+),/, ',세그먼트 $1,').replace(/,no purchases$/, ',구매 없음'));
    // A campaign over those segments names them in Korean too.
    const camp = rowsOf(exportCsv(runs['p-topfreq-en'], 'seg-camp-ko.csv', ['--lang', 'ko', '--param', `segmentRun=${seg}`]));
    expect(camp.slice(1).every((l) => /^[^,]*,세그먼트 \d+,/.test(l))).toBe(true);
    const bad = runCli(['export', '--project', project, '--run', String(seg), '--what', 'segments', '--out', path.join(dir, 'x.csv'), '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang must be en or ko');
  });
});
