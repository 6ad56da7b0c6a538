import { readFileSync } from 'node:fs';
import path from 'node:path';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/app-package/icons';
import { encodePng } from '../../scripts/app-package/png';
import { readPng } from './read-png';

const appPackage = path.join(__dirname, '..', '..', 'appPackage');
const color = readFileSync(path.join(appPackage, 'color.png'));
const outline = readFileSync(path.join(appPackage, 'outline.png'));

describe('the app icons', () => {
  it('include a 192x192 full-colour PNG', () => {
    const png = readPng(color);
    expect([png.width, png.height]).toEqual([192, 192]);
    expect([png.bitDepth, png.colourType]).toEqual([8, 6]);
    // The centre is the opaque brand background or the tick, not transparency.
    const centre = (96 * 192 + 60) * 4;
    expect(png.pixels[centre + 3]).toBe(255);
  });

  it('include a 32x32 outline PNG that is white on transparent only', () => {
    const png = readPng(outline);
    expect([png.width, png.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      const alpha = png.pixels[i + 3]!;
      if (alpha === 0) transparent++;
      else {
        expect([png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]]).toEqual([255, 255, 255]);
        white++;
      }
    }
    expect(transparent).toBeGreaterThan(0);
    expect(white).toBeGreaterThan(0);
  });

  it('are exactly what scripts/make-icons.ts draws, so the design has one source', () => {
    expect(encodePng(drawColorIcon()).equals(color)).toBe(true);
    expect(encodePng(drawOutlineIcon()).equals(outline)).toBe(true);
  });
});
