import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { weeklyCheckIn } from '@/tracker/weekly-check-in';
import { DEMO_PUPILS, DEMO_STAFF } from '@/app/demo/school';
import type { NewActionInput } from '@/kernel/action';
import { addDays, londonDate } from '@/kernel/dates';
import { ITEM_TYPES } from '@/kernel/item-type';
import { OPEN_STATUS_VALUES } from '@/kernel/status';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { percentiles, round, timeRuns, type Percentiles } from './measure';

export interface StoreFigures {
  actions: number;
  insertMs: number;
  weeklyCheckIn: Percentiles & { items: number };
  ownerQuery: Percentiles & { items: number };
}

/** The embedded store at scale: `count` actions over 250 owners and 1,000 pupils, due across a year. */
export async function measureEmbeddedStore(count = 100_000): Promise<StoreFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-bench-'));
  try {
    const repo = new SqliteActionRepository(openDatabase(path.join(dir, 'bench.db')));
    const today = londonDate(new Date());
    const senco = DEMO_STAFF.senco;
    const inputs: NewActionInput[] = Array.from({ length: count }, (_, i) => ({
      pupil: { ...DEMO_PUPILS[i % DEMO_PUPILS.length]!, id: `pupil-${i % 1000}` },
      itemType: ITEM_TYPES[i % ITEM_TYPES.length]!,
      description: `Bench action ${i}`,
      owner: { id: `owner-${i % 250}`, name: `Owner ${i % 250}`, email: `owner${i % 250}@school.example` },
      dueDate: addDays(today, (i % 365) - 180),
      status: OPEN_STATUS_VALUES[i % 3]!,
      source: { eventType: 'sen_support_meeting' },
    }));
    const started = process.hrtime.bigint();
    for (let i = 0; i < inputs.length; i += 200) await repo.createMany(inputs.slice(i, i + 200), senco);
    const insertMs = Number(process.hrtime.bigint() - started) / 1e6;

    let checkInItems = 0;
    const checkIn = await timeRuns(20, async () => {
      const b = await weeklyCheckIn(repo, today);
      checkInItems = b.overdue.length + b.dueThisWeek.length + b.waiting.length;
    });
    let ownerItems = 0;
    const owner = await timeRuns(200, async () => {
      ownerItems = (await repo.query({ ownerId: 'owner-7' })).length;
    });
    return {
      actions: count,
      insertMs: round(insertMs),
      weeklyCheckIn: { ...checkIn, items: checkInItems },
      ownerQuery: { ...owner, items: ownerItems },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export { percentiles };
