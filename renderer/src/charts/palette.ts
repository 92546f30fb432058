/** Korean-capable system fonts only (nothing is fetched: see the CSP). */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";
/** The accent first, then calm colours that stay apart for colour-blind readers. */
export const PALETTE = ['#2f6fde', '#f08c2e', '#2aa876', '#8e5bd6', '#d94f6b', '#3bb3c9', '#a6873b', '#7a8699', '#c46fb8', '#5e9c3a'];
export const ACCENT = PALETTE[0];
export const TEXT = '#2b3340';
export const MUTED = '#6b7585';
export const GRID_LINE = '#e3e7ee';
/** Sequential scale for heatmaps: near-white to the accent. */
export const SEQUENTIAL = ['#f4f7fd', '#c9daf7', '#7ea6ec', '#2f6fde', '#1c4597'];
