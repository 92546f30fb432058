import { GENERIC_FIELDS, type GenericField, type GenericRole } from '../../model/import.js';
import { normaliseHeader, PlanError } from './plan.js';

/**
 * Header synonyms per mapping field, normalised (see normaliseHeader). Sources: UCI Online Retail,
 * Kaggle Online_Sales, L.point, common ERP/e-commerce exports, Korean headers.
 */
const SYNONYMS: Record<GenericField, readonly string[]> = {
  customer: ['customerid', 'customer', 'custid', 'cust', 'customerno', 'customernumber', 'client', 'clientid', 'memberid', 'member', 'userid', 'buyerid', '고객번호', '고객id', '고객', '회원번호'],
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
};

/** Fields a role cannot do without (amount-or-unitPrice is checked separately for transactions). */
const REQUIRED: Record<GenericRole, readonly GenericField[]> = {
  transactions: ['date', 'product'],
  customers: ['customer'],
  products: ['product'],
};

export type Mapping = Partial<Record<GenericField, string>>;

/** Guesses field → column for a role from the header; each column is used once, first synonym wins. */
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
  return mapping;
}

/** The role a header most likely has, by which required fields the guess finds. */
export function guessRole(header: readonly string[]): GenericRole | undefined {
  const t = guessMapping(header, 'transactions');
  if (t.date && t.product && (t.amount || t.unitPrice)) return 'transactions';
  const c = guessMapping(header, 'customers');
  if (c.customer && (c.gender || c.age)) return 'customers';
  const p = guessMapping(header, 'products');
  if (p.product && guessMapping(header, 'transactions').productName) return 'products';
  return undefined;
}

/**
 * Merges the user's `--map field=Column` over the guess and checks the result: fields must
 * belong to the role, columns must exist in the header (matched exactly, then ignoring case),
 * and the role's required fields must be mapped. Column names are only ever compared with the
 * header, never put into SQL.
 */
export function resolveMapping(header: readonly string[], role: GenericRole, user: Record<string, string>): Mapping {
  const allowed = GENERIC_FIELDS[role] as readonly string[];
  const mapping = guessMapping(header, role);
  const userColumns = new Set<string>();
  for (const [field, column] of Object.entries(user)) {
    if (!allowed.includes(field)) throw new PlanError(`--map field "${field}" is not a ${role} field (fields: ${allowed.join(', ')})`, 1, field);
    const actual = header.find((h) => h === column) ?? header.find((h) => h.trim().toLowerCase() === column.trim().toLowerCase());
    if (actual === undefined) throw new PlanError(`--map ${field}=${column}: no column "${column}" (columns: ${header.join(', ')})`, 1, column);
    mapping[field as GenericField] = actual;
    userColumns.add(actual);
  }
  // A guessed field must not reuse a column the user gave to another field.
  for (const field of Object.keys(mapping) as GenericField[]) {
    if (!(field in user) && userColumns.has(mapping[field] as string)) delete mapping[field];
  }
  for (const field of REQUIRED[role]) {
    if (!mapping[field]) throw new PlanError(`no column for "${field}" (columns: ${header.join(', ')}); name it with --map ${field}=COLUMN`, 1, field);
  }
  if (role === 'transactions' && !mapping.amount && !mapping.unitPrice) {
    throw new PlanError(`no column for "amount" or "unitPrice" (columns: ${header.join(', ')}); name one with --map amount=COLUMN`, 1, 'amount');
  }
  return mapping;
}
