/**
 * A server-side write loop, run as its own process by outbox-kill.test.ts so the test can SIGKILL it
 * mid-write. Each step saves one action (idempotency key `kill-<i>`) to the embedded SQLite store
 * and, separately, to SharePoint (the Graph stand-in) through the durable outbox, then prints
 * `ack <i> ok|pending` once both writes have returned — what the user would have been told.
 *
 * Env: DB_FILE, GRAPH_BASE_URL, SITE_ID, GRAPH_TOKEN, FROM, TO (exclusive), REPLAY_FIRST=1 to replay
 * the outbox before writing (what a restarted server does).
 */
import { PendingWriteError } from '@/kernel/errors';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';
import { SqliteOutboxStore } from '@/storage/outbox/sqlite-outbox-store';
import { createSharePointRepository } from '@/storage/sharepoint/create-sharepoint-repository';
import { StaticTokenProvider } from '@/storage/sharepoint/msal-auth-provider';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { buildNewAction, sencoActor } from '@tests/support/factories';

async function main(): Promise<void> {
  const env = process.env;
  const db = openDatabase(env.DB_FILE!);
  const embedded = new SqliteActionRepository(db);
  const sharePoint = createSharePointRepository(
    {
      tenantId: 'oakfield.example',
      clientId: '00000000-0000-4000-8000-00000000000a',
      clientSecret: 'unused',
      siteId: env.SITE_ID!,
      baseUrl: env.GRAPH_BASE_URL!,
    },
    { authProvider: new StaticTokenProvider(env.GRAPH_TOKEN!), retryDelaySeconds: 0, batch: { defaultRetryAfterSeconds: 0 } },
  );
  const repo = new OutboxActionRepository(sharePoint, new SqliteOutboxStore(db));
  if (env.REPLAY_FIRST === '1') process.stdout.write(`replayed ${JSON.stringify(await repo.replay())}\n`);
  for (let i = Number(env.FROM); i < Number(env.TO); i++) {
    const input = buildNewAction({ description: `Kill test action ${i}`, idempotencyKey: `kill-${i}` });
    await embedded.createMany([input], sencoActor);
    let outcome = 'ok';
    try {
      await repo.createMany([input], sencoActor);
    } catch (error) {
      if (!(error instanceof PendingWriteError)) throw error;
      outcome = 'pending';
    }
    process.stdout.write(`ack ${i} ${outcome}\n`);
  }
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
