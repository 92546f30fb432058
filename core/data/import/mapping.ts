import { GENERIC_FIELDS, REQUIRED_FIELDS, REQUIRED_ONE_OF, type GenericField, type GenericRole } from '../../model/import.js';
import { parseDecimal } from './values.js';
import { normaliseHeader, PlanError } from './plan.js';

/**
 * Header synonyms per mapping field, normalised (see normaliseHeader). Sources: UCI Online Retail,
 * Kaggle Online_Sales, L.point, common ERP/e-commerce exports, Korean headers.
 */
const SYNONYMS: Record<GenericField, readonly string[]> = {
  customer: ['customerid', 'customer', 'custid', 'cust', 'customerno', 'customernumber', 'client', 'clientid', 'memberid', 'member', 'membernumber', 'memberno', 'userid', 'buyerid', '고객번호', '고객id', '고객', '회원번호'],
  receipt: ['invoiceno', 'invoice', 'invoiceid', 'invoicenumber', 'transactionid', 'transaction', 'orderid', 'orderno', 'ordernumber', 'order', 'receipt', 'receiptid', 'receiptno', 'rctno', 'basketid', '영수증번호', '주문번호', '거래번호'],
  date: ['invoicedate', 'transactiondate', 'orderdate', 'purchasedate', 'date', 'datetime', 'timestamp', 'time', 'dedt', '구매일자', '거래일자', '주문일자', '날짜', '일자'],
  product: ['stockcode', 'productsku', 'sku', 'productid', 'productcode', 'itemid', 'itemcode', 'item', 'product', 'articleid', 'pdc', '상품코드', '상품번호'],
  productName: ['description', 'productdescription', 'productname', 'itemname', 'itemdescription', 'name', 'pdnm', '상품명'],
  category: ['productcategory', 'category', 'category1', 'maincategory', 'department', 'clachlvnm', '대분류', '카테고리'],
  category2: ['subcategory', 'category2', 'productsubcategory', 'clacmclsnm', '중분류'],
  quantity: ['quantity', 'qty', 'units', 'count', 'buyct', '수량', '구매수량'],
  amount: ['amount', 'totalamount', 'linetotal', 'total', 'sales', 'revenue', 'value', 'buyam', '금액', '구매금액', '매출'],
  unitPrice: ['unitprice', 'price', 'avgprice', 'itemprice', 'priceeach', '단가', '가격'],
  channel: ['channel', 'saleschannel', 'chnldv', '채널'],
  store: ['store', 'storeid', 'storecode', 'shop', 'shopid', 'branch', 'brc', '점포', '매장'],
  region: ['country', 'region', 'city', 'state', 'zonhlv', '지역', '거주지'],
  gender: ['gender', 'sex', 'mafemdv', '성별'],
  age: ['age', 'ages', 'ageband', 'agegroup', '연령', '연령대', '나이'],
  coupon: ['couponstatus', 'couponused', 'couponuse', 'coupon', '쿠폰사용여부', '쿠폰사용', '쿠폰'],
  month: ['month', 'offermonth', 'couponmonth', 'yearmonth', '월', '연월', '적용월'],
  from: ['from', 'fromdate', 'startdate', 'validfrom', 'start', '시작일', '시작일자'],
  to: ['to', 'todate', 'enddate', 'validto', 'validuntil', 'end', '종료일', '종료일자'],
  code: ['couponcode', 'code', 'promocode', 'promotioncode', 'coupon', '쿠폰코드', '쿠폰번호'],
  discount: ['discountpct', 'discount', 'discountpercent', 'discountrate', 'discount%', 'percentoff', '할인율', '할인'],
};

/** Fields a role cannot do without: REQUIRED_FIELDS (core/model). Amount, unit price and product are optional (issue #10). */
const REQUIRED = REQUIRED_FIELDS;

export type Mapping = Partial<Record<GenericField, string>>;

/**
 * Guesses field → column for a role from the header; each column is used once, first synonym wins.
 * A transactions file whose only product column is a name or description (Kaggle Groceries:
 * itemDescription) uses it as the product code too.
 */
export function guessMapping(header: readonly string[], role: GenericRole): Mapping {
  const normalised = header.map(normaliseHeader);
  const used = new Set<number>();
  const mapping: Mapping = {};
  for (const field of GENERIC_FIELDS[role]) {
    for (const syn of SYNONYMS[field]) {
      const i = normalised.findIndex((h, j) => h === syn && !used.has(j));
      if (i >= 0) {
        mapping[field] = header[i];
        used.add(i);
        break;
      }
    }
  }
  if (role === 'transactions' && !mapping.product && mapping.productName) mapping.product = mapping.productName;
  return mapping;
}

/** Headers of spend columns: what a marketing file's channel columns are called. */
const SPEND_WORDS = /spend|cost|budget|비용|광고/i;

/**
 * The role a header most likely has, by which required fields the guess finds. Marketing and
 * coupons (issue #11) are only suggested for headers no earlier role recognises, so no file is
 * detected differently than before: marketing for a date column whose other columns all name
 * spend (spend, cost, budget, 비용, 광고) and, in the sample when given, hold numbers; coupons for
 * a discount and a category column.
 */
export function guessRole(header: readonly string[], sample?: readonly string[][]): GenericRole | undefined {
  const t = guessMapping(header, 'transactions');
  if (t.date && t.product && (t.amount || t.unitPrice)) return 'transactions';
  const c = guessMapping(header, 'customers');
  if (c.customer && (c.gender || c.age)) return 'customers';
  // Item logs (customer, date, item) and files without products (customer, date, quantity, amount).
  if (t.customer && t.date && (t.product || t.amount || t.unitPrice || t.quantity)) return 'transactions';
  const p = guessMapping(header, 'products');
  if (p.product && guessMapping(header, 'transactions').productName) return 'products';
  const m = guessMapping(header, 'marketing');
  if (m.date) {
    const others = header.map((h, i) => [h, i] as const).filter(([h]) => h !== m.date);
    const numeric = (i: number): boolean => (sample ?? []).every((r) => (r[i] ?? '').trim() === '' || parseDecimal(r[i]) !== undefined);
    if (others.length > 0 && others.every(([h, i]) => SPEND_WORDS.test(h) && numeric(i))) return 'marketing';
  }
  const k = guessMapping(header, 'coupons');
  if (k.discount && k.category) return 'coupons';
  return undefined;
}

/**
 * Merges the user's `--map field=Column` over the guess and checks the result: fields must
 * belong to the role, columns must exist in the header (matched exactly, then ignoring case),
 * and the role's required fields must be mapped. An empty column (`--map product=`, the wizard's
 * "(none)") says the field has no column: it is not guessed, so a guess the user disagrees with
 * can be undone (issue #10); a required field cannot be emptied. Column names are only ever
 * compared with the header, never put into SQL.
 */
export function resolveMapping(header: readonly string[], role: GenericRole, user: Record<string, string>): Mapping {
  const allowed = GENERIC_FIELDS[role] as readonly string[];
  const mapping = guessMapping(header, role);
  const userColumns = new Set<string>();
  for (const [field, column] of Object.entries(user)) {
    if (!allowed.includes(field)) throw new PlanError(`--map field "${field}" is not a ${role} field (fields: ${allowed.join(', ')})`, 1, field);
    if (column.trim() === '') {
      if ((REQUIRED[role] as readonly string[]).includes(field)) throw new PlanError(`"${field}" is required for ${role} and cannot be left unmapped (--map ${field}=)`, 1, field);
      delete mapping[field as GenericField];
      continue;
    }
    const actual = header.find((h) => h === column) ?? header.find((h) => h.trim().toLowerCase() === column.trim().toLowerCase());
    if (actual === undefined) throw new PlanError(`--map ${field}=${column}: no column "${column}" (columns: ${header.join(', ')})`, 1, column);
    mapping[field as GenericField] = actual;
    userColumns.add(actual);
  }
  // A guessed field must not reuse a column the user gave to another field.
  for (const field of Object.keys(mapping) as GenericField[]) {
    if (!(field in user) && userColumns.has(mapping[field] as string)) delete mapping[field];
  }
  const missing = REQUIRED[role].filter((field) => !mapping[field]);
  if (missing.length > 0) {
    const named = missing.map((f) => `"${f}"`).join(' and ');
    throw new PlanError(`no column for ${named} (columns: ${header.join(', ')}); name ${missing.length > 1 ? 'them' : 'it'} with ${missing.map((f) => `--map ${f}=COLUMN`).join(' ')}`, 1, missing[0]);
  }
  // Either-or requirements (coupons: a month, or a from–to range): one group must be complete.
  const groups = REQUIRED_ONE_OF[role];
  if (groups !== undefined && !groups.some((g) => g.every((field) => mapping[field]))) {
    const alternatives = groups.map((g) => (g.length === 1 ? `"${g[0]}"` : `both ${g.map((f) => `"${f}"`).join(' and ')}`)).join(' or ');
    const how = groups.map((g) => g.map((f) => `--map ${f}=COLUMN`).join(' ')).join(' or ');
    const partial = groups.find((g) => g.some((field) => mapping[field]));
    throw new PlanError(`no column for ${alternatives}${partial ? ` (${partial.filter((f) => !mapping[f]).map((f) => `"${f}"`).join(', ')} missing)` : ''} (columns: ${header.join(', ')}); a ${role} file needs one of them: ${how}`, 1, (partial ?? groups[0]).find((f) => !mapping[f]) as string);
  }
  return mapping;
}
