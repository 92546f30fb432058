import { useCallback, useEffect, useState } from 'react';

export const PAGES = ['data', 'overview', 'segments', 'compare', 'recommend', 'rules', 'value', 'forecast', 'marketing', 'coupons', 'runs', 'report'] as const;
export type Page = (typeof PAGES)[number];
/** Pages of SPEC §4 that later issues build; shown in the navigation, disabled (none left since Forecast, issue #12). */
export const COMING_PAGES: readonly never[] = [];
export type ComingPage = (typeof COMING_PAGES)[number];

function fromHash(): Page {
  // `#/report?runs=3,7`: the page is the part before the query (renderer/src/report/report-link.ts).
  const name = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'data';
}

/** The page shown, kept in the URL hash so a reload stays on it (no router needed for a handful of pages). */
export function usePage(): [Page, (page: Page) => void] {
  const [page, setPage] = useState<Page>(fromHash);
  useEffect(() => {
    const onHash = () => setPage(fromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: Page) => {
    if (window.location.hash !== `#/${next}`) window.location.hash = `#/${next}`;
    setPage(next);
  }, []);
  return [page, navigate];
}
