import { useEffect, useState } from 'react';

/**
 * True while the page is being printed: between `beforeprint` and `afterprint` (the browser's
 * print dialog, Electron's and Chromium's print-to-PDF of the page) and while print media is
 * emulated (`matchMedia('print')`, as a PDF printer or a test sets it). Virtualised tables use it to
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
