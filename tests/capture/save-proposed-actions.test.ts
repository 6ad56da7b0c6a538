import { saveProposedActions, type ConfirmedItem } from '@/capture/save-proposed-actions';
import { DEMO_PUPILS } from '@/app/demo/school';
import { ValidationError } from '@/kernel/errors';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { senco, sencoActor, teacher } from '@tests/support/factories';

const item = (overrides: Partial<ConfirmedItem> = {}): ConfirmedItem => ({
  index: 0,
  description: "Phone J.B.'s parent",
  ownerId: teacher.id,
  role: null,
  due: '2026-04-24',
  pupilId: DEMO_PUPILS[0]!.id,
  itemType: 'parent_follow_up',
  ...overrides,
});

function setup() {
  const repo = new SqliteActionRepository(openDatabase(':memory:'), () => new Date('2026-04-23T09:00:00Z'));
  const people = new Map([teacher, senco].map((p) => [p.id, p]));
  const deps = { repo, pupils: DEMO_PUPILS, findPerson: async (id: string) => people.get(id) ?? null };
  const input = (items: ConfirmedItem[]) => ({
    messageId: '1745400000001',
    conversationId: '19:meeting_x@thread.v2',
    eventType: 'sen_support_meeting' as const,
    items,
  });
  return { repo, deps, input };
}

describe('saveProposedActions', () => {
  it('saves each item with the idempotency key messageId#index, and saving again returns the same actions', async () => {
    const { repo, deps, input } = setup();
    const items = [item(), item({ index: 3, ownerId: senco.id, description: 'Update the support plan', itemType: 'support_plan_update' })];
    const first = await saveProposedActions(deps, input(items), sencoActor);
    expect(first.map((a) => a.idempotencyKey)).toEqual(['1745400000001#0', '1745400000001#3']);
    const again = await saveProposedActions(deps, input(items), sencoActor);
    expect(again.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(await repo.query()).toHaveLength(2);
  });

  it('saves a parent’s or professional’s part with a member of staff to chase it: the one chosen, or the saver', async () => {
    const { deps, input } = setup();
    const [mine, toms] = await saveProposedActions(
      deps,
      input([item({ ownerId: null, role: 'parent' }), item({ index: 1, ownerId: teacher.id, role: 'ep' })]),
      sencoActor,
    );
    expect(mine).toMatchObject({ owner: { id: senco.id }, outsideOwner: 'parent' });
    expect(toms).toMatchObject({ owner: { id: teacher.id }, outsideOwner: 'ep' });
  });

  it('refuses items with no owner person, an unresolved role, an unknown owner, no date or no pupil, and writes nothing', async () => {
    const { repo, deps, input } = setup();
    const bad = [
      item(),
      item({ index: 1, ownerId: null }),
      item({ index: 2, ownerId: null, role: 'class teacher' }),
      item({ index: 3, ownerId: 'someone-unknown' }),
      item({ index: 4, due: null }),
      item({ index: 5, pupilId: null }),
    ];
    const error = await saveProposedActions(deps, input(bad), sencoActor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.message)).toEqual([
      'Action 2: no owner: choose one person.',
      "Action 3: 'class teacher' is a role, not a person: choose who will do it.",
      'Action 4: the owner could not be found in Teams: choose them again.',
      'Action 5: no due date: choose one.',
      'Action 6: choose the pupil.',
    ]);
    expect(await repo.query()).toHaveLength(0);
  });

  it('refuses an empty selection', async () => {
    const { deps, input } = setup();
    await expect(saveProposedActions(deps, input([]), sencoActor)).rejects.toThrow('Choose at least one action');
  });
});
