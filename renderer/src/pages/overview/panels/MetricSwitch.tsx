import { Segmented } from '../../../components/Segmented.js';
import { useI18n } from '../../../i18n/context.js';

/** The "what to measure" switch of a chart card (customers/sales, receipts/sales, …). */
export function MetricSwitch<T extends string>({ value, onChange, options }: { value: T; onChange(value: NoInfer<T>): void; options: readonly { value: NoInfer<T>; label: string }[] }) {
  const { t } = useI18n();
  return <Segmented value={value} onChange={onChange} label={t('overview.metric')} testId="switch-metric" options={options} />;
}
