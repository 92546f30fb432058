import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOBS } from '../../core/jobs/registry.js';
import { analysisName } from '../../core/service/report/labels.js';
import { en } from '../../renderer/src/i18n/en.js';
import { ko } from '../../renderer/src/i18n/ko.js';
import { DENY, SNAKE, SNAKE_OK } from './jobs/internal-words.js';

/*
 * Issue #14 ("no screen shows internal words such as 'the seed's uses' or raw metric ids"): the
 * words of the original notebooks ("seed 002", "the seed's …") and the code's ids stay off every
 * page. test/unit/jobs/params-text.test.ts checks the parameters' labels and help; this file checks
 * what else a user reads: every value of the UI dictionaries in both languages, the analyses'
 * names (the registry's and the report's), and the strings the jobs and services write into run
 * notes, summaries and messages (their source, comments left out).
 */

/** The Korean forms of the notebook words ("시드 002", "시드의 활용", "시드 자체의 한계"); a random seed is "난수 시드" / "시드가 같으면". */
const DENY_KO: [RegExp, string][] = [
  [/시드\s*0\d\d/, '시드 000 … 004 (notebook numbers)'],
  [/시드의|시드 자체/, '시드의 … (the original notebooks)'],
];

function internalWords(text: string): string[] {
  const found: string[] = [];
  for (const [re, why] of [...DENY, ...DENY_KO]) if (re.test(text)) found.push(why);
  for (const word of text.match(SNAKE) ?? []) if (!SNAKE_OK.has(word)) found.push(`snake_case id ${word}`);
  return found;
}

describe('UI dictionaries', () => {
  it.each([['en', en], ['ko', ko]] as const)('%s: no value carries internal words', (_lang, dict) => {
    const found = Object.entries(dict).flatMap(([key, text]) => internalWords(text).map((why) => `${key}: ${why}: ${text}`));
    expect(found).toEqual([]);
  });

  it('the Korean checks catch the notebook words and pass a random seed', () => {
    expect(internalWords('학습된 점수 모델 (시드 002)')).not.toEqual([]);
    expect(internalWords('시드의 숫자가 아니라')).not.toEqual([]);
    expect(internalWords('(시드 자체의 한계)')).not.toEqual([]);
    expect(internalWords('시드가 같으면 결과도 같습니다.')).toEqual([]);
    expect(internalWords('난수 시드')).toEqual([]);
  });
});

describe('analysis names', () => {
  const ids = [...JOBS.keys()];
  it.each(ids)('%s: its names in the registry and the report use no internal words', (id) => {
    const job = JOBS.get(id)!;
    const texts = [job.title, job.titleKo ?? '', analysisName('en', id), analysisName('ko', id)];
    expect(texts.flatMap((text) => internalWords(text).map((why) => `${why}: ${text}`))).toEqual([]);
  });
});

/** The notebook words in code text (strings, not comments): "seed 001", "seed 004's", "the seed". */
const SOURCE_DENY = [/seed ?0\d\d/i, /seed['’]s/i, /\bthe seed\b/i];
const ROOTS = ['core/jobs', 'core/service', 'core/analysis', 'cli', 'renderer/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** The source without its comments (block comments blanked line for line, `//` comments cut). */
function code(source: string): string[] {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line) => line.replace(/(^|\s)\/\/.*$/, ''));
}

describe('texts the jobs and services write (run notes, summaries, messages, export help)', () => {
  const root = join(__dirname, '..', '..');
  const files = ROOTS.flatMap((r) => sourceFiles(join(root, r)));

  it('reads the sources (the check below is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('name no notebook ("seed 001", "the seed’s …") in code text', () => {
    const found: string[] = [];
    for (const file of files) {
      code(readFileSync(file, 'utf8')).forEach((line, i) => {
        if (SOURCE_DENY.some((re) => re.test(line))) found.push(`${file.slice(root.length + 1)}:${i + 1}: ${line.trim().slice(0, 160)}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('leaves comments and random seeds alone', () => {
    const lines = code("// seed 001 proposes 0.1\nconst seed = 1; /* the seed's uses */\nconst s = 'Same seed and same data, same result.';");
    expect(lines.filter((line) => SOURCE_DENY.some((re) => re.test(line)))).toEqual([]);
    expect(code("const note = `seed 001: 0.792 on its data`;").some((line) => SOURCE_DENY.some((re) => re.test(line)))).toBe(true);
  });
});
