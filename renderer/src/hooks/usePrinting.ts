import { useEffect, useState } from 'react';

/**
 * True while the page is being printed: between `beforeprint` and `afterprint` (window.print(),
 * the browser's print dialog) and while print media applies (`matchMedia('print')`, as when a page
 * is printed to PDF with print media emulated; test/e2e/print-tables.test.ts does that). Virtualised tables use it to
 * lay out their rows in full for the sheet instead of the screenful in view.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof window !== 'undefined' && window.matchMedia?.('print').matches === true);
  useEffect(() => {
    const media = window.matchMedia?.('print');
    const on = () => setPrinting(true);
    const off = () => setPrinting(media?.matches === true);
    const change = () => setPrinting(media?.matches === true);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    media?.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
      media?.removeEventListener('change', change);
    };
  }, []);
  return printing;
}
