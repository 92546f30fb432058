export * from './channels.js';
export * from './describe.js';
export * from './inputs.js';
export * from './lag-regression.js';
export * from './offline-tiers.js';
export * from './ols-hac.js';
export * from './online-response.js';
export * from './response.js';
