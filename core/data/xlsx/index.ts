export { cellText, isDateFormat, serialText } from './cell-text.js';
export { readXlsxRows, XlsxSheetError, type XlsxReadOptions, type XlsxReadResult, type XlsxRowHandler } from './reader.js';
export { isZipFile, padTo, sniffXlsxFile, type XlsxSniff } from './sniff.js';
export { parseWorkbookXml, readWorkbookPart, type WorkbookPart, type WorkbookSheet } from './workbook-part.js';
