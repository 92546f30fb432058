export { skewness, kurtosis, centralMoments, adjustSkewness, adjustKurtosis } from './moments.js';
export { shapeFromPowerSums, MIN_CV_FOR_SHAPE, type PowerSums, type SampleShape } from './power-sums.js';
export { quantileSorted, median, weightedQuantile } from './quantiles.js';
export { fixedHistogram, type HistogramBin } from './histogram.js';
export {
  analysePriceSpread, priceSpreadPanel, isExtremeSpread, spreadRuleText, PRICE_SPREAD_DEFAULTS,
  type PriceSpreadOptions, type ProductPriceSums, type SpreadAnalysis,
} from './price-spread.js';
