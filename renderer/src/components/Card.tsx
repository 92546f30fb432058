import type { ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  actions?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
  attrs?: Record<`data-${string}`, string | undefined>;
}

/** A white panel on the grey page: optional title row with actions on the right. */
export function Card({ title, actions, className, testId, children, attrs }: CardProps) {
  return (
    <section className={`card${className ? ` ${className}` : ''}`} data-testid={testId} {...attrs}>
      {(title !== undefined || actions !== undefined) && (
        <div className="card-head">
          {title !== undefined && <h2 className="card-title">{title}</h2>}
          {actions !== undefined && <div className="card-actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}
