import type { OutboxStore, OutboxWrite } from '@/storage/outbox/outbox-store';
import { buildNewAction, sencoActor, teacher } from '@tests/support/factories';

/** One outbox as two app instances see it, both reading the clock `now()`. */
export type OutboxStoreFactory = (now: () => Date) => Promise<[OutboxStore, OutboxStore]>;

const update = (id: string, expectedVersion: number): OutboxWrite => ({
  kind: 'update',
  id,
  expectedVersion,
  patch: { status: 'in_progress' },
  actor: sencoActor,
});

/** The behaviour every OutboxStore adapter must have. Run it from a `*.test.ts` file per adapter. */
export function describeOutboxStoreContract(name: string, makeStores: OutboxStoreFactory): void {
  describe(`OutboxStore contract: ${name}`, () => {
    let clock: Date;
    let outbox: OutboxStore;
    let other: OutboxStore;

    beforeEach(async () => {
      clock = new Date('2026-04-23T09:00:00Z');
      [outbox, other] = await makeStores(() => clock);
    });
    const tick = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };

    it('keeps a write as pending, in the order queued, and shows it to the other instance', async () => {
      const first = await outbox.add(
        { kind: 'createMany', inputs: [buildNewAction({ description: 'First' })], actor: sencoActor },
        'HTTP 503',
      );
      tick(1);
      const second = await other.add(update('a-1', 1), 'HTTP 429');

      const pending = await other.pending();
      expect(pending.map((e) => e.id)).toEqual([first, second]);
      expect(pending[0]).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastError: 'HTTP 503',
        createdAt: '2026-04-23T09:00:00.000Z',
        write: { kind: 'createMany', inputs: [{ description: 'First' }], actor: sencoActor },
      });
      expect(await outbox.pendingCount()).toBe(2);
    });

    it('knows which items have a write waiting, so later changes queue behind it', async () => {
      await outbox.add(update('a-1', 1), 'HTTP 503');
      expect(await other.hasPendingFor('a-1')).toBe(true);
      expect(await other.hasPendingFor('a-2')).toBe(false);
    });

    it('queues a write behind the item’s pending one even when this instance’s clock is behind', async () => {
      const earlier = await outbox.add(update('a-1', 1), 'HTTP 503');
      tick(-5_000); // the other instance's clock runs five seconds slow
      const later = await other.add(update('a-1', 2), 'queued behind an earlier pending write');
      expect((await outbox.pending()).map((e) => e.id)).toEqual([earlier, later]);
    });

    it('settles an entry: counts the attempt, keeps the reason, and never deletes it', async () => {
      const sent = await outbox.add(update('a-1', 1), 'HTTP 503');
      const refused = await outbox.add(update('a-2', 1), 'HTTP 503');
      tick(60_000);
      await other.settle(sent, 'sent', null);
      await other.settle(refused, 'conflict', 'conflict');

      expect(await outbox.pendingCount()).toBe(0);
      expect(await outbox.hasPendingFor('a-1')).toBe(false);
      expect((await outbox.list('sent')).map((e) => e.id)).toEqual([sent]);
      expect(await outbox.list('conflict')).toEqual([
        expect.objectContaining({
          id: refused,
          state: 'conflict',
          attempts: 2,
          lastError: 'conflict',
          updatedAt: '2026-04-23T09:01:00.000Z',
        }),
      ]);
      expect((await outbox.list()).map((e) => e.id)).toEqual([sent, refused]);
    });

    it('keeps a large write whole (a meeting’s worth of long actions)', async () => {
      const inputs = Array.from({ length: 40 }, (_, i) => buildNewAction({ description: `${i} ${'é'.repeat(1_990)}`, owner: teacher }));
      await outbox.add({ kind: 'createMany', inputs, actor: sencoActor }, 'HTTP 503');
      const [entry] = await other.pending();
      expect(entry!.write).toEqual({ kind: 'createMany', inputs, actor: sencoActor });
    });

    it('lets one instance replay at a time, until its lease runs out or it renews', async () => {
      expect(await outbox.claimReplay('instance-a', 60_000)).toBe(true);
      expect(await other.claimReplay('instance-b', 60_000)).toBe(false);
      tick(30_000);
      expect(await outbox.claimReplay('instance-a', 60_000)).toBe(true); // renewed until 09:01:30
      tick(45_000);
      expect(await other.claimReplay('instance-b', 60_000)).toBe(false);
      tick(15_000);
      expect(await other.claimReplay('instance-b', 60_000)).toBe(true); // a's lease ran out
      expect(await outbox.claimReplay('instance-a', 60_000)).toBe(false);
    });

    it('gives the lease to one of two instances claiming at once', async () => {
      const claims = await Promise.all([outbox.claimReplay('instance-a', 60_000), other.claimReplay('instance-b', 60_000)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
    });
  });
}
