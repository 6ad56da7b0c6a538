import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '@/kernel/action';
import { reminderCard } from '@/reminders/reminder-card';
import { handleReminderAction } from '@/reminders/reminder-action';
import { REMINDER_VERBS, type ReminderVerb } from '@/reminders/reminder-verbs';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { assistant, buildNewAction, senco, teacher } from '@tests/support/factories';
import { cardText, clickData } from '@tests/reminders/support/card-clicks';

/**
 * The route × role matrix of the tab API (tab-api-roles.test.ts), for reminder-card buttons and refreshes:
 * the same access rule as the tab. The item is Tom's (the owner), created by Priya (the SENCO, SEND lead);
 * Grace is another member of staff.
 */
const NOW = new Date('2026-04-21T07:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-card-roles-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const people: Record<'owner' | 'sendLead' | 'otherStaff', Actor> = {
  owner: { id: teacher.id, name: teacher.name },
  sendLead: { id: senco.id, name: senco.name },
  otherStaff: { id: assistant.id, name: assistant.name },
};
const CHANGES: [ReminderVerb, string][] = [
  [REMINDER_VERBS.done, 'done'],
  [REMINDER_VERBS.inProgress, 'in_progress'],
  [REMINDER_VERBS.waiting, 'waiting'],
  [REMINDER_VERBS.snooze, 'open'],
];

let n = 0;
async function ownersCard() {
  const repo = new SqliteActionRepository(openDatabase(path.join(dir, `roles-${++n}.db`)), () => NOW);
  const [action] = await repo.createMany(
    [buildNewAction({ owner: teacher, dueDate: '2026-04-21', description: 'Phone J.B. parent' })],
    people.sendLead,
  );
  const card = reminderCard({
    owner: { id: teacher.id, name: teacher.name },
    audience: 'owner',
    items: [{ action: action!, kind: 'due' }],
    today: '2026-04-21',
  });
  return { repo, action: action!, card, deps: { repo, sendTeamIds: [senco.id], now: () => NOW } };
}

describe('reminder-card buttons and refreshes follow the tab’s access rule', () => {
  for (const [verb, status] of CHANGES) {
    for (const who of ['owner', 'sendLead'] as const) {
      it(`${verb} by the ${who} changes the item`, async () => {
        const { repo, action, card, deps } = await ownersCard();
        await handleReminderAction(deps, verb, clickData(card, verb, action.id), people[who]);
        const stored = await repo.get(action.id);
        expect(stored.version).toBe(2);
        expect(stored.status).toBe(status);
      });
    }

    it(`${verb} by other staff changes nothing and shows nothing of the item`, async () => {
      const { repo, action, card, deps } = await ownersCard();
      const answer = await handleReminderAction(deps, verb, clickData(card, verb, action.id), people.otherStaff);
      expect(await repo.get(action.id)).toMatchObject({ version: 1, status: 'open' });
      expect(cardText(answer)).not.toContain('Phone J.B. parent');
      expect(JSON.stringify(answer)).not.toContain(action.id);
    });
  }

  it('a refresh shows the owner and the SEND lead the item, and other staff nothing', async () => {
    const { action, card, deps } = await ownersCard();
    const refresh = (card.refresh as { action: { data: unknown } }).action.data;
    for (const who of ['owner', 'sendLead'] as const) {
      expect(cardText(await handleReminderAction(deps, REMINDER_VERBS.refresh, refresh, people[who]))).toContain('Phone J.B. parent');
    }
    const other = await handleReminderAction(deps, REMINDER_VERBS.refresh, refresh, people.otherStaff);
    expect(cardText(other)).not.toContain('Phone J.B. parent');
    expect(JSON.stringify(other)).not.toContain(action.id);
  });

  for (const audience of ['lead', 'owner'] as const) {
    it(`a ${audience} card refreshed by other staff, its data forged to list someone else’s item, shows nothing of it`, async () => {
      const { action, deps } = await ownersCard();
      const forged = { ownerId: assistant.id, ownerName: assistant.name, audience, items: [{ actionId: action.id, version: 1 }] };
      const answer = await handleReminderAction(deps, REMINDER_VERBS.refresh, forged, people.otherStaff);
      expect(cardText(answer)).not.toContain('Phone J.B. parent');
      expect(JSON.stringify(answer)).not.toContain(action.id);
    });
  }
});
