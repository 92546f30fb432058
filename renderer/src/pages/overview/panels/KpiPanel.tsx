import type { KpiPanel as Kpis } from '../../../../../core/model/overview.js';
import { useI18n } from '../../../i18n/context.js';
import { dateRange } from '../labels.js';

interface Kpi {
  id: string;
  label: string;
  value: string;
  note?: string;
}

/** Headline figures of the period as cards (not a chart: nothing to save as an image). */
export function KpiPanel({ kpis }: { kpis: Kpis }) {
  const { t, fmt } = useI18n();
  const ctx = { t, fmt };
  if (!kpis.available) {
    return (
      <section className="card" data-testid="panel-kpis" data-rendered="true" data-available="false">
        <div className="unavailable">{kpis.reason ?? t('chart.noData')}</div>
      </section>
    );
  }
  const items: Kpi[] = [
    { id: 'customers', label: t('project.customers'), value: fmt.int(kpis.customers), note: kpis.registeredCustomers !== kpis.customers ? t('overview.kpi.registered', { n: fmt.int(kpis.registeredCustomers) }) : undefined },
    { id: 'receipts', label: t('overview.kpi.purchaseReceipts'), value: fmt.int(kpis.purchaseReceipts), note: t('overview.kpi.allReceipts', { n: fmt.int(kpis.receipts) }) },
    { id: 'lines', label: t('project.lines'), value: fmt.int(kpis.lines), note: kpis.linesWithoutCustomer > 0 ? t('overview.kpi.withoutCustomer', { n: fmt.int(kpis.linesWithoutCustomer) }) : undefined },
    { id: 'sales', label: t('overview.kpi.sales'), value: fmt.moneyCompact(kpis.sales), note: fmt.money(kpis.sales) },
    { id: 'returns', label: t('overview.kpi.returns'), value: fmt.pct(kpis.returnShare, 1), note: t('overview.kpi.returnLines', { n: fmt.int(kpis.returnLines) }) },
    { id: 'basket', label: t('overview.kpi.basket'), value: fmt.money(kpis.meanBasketValue) },
    { id: 'receiptsPerCustomer', label: t('overview.receiptsPerCustomer'), value: fmt.dec(kpis.receiptsPerCustomer, 1) },
    { id: 'salesPerCustomer', label: t('overview.salesPerCustomer'), value: fmt.moneyCompact(kpis.salesPerCustomer), note: fmt.money(kpis.salesPerCustomer) },
    { id: 'period', label: t('project.period'), value: t('overview.kpi.days', { n: fmt.int(kpis.days) }), note: dateRange(ctx, kpis.firstDate, kpis.lastDate) },
    { id: 'catalogue', label: t('overview.kpi.products'), value: fmt.int(kpis.products), note: kpis.stores > 0 ? t('overview.kpi.stores', { n: fmt.int(kpis.stores) }) : undefined },
  ];
  // Data without amounts (issue #10): no money KPI shows 0; one sentence says why they are missing.
  const MONEY = new Set(['sales', 'returns', 'basket', 'salesPerCustomer']);
  if (kpis.moneyReason) items.splice(0, items.length, ...items.filter((k) => !MONEY.has(k.id)));
  if (kpis.lpayUsers !== null) items.push({ id: 'lpay', label: t('overview.lpayUsers'), value: fmt.int(kpis.lpayUsers), note: kpis.customers > 0 ? fmt.pct(kpis.lpayUsers / kpis.customers, 1) : undefined });
  return (
    <section className="kpi-grid" data-testid="panel-kpis" data-rendered="true" data-available="true" data-customers={kpis.customers} data-receipts={kpis.receipts} data-lines={kpis.lines} aria-label={t('overview.kpi.title')}>
      {items.map((k) => (
        <div key={k.id} className="kpi" data-kpi={k.id}>
          <div className="kpi-label">{k.label}</div>
          <div className="kpi-value num">{k.value}</div>
          {k.note && <div className="kpi-note">{k.note}</div>}
        </div>
      ))}
      {kpis.moneyReason && (
        <div className="kpi kpi-money-reason muted" data-testid="kpi-money-reason" style={{ gridColumn: 'span 3' }}>
          {kpis.moneyReason}
        </div>
      )}
    </section>
  );
}
