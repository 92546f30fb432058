import type { SpendLines } from '../../model/spend.js';

/** The spend model's input: purchase lines in day order as typed columns (core/model/spend.ts). */
export type SpendData = SpendLines;
