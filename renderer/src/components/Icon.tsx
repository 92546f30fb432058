/** Line icons drawn inline (no icon font, nothing fetched). */
const PATHS = {
  data: 'M4 6c0-1.1 3.6-2 8-2s8 .9 8 2-3.6 2-8 2-8-.9-8-2zm0 0v12c0 1.1 3.6 2 8 2s8-.9 8-2V6M4 12c0 1.1 3.6 2 8 2s8-.9 8-2',
  overview: 'M4 20V10m6 10V4m6 16v-7m4 7H2',
  runs: 'M12 7v5l3 2m6-2a9 9 0 1 1-18 0 9 9 0 0 1 18 0z',
  segments: 'M12 3a9 9 0 1 0 9 9h-9V3zm3-1v7h7a7 7 0 0 0-7-7z',
  compare: 'M8 4v16M16 4v16M3 8h5M16 16h5',
  recommend: 'M12 3l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.4 6.8 19.1l1-5.8L3.5 9.2l5.9-.8z',
  rules: 'M7 7h10M7 12h10M7 17h6M4 7h.01M4 12h.01M4 17h.01',
  forecast: 'M3 17l5-5 4 3 8-8m0 0h-5m5 0v5',
  value: 'M12 3v18m4-14.5c-.8-1-2.3-1.5-4-1.5-2.2 0-4 1.1-4 3s1.8 2.6 4 3 4 1.1 4 3-1.8 3-4 3c-1.8 0-3.4-.6-4.2-1.7',
  marketing: 'M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1zm13-3a5 5 0 0 1 0 8m3-11a9 9 0 0 1 0 14',
  coupons: 'M4 8V6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-2a2 2 0 0 0 0-4zm5 6l6-6m-6 .5h.01M15 13.5h.01',
  report: 'M7 3h7l5 5v13H7zm7 0v5h5M10 13h6M10 17h6',
  upload: 'M12 16V4m0 0l-4 4m4-4l4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2',
  close: 'M6 6l12 12M18 6L6 18',
  chevronUp: 'M6 15l6-6 6 6',
  chevronDown: 'M6 9l6 6 6-6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
