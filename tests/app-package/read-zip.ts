import { inflateRawSync } from 'node:zlib';
import { crc32 } from 'node:zlib';

/** One file read back from a zip archive. */
export interface ReadEntry {
  name: string;
  method: number;
  data: Buffer;
}

/**
 * Reads a zip the way an unzipper does: finds the end record, walks the central directory, follows each
 * entry to its local header, inflates it and checks sizes and CRC against both headers.
 */
export function readZip(zip: Buffer): ReadEntry[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (zip.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    if (zip.readUInt32LE(localAt + 14) !== crc) throw new Error(`local and central CRC differ for ${name}`);
    const localName = zip.toString('utf8', localAt + 30, localAt + 30 + zip.readUInt16LE(localAt + 26));
    if (localName !== name) throw new Error(`local name ${localName} differs from ${name}`);
    const bodyAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const body = zip.subarray(bodyAt, bodyAt + compressedSize);
    const data = method === 8 ? inflateRawSync(body) : method === 0 ? Buffer.from(body) : null;
    if (!data) throw new Error(`unsupported method ${method} for ${name}`);
    if (data.length !== size) throw new Error(`size mismatch for ${name}`);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`);
    entries.push({ name, method, data });
  }
  return entries;
}
