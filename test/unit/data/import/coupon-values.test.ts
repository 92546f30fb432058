import { describe, expect, it } from 'vitest';
import { parseCouponStatus, parseDiscount, parseOfferMonth } from '../../../../core/data/import/coupon-values.js';
import { detectLpointTable } from '../../../../core/data/import/lpoint.js';
import { guessMapping, guessRole, resolveMapping } from '../../../../core/data/import/mapping.js';
import { LPOINT_COLUMNS } from '../../../../core/model/import.js';

describe('coupon status values (EN and KO)', () => {
  it.each([
    ['Used', 2], ['used', 2], ['USE', 2], ['y', 2], ['Yes', 2], ['1', 2], ['true', 2], ['사용', 2], ['사용함', 2],
    ['Clicked', 1], ['click', 1], ['클릭', 1],
    ['Not Used', 0], ['not_used', 0], ['NOT-USED', 0], ['  not   used ', 0], ['unused', 0], ['no', 0], ['N', 0], ['0', 0], ['false', 0], ['미사용', 0], ['사용안함', 0], ['사용 안함', 0],
  ])('%j → %i', (text, code) => {
    expect(parseCouponStatus(text)).toBe(code);
  });
  it('reads empty as unknown (null) and anything else as unreadable (undefined)', () => {
    expect(parseCouponStatus('')).toBeNull();
    expect(parseCouponStatus('  ')).toBeNull();
    expect(parseCouponStatus('Maybe')).toBeUndefined();
    expect(parseCouponStatus('2')).toBeUndefined();
    expect(parseCouponStatus('usedd')).toBeUndefined();
  });
});

describe('offer months', () => {
  it.each([
    ['2019-01', { year: 2019, month: 1 }], ['2019/12', { year: 2019, month: 12 }], ['2019.3', { year: 2019, month: 3 }],
    ['2019년 7월', { year: 2019, month: 7 }], ['2019년7월', { year: 2019, month: 7 }],
    ['Jan', { year: null, month: 1 }], ['dec', { year: null, month: 12 }], ['January', { year: null, month: 1 }], ['Sept', { year: null, month: 9 }], ['Aug.', { year: null, month: 8 }],
    ['Jan 2019', { year: 2019, month: 1 }], ['Jan-2019', { year: 2019, month: 1 }], ['March, 2020', { year: 2020, month: 3 }],
    ['1월', { year: null, month: 1 }], ['12월', { year: null, month: 12 }], ['3 월', { year: null, month: 3 }],
  ])('%j → %j', (text, month) => {
    expect(parseOfferMonth(text)).toEqual(month);
  });
  it.each(['', '1', '201901', '2019-13', '13월', '0월', 'Janu', 'Foo 2019', '1800-01', '2019-01-05'])('refuses %j', (text) => {
    expect(parseOfferMonth(text)).toBeUndefined();
  });
});

describe('discounts', () => {
  it('reads numbers and percent forms as written, and says whether a % sign was there', () => {
    expect(parseDiscount('10')).toEqual({ value: 10, percentSign: false });
    expect(parseDiscount('10%')).toEqual({ value: 10, percentSign: true });
    expect(parseDiscount(' 12.5 % ')).toEqual({ value: 12.5, percentSign: true });
    expect(parseDiscount('0.1')).toEqual({ value: 0.1, percentSign: false });
    expect(parseDiscount('.25')).toEqual({ value: 0.25, percentSign: false });
    expect(parseDiscount('100')).toEqual({ value: 100, percentSign: false });
  });
  it.each(['', '%', '-10', '150', '10 percent', 'ten', '1e1', '10,5'])('refuses %j', (text) => {
    expect(parseDiscount(text)).toBeUndefined();
  });
});

describe('marketing and coupons roles in detection', () => {
  const SPEND = ['Date', 'Offline_Spend', 'Online_Spend'];
  const COUPONS = ['Month', 'Product_Category', 'Coupon_Code', 'Discount_pct'];
  it('suggests marketing for a date with spend, cost, budget or Korean spend headers', () => {
    expect(guessRole(SPEND)).toBe('marketing');
    expect(guessRole(['날짜', '온라인 광고비', 'TV 비용'])).toBe('marketing');
    expect(guessRole(['date', 'search_cost', 'tv_budget'])).toBe('marketing');
    expect(guessRole(SPEND, [['1/1/2019', '4500', '2424.5']])).toBe('marketing');
  });
  it('does not suggest marketing when a column is not spend or a sampled value is not a number', () => {
    expect(guessRole(['Date', 'Offline_Spend', 'Visitors'])).toBeUndefined();
    expect(guessRole(SPEND, [['1/1/2019', 'high', '2424.5']])).toBeUndefined();
    expect(guessRole(['Date'])).toBeUndefined();
  });
  it('suggests coupons for a discount and a category column', () => {
    expect(guessRole(COUPONS)).toBe('coupons');
    expect(guessMapping(COUPONS, 'coupons')).toEqual({ month: 'Month', category: 'Product_Category', code: 'Coupon_Code', discount: 'Discount_pct' });
    expect(guessRole(['시작일', '종료일', '카테고리', '할인율'])).toBe('coupons');
  });
  it('leaves the roles of existing files as they were', () => {
    expect(guessRole(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'])).toBe('transactions');
    expect(guessRole(['Customer ID', 'Gender', 'Age', 'City'])).toBe('customers');
    expect(guessRole(['sku', 'product_name', 'category'])).toBe('products');
    // A transactions file with a discount column stays transactions.
    expect(guessRole(['CustomerID', 'Date', 'SKU', 'Amount', 'Category', 'Discount'])).toBe('transactions');
  });
  it('requires a month or both from and to of a coupons file', () => {
    expect(() => resolveMapping(['Category', 'Discount'], 'coupons', {})).toThrow(/no column for "month" or both "from" and "to" \(columns: Category, Discount\)/);
    expect(() => resolveMapping(['From', 'Category', 'Discount'], 'coupons', {})).toThrow(/\("to" missing\)/);
    expect(resolveMapping(['From', 'To', 'Category', 'Discount'], 'coupons', {})).toEqual({ from: 'From', to: 'To', category: 'Category', discount: 'Discount' });
    expect(() => resolveMapping(['Month', 'Category'], 'coupons', {})).toThrow(/no column for "discount"/);
  });
  it('recognises L.point PDDE with or without the trailing coupon column, and no other extra column', () => {
    expect(detectLpointTable([...LPOINT_COLUMNS.PDDE])).toEqual({ table: 'PDDE' });
    expect(detectLpointTable([...LPOINT_COLUMNS.PDDE, 'coupon'])).toEqual({ table: 'PDDE' });
    expect(detectLpointTable([...LPOINT_COLUMNS.PDDE, 'voucher'])).toEqual({ closest: 'PDDE', missing: [], extra: ['voucher'] });
    expect(detectLpointTable([...LPOINT_COLUMNS.LPAY, 'coupon'])).toMatchObject({ closest: 'LPAY', extra: ['coupon'] });
  });
});
