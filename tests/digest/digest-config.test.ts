import { DEMO_DIGEST_DEFAULTS, DEMO_STAFF } from '@/app/demo/school';
import { loadDigestConfig } from '@/digest/digest-config';
import { isoWeek } from '@/kernel/dates';

describe('loadDigestConfig', () => {
  it('defaults to Monday 07:00 and the demo SENCO in embedded mode', () => {
    expect(loadDigestConfig('embedded', {}, DEMO_DIGEST_DEFAULTS)).toMatchObject({ cron: '0 7 * * 1', lead: DEMO_STAFF.senco });
  });

  it('turns the in-process schedule off with DIGEST_CRON=off', () => {
    expect(loadDigestConfig('embedded', { DIGEST_CRON: 'off' }, DEMO_DIGEST_DEFAULTS)?.cron).toBeNull();
  });

  it('is off in tenant mode until a sending mailbox is configured', () => {
    expect(loadDigestConfig('tenant', {}, DEMO_DIGEST_DEFAULTS)).toBeNull();
  });

  it('reports every missing tenant setting at once', () => {
    expect(() =>
      loadDigestConfig('tenant', { DIGEST_MAILBOX: 'send@school.example', DIGEST_CRON: 'not a cron' }, DEMO_DIGEST_DEFAULTS),
    ).toThrow(/DIGEST_CRON[\s\S]*SEND_LEAD_ID, SEND_LEAD_NAME and SEND_LEAD_EMAIL/);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-29', '2026-W48'],
    ['2025-12-29', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2021-01-03', '2020-W53'],
  ])('puts %s in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });
});

describe('the default schedule', () => {
  it('fires on Monday at 07:00 London time, in summer time too', async () => {
    const { Cron } = await import('croner');
    const cron = loadDigestConfig('embedded', {}, DEMO_DIGEST_DEFAULTS)?.cron ?? '';
    const job = new Cron(cron, { paused: true, timezone: 'Europe/London' });
    expect(job.nextRun(new Date('2026-06-24T12:00:00Z'))?.toISOString()).toBe('2026-06-29T06:00:00.000Z');
    expect(job.nextRun(new Date('2026-11-25T12:00:00Z'))?.toISOString()).toBe('2026-11-30T07:00:00.000Z');
    job.stop();
  });
});
