import type { Mapping } from './mapping.js';
import { checkRecord, PlanError, type ImportPlan } from './plan.js';
import { describeDateFormat, guessDateFormat, isoDate, parseDateTime, parseDecimal } from './values.js';

/**
 * The import plan of a daily marketing spend file (issue #11, role `marketing`): one date column
 * (the `date` field) and one numeric column per channel, named by its header as written
 * (`Date,Offline_Spend,Online_Spend` → channels Offline_Spend and Online_Spend). Each cell lands as
 * one marketing_spend row (day, channel, spend).
 *
 * Validation, row by row (a rejected row stores none of its cells):
 * - the date must read in the format the sample shows; a date seen before is a duplicate, rejected
 *   with the line of its first occurrence;
 * - every channel value must be a number ≥ 0; an empty value is rejected too, unless the column is
 *   empty throughout the sampled rows, in which case it is not a channel at all (said in a note,
 *   and a value appearing in it later is rejected rather than dropped).
 * Overlap with days and channels already in the project is refused by the sink (file level).
 */
export function marketingPlan(header: readonly string[], mapping: Mapping, sample: readonly string[][]): ImportPlan {
  const dateColumn = mapping.date as string;
  const iDate = header.indexOf(dateColumn);
  const dates = sample.map((r) => r[iDate] ?? '');
  const format = guessDateFormat(dates);
  if (format === undefined) throw new PlanError(`cannot read the dates in column ${dateColumn} (first value ${JSON.stringify(sample[0]?.[iDate] ?? '')}); expected YYYY-MM-DD, YYYYMMDD, M/D/YYYY or D/M/YYYY`, 2, dateColumn);
  const notes = [describeDateFormat(format, dates)];
  const channels: [string, number][] = [];
  const empty: [string, number][] = [];
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (i === iDate) return;
    const whollyEmpty = sample.every((r) => (r[i] ?? '').trim() === '');
    if (whollyEmpty) return void empty.push([h, i]);
    if (h.trim() === '') throw new PlanError(`column ${i + 1} has values but no header: a marketing file names each channel by its header`, 1, '');
    if (seen.has(h.trim())) throw new PlanError(`two columns are named ${JSON.stringify(h)}: a marketing file names each channel by its header, once`, 1, h);
    seen.add(h.trim());
    channels.push([h.trim(), i]);
  });
  if (channels.length === 0) throw new PlanError(`no spend columns besides the date column ${dateColumn} (columns: ${header.join(', ')}); a marketing file has one numeric column per channel`, 1, '');
  notes.push(`channels: ${channels.map(([h]) => h).join(', ')} (one spend value per day and channel)`);
  if (empty.length > 0) notes.push(`column${empty.length > 1 ? 's' : ''} ${empty.map(([h, i]) => (h.trim() === '' ? `${i + 1} (no header)` : h)).join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty in the first ${sample.length} rows: not a channel`);
  return {
    format: 'generic',
    table: 'marketing',
    target: 'marketing',
    mapping: mapping as Record<string, string>,
    unmapped: [],
    notes,
    converter: (writer, log, hdr) => {
      const firstLine = new Map<number, number>();
      const values = new Array<number>(channels.length);
      return (f, line, suspect) => {
        if (!checkRecord(f, line, hdr, log, suspect)) return false;
        const dt = parseDateTime(f[iDate], format);
        if (dt === undefined) return void log.reject(line, dateColumn, f[iDate], `not a date in the file's format (${format}) or an impossible date`), false;
        const first = firstLine.get(dt.day);
        if (first !== undefined) return void log.reject(line, dateColumn, f[iDate], `duplicate date ${isoDate(dt.day)} (first on line ${first})`), false;
        for (const [h, i] of empty) {
          if (f[i].trim() !== '') return void log.reject(line, h.trim() === '' ? `column ${i + 1}` : h, f[i], `column is empty in the first ${sample.length} rows, so it is not a channel; give it values from the first row or leave it empty`), false;
        }
        for (let c = 0; c < channels.length; c++) {
          const [h, i] = channels[c];
          const text = f[i];
          if (text.trim() === '') return void log.reject(line, h, '', 'missing spend (a channel column needs a value every day; write 0 for no spend)'), false;
          const v = parseDecimal(text);
          if (v === undefined) return void log.reject(line, h, text, 'spend is not a number'), false;
          if (v < 0) return void log.reject(line, h, text, 'negative spend'), false;
          values[c] = v;
        }
        firstLine.set(dt.day, line);
        for (let c = 0; c < channels.length; c++) writer.addSpend(dt.day, channels[c][0], values[c], line);
        return true;
      };
    },
  };
}
