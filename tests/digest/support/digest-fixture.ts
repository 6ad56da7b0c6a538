import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoData } from '@/app/demo/seed-demo-data';
import { DEMO_STAFF } from '@/app/demo/school';
import { deepLinks } from '@/digest/deep-links';
import type { MailSender } from '@/kernel/ports/mail-sender';
import { OutboxMailSender } from '@/digest/outbox-mail-sender';
import { createLogger } from '@/platform/logger';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteDigestLog } from '@/storage/sqlite/sqlite-digest-log';
import { WeeklyDigestTask } from '@/digest/weekly-digest-task';

/** Monday 07:00 London (GMT in November). */
export const MONDAY = new Date('2026-11-23T07:00:00Z');

/** A fresh SQLite file seeded with the demo school, and an outbox folder beside it. */
export async function seededStore(now = MONDAY) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-task-'));
  const file = path.join(dir, 'send-tracker.db');
  const db = openDatabase(file);
  await seedDemoData(new SqliteActionRepository(db, () => now), now);
  db.close();
  return { dir, file, outboxDir: path.join(dir, 'outbox') };
}

/** A WeeklyDigestTask over its own connection to `file`, as a separate instance of the app would have. */
export function digestTask(file: string, sender: MailSender) {
  const db = openDatabase(file);
  const task = new WeeklyDigestTask({
    repo: new SqliteActionRepository(db),
    log: new SqliteDigestLog(db),
    sender,
    links: deepLinks({ publicUrl: 'https://tracker.oakfield.example' }),
    lead: DEMO_STAFF.senco,
    schoolName: 'Oakfield Primary (demo)',
    logger: createLogger('silent'),
  });
  return { task, db };
}

export function outboxSender(outboxDir: string) {
  return new OutboxMailSender(outboxDir, { name: 'SEND Tracker', email: 'send-tracker@oakfield.example' }, () => MONDAY);
}

/** The `To` address of every .eml in the outbox. */
export function outboxRecipients(outboxDir: string): string[] {
  if (!fs.existsSync(outboxDir)) return [];
  return fs
    .readdirSync(outboxDir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => /^To: .*<([^>]+)>/m.exec(fs.readFileSync(path.join(outboxDir, f), 'utf8'))?.[1] ?? '?')
    .sort();
}
