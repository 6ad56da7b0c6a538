import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PUPILS, DEMO_STAFF } from '@/app/demo/school';
import { buildNewAction } from '@tests/support/factories';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { fillDate } from './support/fill-date';
import { startApp, type RunningApp } from './support/start-app';
import { useTabInBrowser } from './support/use-tab-in-browser';

/**
 * The built tab, served by the real server over a real SQLite file, driven in headless Chromium.
 * beforeAll builds the tab with the project's Vite config into a temp folder (about 5 s), so the
 * test never depends on a stale dist/.
 */
jest.setTimeout(180_000);

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/tab');

let tabDir: string;
let app: RunningApp;
let page: Page;

useTabInBrowser(
  (parts) => ({ tabDir, app } = parts),
  (p) => (page = p),
);
beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));

const open = async (query: string) => {
  await page.goto(`${app.url}/tab/${query}`);
};
const dialog = () => page.getByRole('dialog');

describe('the tracker tab in a browser', () => {
  it('filters by owner, changes an item status, and the change survives a reload', async () => {
    await open('?view=tracker');
    await page.getByLabel('Owner').selectOption({ label: DEMO_STAFF.assistant.name });
    const owned = (await app.repo.query({ ownerId: DEMO_STAFF.assistant.id })).length;
    await page.getByRole('table', { name: `Open items: ${owned} matching` }).waitFor();
    const ownerCells = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(ownerCells).toHaveLength(owned);
    expect(new Set(ownerCells)).toEqual(new Set([DEMO_STAFF.assistant.name]));

    const row = page.locator('tbody tr').first();
    const id = (await row.getAttribute('data-action-id'))!;
    expect((await app.repo.get(id)).status).toBe('open');
    await row.getByRole('button').click();
    await dialog().getByLabel('Status').selectOption({ label: 'In progress' });
    await dialog().getByText('Status saved.').waitFor();

    await page.reload();
    await expect(dialog().getByLabel('Status').inputValue()).resolves.toBe('in_progress');
    expect(page.url()).toContain(`id=${id}`);
    expect(page.url()).toContain(`owner=${DEMO_STAFF.assistant.id}`);
    const stored = await app.repo.get(id);
    expect(stored.status).toBe('in_progress');
    expect((await app.repo.history(id)).at(-1)).toMatchObject({ kind: 'updated', actor: { id: DEMO_STAFF.senco.id } });
  });

  it('shows a conflict and reloads instead of overwriting a change made by someone else', async () => {
    const [target] = await app.repo.query({ ownerId: DEMO_STAFF.familyLiaison.id });
    await open(`?view=item&id=${target!.id}`);
    await dialog().getByLabel('Status').waitFor();
    const theirs = await app.repo.update(
      target!.id,
      target!.version,
      { status: 'waiting', note: 'Waiting for the parent to call back' },
      DEMO_STAFF.familyLiaison,
    );

    await dialog().getByLabel('Status').selectOption({ label: 'In progress' });
    await dialog().getByText('Someone else changed this item — reloaded', { exact: false }).waitFor();
    await expect(dialog().getByLabel('Status').inputValue()).resolves.toBe('waiting');
    expect(await app.repo.get(target!.id)).toEqual(theirs);
  });

  it('reassigns an item, adds a note and evidence, closes it to the archive and reopens it', async () => {
    const [target] = await app.repo.query({ ownerId: DEMO_STAFF.keyStage2Lead.id });
    await open(`?view=item&id=${target!.id}`);
    await dialog().getByLabel('Owner').selectOption({ label: DEMO_STAFF.familyLiaison.name });
    await dialog().getByText(`Now owned by ${DEMO_STAFF.familyLiaison.name}.`).waitFor();
    await dialog().getByLabel('Add a note').fill('Spoke to mum at pick-up');
    await dialog().getByRole('button', { name: 'Save note' }).click();
    await dialog().getByText('Note added.').waitFor();
    await dialog().getByLabel('Evidence link').fill('https://oakfield.example/sites/send/letter.docx');
    await dialog().getByRole('button', { name: 'Save link' }).click();
    await dialog().getByText('Evidence link saved.').waitFor();
    await dialog().getByLabel('Parked').check();
    await dialog().getByLabel('Closing note').fill('Parent asked to pause until after the holidays');
    await dialog().getByRole('button', { name: 'Close item' }).click();
    await dialog().getByText('Closed and moved to the archive.').waitFor();

    const closed = await app.repo.get(target!.id);
    expect(closed).toMatchObject({
      status: 'parked',
      owner: { id: DEMO_STAFF.familyLiaison.id },
      evidenceUrl: 'https://oakfield.example/sites/send/letter.docx',
      closingNote: 'Parent asked to pause until after the holidays',
    });
    await open('?view=archive');
    await page.locator(`tr[data-action-id="${target!.id}"]`).getByRole('button').click();
    await dialog().getByLabel('Why is it being reopened?').fill('Holidays over, picking it back up');
    await dialog().getByRole('button', { name: 'Reopen item' }).click();
    await dialog().getByText('Reopened.').waitFor();
    expect((await app.repo.get(target!.id)).status).toBe('open');
    expect((await app.repo.history(target!.id)).map((h) => h.kind)).toEqual([
      'created',
      'updated',
      'updated',
      'updated',
      'closed',
      'reopened',
    ]);
  });

  it('corrects every detail of an item in the panel, each refusal beside its field, long text counted', async () => {
    const [target] = await app.repo.createMany(
      [buildNewAction({ pupil: DEMO_PUPILS[0]!, owner: DEMO_STAFF.keyStage2Lead, description: 'Send the sleep diary home' })],
      DEMO_STAFF.senco,
    );
    const otherPupil = DEMO_PUPILS[1]!;
    await open(`?view=item&id=${target!.id}`);
    const action = dialog().getByLabel('Action', { exact: true });
    await action.fill('');
    await dialog().getByRole('button', { name: 'Save details' }).click();
    // Fluent ties the message to its field: it is the field's description, not a banner at the top.
    // (The message comes with the server's 400, so it is waited for before the field is read.)
    await dialog().getByText('must not be empty').waitFor();
    await expect(action.getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await app.repo.get(target!.id)).version).toBe(target!.version);

    await action.fill('x'.repeat(600));
    expect((await action.inputValue()).length).toBe(500); // the box stops at the limit, and says so
    await dialog().getByText('500 / 500 characters').waitFor();
    await action.fill('Send the sleep diary home and agree a review date');
    await dialog().getByLabel('Type').selectOption({ label: 'Intervention' });
    await dialog().getByLabel('Pupil', { exact: true }).selectOption({ value: otherPupil.id });
    await fillDate(dialog().getByLabel('Due date'), '2027-02-12');
    await fillDate(dialog().getByLabel('Next review'), '2027-03-05');
    await dialog().getByRole('button', { name: 'Save details' }).click();
    await dialog().getByText('Details saved.').waitFor();
    expect(await app.repo.get(target!.id)).toMatchObject({
      description: 'Send the sleep diary home and agree a review date',
      itemType: 'intervention',
      pupil: { id: otherPupil.id },
      dueDate: '2027-02-12',
      nextReviewDate: '2027-03-05',
      version: target!.version + 1,
    });
    await fillDate(dialog().getByLabel('Next review'), '');
    await dialog().getByRole('button', { name: 'Save details' }).click();
    await dialog().getByText('Details saved.').waitFor();
    await expect(app.repo.get(target!.id)).resolves.toMatchObject({ nextReviewDate: null, version: target!.version + 2 });
  });

  it('shows and takes dates day first in an en-US browser, typed or picked from the calendar', async () => {
    const [target] = await app.repo.createMany(
      [
        buildNewAction({
          pupil: DEMO_PUPILS[0]!,
          owner: DEMO_STAFF.keyStage2Lead,
          dueDate: '2027-02-03',
          description: 'Book the OT visit',
        }),
      ],
      DEMO_STAFF.senco,
    );
    const american = await launchChromium({ locale: 'en-US' });
    try {
      const us = await american.context.newPage();
      await us.goto(`${app.url}/tab/?view=item&id=${target!.id}`);
      expect(await us.evaluate(() => navigator.language)).toBe('en-US');
      const due = us.getByRole('dialog').getByLabel('Due date');
      await expect(due.inputValue()).resolves.toBe('03/02/2027'); // 3 February, not 2 March
      // Typed the American way round, it is refused beside the field and the date stays as it was.
      await due.fill('02/13/2027');
      await due.press('Tab');
      await us.getByRole('dialog').getByText('Type the date as dd/mm/yyyy').waitFor();
      await expect(due.inputValue()).resolves.toBe('03/02/2027');
      // Picked from Fluent's calendar: weeks start on Monday, and the day picked is the day saved.
      await due.click();
      await us.locator('[role="grid"]').first().waitFor();
      const firstWeekday = await us.locator('[role="grid"] th').first().textContent();
      expect(firstWeekday?.trim()).toMatch(/^M/);
      await us.locator('[role="grid"] button', { hasText: /^17$/ }).first().click();
      await expect(due.inputValue()).resolves.toBe('17/02/2027');
      await us.getByRole('dialog').getByRole('button', { name: 'Save details' }).click();
      await us.getByRole('dialog').getByText('Details saved.').waitFor();
      await expect(app.repo.get(target!.id)).resolves.toMatchObject({ dueDate: '2027-02-17' });
    } finally {
      await american.close();
    }
  });

  it('shows the weekly check-in as the statutory deadlines, then four sections with counts, then documents past review', async () => {
    await open('?view=check-in');
    await page.locator('#check-in-needsEscalation').waitFor();
    await page.getByRole('heading', { name: /^Statutory deadlines to / }).waitFor();
    await page.getByRole('heading', { name: /^Documents past their review date/ }).waitFor();
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.map((h) => h.replace(/ \(\d+\)$/, '').replace(/ to .*$/, ''))).toEqual([
      'Statutory deadlines',
      'Overdue',
      'Due this week',
      'Waiting on someone',
      'Needs escalation',
      'Documents past their review date',
    ]);
    expect(headings.every((h) => /\(\d+\)$/.test(h))).toBe(true);
  });

  it('opens a pupil from a deep link with every item, archived ones included', async () => {
    await open('?view=pupil&pupil=p-0005');
    const all = (await app.repo.query({ pupilId: 'p-0005', includeArchived: true })).length;
    await page.getByRole('heading', { name: new RegExp(`: ${all} items?$`) }).waitFor();
    await expect(page.getByText('(archived)', { exact: false }).count()).resolves.toBeGreaterThan(0);
  });

  it('shows a member of staff outside the SEND team only their own items, and explains the 403 on the check-in', async () => {
    const teacherApp = await startApp({ tabDir, user: { ...DEMO_STAFF.year4Teacher, sendTeam: false } });
    try {
      await page.goto(`${teacherApp.url}/tab/?view=tracker`);
      await page.locator('tbody tr').first().waitFor();
      const owners = await page.locator('tbody tr td:nth-child(4)').allTextContents();
      expect(new Set(owners)).toEqual(new Set([DEMO_STAFF.year4Teacher.name]));
      await page.goto(`${teacherApp.url}/tab/?view=check-in`);
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'You do not have access to this. The weekly check-in is for the SEND team.',
      );
      const [someoneElses] = await teacherApp.repo.query({ ownerId: DEMO_STAFF.senco.id });
      await page.goto(`${teacherApp.url}/tab/?view=item&id=${someoneElses!.id}`);
      await expect(dialog().getByRole('alert').textContent()).resolves.toContain('This item was not found');
    } finally {
      await teacherApp.close();
    }
  });

  const VIEWS: [name: string, query: string, ready: (p: Page) => Promise<unknown>][] = [
    ['tracker', '?view=tracker', (p) => p.locator('tbody tr').first().waitFor()],
    ['check-in', '?view=check-in', (p) => p.locator('#check-in-needsEscalation').waitFor()],
    ['my-actions', '?view=my-actions', (p) => p.getByRole('table', { name: /^Items you own/ }).waitFor()],
    ['pupil', '?view=pupil&pupil=p-0001', (p) => p.getByRole('heading', { name: /^J\.B\.:/ }).waitFor()],
    ['archive', '?view=archive', (p) => p.getByRole('table', { name: /^Closed items/ }).waitFor()],
    ['item', '?view=item&id=FIRST', (p) => p.getByRole('dialog').getByRole('listitem').first().waitFor()],
  ];
  const THEMES = ['light', 'dark', 'contrast'];

  it.each(THEMES)('has no axe violations in any view in the %s theme (screenshots kept)', async (theme) => {
    const first = (await app.repo.query())[0]!.id;
    const failures: string[] = [];
    for (const [name, query, ready] of VIEWS) {
      await open(`${query.replace('FIRST', first)}&theme=${theme}`);
      await ready(page);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${theme}.png`), fullPage: true });
      for (const v of await axeViolations(page))
        failures.push(`${name}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(THEMES)(
    'fits a 375 px phone in the %s theme: cards, a view menu, filters behind one button, the panel inside the screen',
    async (theme) => {
      await page.setViewportSize({ width: 375, height: 812 });
      try {
        const failures: string[] = [];
        const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await open(`?view=tracker&theme=${theme}`);
        await page
          .getByRole('region', { name: /^Open items: / })
          .getByRole('listitem')
          .first()
          .waitFor();
        expect(await page.getByRole('table').count()).toBe(0);
        expect(await overflow()).toBeLessThanOrEqual(0);
        // Every card shows its due date and status without scrolling sideways.
        const card = page
          .getByRole('region', { name: /^Open items: / })
          .getByRole('listitem')
          .first();
        await expect(card.getByText('Status').isVisible()).resolves.toBe(true);
        expect(await page.getByLabel('Pupil').count()).toBe(0); // folded
        await page.getByRole('button', { name: /^Filters/ }).click();
        await page.getByLabel('Pupil').waitFor();
        const [someone] = await app.repo.query();
        await page.getByLabel('Owner').selectOption({ value: someone!.owner.id });
        await page.getByRole('button', { name: 'Filters (1)' }).waitFor();
        expect(await overflow()).toBeLessThanOrEqual(0);
        for (const v of await axeViolations(page)) failures.push(`tracker: ${v.id} ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
        await page.screenshot({ path: path.join(ARTIFACTS, `narrow-tracker-${theme}.png`), fullPage: true });

        await page.getByLabel('View', { exact: true }).selectOption({ label: 'Weekly check-in' });
        await page.locator('#check-in-needsEscalation').waitFor();
        expect(await overflow()).toBeLessThanOrEqual(0);
        for (const v of await axeViolations(page)) failures.push(`check-in: ${v.id} ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);

        const [item] = await app.repo.query();
        await app.repo.update(
          item!.id,
          item!.version,
          { evidenceUrl: `https://oakfield.sharepoint.com/sites/send/${'Shared%20Documents/'.repeat(8)}plan.docx` },
          DEMO_STAFF.senco,
        );
        await open(`?view=item&id=${item!.id}&theme=${theme}`);
        const evidence = dialog().getByRole('link', { name: 'plan.docx on oakfield.sharepoint.com' });
        await evidence.waitFor();
        const box = (await evidence.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(375);
        const surface = (await dialog().boundingBox())!;
        expect(surface.x).toBeGreaterThanOrEqual(0);
        expect(surface.x + surface.width).toBeLessThanOrEqual(375);
        for (const v of await axeViolations(page)) failures.push(`item: ${v.id} ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
        await page.screenshot({ path: path.join(ARTIFACTS, `narrow-item-${theme}.png`), fullPage: true });
        expect(failures).toEqual([]);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
  );

  it('shows a change made in another tab within seconds, highlighted, and warns an open panel without losing what is typed there', async () => {
    const [item] = await app.repo.createMany(
      [buildNewAction({ pupil: DEMO_PUPILS[2]!, owner: DEMO_STAFF.senco, description: 'Live update check', dueDate: '2026-12-02' })],
      DEMO_STAFF.senco,
    );
    await open('?view=tracker&q=live%20update%20check');
    const row = page.locator(`tr[data-action-id="${item!.id}"]`);
    await row.waitFor();
    const other = await page.context().newPage();
    try {
      await other.goto(`${app.url}/tab/?view=item&id=${item!.id}`);
      await other.getByRole('dialog').getByLabel('Status').selectOption({ label: 'Waiting on someone' });
      await other.getByRole('dialog').getByText('Status saved.').waitFor();
      // The first tab was not reloaded by anyone: the change feed brings it.
      await row.and(page.locator('[data-changed]')).waitFor({ timeout: 15_000 });
      await expect(row.textContent()).resolves.toContain('Waiting on someone');

      await page.goto(`${app.url}/tab/?view=item&id=${item!.id}`);
      await dialog().getByLabel('Add a note').fill('Typed while someone else saves');
      const latest = await app.repo.get(item!.id);
      await app.repo.update(item!.id, latest.version, { note: 'Saved elsewhere' }, DEMO_STAFF.keyStage2Lead);
      await dialog().getByText('Someone else has just changed this item', { exact: false }).waitFor({ timeout: 15_000 });
      await expect(dialog().getByLabel('Add a note').inputValue()).resolves.toBe('Typed while someone else saves');
    } finally {
      await other.close();
    }
  });

  it('asks the server for one page of the list on opening, and for the next page or a search only when asked', async () => {
    const staff = DEMO_STAFF.keyStage2Lead;
    const pupil = DEMO_PUPILS[0]!;
    await app.repo.createMany(
      Array.from({ length: 120 }, (_, i) =>
        buildNewAction({ pupil, owner: staff, description: `Paged review ${i}`, dueDate: '2027-01-15', idempotencyKey: `paging-${i}` }),
      ),
      DEMO_STAFF.senco,
    );
    const total = (await app.repo.page({ limit: 1 })).total;
    const lists: string[] = [];
    const onRequest = (r: { url: () => string }) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/actions') lists.push(url.search);
    };
    page.on('request', onRequest);
    try {
      await open('?view=tracker');
      await page.getByRole('table', { name: `Open items: ${total.toLocaleString('en-GB')} matching` }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(50);
      expect(lists).toEqual(['?limit=50']);

      await page.getByRole('button', { name: 'Next page' }).click();
      await page
        .getByText(/Showing 51–100 of/)
        .first()
        .waitFor();
      expect(lists.at(-1)).toBe('?offset=50&limit=50');

      await page.getByLabel('Search').fill('paged review 11');
      await page.getByRole('table', { name: 'Open items: 11 matching' }).waitFor(); // 11 and 110–119
      expect(lists.filter((q) => q.includes('q=')).length).toBe(1); // typing rests before asking
    } finally {
      page.off('request', onRequest);
    }
  });
});
