import { findBadField, type ImportPlan } from './plan.js';

/** Column name issues of a basket file carry (a basket file has no header). */
const ITEM = 'item';

/**
 * The plan of a basket file (arules/Orange "basket" format, see baskets-reader.ts): each line is
 * one receipt with no customer and no date; each item is a product (code and name = the item
 * text) bought once, with no amount. An item listed twice in one basket is kept once — a basket
 * says what was bought together, not how many — and each dropped repeat is flagged (counted in
 * the report with its line). Receipt codes are `basket:LINE`, unique within the file.
 */
export function basketsPlan(): ImportPlan {
  return {
    format: 'baskets',
    table: 'baskets',
    target: 'purchases',
    mapping: {},
    unmapped: [],
    notes: ['one basket per line: a receipt without customer, date or amount; each item a product bought once'],
    converter: (writer, log) => {
      const described = new Set<string>();
      const inBasket = new Set<string>();
      return (items, line, suspect) => {
        if (items.length === 0) return void log.reject(line, ITEM, '', 'no item on the line (only commas)'), false;
        const bad = suspect ? findBadField(items) : -1;
        if (bad >= 0) return void log.reject(line, ITEM, items[bad].split('\u0000').join('\\0'), items[bad].includes('\u0000') ? 'NUL byte in the value (binary data?)' : 'bytes that are not valid in the file encoding'), false;
        inBasket.clear();
        const receipt = `basket:${line}`;
        for (const item of items) {
          if (inBasket.has(item)) {
            log.flag(line, ITEM, item, 'item listed twice in the basket (kept once)');
            continue;
          }
          inBasket.add(item);
          if (!described.has(item)) {
            writer.describeProduct(item, { name: item, category: null, category2: null }, false);
            described.add(item);
          }
          writer.addLine({ receipt, customer: null, product: item, day: null, hour: null, channel: null, retailer: null, store: null, quantity: 1, amount: null, flags: 0 });
        }
        return true;
      };
    },
  };
}
