import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

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
    // Rendered at once (flushSync), not on React's next tick: the browser lays the sheets out right
    // after these events, and a table still in its scroll box then would print cut.
    const set = (value: boolean) => flushSync(() => setPrinting(value));
    const on = () => set(true);
    const off = () => set(media?.matches === true);
    const change = () => set(media?.matches === true);
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
