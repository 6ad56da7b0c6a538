import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkInReply, weeklyCheckIn } from '@/tracker/weekly-check-in';
import { DEMO_PUPILS, DEMO_STAFF } from '@/app/demo/school';
import type { NewActionInput } from '@/kernel/action';
import { checkInBuckets } from '@/kernel/check-in';
import { addDays, endOfWeek, londonDate, type IsoDate } from '@/kernel/dates';
import { ITEM_TYPES } from '@/kernel/item-type';
import { OPEN_STATUS_VALUES } from '@/kernel/status';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { percentiles, round, timeRuns, type Percentiles } from './measure';

export interface CheckInFigures extends Percentiles {
  /** Items the four lists hold, in all. */
  items: number;
  replyBytes: number;
}

export interface StoreFigures {
  actions: number;
  open: number;
  insertMs: number;
  /** The check-in as served: counts and a first page of each list. */
  weeklyCheckIn: CheckInFigures;
  /** The peer in the same run: the check-in as it was (two unbounded reads, every row parsed, bucketed in memory). */
  unboundedCheckIn: CheckInFigures;
  firstPage: Percentiles & { total: number };
  searchPage: Percentiles & { total: number };
  ownerQuery: Percentiles & { items: number };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** The old check-in, kept here only as the yardstick. */
async function unboundedCheckIn(repo: SqliteActionRepository, today: IsoDate) {
  const [due, waiting] = await Promise.all([repo.query({ dueTo: endOfWeek(today) }), repo.query({ statuses: ['waiting'] })]);
  return checkInBuckets([...new Map([...due, ...waiting].map((a) => [a.id, a])).values()], today);
}

/**
 * The embedded store at scale: `count` actions over 250 owners and 1,000 pupils. `openShare` 1 is
 * the old bench's data (everything open, due across a year); 0.05 is a school five years in: due
 * dates over five years, and only the newest 5% still open, the rest done.
 */
export async function measureEmbeddedStore(count = 100_000, openShare = 1): Promise<StoreFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-bench-'));
  try {
    // No remembered pages: these figures are the SQL itself (the server's repeated asks are cheaper still).
    const repo = new SqliteActionRepository(openDatabase(path.join(dir, 'bench.db')), undefined, { rememberPages: 0 });
    const today = londonDate(new Date());
    const senco = DEMO_STAFF.senco;
    const span = openShare === 1 ? 365 : 5 * 365;
    const firstOpen = Math.floor(count * (1 - openShare));
    const inputs: NewActionInput[] = Array.from({ length: count }, (_, i) => ({
      pupil: { ...DEMO_PUPILS[i % DEMO_PUPILS.length]!, id: `pupil-${i % 1000}` },
      itemType: ITEM_TYPES[i % ITEM_TYPES.length]!,
      description: `Bench action ${i}`,
      owner: { id: `owner-${i % 250}`, name: `Owner ${i % 250}`, email: `owner${i % 250}@school.example` },
      dueDate: openShare === 1 ? addDays(today, (i % 365) - 180) : addDays(today, Math.floor((i / count) * span) - span + 60),
      status: OPEN_STATUS_VALUES[i % 3]!,
      source: { eventType: 'sen_support_meeting' },
    }));
    const started = process.hrtime.bigint();
    for (let i = 0; i < inputs.length; i += 200) {
      const saved = await repo.createMany(inputs.slice(i, i + 200), senco);
      for (const [j, a] of saved.entries()) {
        if (i + j < firstOpen) await repo.close(a.id, a.version, { status: 'done', note: 'Done in the bench' }, senco);
      }
    }
    const insertMs = Number(process.hrtime.bigint() - started) / 1e6;
    const open = (await repo.page({ limit: 1 })).total;

    let served = { items: 0, replyBytes: 0 };
    const checkIn = await timeRuns(50, async () => {
      const pages = await weeklyCheckIn(repo, today);
      served = { items: Object.values(pages).reduce((n, p) => n + p.total, 0), replyBytes: bytes(checkInReply(pages)) };
    });
    let old = { items: 0, replyBytes: 0 };
    const oldCheckIn = await timeRuns(5, async () => {
      const b = await unboundedCheckIn(repo, today);
      old = { items: b.overdue.length + b.dueThisWeek.length + b.waiting.length + b.needsEscalation.length, replyBytes: bytes(b) };
    });
    let firstTotal = 0;
    const firstPage = await timeRuns(50, async () => {
      firstTotal = (await repo.page({})).total;
    });
    let searchTotal = 0;
    const searchPage = await timeRuns(20, async () => {
      searchTotal = (await repo.page({ search: 'action 9', sort: 'owner' })).total;
    });
    let ownerItems = 0;
    const owner = await timeRuns(200, async () => {
      ownerItems = (await repo.query({ ownerId: 'owner-7' })).length;
    });
    return {
      actions: count,
      open,
      insertMs: round(insertMs),
      weeklyCheckIn: { ...checkIn, ...served },
      unboundedCheckIn: { ...oldCheckIn, ...old },
      firstPage: { ...firstPage, total: firstTotal },
      searchPage: { ...searchPage, total: searchTotal },
      ownerQuery: { ...owner, items: ownerItems },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export { percentiles };
