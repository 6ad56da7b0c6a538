import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteOutboxStore } from '@/storage/outbox/sqlite-outbox-store';
import { TableOutboxStore } from '@/storage/outbox/table-outbox-store';
import { openDatabase } from '@/storage/sqlite/open-database';
import { startAzuriteTables, type AzuriteTables } from '@tests/support/azurite';
import { describeOutboxStoreContract } from './outbox-store.contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-outbox-'));
let azurite: AzuriteTables;
beforeAll(async () => {
  azurite = await startAzuriteTables();
});
afterAll(async () => {
  await azurite.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
describeOutboxStoreContract('SQLite file, two connections', async (now) => {
  const file = path.join(dir, `outbox-${++n}.db`);
  return [new SqliteOutboxStore(openDatabase(file), now), new SqliteOutboxStore(openDatabase(file), now)];
});

describeOutboxStoreContract('Azure Table Storage (Azurite), two clients', async (now) => {
  const table = await azurite.table();
  const again = await azurite.table(table.tableName);
  return [new TableOutboxStore(table, now), new TableOutboxStore(again, now)];
});
