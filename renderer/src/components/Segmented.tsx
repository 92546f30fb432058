interface Props<T extends string> {
  value: T;
  options: readonly { value: NoInfer<T>; label: string; disabled?: boolean }[];
  onChange(value: NoInfer<T>): void;
  label: string;
  testId?: string;
}

/** A small exclusive switch (e.g. 대분류 / 중분류): a group of toggle buttons. */
export function Segmented<T extends string>({ value, options, onChange, label, testId }: Props<T>) {
  return (
    <div className="segmented" role="group" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={o.value === value} disabled={o.disabled} data-testid={testId ? `${testId}-${o.value}` : undefined} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
