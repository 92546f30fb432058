import { createHash } from 'node:crypto';
import fs from 'node:fs';

export function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hex sha256 of a file's bytes, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
