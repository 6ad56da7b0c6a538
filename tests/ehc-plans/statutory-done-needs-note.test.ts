import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { handleReminderAction } from '@/reminders/reminder-action';
import { evidenceInputId, REMINDER_VERBS } from '@/reminders/reminder-verbs';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { buildNewAction, senco, sencoActor, teacher } from '@tests/support/factories';
import { cardText } from '@tests/reminders/support/card-clicks';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-statutory-done-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('closes a statutory step from its reminder only with the note the owner types, and an ordinary item without one', async () => {
  const now = () => new Date('2026-10-29T08:00:00Z');
  const repo = new SqliteActionRepository(openDatabase(path.join(dir, 'done.db')), now);
  const [statutory, ordinary] = await repo.createMany(
    [
      buildNewAction({
        owner: teacher,
        dueDate: '2026-10-29',
        description: 'Send annual review invitations and circulate the advice gathered',
        statutory: { step: 'review-invitations', cycle: '2025-11-25' },
      }),
      buildNewAction({ owner: teacher, dueDate: '2026-10-29', description: 'Share the one-page profile' }),
    ],
    sencoActor,
  );
  const deps = { repo, sendTeamIds: [senco.id], now };
  const click = (id: string, extra: Record<string, unknown> = {}) =>
    handleReminderAction(
      deps,
      REMINDER_VERBS.done,
      { ownerId: teacher.id, ownerName: teacher.name, actionId: id, version: 1, ...extra },
      teacher,
    );

  const refused = await click(statutory!.id);
  expect(cardText(refused)).toContain('Nothing was changed: a statutory step needs a note');
  expect(await repo.get(statutory!.id)).toMatchObject({ status: 'open', version: 1 });

  await click(statutory!.id, { [evidenceInputId(statutory!.id)]: 'Sent to parents, EP and the LA officer on 28 October' });
  expect(await repo.get(statutory!.id)).toMatchObject({
    status: 'done',
    closingNote: 'Sent to parents, EP and the LA officer on 28 October',
  });

  await click(ordinary!.id);
  expect(await repo.get(ordinary!.id)).toMatchObject({ status: 'done', closingNote: 'Marked done from the reminder card' });
});
