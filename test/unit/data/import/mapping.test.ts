import { describe, expect, it } from 'vitest';
import { guessMapping, guessRole, resolveMapping } from '../../../../core/data/import/mapping.js';
import { detectLpointTable } from '../../../../core/data/import/lpoint.js';

const UCI = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
const KAGGLE = ['CustomerID', 'Transaction_ID', 'Transaction_Date', 'Product_SKU', 'Product_Description', 'Product_Category', 'Quantity', 'Avg_Price', 'Delivery_Charges', 'Coupon_Status'];

describe('mapping guesses', () => {
  it('maps UCI Online Retail by header alone', () => {
    expect(guessRole(UCI)).toBe('transactions');
    expect(guessMapping(UCI, 'transactions')).toEqual({
      customer: 'CustomerID', receipt: 'InvoiceNo', date: 'InvoiceDate', product: 'StockCode', productName: 'Description',
      quantity: 'Quantity', unitPrice: 'UnitPrice', region: 'Country',
    });
  });
  it('maps Kaggle Online_Sales by header alone', () => {
    expect(guessMapping(KAGGLE, 'transactions')).toEqual({
      customer: 'CustomerID', receipt: 'Transaction_ID', date: 'Transaction_Date', product: 'Product_SKU', productName: 'Product_Description',
      category: 'Product_Category', quantity: 'Quantity', unitPrice: 'Avg_Price', coupon: 'Coupon_Status',
    });
  });
  it('recognises customers and products files', () => {
    expect(guessRole(['Customer ID', 'Gender', 'Age', 'City'])).toBe('customers');
    expect(guessRole(['sku', 'product_name', 'category'])).toBe('products');
    expect(guessRole(['a', 'b'])).toBeUndefined();
  });
  it('lets --map override a guess and frees the column from other fields', () => {
    const m = resolveMapping(UCI, 'transactions', { product: 'Description' });
    expect(m.product).toBe('Description');
    expect(m.productName).toBeUndefined();
  });
  it('refuses unknown fields, unknown columns and missing required fields with a pointer to --map', () => {
    expect(() => resolveMapping(UCI, 'transactions', { colour: 'Country' })).toThrow(/not a transactions field/);
    expect(() => resolveMapping(UCI, 'transactions', { customer: 'Client' })).toThrow(/no column "Client"/);
    expect(() => resolveMapping(['order', 'sku', 'qty', 'price'], 'transactions', {})).toThrow(/--map date=COLUMN/);
  });
});

describe('L.point detection', () => {
  it('detects every table by header, in any column order', () => {
    expect(detectLpointTable(['cust', 'ma_fem_dv', 'ages', 'zon_hlv'])).toEqual({ table: 'DEMO' });
    expect(detectLpointTable(['buy_ct', 'cust', 'rct_no', 'chnl_dv', 'cop_c', 'br_c', 'pd_c', 'de_dt', 'de_hr', 'buy_am'])).toEqual({ table: 'PDDE' });
    expect(detectLpointTable(['cust', 'rct_no', 'cop_c', 'br_c', 'chnl_dv', 'de_dt', 'vst_dt', 'de_hr', 'buy_am'])).toEqual({ table: 'COP_U' });
    expect(detectLpointTable(['pd_c', 'pd_nm', 'clac_hlv_nm', 'clac_mcls_nm'])).toEqual({ table: 'PD_CLAC' });
    expect(detectLpointTable(['br_c', 'cop_c', 'zon_hlv', 'zon_mcls'])).toEqual({ table: 'BR' });
    expect(detectLpointTable(['cust', 'rct_no', 'cop_c', 'chnl_dv', 'de_dt', 'de_hr', 'buy_am'])).toEqual({ table: 'LPAY' });
  });
  it('names the missing columns of an almost-L.point header', () => {
    expect(detectLpointTable(['cust', 'rct_no', 'chnl_dv', 'cop_c', 'br_c', 'pd_c', 'de_dt', 'de_hr', 'buy_am'])).toEqual({ closest: 'PDDE', missing: ['buy_ct'], extra: [] });
    expect(detectLpointTable(['cust', 'ma_fem_dv', 'ages', 'zon_hlv', 'email'])).toEqual({ closest: 'DEMO', missing: [], extra: ['email'] });
    expect(detectLpointTable(UCI)).toBeNull();
  });
});
