import { describe, expect, it } from 'vitest';
import { analysisHelp } from '../../../cli/help.js';
import { JOBS } from '../../../core/jobs/registry.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { runCli } from '../../helpers/project.js';
import { DENY, HANGUL, SNAKE, SNAKE_OK } from './internal-words.js';

/*
 * Issue #14 ("one name, one language, one unit everywhere"): every job's name and account exist in
 * English and Korean, carry none of the words of the code or of the original notebooks ("seed 000",
 * "the seed's uses"), and `analyses --lang ko` / `run NAME --help --lang ko` print the Korean.
 */

const jobs = [...JOBS.values()];

describe('analysis names and accounts', () => {
  it.each(jobs.map((j) => [j.id, j] as const))('%s has a name and an account in English and Korean', (_id, job) => {
    expect(job.title.trim()).toBeTruthy();
    expect(job.description.trim()).toBeTruthy();
    expect(job.titleKo?.trim()).toBeTruthy();
    expect(job.descriptionKo?.trim()).toBeTruthy();
    expect(job.titleKo).toMatch(HANGUL);
    expect(job.descriptionKo).toMatch(HANGUL);
    expect(job.descriptionKo).not.toBe(job.description);
  });

  it('uses no internal words in either language', () => {
    const found: string[] = [];
    for (const job of jobs) {
      for (const [where, text] of [['title', job.title], ['titleKo', job.titleKo], ['description', job.description], ['descriptionKo', job.descriptionKo]] as const) {
        for (const [re, why] of DENY) if (text && re.test(text)) found.push(`${job.id} ${where}: ${why}: ${text}`);
        for (const word of text?.match(SNAKE) ?? []) if (!SNAKE_OK.has(word)) found.push(`${job.id} ${where}: snake_case id ${word}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('listAnalyses carries both languages', () => {
    const list = new WorkbenchService().listAnalyses();
    expect(list.length).toBeGreaterThan(10);
    for (const a of list) {
      expect(a.titleKo, a.id).toMatch(HANGUL);
      expect(a.descriptionKo, a.id).toMatch(HANGUL);
    }
    const help = analysisHelp(list, 'stratified-kmeans', 'ko') as string;
    expect(help).toContain('층화 K-평균: ');
    expect(help).not.toContain('Stratified K-means');
    expect(analysisHelp(list, 'stratified-kmeans') as string).toContain('Stratified K-means: Customer × category spend pivot');
  });

  it('the built CLI prints the Korean names with --lang ko and the English ones by default', () => {
    const ko = runCli(['analyses', '--lang', 'ko']);
    expect(ko.code).toBe(0);
    expect(ko.stdout).toContain('stratified-kmeans — 층화 K-평균\n');
    expect(ko.stdout).toContain('lrfmv-kmedoids — LRFMV K-메도이드\n');
    expect(ko.stdout).not.toMatch(/seed 00\d/i);
    const en = runCli(['analyses']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('stratified-kmeans — Stratified K-means\n');
    expect(en.stdout).not.toContain('층화');
  });
});
