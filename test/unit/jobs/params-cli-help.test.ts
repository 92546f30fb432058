import { describe, expect, it } from 'vitest';
import { analysisHelp, paramLines } from '../../../cli/help.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { runCli } from '../../helpers/project.js';

/*
 * Issue #14: `analyses` and `run ANALYSIS --help` print each parameter's label and help, from its
 * one declaration (core/jobs/param-spec.ts), in English or (--lang ko) Korean.
 */

const list = new WorkbenchService().listAnalyses();

describe('parameter help on the command line', () => {
  it('run ANALYSIS --help lists every parameter with its default, range, label and help', () => {
    const text = analysisHelp(list, 'stratified-kmeans') as string;
    expect(text).toMatch(/^Usage: segment-workbench run stratified-kmeans /);
    expect(text).toContain('--param noiseShare=0.05  (number, 0–0.5) Share of customers left as noise');
    expect(text).toContain('Share of customers DBSCAN should set aside as outliers');
    const a = list.find((x) => x.id === 'stratified-kmeans');
    for (const p of a?.params ?? []) expect(text).toContain(`--param ${p.name}=`);
    expect(analysisHelp(list, 'no-such-analysis')).toBeUndefined();
  });

  it('--lang ko prints the Korean labels and help', () => {
    const text = analysisHelp(list, 'stratified-kmeans', 'ko') as string;
    expect(text).toContain('노이즈로 남길 고객 비율');
    expect(text).toContain('DBSCAN이 이상치로 따로 둘 고객 비율');
    expect(text).not.toContain('Share of customers left as noise');
  });

  it('analyses prints a label and a help line for every parameter of every analysis', () => {
    for (const a of list) {
      const lines = paramLines(a);
      expect(lines.length).toBe(2 * a.params.length);
      a.params.forEach((p, i) => {
        expect(lines[2 * i]).toContain(p.label?.en);
        expect(lines[2 * i + 1].trim()).toBe(p.helpText?.en);
      });
    }
  });

  it('the built CLI prints them (run NAME --help, --lang ko, analyses) and refuses an unknown analysis', () => {
    const en = runCli(['run', 'kmeans', '--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Customer features');
    expect(en.stdout).toContain('--param kMax=20  (integer, 2–100) Largest k tried');
    const ko = runCli(['run', 'kmeans', '--help', '--lang', 'ko']);
    expect(ko.code).toBe(0);
    expect(ko.stdout).toContain('고객 특성');
    expect(ko.stdout).toContain('비교할 최대 k');
    const all = runCli(['analyses']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Share of customers left as noise');
    expect(runCli(['analyses', '--lang', 'ko']).stdout).toContain('노이즈로 남길 고객 비율');
    const bad = runCli(['run', 'no-such-analysis', '--help']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown analysis "no-such-analysis"');
  });
});
