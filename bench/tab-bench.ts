import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DEMO_PUPILS, DEMO_STAFF } from '@/app/demo/school';
import type { NewActionInput } from '@/kernel/action';
import { addDays, londonDate } from '@/kernel/dates';
import { ITEM_TYPES } from '@/kernel/item-type';
import { buildTab } from '@tests/browser/support/build-tab';
import { launchChromium } from '@tests/browser/support/chromium';
import { startApp } from '@tests/browser/support/start-app';

/** What `measureTab()` reports. Sizes in bytes, times in milliseconds. */
export interface TabFigures {
  initialJs: { files: string[]; raw: number; gzip: number };
  allJs: { raw: number; gzip: number };
  rows: number;
  /** Navigation start to page 1 of the tracker on screen (in-page clock). */
  firstRenderMs: number;
  /** Choosing an owner in the filter to the filtered page painted (in-page clock). */
  filterChangeMs: number;
}

/** Bytes of the JS the first page load fetches: the entry script and its modulepreloads. */
export function initialJsSize(tabDir: string): TabFigures['initialJs'] & { all: { raw: number; gzip: number } } {
  const html = fs.readFileSync(path.join(tabDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/tab\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const size = (file: string) => {
    const bytes = fs.readFileSync(path.join(tabDir, file));
    return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const sum = (list: string[]) => list.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const all = fs
    .readdirSync(path.join(tabDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return { files, ...sum(files), all: sum(all) };
}

/** `count` varied open actions spread over the demo pupils and staff, due around today. */
function manyActions(count: number): NewActionInput[] {
  const today = londonDate(new Date());
  const staff = Object.values(DEMO_STAFF);
  return Array.from({ length: count }, (_, i) => ({
    pupil: DEMO_PUPILS[i % DEMO_PUPILS.length]!,
    itemType: ITEM_TYPES[i % ITEM_TYPES.length]!,
    description: `Benchmark action ${i}: review progress and agree next steps`,
    owner: staff[(i * 7) % staff.length]!,
    dueDate: addDays(today, (i % 120) - 30),
    source: { eventType: 'sen_support_meeting' as const, title: 'Benchmark' },
  }));
}

/**
 * Builds the tab, serves it over a SQLite store of ~`rows` actions and measures it in headless
 * Chromium. Figures only: nothing here asserts a time.
 */
export async function measureTab({ rows = 5000 }: { rows?: number } = {}): Promise<TabFigures> {
  const tabDir = await buildTab();
  const app = await startApp({ tabDir, extra: manyActions(rows) });
  const browser = await launchChromium();
  try {
    const { all, ...initialJs } = initialJsSize(tabDir);
    const total = (await app.repo.query()).length;
    const page = await browser.context.newPage();
    await page.goto(`${app.url}/tab/?view=tracker`);
    await page.locator('tbody tr').nth(49).waitFor();
    const firstRenderMs = await page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
    );
    const filterChangeMs = await page.evaluate(async (ownerId) => {
      const select = [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === ownerId))!;
      const start = performance.now();
      select.value = ownerId;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      // React commits a discrete event synchronously; wait for the next frame so paint is counted.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - start;
    }, DEMO_STAFF.assistant.id);
    return { initialJs, allJs: all, rows: total, firstRenderMs: Math.round(firstRenderMs), filterChangeMs: Math.round(filterChangeMs) };
  } finally {
    await browser.close();
    await app.close();
    fs.rmSync(tabDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureTab().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
