import { PNG } from 'pngjs';

/** What a PNG's IHDR says, plus its RGBA pixels. */
export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  pixels: Uint8Array;
}

/** Reads a PNG with pngjs, which checks the signature and every chunk's CRC. */
export function readPng(file: Buffer): DecodedPng {
  const png = PNG.sync.read(file, { checkCRC: true });
  return { width: png.width, height: png.height, bitDepth: png.depth, colourType: png.colorType, pixels: new Uint8Array(png.data) };
}
