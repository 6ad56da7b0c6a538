import { unzipSync } from 'fflate';

/** One file read back from a zip archive. */
export interface ReadEntry {
  name: string;
  data: Buffer;
}

/** Reads a zip with fflate (an independent unzipper: central directory, local headers, inflate). */
export function readZip(zip: Buffer): ReadEntry[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}
