export { importFiles, type ImportHooks, type ImportProgress } from './importer.js';
export { planFile } from './detect.js';
export { guessMapping, guessRole, resolveMapping, type Mapping } from './mapping.js';
export { detectLpointTable, LPOINT_COLUMNS } from './lpoint.js';
export { epochDay, isoDate, parseDateTime, guessDateFormat, parseDecimal, parseInteger, parseYmd, normaliseId, type DateFormat } from './values.js';
export { parseAge, parseGender } from './demographics.js';
export { previewFiles } from './preview.js';
export { CouponStatus, parseCouponStatus, parseDiscount, parseOfferMonth } from './coupon-values.js';
