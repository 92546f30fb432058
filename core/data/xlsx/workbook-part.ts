import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

/** A sheet as xl/workbook.xml lists it, in exceljs's model shape (name, sheetId, state, relationship id). */
export interface WorkbookSheet {
  name: string;
  id: number;
  state: string;
  rId: string;
}

export interface WorkbookPart {
  sheets: WorkbookSheet[];
  date1904: boolean;
  /** xl/styles.xml as stored (number formats: which cells hold dates), when the archive has it. */
  styles?: Buffer;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
const TAIL_BYTES = 22 + 0xffff;

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name],
  );
}

/** The value of attribute `name` (any namespace prefix) in one XML start tag. */
function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s(?:[\\w-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3]) : undefined;
}

/** The sheets and the date system of a workbook.xml text. */
export function parseWorkbookXml(xml: string): WorkbookPart {
  const sheets: WorkbookSheet[] = [];
  for (const m of xml.matchAll(/<(?:[\w-]+:)?sheet\s[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    const rId = attribute(m[0], 'id');
    if (name === undefined || rId === undefined) continue;
    sheets.push({ name, id: Number(attribute(m[0], 'sheetId') ?? sheets.length + 1), state: attribute(m[0], 'state') ?? 'visible', rId });
  }
  const pr = /<(?:[\w-]+:)?workbookPr\s[^>]*>/.exec(xml);
  const d = pr ? attribute(pr[0], 'date1904') : undefined;
  return { sheets, date1904: d === '1' || d === 'true' };
}

/**
 * Reads xl/workbook.xml (sheet names in tab order, the 1904 date system) and xl/styles.xml straight
 * from the zip's central directory, before the streaming pass. exceljs's streaming reader only learns the sheet
 * names when its single pass reaches xl/workbook.xml, which some writers (exceljs itself) store
 * last — and that last entry is intermittently not delivered before the worksheets are parsed
 * (exceljs issue #3064: "Cannot read properties of undefined (reading 'sheets')", ~90 % of reads
 * on Node 22, ~0.5 % on Node 20 here). Seeding the reader with this part removes the race.
 * Likewise exceljs knows the number formats only once its pass has read xl/styles.xml; a writer
 * that stores a sheet before it (and after the shared strings) would have its dates read as
 * plain numbers.
 * Returns undefined for an archive this small reader does not understand (zip64, no such entry);
 * the streaming pass then runs as it would on its own.
 */
export async function readWorkbookPart(path: string): Promise<WorkbookPart | undefined> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return undefined;
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdOffset + cdSize > size) return undefined;
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    let p = 0;
    let workbook: Buffer | undefined;
    let styles: Buffer | undefined;
    for (let e = 0; e < entries && p + 46 <= cd.length; e++) {
      if (cd.readUInt32LE(p) !== CENTRAL_SIGNATURE) return undefined;
      const method = cd.readUInt16LE(p + 10);
      const compressed = cd.readUInt32LE(p + 20);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const localOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      p += 46 + nameLength + extraLength + commentLength;
      if (name !== 'xl/workbook.xml' && name !== 'xl/styles.xml') continue;
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, localOffset);
      if (local.readUInt32LE(0) !== LOCAL_SIGNATURE) return undefined;
      const dataStart = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      const data = Buffer.alloc(compressed);
      await handle.read(data, 0, compressed, dataStart);
      const xml = method === 0 ? data : method === 8 ? inflateRawSync(data) : undefined;
      if (name === 'xl/workbook.xml') workbook = xml;
      else styles = xml;
    }
    if (workbook === undefined) return undefined;
    return { ...parseWorkbookXml(workbook.toString('utf8')), ...(styles ? { styles } : {}) };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
