/** A row of headline figures inside a card (label above, number below). */
export function StatRow({ items, testId }: { items: { label: string; value: string; note?: string }[]; testId?: string }) {
  return (
    <dl className="stat-row" data-testid={testId}>
      {items.map((s) => (
        <div key={s.label} className="stat-item">
          <dt>{s.label}</dt>
          <dd className="num">{s.value}</dd>
          {s.note && <dd className="stat-note">{s.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
