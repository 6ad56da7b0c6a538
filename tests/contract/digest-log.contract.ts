import type { DigestLog } from '@/kernel/ports/digest-log';

/** Two instances' DigestLogs over one store. */
export type DigestLogFactory = () => Promise<[DigestLog, DigestLog]>;

const monday = new Date('2026-04-27T07:00:00Z');
const minutesLater = (minutes: number) => new Date(monday.getTime() + minutes * 60_000);

/** The behaviour every DigestLog adapter must have (lease: the default 30 minutes). */
export function describeDigestLogContract(name: string, makeLogs: DigestLogFactory): void {
  describe(`DigestLog contract: ${name}`, () => {
    let log: DigestLog;
    let other: DigestLog;

    beforeEach(async () => {
      [log, other] = await makeLogs();
    });

    it('gives the first claim for a recipient and week, with a token, and no second one while it is live', async () => {
      const claim = await log.claim('teacher-1', '2026-W18', monday);

      expect(claim).toEqual({ recipientId: 'teacher-1', week: '2026-W18', token: expect.any(String) });
      expect(await other.claim('teacher-1', '2026-W18', minutesLater(29))).toBeNull();
      expect(await log.claim('teacher-1', '2026-W18', minutesLater(1))).toBeNull();
    });

    it('lets exactly one of two instances claiming the same digest at the same moment win', async () => {
      const results = await Promise.all([log.claim('teacher-1', '2026-W18', monday), other.claim('teacher-1', '2026-W18', monday)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('keeps recipients and weeks apart', async () => {
      await log.claim('teacher-1', '2026-W18', monday);

      expect(await other.claim('teacher-2', '2026-W18', monday)).not.toBeNull();
      expect(await other.claim('teacher-1', '2026-W19', monday)).not.toBeNull();
    });

    it('never gives a sent digest again, not even after the lease', async () => {
      const claim = (await log.claim('teacher-1', '2026-W18', monday))!;
      await log.markSent(claim, 'outbox/teacher-1.eml', minutesLater(1));

      expect(await other.claim('teacher-1', '2026-W18', minutesLater(90))).toBeNull();
    });

    it('gives a failed send to the next claimer, with a new token', async () => {
      const claim = (await log.claim('teacher-1', '2026-W18', monday))!;
      await log.markFailed(claim, 'mail_throttled', minutesLater(1));

      const again = await other.claim('teacher-1', '2026-W18', minutesLater(2));
      expect(again).not.toBeNull();
      expect(again!.token).not.toEqual(claim.token);
      expect(await log.claim('teacher-1', '2026-W18', minutesLater(3))).toBeNull();
    });

    it('lets a claim whose runner died be taken over after 30 minutes, not before', async () => {
      await log.claim('teacher-1', '2026-W18', monday);

      expect(await other.claim('teacher-1', '2026-W18', minutesLater(29))).toBeNull();
      expect(await other.claim('teacher-1', '2026-W18', minutesLater(31))).not.toBeNull();
    });

    it('lets exactly one of two instances take over the same stale claim', async () => {
      await log.claim('teacher-1', '2026-W18', monday);
      const later = minutesLater(45);

      const results = await Promise.all([log.claim('teacher-1', '2026-W18', later), other.claim('teacher-1', '2026-W18', later)]);

      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('ignores a late markSent from a runner whose claim was taken over', async () => {
      const slow = (await log.claim('teacher-1', '2026-W18', monday))!;
      const taker = (await other.claim('teacher-1', '2026-W18', minutesLater(31)))!;

      await log.markSent(slow, 'outbox/late.eml', minutesLater(32));
      await other.markFailed(taker, 'mail_rejected', minutesLater(33));

      // Had the late markSent counted, the digest would be "sent" and never claimable again.
      expect(await log.claim('teacher-1', '2026-W18', minutesLater(34))).not.toBeNull();
    });

    it('lets another instance mark the claim sent (the claim carries all it needs)', async () => {
      const claim = (await log.claim('teacher-1', '2026-W18', monday))!;

      await other.markSent(claim, 'request-1', minutesLater(1));

      expect(await log.claim('teacher-1', '2026-W18', minutesLater(60))).toBeNull();
    });
    it('claims many recipients at once, passing over a sent or live claim and taking over a failed or stale one', async () => {
      const sent = (await other.claim('sent', '2026-W18', monday))!;
      await other.markSent(sent, 'request-0', monday);
      const failed = (await other.claim('failed', '2026-W18', monday))!;
      await other.markFailed(failed, 'mail_throttled', monday);
      await other.claim('stale', '2026-W18', monday);
      await other.claim('live', '2026-W18', minutesLater(20));

      const won = await log.claimMany(['new', 'sent', 'failed', 'stale', 'live', 'new'], '2026-W18', minutesLater(40));

      expect(won).toEqual(['new', 'failed', 'stale'].map((recipientId) => ({ recipientId, week: '2026-W18', token: expect.any(String) })));
      expect(await other.claimMany(['new', 'failed', 'stale'], '2026-W18', minutesLater(41))).toEqual([]);
    });

    it('lets exactly one of two instances win each recipient when both claim the same many at the same moment', async () => {
      const recipients = Array.from({ length: 25 }, (_, i) => `staff-${i}`);

      const [a, b] = await Promise.all([
        log.claimMany(recipients, '2026-W18', monday),
        other.claimMany([...recipients].reverse(), '2026-W18', monday),
      ]);

      expect([...a, ...b].map((c) => c.recipientId).sort()).toEqual([...recipients].sort());
    });

    it('lets exactly one of two instances take over each stale claim when both claim many at once', async () => {
      const recipients = ['teacher-1', 'teacher-2', 'teacher-3'];
      await log.claimMany(recipients, '2026-W18', monday);
      const later = minutesLater(45);

      const [a, b] = await Promise.all([log.claimMany(recipients, '2026-W18', later), other.claimMany(recipients, '2026-W18', later)]);

      expect([...a, ...b].map((c) => c.recipientId).sort()).toEqual(recipients);
    });

    it('marks many claims sent at once, from any instance, but not one taken over since', async () => {
      const [kept, slow] = await log.claimMany(['teacher-1', 'teacher-2'], '2026-W18', monday);
      const taker = (await other.claim('teacher-2', '2026-W18', minutesLater(31)))!;

      await other.markSentMany(
        [
          { claim: kept!, reference: 'request-1' },
          { claim: slow!, reference: 'late' },
        ],
        minutesLater(32),
      );
      await other.markFailed(taker, 'mail_rejected', minutesLater(33));

      expect(await log.claimMany(['teacher-1', 'teacher-2'], '2026-W18', minutesLater(90))).toEqual([
        { recipientId: 'teacher-2', week: '2026-W18', token: expect.any(String) },
      ]);
    });

    it('claims and marks nothing for empty lists', async () => {
      expect(await log.claimMany([], '2026-W18', monday)).toEqual([]);
      await expect(log.markSentMany([], monday)).resolves.toBeUndefined();
    });
  });
}
