import { useMemo, useState } from 'react';
import type { OverviewExplore, OverviewSlice, OverviewSliceDimension } from '../../../../../core/model/overview-explore.js';
import { Segmented } from '../../../components/Segmented.js';
import { useI18n } from '../../../i18n/context.js';
import { barOption, binLabel, hourLabels, newReturningOption, productLabel, seriesOption, weekdayLabels, type ExploreMetric } from '../options/explore.js';
import { MetricSwitch } from '../panels/MetricSwitch.js';
import { ClickChart } from './ClickChart.js';

interface Props {
  explore: OverviewExplore;
  selected: OverviewSlice | null;
  onPick(slice: OverviewSlice): void;
  onRendered(panelId: string, rendered: boolean): void;
}

/** The panels of the Overview for every file; each bar click names its slice and a label for the customer list. */
export function ExploreCards({ explore: x, selected, onPick, onRendered }: Props) {
  const { t, fmt } = useI18n();
  const ctx = useMemo(() => ({ t, fmt }), [t, fmt]);
  const money = x.hasAmounts;
  const [granularity, setGranularity] = useState<'monthly' | 'weekly'>('monthly');
  const [chosen, setMetric] = useState<ExploreMetric>('sales');
  const metric: ExploreMetric = !money && chosen === 'sales' ? 'receipts' : chosen;
  const [dayMetric, setDayMetric] = useState<'receipts' | 'sales'>('receipts');
  const [ranking, setRanking] = useState<'bySales' | 'byReceipts'>(money ? 'bySales' : 'byReceipts');
  const pick = (dimension: OverviewSliceDimension, value: string | undefined) => value !== undefined && onPick({ dimension, value });

  const series = x[granularity];
  const seriesDim = granularity === 'monthly' ? 'month' : 'week';
  const wdLabels = useMemo(() => weekdayLabels(ctx), [ctx]);
  const hLabels = useMemo(() => hourLabels(ctx), [ctx]);
  const items = x.basket.items;
  const amounts = useMemo(() => x.basket.amount ?? [], [x.basket.amount]);
  const products = useMemo(() => (x.products ? (ranking === 'bySales' && x.products.bySales ? x.products.bySales : x.products.byReceipts) : []), [x.products, ranking]);
  const segments = useMemo(() => x.segments ?? [], [x.segments]);
  const wdValues = ['0', '1', '2', '3', '4', '5', '6'];
  const hourValues = hLabels.map((_, h) => String(h));

  const metrics = [...(money ? [{ value: 'sales' as const, label: t('overview.sales') }] : []), { value: 'receipts' as const, label: t('overview.receipts') }, { value: 'customers' as const, label: t('explore.customers') }];
  const dayMetrics = money ? (
    <MetricSwitch
      value={dayMetric}
      onChange={setDayMetric}
      options={[
        { value: 'receipts', label: t('overview.receipts') },
        { value: 'sales', label: t('overview.sales') },
      ]}
    />
  ) : undefined;
  const dm = money ? dayMetric : 'receipts';
  // Options are memoised: a new option object redraws the chart (and flips data-rendered) on every render.
  const sel = (dimension: OverviewSliceDimension) => (selected?.dimension === dimension ? selected.value : null);
  const selTime = sel(seriesDim), selWd = sel('weekday'), selHour = sel('hour'), selItems = sel('items'), selAmount = sel('amount'), selProduct = sel('product'), selSegment = sel('segment');
  const timeOption = useMemo(() => seriesOption(series, metric, ctx, selTime === null ? null : series.periods.indexOf(selTime)), [series, metric, ctx, selTime]);
  const nrOption = useMemo(() => newReturningOption(x.newReturning.periods, x.newReturning.newCustomers, x.newReturning.returningCustomers, ctx), [x.newReturning, ctx]);
  const wdOption = useMemo(() => barOption(wdLabels, x.weekdays[dm], dm === 'sales', ctx, selWd === null ? null : Number(selWd)), [wdLabels, x.weekdays, dm, ctx, selWd]);
  const hourOption = useMemo(() => (x.hours ? barOption(hLabels, x.hours[dm], dm === 'sales', ctx, selHour === null ? null : Number(selHour)) : null), [hLabels, x.hours, dm, ctx, selHour]);
  const itemsOption = useMemo(() => barOption(items.map((b) => binLabel(b, ctx, false)), items.map((b) => b.receipts), false, ctx, selItems === null ? null : items.findIndex((b) => b.key === selItems)), [items, ctx, selItems]);
  const amountOption = useMemo(() => barOption(amounts.map((b) => binLabel(b, ctx, true)), amounts.map((b) => b.receipts), false, ctx, selAmount === null ? null : amounts.findIndex((b) => b.key === selAmount)), [amounts, ctx, selAmount]);
  const productOption = useMemo(
    () => barOption(products.map(productLabel), products.map((p) => (ranking === 'bySales' ? p.sales : p.receipts)), ranking === 'bySales', ctx, selProduct === null ? null : products.findIndex((p) => p.code === selProduct), true),
    [products, ranking, ctx, selProduct],
  );
  const segmentOption = useMemo(() => barOption(segments.map((s) => s.name), segments.map((s) => (money ? s.sales : s.receipts)), money, ctx, selSegment === null ? null : segments.findIndex((s) => String(s.id) === selSegment)), [segments, money, ctx, selSegment]);

  return (
    <div className="overview-grid" data-testid="explore-grid">
      <ClickChart
        panelId="explore-time"
        title={t('explore.time')}
        option={timeOption}
        onPick={(i) => pick(seriesDim, series.periods[i])}
        onRendered={onRendered}
        toolbar={
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Segmented value={granularity} onChange={setGranularity} label={t('overview.granularity')} testId="explore-granularity" options={[{ value: 'monthly', label: t('overview.monthly') }, { value: 'weekly', label: t('overview.weekly') }]} />
            <MetricSwitch value={metric} onChange={setMetric} options={metrics} />
          </div>
        }
      />
      <ClickChart
        panelId="explore-newReturning"
        title={t('explore.newReturning')}
        option={nrOption}
        onPick={(i, v) => {
          const month = x.newReturning.periods[i];
          if (month === undefined) return;
          pick(v <= x.newReturning.newCustomers[i] ? 'new' : 'returning', month);
        }}
        onRendered={onRendered}
      />
      <ClickChart
        panelId="explore-weekdays"
        title={t('explore.weekdays')}
        option={wdOption}
        onPick={(i) => pick('weekday', wdValues[i])}
        onRendered={onRendered}
        toolbar={dayMetrics}
      />
      {hourOption && (
        <ClickChart
          panelId="explore-hours"
          title={t('explore.hours')}
          option={hourOption}
          onPick={(i) => pick('hour', hourValues[i])}
          onRendered={onRendered}
          toolbar={dayMetrics}
        />
      )}
      {items.length > 0 && (
        <ClickChart
          panelId="explore-items"
          title={t(x.basket.itemsBasis === 'quantity' ? 'explore.basketItems' : 'explore.basketLines')}
          option={itemsOption}
          onPick={(i) => pick('items', items[i]?.key)}
          onRendered={onRendered}
        />
      )}
      {amounts.length > 0 && (
        <ClickChart
          panelId="explore-amount"
          title={t('explore.basketAmount')}
          option={amountOption}
          onPick={(i) => pick('amount', amounts[i]?.key)}
          onRendered={onRendered}
        />
      )}
      {products.length > 0 && (
        <ClickChart
          panelId="explore-products"
          title={t('explore.topProducts')}
          axis="y"
          height={Math.max(220, products.length * 22 + 30)}
          option={productOption}
          onPick={(i) => pick('product', products[i]?.code)}
          onRendered={onRendered}
          toolbar={
            money && (
              <MetricSwitch
                value={ranking}
                onChange={setRanking}
                options={[
                  { value: 'bySales', label: t('explore.bySales') },
                  { value: 'byReceipts', label: t('explore.byReceipts') },
                ]}
              />
            )
          }
        />
      )}
      {segments.length > 0 && (
        <ClickChart
          panelId="explore-segments"
          title={t('explore.segments')}
          option={segmentOption}
          onPick={(i) => pick('segment', segments[i] && String(segments[i].id))}
          onRendered={onRendered}
        />
      )}
    </div>
  );
}
