import { inflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';

/** What a PNG's IHDR says, plus its RGBA pixels when it is 8-bit RGBA with filter 0 rows (what our encoder writes). */
export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  pixels: Uint8Array;
}

/** A strict little PNG reader for tests: checks the signature, every chunk CRC, and decodes filter-0 RGBA. */
export function readPng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  let offset = 8;
  let ihdr: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (crc32(file.subarray(offset + 4, offset + 8 + length)) !== file.readUInt32BE(offset + 8 + length)) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (!ihdr) throw new Error('no IHDR');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr[8]!;
  const colourType = ihdr[9]!;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(width * height * 4);
  if (bitDepth === 8 && colourType === 6) {
    for (let y = 0; y < height; y++) {
      const filter = raw[y * (stride + 1)];
      if (filter !== 0) throw new Error(`row ${y} uses filter ${filter}; this reader only decodes filter 0`);
      pixels.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
    }
  }
  return { width, height, bitDepth, colourType, pixels };
}
