export { createDecoder, detectEncoding, type CsvDecoder, type EncodingChoice, type EncodingGuess, type EncodingName } from './encoding.js';
export { CsvParser, CsvSyntaxError, type CsvEmit, type CsvErrorReason, type CsvParserOptions, type CsvSkippedLine } from './parser.js';
export { CsvFileError, sniffCsvFile, type CsvFileErrorReason, type CsvSniff, type Delimiter, type SniffOptions } from './sniff.js';
export { openCsvStream, type CsvBatch, type CsvStream, type CsvStreamOptions } from './reader.js';
