export * from './bgnbd.js';
export * from './clv.js';
export * from './gamma-gamma.js';
export * from './holdout-check.js';
export * from './model.js';
export * from './optimise.js';
export * from './rfm-summary.js';
export * from './special.js';
