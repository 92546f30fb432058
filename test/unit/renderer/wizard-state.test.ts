import { describe, expect, it } from 'vitest';
import type { FilePreview } from '../../../core/model/api.js';
import { canImport, importParams, initialWizard, mappingFields, noneFor, requiredFields, requiredOneOf, wizardReducer, type WizardState } from '../../../renderer/src/pages/data/import/wizard-state.js';

const staged = [{ path: '/tmp/up/1/online_retail.csv', name: 'online_retail.csv', bytes: 1000 }];
const preview: FilePreview = {
  file: staged[0].path,
  bytes: 1000,
  ok: true,
  format: 'generic',
  table: 'transactions',
  encoding: 'utf8',
  delimiter: ',',
  header: ['InvoiceNo', 'StockCode', 'InvoiceDate', 'UnitPrice', 'CustomerID'],
  rows: [['536365', '85123A', '2010-12-01 08:26:00', '2.55', '17850.0']],
  mapping: { receipt: 'InvoiceNo', product: 'StockCode', date: 'InvoiceDate', unitPrice: 'UnitPrice', customer: 'CustomerID' },
  fields: ['customer', 'receipt', 'date', 'product', 'unitPrice'],
};

function previewed(): WizardState {
  let s = wizardReducer(initialWizard, { type: 'staging' });
  expect(s.phase).toBe('previewing');
  s = wizardReducer(s, { type: 'staged', files: staged });
  s = wizardReducer(s, { type: 'previewed', previews: [preview], version: s.previewVersion });
  return s;
}

describe('import wizard state', () => {
  it('goes idle → previewing → ready and can import', () => {
    const s = previewed();
    expect(s.phase).toBe('ready');
    expect(canImport(s)).toBe(true);
    expect(importParams(s)).toEqual({ files: [staged[0].path], map: {}, format: 'auto', role: 'auto', encoding: 'auto', onError: 'abort', allowDuplicate: false });
  });

  it('previews again after a mapping change and drops stale previews', () => {
    const s = previewed();
    const mapped = wizardReducer(s, { type: 'map', field: 'customer', column: 'StockCode' });
    expect(mapped.phase).toBe('previewing');
    expect(mapped.map).toEqual({ customer: 'StockCode' });
    expect(canImport(mapped)).toBe(false);
    const stale = wizardReducer(mapped, { type: 'previewed', previews: [preview], version: s.previewVersion });
    expect(stale.phase).toBe('previewing');
    const fresh = wizardReducer(mapped, { type: 'previewed', previews: [preview], version: mapped.previewVersion });
    expect(fresh.phase).toBe('ready');
    expect(importParams(fresh).map).toEqual({ customer: 'StockCode' });
    expect(wizardReducer(fresh, { type: 'map', field: 'customer', column: null }).map).toEqual({});
  });

  it('only re-sniffs for options that change detection', () => {
    const s = previewed();
    expect(wizardReducer(s, { type: 'choice', choices: { onError: 'skip' } }).phase).toBe('ready');
    const reencoded = wizardReducer(s, { type: 'choice', choices: { encoding: 'cp949' } });
    expect(reencoded.phase).toBe('previewing');
  });

  it('cannot import a file the host could not plan', () => {
    let s = wizardReducer(initialWizard, { type: 'staged', files: staged });
    s = wizardReducer(s, { type: 'previewed', previews: [{ ...preview, ok: false, error: { message: 'no column for "date"', line: 1, column: 'date' } }], version: s.previewVersion });
    expect(s.phase).toBe('ready');
    expect(canImport(s)).toBe(false);
  });

  it('follows the job to its end and allows a retry after a failure', () => {
    let s = wizardReducer(previewed(), { type: 'started', jobId: 'job-1' });
    expect(s.phase).toBe('importing');
    expect(canImport(s)).toBe(false);
    expect(wizardReducer(s, { type: 'choice', choices: { format: 'lpoint' } })).toBe(s);
    s = wizardReducer(s, { type: 'ended', status: 'failed', error: { code: 'import-failed', message: 'line 3: bad date' } });
    expect(s.phase).toBe('failed');
    expect(canImport(s)).toBe(true);
    expect(wizardReducer(s, { type: 'reset' })).toEqual(initialWizard);
  });

  it('offers the chosen role’s fields when the host could not plan a file', () => {
    const failed: FilePreview = { ...preview, ok: false, fields: undefined, format: undefined, error: { message: 'cannot tell', line: 1, column: '' } };
    expect(mappingFields(preview, initialWizard.choices)).toEqual(preview.fields);
    expect(mappingFields(failed, initialWizard.choices)).toBeNull();
    expect(mappingFields(failed, { ...initialWizard.choices, role: 'customers' })).toEqual(['customer', 'gender', 'age', 'region']);
  });

  it('re-previews and imports the chosen sheet of a workbook; a basket file offers no mapping', () => {
    const s = previewed();
    const sheet = wizardReducer(s, { type: 'choice', choices: { sheet: 'Returns' } });
    expect(sheet.phase).toBe('previewing');
    expect(importParams(sheet)).toMatchObject({ sheet: 'Returns' });
    expect(importParams(s)).not.toHaveProperty('sheet');
    const baskets = wizardReducer(s, { type: 'choice', choices: { format: 'baskets' } });
    expect(baskets.phase).toBe('previewing');
    const failed: FilePreview = { ...preview, ok: false, error: { message: 'x', line: 1, column: '' } };
    expect(mappingFields(failed, { ...initialWizard.choices, format: 'baskets', role: 'transactions' })).toBeNull();
  });

  it('marks only the fields the import cannot do without: not product, not amount', () => {
    expect(requiredFields('transactions')).not.toContain('product');
    expect(requiredFields('transactions')).not.toContain('amount');
    expect(requiredFields('transactions')).toContain('date');
    expect(requiredFields('baskets')).toEqual([]);
    expect(requiredFields(undefined)).toEqual([]);
  });

  it('sends an explicit "(none)" for a guessed optional field, so the guess does not come back (issue #10)', () => {
    const s = previewed();
    expect(s.previews[0].mapping?.product).toBe('StockCode');
    const none = wizardReducer(s, { type: 'map', field: 'product', column: null });
    expect(none.phase).toBe('previewing');
    expect(none.map).toEqual({ product: '' });
    expect(noneFor(s, 'product')).toBe('');
    // The host's answer: product unmapped. The import sends the same explicit none.
    const { product: _dropped, ...unmapped } = preview.mapping as Record<string, string>;
    const fresh = wizardReducer(none, { type: 'previewed', previews: [{ ...preview, mapping: unmapped, notes: ['no product column: lines have no product'] }], version: none.previewVersion });
    expect(fresh.phase).toBe('ready');
    expect(canImport(fresh)).toBe(true);
    expect(importParams(fresh).map).toEqual({ product: '' });
    // Picking a column again replaces the none; clearing the overrides goes back to the guesses.
    expect(wizardReducer(fresh, { type: 'map', field: 'product', column: 'StockCode' }).map).toEqual({ product: 'StockCode' });
    expect(wizardReducer(fresh, { type: 'clearMap' }).map).toEqual({});
  });

  it('(none) on a field the role requires drops the override instead (it cannot be left unmapped)', () => {
    const s = wizardReducer(previewed(), { type: 'map', field: 'date', column: 'InvoiceNo' });
    expect(noneFor(s, 'date')).toBeNull();
    expect(noneFor(s, 'customer')).toBeNull();
    expect(wizardReducer(s, { type: 'map', field: 'date', column: null }).map).toEqual({});
    // A role the user chose counts too: product is required of a products file.
    const products = { ...s, previews: [], choices: { ...s.choices, role: 'products' as const } };
    expect(noneFor(products, 'product')).toBeNull();
    expect(noneFor(products, 'category')).toBe('');
  });

  it('offers the marketing and coupons roles with their fields and requirements (issue #11)', () => {
    const failed: FilePreview = { ...preview, ok: false, table: undefined, format: undefined, error: { message: 'no column for "month"', line: 1, column: 'month' } };
    expect(mappingFields(failed, { ...initialWizard.choices, role: 'coupons' })).toEqual(['month', 'from', 'to', 'category', 'code', 'discount']);
    expect(mappingFields(failed, { ...initialWizard.choices, role: 'marketing' })).toEqual(['date']);
    expect(requiredFields('coupons')).toEqual(['category', 'discount']);
    expect(requiredOneOf('coupons')).toEqual([['month'], ['from', 'to']]);
    expect(requiredOneOf('transactions')).toEqual([]);
    expect(requiredOneOf(undefined)).toEqual([]);
    // The transactions role maps the per-line coupon status; it may stay at (none).
    expect(mappingFields({ ...preview, fields: undefined, ok: false }, { ...initialWizard.choices, role: 'transactions' })).toContain('coupon');
    const coupons = { ...previewed(), previews: [], choices: { ...initialWizard.choices, role: 'coupons' as const } };
    expect(noneFor(coupons, 'discount')).toBeNull();
    expect(noneFor(coupons, 'month')).toBe('');
    expect(importParams(wizardReducer(previewed(), { type: 'choice', choices: { role: 'marketing' } }))).toMatchObject({ role: 'marketing', map: {} });
  });
});
