import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { buildNewAction, sencoActor } from '@tests/support/factories';

/**
 * The exactly-once claims of reminders and digests, when a claim's create fails with a status other
 * than the stand-in's 409: no Microsoft page promises 409 for a duplicate in a unique column, and a
 * create can be carried out although its answer is lost (`lost-reply`: done, then 500). What is
 * stored under the key decides.
 */
describe('reminder and digest claims read back what SharePoint stored, whatever the status', () => {
  let site: ProvisionedSite;
  beforeEach(async () => {
    site = await startProvisionedSite();
  });
  afterEach(() => site.standIn.close());

  const at = new Date('2026-04-27T07:30:00Z');
  const minutesLater = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
  const failNextClaimCreate = (kind: 'lost-reply' | 'forbidden') =>
    site.standIn.inject({ kind, scope: 'batch-item', operation: 'create item' });

  async function reminderClaim() {
    const [action] = await site.repository().createMany([buildNewAction()], sencoActor);
    return { actionId: action!.id, version: 1, kind: 'due' as const, occasion: '2026-04-27' };
  }

  it('a reminder claim that landed with its reply lost is sent once: by nobody now, by one instance after the lease', async () => {
    const claim = await reminderClaim();
    const [log, other] = [site.taskStores().reminderLog, site.taskStores().reminderLog];
    failNextClaimCreate('lost-reply');

    expect(await log.claim([claim], at)).toEqual([]); // stored, but nobody can tell it is this run's
    expect(await other.claim([claim], minutesLater(5))).toEqual([]); // a live claim: not taken
    const [a, b] = await Promise.all([log.claim([claim], minutesLater(31)), other.claim([claim], minutesLater(31))]);
    expect([...a, ...b]).toEqual([claim]);
  });

  it('a reminder claim refused with nothing stored is created again in the same run', async () => {
    const claim = await reminderClaim();
    failNextClaimCreate('forbidden');
    expect(await site.taskStores().reminderLog.claim([claim], at)).toEqual([claim]);
    expect(await site.taskStores().reminderLog.claim([claim], at)).toEqual([]);
  });

  it('a digest claim that landed with its reply lost is this run’s (its token is stored), and nobody else’s', async () => {
    const [log, other] = [site.taskStores().digestLog, site.taskStores().digestLog];
    failNextClaimCreate('lost-reply');

    const [claim] = await log.claimMany(['staff-1'], '2026-W18', at);
    expect(claim).toMatchObject({ recipientId: 'staff-1', week: '2026-W18' });
    expect(await other.claimMany(['staff-1'], '2026-W18', minutesLater(1))).toEqual([]);
    await log.markSent(claim!, 'message-1', minutesLater(2));
    expect(await other.claimMany(['staff-1'], '2026-W18', minutesLater(90))).toEqual([]); // sent: never again
  });

  it('a digest claim refused with nothing stored says so', async () => {
    failNextClaimCreate('forbidden');
    await expect(site.taskStores().digestLog.claimMany(['staff-1', 'staff-2'], '2026-W18', at)).rejects.toThrow(
      'SharePoint refused a digest claim (HTTP 403).',
    );
  });
});
