import { describe, expect, it } from 'vitest';
import { planFile } from '../../../../core/data/import/detect.js';
import { guessMapping, resolveMapping } from '../../../../core/data/import/mapping.js';
import { PlanError } from '../../../../core/data/import/plan.js';
import { emptiedRequiredField } from '../../../../core/model/import-request.js';

const UCI = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
const GROCERIES = ['Member_number', 'Date', 'itemDescription'];

/** Issue #10 point 2: `--map field=` (the wizard's "(none)") leaves a guessed optional field unmapped. */
describe('an explicit empty mapping', () => {
  it('drops the guess for the field and keeps every other guess', () => {
    expect(guessMapping(UCI, 'transactions').product).toBe('StockCode');
    const m = resolveMapping(UCI, 'transactions', { product: '' });
    expect(m.product).toBeUndefined();
    expect('product' in m).toBe(false);
    expect(m).toEqual({ customer: 'CustomerID', receipt: 'InvoiceNo', date: 'InvoiceDate', productName: 'Description', quantity: 'Quantity', unitPrice: 'UnitPrice', region: 'Country' });
  });

  it('treats blanks as empty, and works for any optional field', () => {
    expect(resolveMapping(UCI, 'transactions', { region: '  ', receipt: '' })).not.toHaveProperty('region');
    expect(resolveMapping(UCI, 'transactions', { region: '  ', receipt: '' })).not.toHaveProperty('receipt');
    expect(resolveMapping(UCI, 'transactions', { unitPrice: '', quantity: '' })).toEqual({ customer: 'CustomerID', receipt: 'InvoiceNo', date: 'InvoiceDate', product: 'StockCode', productName: 'Description', region: 'Country' });
  });

  it('does not bring the product back from the product name (item logs)', () => {
    expect(guessMapping(GROCERIES, 'transactions').product).toBe('itemDescription');
    expect(resolveMapping(GROCERIES, 'transactions', { product: '' })).toEqual({ customer: 'Member_number', date: 'Date', productName: 'itemDescription' });
  });

  it('refuses to empty a required field, naming it', () => {
    expect(() => resolveMapping(UCI, 'transactions', { customer: '' })).toThrow(PlanError);
    expect(() => resolveMapping(UCI, 'transactions', { customer: '' })).toThrow(/"customer" is required for transactions and cannot be left unmapped \(--map customer=\)/);
    expect(() => resolveMapping(UCI, 'transactions', { date: '' })).toThrow(/"date" is required/);
    expect(() => resolveMapping(['sku', 'product_name'], 'products', { product: '' })).toThrow(/"product" is required for products/);
    let thrown: unknown;
    try {
      resolveMapping(UCI, 'transactions', { date: '' });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(PlanError);
    expect((thrown as PlanError).column).toBe('date');
  });

  it('plans a UCI-shaped file with role auto and --map product= as transactions without product', () => {
    const plan = planFile(UCI, [['536365', '85123A', 'WHITE HANGING HEART', '6', '12/1/2010 8:26', '2.55', '17850', 'United Kingdom']], { format: 'auto', role: 'auto', map: { product: '' } });
    expect(plan.format).toBe('generic');
    expect(plan.table).toBe('transactions');
    expect(plan.mapping).not.toHaveProperty('product');
    expect(plan.notes?.join(' ')).toMatch(/no product column/);
  });

  it('still recognises an L.point file of the same batch (an emptied field is no column override)', () => {
    const header = ['cust', 'rct_no', 'chnl_dv', 'cop_c', 'br_c', 'pd_c', 'de_dt', 'de_hr', 'buy_am', 'buy_ct'];
    const plan = planFile(header, [['M000034966', 'A01000001113', '1', 'A01', 'A010039', 'PD0290', '20210101', '10', '15000', '1']], { format: 'auto', role: 'auto', map: { product: '' } });
    expect(plan.format).toBe('lpoint');
    expect(plan.table).toBe('PDDE');
  });
});

describe('emptiedRequiredField (the shells’ check before a job starts)', () => {
  it('names a required field left empty for the chosen role', () => {
    expect(emptiedRequiredField({ customer: '' }, 'transactions')).toBe('customer');
    expect(emptiedRequiredField({ product: 'sku', date: ' ' }, 'transactions')).toBe('date');
    expect(emptiedRequiredField({ product: '' }, 'products')).toBe('product');
  });

  it('lets optional fields be emptied, and product with role auto (optional in transactions)', () => {
    expect(emptiedRequiredField({ product: '' }, 'transactions')).toBeUndefined();
    expect(emptiedRequiredField({ product: '', amount: '', region: '' }, 'auto')).toBeUndefined();
    expect(emptiedRequiredField({ customer: 'CustomerID' }, 'transactions')).toBeUndefined();
    expect(emptiedRequiredField({}, 'auto')).toBeUndefined();
  });

  it('with role auto, names a field required by every role that has it', () => {
    expect(emptiedRequiredField({ customer: '' }, 'auto')).toBe('customer');
    expect(emptiedRequiredField({ date: '' }, 'auto')).toBe('date');
  });
});
