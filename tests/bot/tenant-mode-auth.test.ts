import restify from 'restify';
import { createBot } from '@bot/create-bot';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteConversationReferenceStore } from '@/storage/sqlite/sqlite-conversation-reference-store';
import { tenantEnv } from '@tests/support/tenant-env';
import { meetingMessage } from './support/activities';
import { startFakeConnector } from './support/fake-connector';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

describe('bot endpoint in tenant mode', () => {
  it('rejects a request without a Bot Framework token with 401, even from loopback, and sends nothing', async () => {
    const config = loadConfig(tenantEnv());
    const db = openDatabase(':memory:');
    const connector = await startFakeConnector([]);
    const bot = await createBot(config, {
      repo: new SqliteActionRepository(db),
      conversations: new SqliteConversationReferenceStore(db),
      school: { pupils: [], roles: {} },
      knownPeople: [],
      trackerUrl: 'http://127.0.0.1/tab/',
      logger: createLogger('silent'),
      now: () => new Date(),
    });
    const server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    bot.mount(server);
    const { url } = await listenOnLoopback(server);
    try {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(meetingMessage(connector.url, "Action: SENCO to update J.B.'s plan by Friday")),
      });
      expect(res.status).toBe(401);
      expect(connector.calls).toHaveLength(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    }
  });
});
