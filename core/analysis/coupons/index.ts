export * from './offer-match.js';
export * from './profiles.js';
export * from './slope.js';
export * from './dtw.js';
export * from './cluster.js';
export * from './sensitivity.js';
export * from './segment-share.js';
