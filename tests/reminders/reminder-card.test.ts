import { reminderCard } from '@/reminders/reminder-card';
import { REMINDER_VERBS } from '@/reminders/reminder-verbs';
import { cardText } from './support/card-clicks';
import { buildAction, teacher } from '@tests/support/factories';

const owner = { id: teacher.id, name: teacher.name };

describe('reminder card', () => {
  it('is an Adaptive Card 1.5 whose buttons are Universal Actions carrying the item id and version', () => {
    const action = buildAction({ dueDate: '2026-04-21' });
    const card = reminderCard({ owner, audience: 'owner', items: [{ action, kind: 'due' }], today: '2026-04-21' });
    const json = JSON.stringify(card);
    expect(card.version).toBe('1.5');
    for (const verb of [REMINDER_VERBS.done, REMINDER_VERBS.inProgress, REMINDER_VERBS.waiting, REMINDER_VERBS.snooze]) {
      expect(json).toContain(`"verb":"${verb}","data":{"ownerId":"${teacher.id}"`);
    }
    expect(json).toContain(`"actionId":"${action.id}","version":1`);
    expect(json).toContain('"type":"Action.ShowCard","title":"Done"');
    expect(cardText(card)).toContain('Due today (Tue 21 Apr 2026)');
  });

  it('says how overdue an item is in calendar days', () => {
    const card = reminderCard({
      owner,
      audience: 'owner',
      items: [{ action: buildAction({ dueDate: '2026-04-10' }), kind: 'overdue' }],
      today: '2026-04-21',
    });
    expect(cardText(card)).toContain('Overdue by 11 days (due Fri 10 Apr 2026)');
  });

  it('stays under the 28 KB Teams limit with 40 long items and their fallbacks, listing 8 and counting the rest', () => {
    const items = Array.from({ length: 40 }, () => ({
      action: buildAction({ description: 'x'.repeat(500), pupil: { id: 'p-1', name: 'y'.repeat(120), yearGroup: 4 } }),
    }));
    const card = reminderCard({ owner, audience: 'owner', items, today: '2026-04-21' });
    const bytes = Buffer.byteLength(JSON.stringify(card));
    process.stdout.write(`reminder card with 40 long items (8 shown): ${bytes} bytes\n`);
    expect(bytes).toBeLessThan(28 * 1024);
    expect(cardText(card)).toContain('…and 32 more in the tracker.');
  });

  it('shows Markdown typed into an item as typed: a pasted link is text, never a link', () => {
    const action = buildAction({
      description: 'Read [the plan](https://phish.example) *now*',
      pupil: { id: 'p-1', name: '**J.B.**', yearGroup: 4 },
    });
    const card = reminderCard({ owner, audience: 'owner', items: [{ action, kind: 'due' }], today: '2026-04-21' });
    // TextBlocks read Markdown; TextRuns never do. What people typed must only ever be a TextRun.
    const blocks: string[] = [];
    const runs: string[] = [];
    JSON.stringify(card, (_key, value: { type?: string; text?: string }) => {
      if (value?.type === 'TextBlock') blocks.push(String(value.text));
      if (value?.type === 'TextRun') runs.push(String(value.text));
      return value;
    });
    expect(blocks.join(' ')).not.toContain('phish');
    expect(runs).toContain('**J.B.**: Read [the plan](https://phish.example) *now*');
    expect(cardText(card)).toContain('**J.B.**: Read [the plan](https://phish.example) *now*');
  });
});
