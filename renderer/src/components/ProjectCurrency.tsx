import type { ReactNode } from 'react';
import { CurrencyScope } from '../i18n/context.js';
import { useProject } from '../state/project.js';

/** Binds every page's money formatters to the open project's currency ('none' when no project is open). */
export function ProjectCurrency({ children }: { children: ReactNode }) {
  const { info } = useProject();
  return <CurrencyScope currency={info?.currency ?? 'none'}>{children}</CurrencyScope>;
}
