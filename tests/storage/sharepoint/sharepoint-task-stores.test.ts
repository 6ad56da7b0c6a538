import { ACTIONS_LIST, DIGEST_SENDS_LIST, REMINDER_CLAIMS_LIST } from '@/storage/sharepoint/list-schema';
import { readTokenOf } from '@/kernel/ports/read-tokens';
import type { ReminderClaim } from '@/kernel/ports/reminder-log';
import { buildReference } from '@tests/contract/conversation-references.contract';
import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { buildNewAction, sencoActor, teacherActor } from '@tests/support/factories';

const at = new Date('2026-04-27T07:30:00Z');
const claimOf = (actionId: string, version = 1): ReminderClaim => ({ actionId, version, kind: 'due', occasion: '2026-04-27' });

describe('SharePoint task stores over Graph', () => {
  let site: ProvisionedSite;
  beforeEach(async () => {
    site = await startProvisionedSite();
  });
  afterEach(() => site.standIn.close());

  const items = (list: string) => [...site.standIn.store.findList(list)!.items.values()];
  const statuses = (operation: string) => site.standIn.log.filter((r) => r.operation === operation).map((r) => r.status);

  async function newActions(n: number): Promise<string[]> {
    const saved = await site.repository().createMany(
      Array.from({ length: n }, (_, i) => buildNewAction({ description: `Action ${i}` })),
      sencoActor,
    );
    return saved.map((a) => a.id);
  }

  describe('reminder claims', () => {
    it('loses to another instance that claims between our read and our write: its create gets 409 and the item is written once', async () => {
      const [id] = await newActions(1);
      const mine = site.taskStores().reminderLog;
      const theirs = site.taskStores().reminderLog;
      await mine.claim([claimOf('warm-up')], at); // resolves the list ids, as a running instance has
      site.standIn.resetCounts();
      site.standIn.beforeNext('$batch', async () => {
        expect(await theirs.claim([claimOf(id!)], at)).toEqual([claimOf(id!)]);
      });

      expect(await mine.claim([claimOf(id!)], at)).toEqual([]);

      // Theirs first (201, then their item write), ours after: 409, and our dependent write never runs (424, not executed).
      expect(statuses('create item')).toEqual([201, 409]);
      expect(statuses('update fields')).toEqual([200]);
    });

    it('gives the claim back when the item changed version between our read and our write, so the new version can be reminded', async () => {
      const [id] = await newActions(1);
      const repo = site.repository();
      const log = site.taskStores().reminderLog;
      site.standIn.beforeNext('$batch', async () => {
        await repo.update(id!, 1, { status: 'in_progress' }, teacherActor);
      });

      expect(await log.claim([claimOf(id!, 1)], at)).toEqual([]);
      expect(await log.claim([claimOf(id!, 2)], at)).toEqual([claimOf(id!, 2)]);

      // Nothing is deleted: the given-back claim stays in the list under a key no claim uses.
      const claims = items(REMINDER_CLAIMS_LIST.displayName).map((i) => [
        i.fields.Version,
        i.fields.Outcome ?? null,
        String(i.fields.ClaimKey).includes('|released|'),
      ]);
      expect(claims).toEqual([
        [1, 'released', true],
        [2, null, false],
      ]);
      expect(site.standIn.log.some((r) => r.method === 'DELETE')).toBe(false);
    });

    it('still wins when the item was edited in SharePoint without changing its version: it re-checks and writes on the fresh eTag', async () => {
      const [id] = await newActions(1);
      const log = site.taskStores().reminderLog;
      site.standIn.beforeNext('$batch', () => {
        const item = items(ACTIONS_LIST.displayName)[0]!;
        item.fields.Title = 'Retitled in SharePoint';
        item.etagVersion += 1;
      });

      expect(await log.claim([claimOf(id!)], at)).toEqual([claimOf(id!)]);
      expect(statuses('update fields')).toEqual([412, 200]);
    });

    it('writes nothing to the actions list when the reminders were claimed already', async () => {
      const ids = await newActions(3);
      await site.taskStores().reminderLog.claim(
        ids.map((id) => claimOf(id)),
        at,
      );
      const eTags = items(ACTIONS_LIST.displayName).map((i) => i.etagVersion);
      site.standIn.resetCounts();

      expect(
        await site.taskStores().reminderLog.claim(
          ids.map((id) => claimOf(id)),
          at,
        ),
      ).toEqual([]);

      expect(items(ACTIONS_LIST.displayName).map((i) => i.etagVersion)).toEqual(eTags);
      expect(site.standIn.batchedCounts()).toEqual({ 'create item': 3 });
      expect(statuses('create item')).toEqual([409, 409, 409]);
    });

    it('claims an owner’s 10 reminders with one lookup and one $batch, and records them with one more $batch', async () => {
      const ids = await newActions(10);
      const log = site.taskStores().reminderLog;
      await log.claim([claimOf('warm-up')], at);
      site.standIn.resetCounts();

      const won = await log.claim(
        ids.map((id) => claimOf(id)),
        at,
      );
      expect(won).toHaveLength(10);
      expect(site.standIn.requestCounts()).toEqual({ 'list items': 1, $batch: 1 });
      expect(site.standIn.batchedCounts()).toEqual({ 'create item': 10, 'update fields': 10 });

      site.standIn.resetCounts();
      await Promise.all(won.map((c) => log.record(c, 'sent')));
      expect(site.standIn.requestCounts()).toEqual({ $batch: 1 });
      expect(items(REMINDER_CLAIMS_LIST.displayName).map((i) => i.fields.Outcome)).toEqual(Array(10).fill('sent'));
    });

    it('claims reminders carrying the eTags the repository read without reading the items again: one $batch for 10', async () => {
      await newActions(10);
      const read = await site.repository().query();
      const log = site.taskStores().reminderLog;
      await log.claim([claimOf('warm-up')], at);
      site.standIn.resetCounts();

      const claims = read.map((a) => ({ ...claimOf(a.id), readToken: readTokenOf(a)! }));
      expect(await log.claim(claims, at)).toEqual(claims);

      expect(site.standIn.requestCounts()).toEqual({ $batch: 1 });
      expect(site.standIn.batchedCounts()).toEqual({ 'create item': 10, 'update fields': 10 });
    });

    it('packs 60 reminders for many owners into full $batches: 120 steps in 6', async () => {
      await newActions(60);
      const read = await site.repository().query();
      const log = site.taskStores().reminderLog;
      await log.claim([claimOf('warm-up')], at);
      site.standIn.resetCounts();

      expect(
        await log.claim(
          read.map((a) => ({ ...claimOf(a.id), readToken: readTokenOf(a)! })),
          at,
        ),
      ).toHaveLength(60);

      expect(site.standIn.requestCounts()).toEqual({ $batch: 6 });
    });

    it('splits 40 simultaneous claims between two instances with none won twice and none lost', async () => {
      const ids = await newActions(40);
      const claims = ids.map((id) => claimOf(id));
      const [a, b] = [site.taskStores().reminderLog, site.taskStores().reminderLog];

      const [wonA, wonB] = await Promise.all([a.claim(claims, at), b.claim([...claims].reverse(), at)]);

      expect(wonA.length + wonB.length).toBe(40);
      expect(new Set([...wonA, ...wonB].map((c) => c.actionId)).size).toBe(40);
      expect(items(REMINDER_CLAIMS_LIST.displayName)).toHaveLength(40);
    });
  });

  describe('digest sends', () => {
    it('claims with one create and marks sent with one If-Match PATCH', async () => {
      const log = site.taskStores().digestLog;
      await log.claim('warm-up', '2026-W01', at);
      site.standIn.resetCounts();

      const claim = (await log.claim('teacher-1', '2026-W18', at))!;
      await log.markSent(claim, 'request-1', at);

      expect(site.standIn.requestCounts()).toEqual({ 'create item': 1, 'update fields': 1 });
      const sent = items(DIGEST_SENDS_LIST.displayName).find((i) => i.fields.RecipientId === 'teacher-1')!;
      expect(sent.fields).toMatchObject({ Status: 'sent', Reference: 'request-1', Week: '2026-W18' });
    });

    it('loses a stale-claim takeover to an instance that took it over between our read and our write (412)', async () => {
      const [first, mine, theirs] = [site.taskStores().digestLog, site.taskStores().digestLog, site.taskStores().digestLog];
      await first.claim('teacher-1', '2026-W18', at);
      const later = new Date(at.getTime() + 45 * 60_000);
      let theirClaim: unknown;
      site.standIn.beforeNext('update fields', async () => {
        theirClaim = await theirs.claim('teacher-1', '2026-W18', later);
      });

      expect(await mine.claim('teacher-1', '2026-W18', later)).toBeNull();

      expect(theirClaim).not.toBeNull();
      // Their takeover ran inside the hook, before ours reached the list.
      expect(statuses('update fields')).toEqual([200, 412]);
      expect(items(DIGEST_SENDS_LIST.displayName)[0]!.fields.Attempts).toBe(2);
    });

    it('claims 20 recipients’ digests with one $batch and marks them sent with one more', async () => {
      const log = site.taskStores().digestLog;
      await log.claim('warm-up', '2026-W01', at);
      site.standIn.resetCounts();

      const claims = await log.claimMany(
        Array.from({ length: 20 }, (_, i) => `staff-${i}`),
        '2026-W18',
        at,
      );
      await log.markSentMany(
        claims.map((claim) => ({ claim, reference: `request-${claim.recipientId}` })),
        at,
      );

      expect(claims).toHaveLength(20);
      expect(site.standIn.requestCounts()).toEqual({ $batch: 2 });
      expect(site.standIn.batchedCounts()).toEqual({ 'create item': 20, 'update fields': 20 });
      expect(items(DIGEST_SENDS_LIST.displayName).filter((i) => i.fields.Status === 'sent')).toHaveLength(20);
    });

    it('loses a takeover among many to an instance that took the stale claim over between our read and our write (412)', async () => {
      const [first, mine, theirs] = [site.taskStores().digestLog, site.taskStores().digestLog, site.taskStores().digestLog];
      await first.claimMany(['teacher-1', 'teacher-2'], '2026-W18', at);
      const later = new Date(at.getTime() + 45 * 60_000);
      let theirClaim: unknown;
      site.standIn.resetCounts();
      site.standIn.beforeNext('list items', () => {
        site.standIn.beforeNext('$batch', async () => {
          theirClaim = await theirs.claim('teacher-1', '2026-W18', later);
        });
      });

      const won = await mine.claimMany(['teacher-1', 'teacher-2'], '2026-W18', later);

      expect(won.map((c) => c.recipientId)).toEqual(['teacher-2']);
      expect(theirClaim).toMatchObject({ recipientId: 'teacher-1' });
      // Theirs (one PATCH) went first; in our $batch, teacher-1's PATCH got 412 and teacher-2's went through.
      expect(statuses('update fields')).toEqual([200, 412, 200]);
    });

    it('gives 20 recipients’ digests, claimed by two instances at once, each to exactly one', async () => {
      const [a, b] = [site.taskStores().digestLog, site.taskStores().digestLog];
      const recipients = Array.from({ length: 20 }, (_, i) => `staff-${i}`);

      const results = await Promise.all(recipients.flatMap((r) => [a.claim(r, '2026-W18', at), b.claim(r, '2026-W18', at)]));

      expect(
        results
          .filter((r) => r !== null)
          .map((r) => r!.recipientId)
          .sort(),
      ).toEqual([...recipients].sort());
    });
  });

  describe('conversation references', () => {
    it('saves a conversation this instance has seen with one PATCH by item id', async () => {
      const store = site.taskStores().conversations;
      await store.save(buildReference());
      site.standIn.resetCounts();

      await store.save(buildReference({ updatedAt: '2026-04-24T09:00:00.000Z' }));

      expect(site.standIn.requestCounts()).toEqual({ 'update fields': 1 });
    });
  });
});
