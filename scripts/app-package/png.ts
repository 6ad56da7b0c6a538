import { PNG } from 'pngjs';

/** An RGBA image: `pixels` holds width*height*4 bytes, row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Encodes an RGBA image as an 8-bit truecolour-with-alpha PNG (pngjs), at zlib's best compression. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new RangeError('pixels must hold width*height*4 bytes');
  const png = new PNG({ width, height, colorType: 6, inputColorType: 6, bitDepth: 8 });
  png.data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  return PNG.sync.write(png, { deflateLevel: 9 });
}
