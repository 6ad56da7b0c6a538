/**
 * Draws the app icons and writes them into appPackage/. Run once after a design change:
 *   npx tsx scripts/make-icons.ts
 * The PNGs are committed; a test checks they still match what this draws.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawColorIcon, drawOutlineIcon } from './app-package/icons';
import { encodePng } from './app-package/png';

const dir = path.join(__dirname, '..', 'appPackage');
writeFileSync(path.join(dir, 'color.png'), encodePng(drawColorIcon()));
writeFileSync(path.join(dir, 'outline.png'), encodePng(drawOutlineIcon()));
console.log('Wrote appPackage/color.png (192x192) and appPackage/outline.png (32x32).');
