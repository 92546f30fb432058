import fs from 'node:fs';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * The sales workbook the xlsx tests import, written with exceljs's writer, and the CSV a user
 * would export from it. Sheet "Sales": a date column given three ways (JS Dates with a time, an
 * Excel serial number with a date format, a date just before midnight at a year's end), numbers
 * (integers, decimals, a formula with a cached result), Korean and rich text, an empty customer
 * cell. Sheet "Returns": other rows, for --sheet.
 */
export const SALES_HEADER = ['InvoiceNo', 'InvoiceDate', 'StockCode', 'Description', 'Quantity', 'UnitPrice', 'CustomerID'];

/** The Sales rows as CSV text (what the workbook's cells say, written as Excel's "CSV UTF-8" would). */
export const SALES_CSV_ROWS = [
  ['536365', '2010-12-01 08:26:00', '85123A', '하얀 하트 랜턴', '6', '2.55', '17850'],
  ['536365', '2010-12-01 08:26:00', '71053', 'WHITE METAL LANTERN', '6', '3.39', '17850'],
  ['536366', '2010-12-01 12:00:00', '22633', '손난로 유니온잭', '6', '1.85', '17850'],
  ['536367', '2010-12-01 08:34:00', '84879', 'ASSORTED COLOUR BIRD ORNAMENT', '32', '1.69', '13047'],
  ['536368', '2010-12-31 23:59:00', '22960', 'JAM MAKING SET WITH JARS', '6', '4.25', ''],
  ['536369', '2011-01-01', '21756', '목욕 블록 세트', '3', '5.95', '13047'],
];

export const RETURNS_HEADER = ['InvoiceNo', 'InvoiceDate', 'StockCode', 'Description', 'Quantity', 'UnitPrice', 'CustomerID'];
export const RETURNS_ROWS = [['C536379', '2010-12-02', 'D', 'Discount', '-1', '27.5', '14527']];

/** Epoch days (since 1970-01-01) of the Sales rows' dates, counted by hand: 2010-12-01 is day 14,944. */
export const SALES_DAYS = [14944, 14944, 14944, 14944, 14974, 14975];

export async function writeSalesWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sales = wb.addWorksheet('Sales');
  sales.addRow(SALES_HEADER);
  const at = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min));
  sales.addRow(['536365', at(2010, 12, 1, 8, 26), '85123A', '하얀 하트 랜턴', 6, 2.55, 17850]);
  sales.addRow(['536365', at(2010, 12, 1, 8, 26), '71053', 'WHITE METAL LANTERN', 6, 3.39, 17850]);
  // An Excel serial (days since 1899-12-30; .5 = noon) shown through a date format.
  sales.addRow(['536366', 40513.5, '22633', '손난로 유니온잭', 6, 1.85, 17850]);
  sales.getCell('B4').numFmt = 'yyyy-mm-dd hh:mm';
  sales.addRow(['536367', at(2010, 12, 1, 8, 34), '84879', { richText: [{ text: 'ASSORTED COLOUR ' }, { font: { bold: true }, text: 'BIRD ORNAMENT' }] }, { formula: '4*8', result: 32 }, 1.69, 13047]);
  // One minute before midnight: any time-zone shift would move it to another day (and year).
  sales.addRow(['536368', at(2010, 12, 31, 23, 59), '22960', 'JAM MAKING SET WITH JARS', 6, 4.25, null]);
  sales.addRow(['536369', at(2011, 1, 1), '21756', '목욕 블록 세트', 3, 5.95, 13047]);
  const returns = wb.addWorksheet('Returns');
  returns.addRow(RETURNS_HEADER);
  returns.addRow(['C536379', at(2010, 12, 2), 'D', 'Discount', -1, 27.5, 14527]);
  await wb.xlsx.writeFile(file);
}

/** The Sales sheet as a UTF-8 CSV file (the same values, as text). */
export function writeSalesCsv(file: string): void {
  const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  fs.writeFileSync(file, [SALES_HEADER, ...SALES_CSV_ROWS].map((r) => r.map(quote).join(',')).join('\n') + '\n');
}

/** Every entry of a zip archive, inflated, in stored order (a test helper: no zip64, no encryption). */
export function zipEntries(file: string): [string, Buffer][] {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: [string, Buffer][] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10), size = buf.readUInt32LE(p + 20), nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    if (!name.endsWith('/')) out.push([name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data)]);
  }
  return out;
}

/** Writes entries as a zip (deflated) in the order given: to test readers against other writers' entry orders. */
export function writeZip(file: string, entries: [string, Buffer][]): void {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = zlib.deflateRawSync(data);
    const n = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(0x0800, 8); cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16); cd.writeUInt32LE(packed.length, 20); cd.writeUInt32LE(data.length, 24); cd.writeUInt16LE(n.length, 28); cd.writeUInt32LE(offset, 42);
    parts.push(local, n, packed);
    central.push(cd, n);
    offset += 30 + n.length + packed.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(cdSize, 12); end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...parts, ...central, end]));
}
