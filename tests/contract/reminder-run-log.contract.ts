import type { ReminderRunLog, ReminderRunReport } from '@/kernel/ports/reminder-run-log';

/** Two instances' ReminderRunLogs over one store. */
export type ReminderRunLogFactory = () => Promise<[ReminderRunLog, ReminderRunLog]>;

const report = (today: string, ranAt: string, extra: Partial<ReminderRunReport> = {}): ReminderRunReport => ({
  ranAt,
  today,
  schoolDay: true,
  cardsSent: 3,
  itemsReminded: 5,
  installed: 1,
  fallbacks: 1,
  leadOnly: 0,
  escalations: 2,
  undelivered: 0,
  failed: 0,
  unreached: [{ id: 'ta-1', name: 'Sam O’Neill', reason: 'install-not-allowed', items: 2 }],
  ...extra,
});

/** The behaviour every ReminderRunLog adapter must have. */
export function describeReminderRunLogContract(name: string, makeLogs: ReminderRunLogFactory): void {
  describe(`ReminderRunLog contract: ${name}`, () => {
    let log: ReminderRunLog;
    let other: ReminderRunLog;

    beforeEach(async () => {
      [log, other] = await makeLogs();
    });

    it('has no runs before the first', async () => {
      expect(await log.recent('2026-01-01', 10)).toEqual([]);
    });

    it('gives back every field of a report another instance recorded, names with accents and apostrophes included', async () => {
      const kept = report('2026-05-13', '2026-05-13T06:30:00.000Z');
      await log.record(kept);

      expect(await other.recent('2026-05-13', 10)).toEqual([kept]);
    });

    it('lists the newest first (by school date, then time), from `since` on, at most `limit`', async () => {
      await log.record(report('2026-05-11', '2026-05-11T06:30:00.000Z'));
      await other.record(report('2026-05-13', '2026-05-13T06:30:00.000Z', { cardsSent: 0 }));
      await log.record(report('2026-05-12', '2026-05-12T06:30:00.000Z'));
      await other.record(report('2026-05-13', '2026-05-13T09:15:00.000Z', { unreached: [] }));

      const recent = await log.recent('2026-05-12', 10);
      expect(recent.map((r) => r.ranAt)).toEqual(['2026-05-13T09:15:00.000Z', '2026-05-13T06:30:00.000Z', '2026-05-12T06:30:00.000Z']);
      expect((await other.recent('2026-05-01', 2)).map((r) => r.ranAt)).toEqual(['2026-05-13T09:15:00.000Z', '2026-05-13T06:30:00.000Z']);
    });

    it('refuses a report that is not one, and keeps nothing of it', async () => {
      const bad = { ...report('2026-05-13', 'yesterday'), cardsSent: -1 };
      await expect(log.record(bad)).rejects.toThrow();

      expect(await other.recent('2026-01-01', 10)).toEqual([]);
    });
  });
}
