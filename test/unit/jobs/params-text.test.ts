import { describe, expect, it } from 'vitest';
import { JOBS, listAnalyses } from '../../../core/jobs/registry.js';
import { DENY, HANGUL, SNAKE, SNAKE_OK } from './internal-words.js';

/*
 * Issue #14 ("one name, one language, one unit everywhere"): every parameter of every registered
 * job shows a human label and help in English and Korean, declared once with the parameter
 * (core/jobs/param-spec.ts), and none of it uses the words of the code or of the original notebooks.
 */

const params = [...JOBS.values()].flatMap((job) => job.paramInfo.map((p) => ({ job: job.id, p })));

describe('parameter labels and help', () => {
  it('lists parameters for the analyses (the check below is not vacuous)', () => {
    expect(listAnalyses().flatMap((a) => a.paramInfo).length).toBeGreaterThan(100);
  });

  it.each(params.map(({ job, p }) => [`${job}.${p.name}`, p] as const))('%s has a label and help in English and Korean', (_id, p) => {
    expect(p.label?.en.trim()).toBeTruthy();
    expect(p.label?.ko.trim()).toBeTruthy();
    expect(p.helpText?.en.trim()).toBeTruthy();
    expect(p.helpText?.ko.trim()).toBeTruthy();
    // Korean is Korean, and not the English copied.
    expect(p.label?.ko).toMatch(HANGUL);
    expect(p.helpText?.ko).toMatch(HANGUL);
    // The plain help older callers read is the English one.
    expect(p.help).toBe(p.helpText?.en);
    // A label is words, not the id again (the id stays visible beside it).
    expect(p.label?.en).not.toBe(p.name);
    expect(p.label?.en).not.toMatch(/\b[a-z]+[A-Z]\w*\b/);
  });

  it('uses no internal words or raw metric ids', () => {
    const found: string[] = [];
    for (const { job, p } of params) {
      for (const [where, text] of [['label.en', p.label?.en], ['label.ko', p.label?.ko], ['help.en', p.helpText?.en], ['help.ko', p.helpText?.ko]] as const) {
        for (const [re, why] of DENY) if (text && re.test(text)) found.push(`${job}.${p.name} ${where}: ${why}: ${text}`);
        for (const word of text?.match(SNAKE) ?? []) if (!SNAKE_OK.has(word)) found.push(`${job}.${p.name} ${where}: snake_case id ${word}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the denylist catches what it should', () => {
    const hits = (text: string) => DENY.some(([re]) => re.test(text)) || (text.match(SNAKE) ?? []).some((w) => !SNAKE_OK.has(w));
    expect(hits("Show the seed's uses for this customer")).toBe(true);
    expect(hits('Clusters of customers (seed 004: 2).')).toBe(true);
    expect(hits('Days the models learn from (the seed trained on one month).')).toBe(true);
    expect(hits('Same seed and same data, same result.')).toBe(false);
    expect(hits('DBSCAN min_samples: customers within eps')).toBe(true);
    expect(hits('sorted by ndcg_at_10')).toBe(true);
    expect(hits('Share of customers left as noise')).toBe(false);
  });
});
