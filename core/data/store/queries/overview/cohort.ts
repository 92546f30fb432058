import type { CohortPanel } from '../../../../model/overview.js';
import type { Db } from '../../open.js';
import { monthOf, monthsBetween } from './calendar.js';
import { customerScope, type PanelScope } from './scope.js';
import { all, one } from './temp.js';

/** The cohort panel without its median, and the day gaps the median is taken over. */
export interface CohortRows {
  panel: Omit<CohortPanel, 'medianDaysToSecond'>;
  /** Days from the first to the second payment, one per repeater. */
  gapsDays: number[];
}

/**
 * The first-payment promotion cohort: customers whose first L.pay payment of the period — ordered
 * by day, then hour (unknown first), then file order — was exactly `amount`; repeaters are those
 * with any later payment, and their gap is the second payment's day minus the first's. One window
 * pass over the payments (row_number and lead over each customer's payments).
 */
export function cohortRows(db: Db, range: PanelScope, amount: number): CohortRows {
  // Payments have a customer but no retailer: region and segment apply, a retailer does not (scope.ts).
  const f = customerScope(range, 'customer_id');
  if (!Number.isFinite(amount)) throw new RangeError(`amount must be a finite number, got ${amount}`);
  const none = (reason: string): CohortRows => ({ panel: { available: false, reason, amount, cohort: 0, repeaters: 0, repeatShare: 0, customersWithAnyPaymentOfAmount: 0, byMonth: { periods: [], cohort: [] } }, gapsDays: [] });
  if (one<{ n: number }>(db, `SELECT count(*) AS n FROM payments WHERE day BETWEEN ? AND ?${f.sql}`, range.from, range.to, ...f.params).n === 0) return none('This data has no L.pay payments (L.point LPAY).');
  const members = all<{ first: number; second: number | null }>(db, `
    SELECT day AS first, next AS second FROM (
      SELECT day, amount, row_number() OVER w AS k, lead(day) OVER w AS next FROM payments
      WHERE customer_id IS NOT NULL AND day BETWEEN ? AND ?${f.sql}
      WINDOW w AS (PARTITION BY customer_id ORDER BY day, coalesce(hour, -1), id))
    WHERE k = 1 AND amount = ? ORDER BY first`, range.from, range.to, ...f.params, amount);
  const anyOfAmount = one<{ n: number }>(db, `SELECT count(DISTINCT customer_id) AS n FROM payments WHERE amount = ? AND day BETWEEN ? AND ?${f.sql}`, amount, range.from, range.to, ...f.params).n;
  const gapsDays = members.filter((m) => m.second !== null).map((m) => (m.second as number) - m.first);
  const periods = members.length === 0 ? [] : monthsBetween(members[0].first, members[members.length - 1].first);
  const byMonth = periods.map(() => 0);
  for (const m of members) byMonth[periods.indexOf(monthOf(m.first))]++;
  return {
    panel: {
      available: true,
      amount,
      cohort: members.length,
      repeaters: gapsDays.length,
      repeatShare: members.length > 0 ? gapsDays.length / members.length : 0,
      customersWithAnyPaymentOfAmount: anyOfAmount,
      byMonth: { periods, cohort: byMonth },
    },
    gapsDays,
  };
}
