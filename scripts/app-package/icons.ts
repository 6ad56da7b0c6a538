import type { RgbaImage } from './png';

type Rgb = readonly [number, number, number];

const BRAND: Rgb = [0x2e, 0x6b, 0x5e]; // the manifest's accentColor
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** Samples per pixel side for anti-aliasing: 4x4 keeps edges smooth at 32 px. */
const SAMPLES = 4;

/** Signed distance from point p to the segment a-b, minus half the stroke width (<0 = inside). */
function strokeDistance(px: number, py: number, a: readonly [number, number], b: readonly [number, number], half: number): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) - half;
}

function insideRoundedSquare(x: number, y: number, inset: number, radius: number): boolean {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const cx = Math.max(lo, Math.min(hi, x));
  const cy = Math.max(lo, Math.min(hi, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** The tick, in unit coordinates (0..1), drawn as two round-capped strokes. */
const TICK: ReadonlyArray<readonly [number, number]> = [
  [0.27, 0.52],
  [0.43, 0.68],
  [0.74, 0.34],
];

function insideTick(x: number, y: number, half: number): boolean {
  return strokeDistance(x, y, TICK[0]!, TICK[1]!, half) <= 0 || strokeDistance(x, y, TICK[1]!, TICK[2]!, half) <= 0;
}

/** Renders a unit-square shape function into an anti-aliased RGBA image. */
function render(size: number, shade: (x: number, y: number) => { rgb: Rgb; alpha: number } | null): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const hit = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!hit) continue;
          r += hit.rgb[0] * hit.alpha;
          g += hit.rgb[1] * hit.alpha;
          b += hit.rgb[2] * hit.alpha;
          a += hit.alpha;
        }
      }
      const i = (py * size + px) * 4;
      const n = SAMPLES * SAMPLES;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round((a / n) * 255);
    }
  }
  return { width: size, height: size, pixels };
}

/** The 192x192 full-colour icon: a white tick on a brand-green rounded square (opaque corners excluded). */
export function drawColorIcon(): RgbaImage {
  return render(192, (x, y) => {
    if (insideTick(x, y, 0.055)) return { rgb: WHITE, alpha: 1 };
    if (insideRoundedSquare(x, y, 0.04, 0.2)) return { rgb: BRAND, alpha: 1 };
    return null;
  });
}

/**
 * The 32x32 outline icon: white on transparent, as Teams requires (it tints it for the app bar).
 * A rounded-square ring with the same tick inside.
 */
export function drawOutlineIcon(): RgbaImage {
  return render(32, (x, y) => {
    const ring = insideRoundedSquare(x, y, 0.06, 0.22) && !insideRoundedSquare(x, y, 0.06 + 0.085, 0.22 - 0.085);
    if (ring || insideTick(x, y, 0.06)) return { rgb: WHITE, alpha: 1 };
    return null;
  });
}
