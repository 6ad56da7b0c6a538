import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { composeDigestEmail } from '@/digest/compose-digest-email';
import { deepLinks } from '@/digest/deep-links';
import { hostileContents, lead } from './support/hostile-content';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@tests/browser/support/chromium';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/digest');
const AXE = require.resolve('axe-core/axe.min.js');

// The SEND lead's email is the longest: their own items plus the whole-school picture.
const html = composeDigestEmail(
  hostileContents().find((c) => c.recipient.id === lead.id)!,
  deepLinks({ publicUrl: 'https://tracker.oakfield.example' }),
  'Oakfield Primary (demo)',
).html;
const ownerHtml = composeDigestEmail(
  hostileContents().find((c) => c.recipient.id !== lead.id)!,
  deepLinks({ publicUrl: 'https://tracker.oakfield.example' }),
  'Oakfield Primary (demo)',
).html;

describe('the digest HTML in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }, 30_000);
  afterAll(() => browser?.close());

  async function render(width: number, body: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme, javaScriptEnabled: true });
    await page.setContent(body, { waitUntil: 'load' });
    return page;
  }

  it.each([
    ['desktop', 1024],
    ['phone', 375],
  ])('fits the %s width without sideways scrolling', async (name, width) => {
    for (const [who, body] of [
      ['lead', html],
      ['owner', ownerHtml],
    ] as const) {
      const page = await render(width, body);
      await page.screenshot({ path: path.join(ARTIFACTS, `digest-${who}-${name}-${width}.png`), fullPage: true });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await page.close();
    }
  });

  it('keeps the email column at most 600px wide on a desktop screen', async () => {
    const page = await render(1024, html);
    const widths = await page.$$eval('table[role="presentation"]', (tables) => tables.map((t) => t.getBoundingClientRect().width));
    // The outer table spans the page; the content column and everything in it are capped.
    expect(widths.slice(1).every((w) => w <= 600)).toBe(true);
    expect(Math.max(...widths.slice(1))).toBeGreaterThan(500);
    await page.close();
  });

  it('shows markup typed into an action as text and runs none of it', async () => {
    const page = await render(375, html);
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned);
    expect(pwned).toBeUndefined();
    await expect(page.locator('text=<script>window.__pwned = true</script> **Ring**').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  // With `color-scheme: light dark`, a dark-mode browser paints unstyled text light: any text left without
  // an explicit colour on our explicit light backgrounds would fail contrast here.
  it('has enough colour contrast for every piece of text, in light and dark mode (axe color-contrast)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await render(1024, html, scheme);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
        return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
      });
      if (scheme === 'dark') await page.screenshot({ path: path.join(ARTIFACTS, 'digest-lead-dark-1024.png'), fullPage: true });
      expect(violations).toEqual([]);
      await page.close();
    }
  });
});
