import { OFFLINE_TIERS, type LagCoefficient, type LagRegression, type MarketingSegment, type OfflineTier } from '../../model/marketing.js';
import { pickChannels } from './channels.js';
import { describeUnit } from './describe.js';
import { DayLookup, overlapPeriod, type CustomerDays, type SpendSeries } from './inputs.js';
import { lagDesign, lagRegression } from './lag-regression.js';
import { offlineResponse, tercileBounds, TIER_NONE, type OfflineResponse } from './offline-tiers.js';
import { onlineResponse } from './online-response.js';

/** Defaults of `marketing-response` (issue #11): channels found by name, tiers by terciles, lags 0–7. */
export const MARKETING_DEFAULTS = {
  /** Channel name of the online spend; null: the channel whose name says online / 온라인. */
  onlineChannel: null as string | null,
  offlineChannel: null as string | null,
  /** [b1, b2]: low < b1 ≤ mid < b2 ≤ high; null: terciles of the distinct offline spend levels. */
  offlineTierBounds: null as [number, number] | null,
  /** Longest lag of the regression, in days (issue: lags 0–7). */
  maxLag: 7,
  /** Newey–West truncation lag; null: ⌊4 (n/100)^(2/9)⌋. */
  hacLag: null as number | null,
  /** Channels in the regression; null: every channel. */
  regressionChannels: null as string[] | null,
};

export type MarketingOptions = typeof MARKETING_DEFAULTS;

export interface MarketingInput {
  spend: SpendSeries;
  purchases: CustomerDays;
  /** Part (segment) index per customer, −1 = in no part; parts in display order. */
  part: Int32Array;
  parts: { segment: number | null; name: string }[];
}

export interface MarketingResult {
  period: { first: number; last: number } | null;
  onlineChannel: string | null;
  offlineChannel: string | null;
  regressionChannels: string[];
  /** 1 for customers with a purchase day on a spend day of the period. */
  measured: Uint8Array;
  onlineShare: Float64Array | null;
  onlineScaled: Float64Array | null;
  offline: OfflineResponse | null;
  tierBoundsDefault: boolean;
  /** Distinct offline spend levels of the period, ascending. */
  offlineLevels: number[];
  segments: MarketingSegment[];
  notes: string[];
}

/** The caveat seed 004 states itself (and the one it implies). */
export const MARKETING_CAVEAT = 'Both response measures assume every customer saw all the marketing (the original study\'s own caveat), and they measure association with spend, not its causal effect.';

const isoDay = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);

/**
 * Marketing response (issue #11, seed 004 §3): per customer the online response (online-response.ts)
 * and the offline responding tier (offline-tiers.ts), per part their distributions, and per part a
 * daily distributed-lag regression of sales on spend with Newey–West intervals (lag-regression.ts,
 * ols-hac.ts). Everything is measured over the period where the spend file and the purchases
 * overlap. `onStep(done, total)` is called between parts (progress, cancel by throwing).
 */
export function marketingResponse(input: MarketingInput, options: Partial<MarketingOptions> = {}, onStep?: (done: number, total: number) => void): MarketingResult {
  const o: MarketingOptions = { ...MARKETING_DEFAULTS, ...options };
  const { spend, purchases } = input;
  const n = purchases.start.length - 1;
  if (input.part.length !== n) throw new RangeError(`part must hold one entry per customer (${n}), got ${input.part.length}`);
  if (spend.channels.length === 0) throw new RangeError('spend must have at least one channel, got 0');
  const pick = pickChannels(spend.channels, o.onlineChannel, o.offlineChannel);
  const regression = (o.regressionChannels ?? spend.channels).map((name) => {
    const i = spend.channels.indexOf(name);
    if (i < 0) throw new RangeError(`regressionChannels must name channels (${spend.channels.join(', ')}), got '${name}'`);
    return i;
  });
  const lookup = new DayLookup(spend.days);
  const period = overlapPeriod(spend, purchases);
  const notes: string[] = [MARKETING_CAVEAT];
  const measured = new Uint8Array(n);
  if (period) {
    for (let i = 0; i < n; i++) {
      for (let j = purchases.start[i]; j < purchases.start[i + 1]; j++) {
        const d = purchases.day[j];
        if (purchases.amount[j] > 0 && d >= period.first && d <= period.last && lookup.at(d) >= 0) {
          measured[i] = 1;
          break;
        }
      }
    }
  } else notes.push('The marketing spend file and the purchases share no day: nothing could be measured.');
  const online = period && pick.online >= 0 ? onlineResponse(purchases, lookup, spend.values[pick.online], period, measured) : null;
  let offline: OfflineResponse | null = null;
  let levels: number[] = [];
  if (period && pick.offline >= 0) {
    const seen = new Set<number>();
    for (let d = period.first; d <= period.last; d++) {
      const k = lookup.at(d);
      if (k >= 0 && !Number.isNaN(spend.values[pick.offline][k])) seen.add(spend.values[pick.offline][k]);
    }
    levels = [...seen].sort((a, b) => a - b);
    if (levels.length > 0) offline = offlineResponse(purchases, lookup, spend.values[pick.offline], period, measured, o.offlineTierBounds ?? tercileBounds(levels));
  }
  if (pick.online < 0) notes.push(`No online channel among ${spend.channels.join(', ')} (a name with "online" or "온라인"); choose one with onlineChannel.`);
  if (pick.offline < 0) notes.push(`No offline channel among ${spend.channels.join(', ')} (a name with "offline" or "오프라인"); choose one with offlineChannel.`);
  if (online && online.total > 0 && !online.scaled.some((v, i) => measured[i] && v > 0)) notes.push('Every customer has the same online share, so the scaled online response is 0 for all.');
  if (period) notes.push(`Measured over ${isoDay(period.first)}..${isoDay(period.last)}, the overlap of the spend file's days and the purchase days; in the regression a day without purchases is 0 sales.`);

  const segments: MarketingSegment[] = input.parts.map((part, pi) => {
    onStep?.(pi, input.parts.length);
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (input.part[i] === pi && measured[i]) members.push(i);
    const tierCounts: Record<OfflineTier | 'none', number> = { low: 0, mid: 0, high: 0, none: 0 };
    const meanAmountPerTier: Record<OfflineTier, number> = { low: 0, mid: 0, high: 0 };
    if (offline) {
      for (const i of members) {
        const t = offline.tier[i];
        tierCounts[t === TIER_NONE ? 'none' : OFFLINE_TIERS[t]]++;
        for (let k = 0; k < 3; k++) meanAmountPerTier[OFFLINE_TIERS[k]] += (offline.perTier[i * 3 + k] || 0) / members.length;
      }
    }
    let offlineTier: OfflineTier | null = null;
    if (offline && members.length > 0) {
      for (const t of OFFLINE_TIERS) if (tierCounts[t] > 0 && (offlineTier === null || tierCounts[t] > tierCounts[offlineTier])) offlineTier = t;
    }
    const dist = describeUnit(online ? members.map((i) => online.scaled[i]) : []);
    return {
      segment: part.segment, name: part.name, customers: members.length, onlineResponse: dist.mean, online: dist,
      offlineTier, tierCounts, meanAmountPerTier, regression: partRegression(input, pi, lookup, period, regression, o),
    };
  });
  return {
    period, onlineChannel: pick.online >= 0 ? spend.channels[pick.online] : null, offlineChannel: pick.offline >= 0 ? spend.channels[pick.offline] : null,
    regressionChannels: regression.map((c) => spend.channels[c]), measured,
    onlineShare: online?.share ?? null, onlineScaled: online?.scaled ?? null, offline,
    tierBoundsDefault: o.offlineTierBounds === null, offlineLevels: levels, segments, notes,
  };
}

/** One part's daily sales (every customer of the part, net) regressed on the channels' lags. */
function partRegression(input: MarketingInput, pi: number, lookup: DayLookup, period: { first: number; last: number } | null, channels: number[], o: MarketingOptions): LagRegression {
  const empty = (note: string): LagRegression => ({ days: 0, firstDay: null, lastDay: null, terms: 0, aliased: 0, hacLag: 0, r2: null, adjR2: null, meanSales: 0, coefficients: [], note });
  if (!period) return empty('No day in both the spend file and the purchases.');
  const { purchases } = input;
  const sales = new Float64Array(period.last - period.first + 1);
  for (let i = 0; i < input.part.length; i++) {
    if (input.part[i] !== pi) continue;
    for (let j = purchases.start[i]; j < purchases.start[i + 1]; j++) {
      const d = purchases.day[j];
      if (d >= period.first && d <= period.last) sales[d - period.first] += purchases.amount[j];
    }
  }
  const design = lagDesign(input.spend, lookup, channels, o.maxLag, sales, period);
  const fit = lagRegression(design, o.hacLag);
  if (!fit) return empty(`${design.y.length} days with every lag's spend, not more than the ${design.p} terms: no regression.`);
  const num = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const coefficients: LagCoefficient[] = Array.from({ length: design.p }, (_, j) => ({
    term: design.channel[j] < 0 ? 'intercept' : input.spend.channels[design.channel[j]],
    channel: design.channel[j] < 0 ? null : input.spend.channels[design.channel[j]],
    lag: design.lag[j] < 0 ? null : design.lag[j],
    estimate: num(fit.coef[j]), se: num(fit.se[j]), low: num(fit.low[j]), high: num(fit.high[j]), p: num(fit.pValue[j]),
  }));
  const aliased = fit.aliased.reduce((s, v) => s + v, 0);
  return {
    days: fit.n, firstDay: isoDay(design.days[0]), lastDay: isoDay(design.days[design.days.length - 1]), terms: design.p, aliased,
    hacLag: fit.hacLag, r2: num(fit.r2), adjR2: num(fit.adjR2), meanSales: design.y.reduce((s, v) => s + v, 0) / fit.n, coefficients,
    note: aliased > 0 ? `${aliased} of ${design.p} terms are collinear with earlier ones (e.g. a spend that changes weekly) and were left out, as R's lm reports NA.` : null,
  };
}
