import { describe, expect, it } from 'vitest';
import { guessMapping, guessRole, resolveMapping } from '../../../../core/data/import/mapping.js';
import { describeDateFormat, guessDateFormat } from '../../../../core/data/import/values.js';

describe('issue #10: only customer and date are required', () => {
  it('recognises the Kaggle Groceries item log (no amount, item description as product)', () => {
    const header = ['Member_number', 'Date', 'itemDescription'];
    expect(guessRole(header)).toBe('transactions');
    expect(guessMapping(header, 'transactions')).toEqual({ customer: 'Member_number', date: 'Date', product: 'itemDescription', productName: 'itemDescription' });
    expect(resolveMapping(header, 'transactions', {})).toEqual({ customer: 'Member_number', date: 'Date', product: 'itemDescription', productName: 'itemDescription' });
  });

  it('recognises purchases without products (CDNOW: customer, date, quantity, amount)', () => {
    const header = ['customer', 'date', 'quantity', 'amount'];
    expect(guessRole(header)).toBe('transactions');
    expect(resolveMapping(header, 'transactions', {})).toEqual({ customer: 'customer', date: 'date', quantity: 'quantity', amount: 'amount' });
    expect(resolveMapping(['c1', 'c2', 'c3'], 'transactions', { customer: 'c1', date: 'c2', amount: 'c3' })).toEqual({ customer: 'c1', date: 'c2', amount: 'c3' });
  });

  it('still refuses a file without customer or date, naming every missing field', () => {
    expect(() => resolveMapping(['order', 'sku', 'qty', 'price'], 'transactions', {})).toThrow('no column for "customer" and "date" (columns: order, sku, qty, price); name them with --map customer=COLUMN --map date=COLUMN');
    expect(() => resolveMapping(['who', 'sku'], 'transactions', { customer: 'who' })).toThrow(/no column for "date".*--map date=COLUMN$/);
  });

  it('keeps the guesses of files that have everything (UCI, Kaggle Online_Sales)', () => {
    expect(guessRole(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'])).toBe('transactions');
    expect(guessRole(['Customer ID', 'Gender', 'Age', 'City', 'tenure_months'])).toBe('customers');
  });
});

describe('issue #10: dd-mm-yyyy dates are read day first, from the values', () => {
  it('chooses day first when a value can only be read that way, and names it', () => {
    const dates = ['01-02-2015', '05-03-2015', '21-07-2015'];
    expect(guessDateFormat(dates)).toBe('dmy');
    expect(describeDateFormat('dmy', dates)).toBe('dates read as day first (D/M/YYYY): "21-07-2015" can only be read that way');
  });
  it('says so when nothing in the sample decides', () => {
    const dates = ['01-02-2015', '05-03-2015'];
    expect(guessDateFormat(dates)).toBe('mdy');
    expect(describeDateFormat('mdy', dates)).toMatch(/no value in the first 2 rows tells day-first from month-first, so month first was assumed/);
  });
  it('describes unambiguous formats plainly', () => {
    expect(describeDateFormat('iso', ['2015-01-02'])).toBe('dates read as YYYY-MM-DD');
  });
});
