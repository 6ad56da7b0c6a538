import { buildNewAction, sencoActor } from '@tests/support/factories';
import { startProvisionedSite } from '@tests/graph-stand-in/provisioned-site';

/** Graph requests counted by the stand-in for one operation. */
export interface RoundTrips {
  /** Outer HTTP requests per operation (`$batch` counts once). */
  requests: Record<string, number>;
  total: number;
  /** Steps carried inside `$batch` requests. */
  batchedSteps: Record<string, number>;
  ms: number;
}

export interface GraphRoundTripFigures {
  save20: RoundTrips;
  /** 20 new actions keyed as the bot keys them: created straight away, the unique key column guards duplicates. Target 1. */
  save20WithIdempotencyKeys: RoundTrips;
  /** The same 20 saved again (a Teams retry): the `$batch` answered 409 per item, then one lookup of the stored ones. */
  resave20WithIdempotencyKeys: RoundTrips;
  load: RoundTrips & { items: number; pageSize: number; expectedRequests: number };
}

const LOAD_ITEMS = 10_000;
const PAGE_SIZE = 200;

/**
 * Starts the Graph stand-in on loopback, drives the real SharePoint adapter through the real SDK and
 * reports how many Graph requests each operation costs. List ids are resolved before counting, as a
 * running app has already done.
 */
export async function measureGraphRoundTrips(items = LOAD_ITEMS, pageSize = PAGE_SIZE): Promise<GraphRoundTripFigures> {
  const site = await startProvisionedSite();
  try {
    const repo = site.repository({ pageSize });
    // What a running app has done once already: resolved the list ids, read whether the key column is unique.
    await repo.query();
    await repo.createMany([buildNewAction({ idempotencyKey: 'bench-warm-up#0' })], sencoActor);

    async function measure(run: () => Promise<unknown>): Promise<RoundTrips> {
      site.standIn.resetCounts();
      const started = performance.now();
      await run();
      const ms = Math.round(performance.now() - started);
      const requests = site.standIn.requestCounts();
      return { requests, total: Object.values(requests).reduce((a, b) => a + b, 0), batchedSteps: site.standIn.batchedCounts(), ms };
    }

    const twenty = (key?: string) =>
      Array.from({ length: 20 }, (_, i) =>
        buildNewAction({ description: `Bench action ${i}`, ...(key ? { idempotencyKey: `${key}#${i}` } : {}) }),
      );
    const save20 = await measure(() => repo.createMany(twenty(), sencoActor));
    const save20WithIdempotencyKeys = await measure(() => repo.createMany(twenty('bench-msg'), sencoActor));
    const resave20WithIdempotencyKeys = await measure(() => repo.createMany(twenty('bench-msg'), sencoActor));

    // Seed up to `items` through the adapter, 200 per call (the port's maximum per call); 41 are saved above.
    for (let have = 41; have < items; have += 200) {
      const n = Math.min(200, items - have);
      await repo.createMany(
        Array.from({ length: n }, () => buildNewAction()),
        sencoActor,
      );
    }
    const load = await measure(async () => {
      const all = await repo.query({ includeArchived: true });
      if (all.length !== items) throw new Error(`expected ${items} items, read ${all.length}`);
    });
    return {
      save20,
      save20WithIdempotencyKeys,
      resave20WithIdempotencyKeys,
      load: { ...load, items, pageSize, expectedRequests: Math.ceil(items / pageSize) },
    };
  } finally {
    await site.standIn.close();
  }
}

if (require.main === module) {
  measureGraphRoundTrips()
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

/** Graph requests for one scheduled-task run in tenant mode, against the least it could cost. */
export interface TaskRoundTrips extends RoundTrips {
  /** Outer requests used: list reads, `$batch`es and single requests. */
  used: number;
  /**
   * Least possible: every read paged at the page size, every write packed 20 to a `$batch`, and no write
   * the exactly-once rules could do without (see each measure for what those writes are).
   */
  minimumAtAll: number;
  /** How far `used` is above `minimumAtAll`, in per cent (target: within 10). */
  overMinimumPercent: number;
  detail: Record<string, number>;
}

const overPercent = (used: number, minimum: number) => Math.round(((used - minimum) / minimum) * 1000) / 10;

/** 97 owners: prime, so owners and due dates (cycling every 200 items) mix evenly. */
const BENCH_OWNERS_PRIME = 97;
const benchOwner = (i: number) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Staff ${i}`,
  email: `staff${i}@oakfield.example`,
});

/**
 * The reminder task over `items` open actions in SharePoint (97 owners, due dates spread over seven
 * months, a tenth of them overdue by up to 20 school-calendar days), with the SharePoint reminder log, and a sender that accepts every card.
 */
export async function measureReminderRoundTrips(items = LOAD_ITEMS, pageSize = PAGE_SIZE): Promise<TaskRoundTrips> {
  const { ReminderTask, REMINDER_LOOKAHEAD_DAYS } = await import('@/reminders/reminder-task');
  const { DEFAULT_REMINDER_POLICY, remindersDue } = await import('@/reminders/reminder-policy');
  const { createSchoolCalendar } = await import('@/kernel/school-calendar');
  const { createLogger } = await import('@/platform/logger');
  const { addDays } = await import('@/kernel/dates');
  const site = await startProvisionedSite();
  try {
    const now = new Date('2026-05-13T07:30:00Z'); // a Wednesday in the summer term
    const today = '2026-05-13';
    const repo = site.repository({ pageSize, now: () => now });
    const { reminderLog, reminderRuns } = site.taskStores({ pageSize });
    await repo.query();
    for (let have = 0; have < items; have += 200) {
      const n = Math.min(200, items - have);
      await repo.createMany(
        Array.from({ length: n }, (_, i) =>
          buildNewAction({ owner: benchOwner((have + i) % BENCH_OWNERS_PRIME), dueDate: addDays(today, ((have + i) % 200) - 20) }),
        ),
        sencoActor,
      );
    }
    await reminderLog.claim([{ actionId: 'warm-up', version: 1, kind: 'due', occasion: today }], now);
    // What the run has to do, worked out before counting: the items its query must read, the reminders due.
    const calendar = createSchoolCalendar();
    const read = await repo.query({ dueTo: addDays(today, REMINDER_LOOKAHEAD_DAYS) });
    const due = remindersDue(read, today, DEFAULT_REMINDER_POLICY, calendar);
    const dueAll = [...[...due.byOwner.values()].flat(), ...due.escalations];
    const reminders = new Set(dueAll.map((r) => `${r.action.id}|${r.kind}|${r.occasion}`)).size;
    const claimedItems = new Set(dueAll.map((r) => r.action.id)).size;
    const task = new ReminderTask({
      repo,
      log: reminderLog,
      runs: reminderRuns,
      sender: {
        sendToPerson: async () => ({ delivered: true, installed: false }),
        postWithMention: async () => undefined,
        canInstall: false,
        openChat: async () => ({ open: true, installed: false }),
        withChats: async (ids) => new Set(ids),
      },
      present: () => ({}),
      policy: DEFAULT_REMINDER_POLICY,
      calendar,
      sendLead: { id: benchOwner(0).id, name: 'SEND lead' },
      logger: createLogger('silent'),
    });
    site.standIn.resetCounts();
    const started = performance.now();
    const summary = await task.run(now);
    const ms = Math.round(performance.now() - started);
    const requests = site.standIn.requestCounts();
    const batched = site.standIn.batchedCounts();
    const used = Object.values(requests).reduce((a, b) => a + b, 0);
    // The minimum: the query's pages (its items at the page size); then the claim, which is one create
    // per reminder in the claims list (the unique key makes it exactly once) plus one If-Match PATCH per
    // claimed item (the version check: an item's reminders share it), 20 steps to a `$batch`; then one
    // outcome write per reminder, 20 to a `$batch`. The eTags come with the query, so no read is needed
    // for the claim; recording the outcome (the audit trail) is the one write that could be dropped.
    const minimumAtAll = Math.ceil(read.length / pageSize) + Math.ceil((reminders + claimedItems) / 20) + Math.ceil(reminders / 20);
    return {
      requests,
      total: used,
      batchedSteps: batched,
      ms,
      used,
      minimumAtAll,
      overMinimumPercent: overPercent(used, minimumAtAll),
      detail: {
        items,
        itemsRead: read.length,
        pageSize,
        owners: due.byOwner.size,
        reminders,
        claimedItems,
        remindersClaimed: batched['create item'] ?? 0,
        itemsReminded: summary.itemsReminded,
        escalations: summary.escalations,
        cardsSent: summary.cardsSent,
      },
    };
  } finally {
    await site.standIn.close();
  }
}

/**
 * The weekly digest task for `recipients` owners (plus the SEND lead), each with two actions, through
 * the SharePoint digest log and a mail sender that accepts every message.
 */
export async function measureDigestRoundTrips(recipients = 200, pageSize = PAGE_SIZE): Promise<TaskRoundTrips> {
  const { WeeklyDigestTask } = await import('@/digest/weekly-digest-task');
  const { deepLinks } = await import('@/digest/deep-links');
  const { createLogger } = await import('@/platform/logger');
  const site = await startProvisionedSite();
  try {
    const now = new Date('2026-05-11T06:00:00Z');
    const repo = site.repository({ pageSize, now: () => now });
    const { digestLog } = site.taskStores({ pageSize });
    await repo.query();
    const owners = Array.from({ length: recipients }, (_, i) => benchOwner(i + 1));
    for (let i = 0; i < owners.length; i += 100) {
      const batch = owners
        .slice(i, i + 100)
        .flatMap((owner) => [buildNewAction({ owner, dueDate: '2026-05-06' }), buildNewAction({ owner, dueDate: '2026-05-20' })]);
      await repo.createMany(batch, sencoActor);
    }
    await digestLog.claim('warm-up', '2026-W01', now);
    const task = new WeeklyDigestTask({
      repo,
      log: digestLog,
      sender: { send: async () => ({ reference: 'bench' }) },
      links: deepLinks({ publicUrl: 'https://tracker.oakfield.example' }),
      lead: { ...benchOwner(0), name: 'SEND lead' },
      schoolName: 'Oakfield Primary (bench)',
      logger: createLogger('silent'),
    });
    site.standIn.resetCounts();
    const started = performance.now();
    const result = await task.run(now);
    const ms = Math.round(performance.now() - started);
    const requests = site.standIn.requestCounts();
    const used = Object.values(requests).reduce((a, b) => a + b, 0);
    const sent = result.sent.length;
    const pages = Math.ceil((2 * recipients) / pageSize);
    const minimumAtAll = pages + 2 * Math.ceil(sent / 20);
    return {
      requests,
      total: used,
      batchedSteps: site.standIn.batchedCounts(),
      ms,
      used,
      // The minimum: the actions' pages, then per recipient one claim create (the unique key makes it
      // exactly once) and one If-Match PATCH marking it sent, each packed 20 to a `$batch`. The task claims,
      // sends and marks 20 recipients at a time, so it meets this exactly; mail (Graph sendMail) is not counted.
      minimumAtAll,
      overMinimumPercent: overPercent(used, minimumAtAll),
      detail: { recipients: sent, skipped: result.skipped.length, failed: result.failed.length, pageSize },
    };
  } finally {
    await site.standIn.close();
  }
}
