/*
 * Issue #14: the words of the code and of the original notebooks that no text shown to a user may
 * carry (parameter labels and help, analysis names and accounts), shared by the tests that check them.
 */

export const HANGUL = /[가-힣]/;

/** Internal words no label or help may show. */
export const DENY: [RegExp, string][] = [
  [/seed['’]s/i, "the seed's … (the original notebooks)"],
  [/\bthe seed\b|시드는/i, 'the seed … as the original notebooks (a random seed is "random seed" / "Same seed …")'],
  [/\bseed\s*0\d\d\b/i, 'seed 000 … 004 (notebook numbers)'],
  [/\(seed:/i, '(seed: …) (notebook defaults)'],
  [/\buses['’]/i, "the uses' … (internal name of the score model's outputs)"],
  [/\bmin_samples\b|\br_[gb]\b/, 'library argument names'],
  [/\b(?:hr|ndcg|recall|mase|rmse|clv|p_alive|expected_purchases)_[a-z0-9_]+\b/i, 'raw metric ids'],
];
/** snake_case words allowed: examples of a user's own column names. */
export const SNAKE_OK = new Set(['tenure_months']);
export const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
