import type { ActionRepository } from '@/kernel/ports/action-repository';
import { readTokenOf } from '@/kernel/ports/read-tokens';
import type { ReminderClaim, ReminderLog } from '@/kernel/ports/reminder-log';
import { buildNewAction, sencoActor, teacherActor } from '@tests/support/factories';

/** One store as two app instances see it: separate connections (SQLite) or Graph clients (SharePoint). */
export interface ReminderLogFixture {
  repo: ActionRepository;
  logs: [ReminderLog, ReminderLog];
}

export type ReminderLogFactory = () => Promise<ReminderLogFixture>;

const at = new Date('2026-04-27T07:30:00Z');
const minutesLater = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** The behaviour every ReminderLog adapter must have (lease: the default 30 minutes). Run it from a `*.test.ts` file per adapter. */
export function describeReminderLogContract(name: string, makeFixture: ReminderLogFactory): void {
  describe(`ReminderLog contract: ${name}`, () => {
    let repo: ActionRepository;
    let log: ReminderLog;
    let other: ReminderLog;

    beforeEach(async () => {
      ({
        repo,
        logs: [log, other],
      } = await makeFixture());
    });

    async function newAction(): Promise<string> {
      const [action] = await repo.createMany([buildNewAction()], sencoActor);
      return action!.id;
    }

    const claimOf = (actionId: string, overrides: Partial<ReminderClaim> = {}): ReminderClaim => ({
      actionId,
      version: 1,
      kind: 'due',
      occasion: '2026-04-27',
      ...overrides,
    });

    it('grants a reminder once: claiming it again, from either instance, wins nothing', async () => {
      const claim = claimOf(await newAction());

      expect(await log.claim([claim], at)).toEqual([claim]);
      expect(await log.claim([claim], at)).toEqual([]);
      expect(await other.claim([claim], at)).toEqual([]);
    });

    it('lets exactly one of two instances claiming the same reminders at the same moment win each', async () => {
      const ids = [await newAction(), await newAction(), await newAction()];
      const claims = ids.map((id) => claimOf(id));

      const [a, b] = await Promise.all([log.claim(claims, at), other.claim(claims, at)]);

      expect([...a, ...b].map((c) => c.actionId).sort()).toEqual([...ids].sort());
    });

    it('treats another kind or occasion of the same item as a different reminder', async () => {
      const id = await newAction();
      await log.claim([claimOf(id)], at);

      const more = [claimOf(id, { kind: 'overdue', occasion: '2026-04-28' }), claimOf(id, { occasion: '2026-04-30' })];
      expect(await other.claim(more, at)).toEqual(more);
    });

    it('returns only the reminders this call won when some were claimed already', async () => {
      const [first, second] = [claimOf(await newAction()), claimOf(await newAction())];
      await other.claim([first], at);

      expect(await log.claim([first, second], at)).toEqual([second]);
    });

    it('refuses a reminder computed from a stale read of the item, and grants it at the current version', async () => {
      const id = await newAction();
      await repo.update(id, 1, { status: 'in_progress' }, teacherActor);

      expect(await log.claim([claimOf(id, { version: 1 })], at)).toEqual([]);
      expect(await log.claim([claimOf(id, { version: 2 })], at)).toEqual([claimOf(id, { version: 2 })]);
    });

    it('grants nothing for an item that does not exist', async () => {
      expect(await log.claim([claimOf('no-such-action')], at)).toEqual([]);
    });

    it('leaves the item itself unchanged: same version and content, and it can still be edited at that version', async () => {
      const id = await newAction();
      const before = await repo.get(id);

      await log.claim([claimOf(id)], at);

      expect(await repo.get(id)).toEqual(before);
      expect((await repo.update(id, 1, { status: 'waiting' }, teacherActor)).version).toBe(2);
    });

    it('lets a released claim be claimed again, by any instance', async () => {
      const claim = claimOf(await newAction());
      await log.claim([claim], at);

      await log.release(claim);

      expect(await other.claim([claim], at)).toEqual([claim]);
      expect(await log.claim([claim], at)).toEqual([]);
    });

    it('keeps a recorded claim: releasing it afterwards, even from another instance, frees nothing', async () => {
      const claim = claimOf(await newAction());
      await log.claim([claim], at);
      await log.record(claim, 'sent');

      await other.release(claim);
      await log.release(claim);

      expect(await other.claim([claim], at)).toEqual([]);
    });

    it('records and releases many claims at once', async () => {
      const claims = await Promise.all([1, 2, 3, 4].map(async () => claimOf(await newAction())));
      await log.claim(claims, at);

      await Promise.all([
        log.record(claims[0]!, 'sent'),
        log.record(claims[1]!, 'source-chat'),
        log.release(claims[2]!),
        log.release(claims[3]!),
      ]);

      expect(await other.claim(claims, at)).toEqual([claims[2], claims[3]]);
    });

    it('tells which items an earlier card showed: only claims with an outcome, of any kind or occasion, seen by any instance', async () => {
      const [sent, given, pending, fresh] = await Promise.all([1, 2, 3, 4].map(() => newAction()));
      const claims = [claimOf(sent!, { kind: 'upcoming', occasion: '2026-04-24' }), claimOf(given!), claimOf(pending!)];
      await log.claim(claims, at);
      await log.record(claims[0]!, 'sent');
      await log.release(claims[1]!);

      expect(await other.shownBefore([sent!, given!, pending!, fresh!, 'no-such-item'])).toEqual(new Set([sent]));
      expect(await other.shownBefore([])).toEqual(new Set());
    });

    it('lets another instance claim a reminder left with no outcome for longer than the lease (its runner crashed)', async () => {
      const claim = claimOf(await newAction());
      await log.claim([claim], at);

      expect(await other.claim([claim], minutesLater(31))).toEqual([claim]);
      expect(await log.claim([claim], minutesLater(32))).toEqual([]);
    });

    it('does not let a claim with no outcome be claimed again within the lease', async () => {
      const claim = claimOf(await newAction());
      await log.claim([claim], at);

      expect(await other.claim([claim], minutesLater(29))).toEqual([]);
      expect(await log.claim([claim], minutesLater(29))).toEqual([]);
    });

    it('never lets a recorded reminder be claimed again, not even long after the lease', async () => {
      const claim = claimOf(await newAction());
      await log.claim([claim], at);
      await log.record(claim, 'sent');

      expect(await other.claim([claim], minutesLater(24 * 60))).toEqual([]);
    });

    it('lets exactly one of two survivors take over each claim a crashed instance left', async () => {
      const ids = await Promise.all(Array.from({ length: 25 }, () => newAction()));
      const claims = ids.map((id) => claimOf(id));
      await log.claim(claims, at); // then the instance dies; it is restarted on the same connection or client

      const [a, b] = await Promise.all([other.claim(claims, minutesLater(31)), log.claim([...claims].reverse(), minutesLater(31))]);

      expect([...a, ...b].map((c) => c.actionId).sort()).toEqual([...ids].sort());
    });

    it('takes over a stale claim only at the item’s current version', async () => {
      const id = await newAction();
      await log.claim([claimOf(id)], at);
      await repo.update(id, 1, { status: 'in_progress' }, teacherActor);

      expect(await other.claim([claimOf(id, { version: 1 })], minutesLater(31))).toEqual([]);
      expect(await other.claim([claimOf(id, { version: 2 })], minutesLater(31))).toEqual([claimOf(id, { version: 2 })]);
    });

    it('keeps a taken-over claim: the instance that outlived its lease cannot give it back', async () => {
      const claim = claimOf(await newAction());
      await log.claim([claim], at);
      await other.claim([claim], minutesLater(31));

      await log.release(claim);

      expect(await log.claim([claim], minutesLater(33))).toEqual([]);
    });

    it('claims nothing for an empty list', async () => {
      expect(await log.claim([], at)).toEqual([]);
    });
    /** A claim as the reminder task makes it: with the token the repository read alongside the action, if the store has one. */
    async function claimAsRead(id: string): Promise<ReminderClaim> {
      const action = await repo.get(id);
      const readToken = readTokenOf(action);
      return claimOf(id, { version: action.version, ...(readToken ? { readToken } : {}) });
    }

    it('grants a claim made from a fresh read once, to one instance only', async () => {
      const claim = await claimAsRead(await newAction());

      expect(await log.claim([claim], at)).toEqual([claim]);
      expect(await other.claim([await claimAsRead(claim.actionId)], at)).toEqual([]);
    });

    it('refuses a claim made from a read the item has since moved on from, and grants the current version', async () => {
      const id = await newAction();
      const stale = await claimAsRead(id);
      await repo.update(id, 1, { status: 'in_progress' }, teacherActor);

      expect(await log.claim([stale], at)).toEqual([]);
      const fresh = await claimAsRead(id);
      expect(await other.claim([fresh], at)).toEqual([fresh]);
    });

    it('ignores a read token it cannot use and still checks the version itself', async () => {
      const id = await newAction();
      await repo.update(id, 1, { status: 'in_progress' }, teacherActor);

      expect(await log.claim([claimOf(id, { version: 1, readToken: 'not a token of this store' })], at)).toEqual([]);
      expect(await log.claim([claimOf(id, { version: 2, readToken: 'garbage' })], at)).toEqual([
        claimOf(id, { version: 2, readToken: 'garbage' }),
      ]);
    });

    it('lets exactly one of two instances win each reminder when both claim many owners’ reminders from their own reads at once', async () => {
      const ids = await Promise.all(Array.from({ length: 30 }, () => newAction()));
      const [mine, theirs] = [await Promise.all(ids.map(claimAsRead)), await Promise.all(ids.map(claimAsRead))];

      const [a, b] = await Promise.all([log.claim(mine, at), other.claim([...theirs].reverse(), at)]);

      expect([...a, ...b].map((c) => c.actionId).sort()).toEqual([...ids].sort());
    });
  });
}
