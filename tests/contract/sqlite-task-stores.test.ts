import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteConversationReferenceStore } from '@/storage/sqlite/sqlite-conversation-reference-store';
import { SqliteDigestLog } from '@/storage/sqlite/sqlite-digest-log';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import { SqliteReminderRunLog } from '@/storage/sqlite/sqlite-reminder-run-log';
import { describeConversationReferenceContract } from './conversation-references.contract';
import { describeDigestLogContract } from './digest-log.contract';
import { describeReminderLogContract } from './reminder-log.contract';
import { describeReminderRunLogContract } from './reminder-run-log.contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-task-stores-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** Two connections to one new file: two app instances sharing the embedded store. */
function twoConnections() {
  const file = path.join(dir, `tasks-${++n}.db`);
  return [openDatabase(file), openDatabase(file)] as const;
}

describeReminderLogContract('SQLite file, two connections', async () => {
  const [a, b] = twoConnections();
  return { repo: new SqliteActionRepository(a), logs: [new SqliteReminderLog(a), new SqliteReminderLog(b)] };
});

describeDigestLogContract('SQLite file, two connections', async () => {
  const [a, b] = twoConnections();
  return [new SqliteDigestLog(a), new SqliteDigestLog(b)];
});

describeConversationReferenceContract('SQLite file, two connections', async () => {
  const [a, b] = twoConnections();
  return [new SqliteConversationReferenceStore(a), new SqliteConversationReferenceStore(b)];
});

describeReminderRunLogContract('SQLite file, two connections', async () => {
  const [a, b] = twoConnections();
  return [new SqliteReminderRunLog(a), new SqliteReminderRunLog(b)];
});
