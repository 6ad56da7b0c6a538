import { CAPTURE_VERBS, PUPIL_DATASET, rowInputIds } from '@/capture/cards/capture-verbs';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createBotFor, storedSchoolDirectory } from '@/app/bot-wiring';
import { createServer } from '@/app/create-server';
import { localIdentity } from '@/http/identity';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteConversationReferenceStore } from '@/storage/sqlite/sqlite-conversation-reference-store';
import { startProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { generatePrimaryRegister, IMPORTER } from '@tests/register/generate-register';
import { assistant, sencoActor } from '@tests/support/factories';
import { buttonData, cardAction, cardInputs, meetingMessage } from '@tests/bot/support/activities';
import { startFakeConnector } from '@tests/bot/support/fake-connector';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

const now = new Date('2026-04-23T09:00:00Z');

/**
 * Tenant-like: no demo school, pupils and roles only from the SharePoint lists (Graph stand-in). The bot
 * endpoint itself runs without Bot Framework tokens (loopback), which tests/security covers separately.
 */
async function start() {
  const site = await startProvisionedSite();
  const stores = site.registerStores({ now: () => now });
  const [pupil] = generatePrimaryRegister(1).map((p) => ({ ...p, forename: 'Zara', surname: 'Quinn', yearGroup: 5 }));
  await stores.register.upsertMany([pupil!], { fullRoll: true, by: IMPORTER });
  await stores.roles.set('Attendance lead', assistant, sencoActor);
  const registered = (await stores.register.list())[0]!;

  const config = {
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: '.', DEMO_DATA: 'false', LOG_LEVEL: 'silent' }),
    mode: 'tenant' as const,
  };
  const db = openDatabase(':memory:');
  const repo = new SqliteActionRepository(db, () => now);
  const logger = createLogger('silent');
  const directory = storedSchoolDirectory(config, stores);
  const bot = await createBotFor(config, repo, logger, () => now, { conversations: new SqliteConversationReferenceStore(db) }, directory);
  const server = createServer({
    config,
    repo,
    logger,
    now: () => now,
    bot,
    authenticate: localIdentity({ ...sencoActor, sendTeam: true }),
  });
  const url = `${(await listenOnLoopback(server)).url}`;
  const connector = await startFakeConnector([]);
  const post = async (activity: unknown) => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    site,
    stores,
    repo,
    registered,
    connector,
    post,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
      await site.standIn.close();
    },
  };
}

describe('bot reading pupils and roles from the SharePoint register and role lists', () => {
  let s: Awaited<ReturnType<typeof start>>;
  beforeEach(async () => {
    s = await start();
  });
  afterEach(() => s.close());

  it('finds the register pupil by initials in the card’s pupil search', async () => {
    const res = await s.post({
      ...cardAction(s.connector.url, 'unused', {}),
      name: 'application/search',
      value: { queryText: 'z.q', dataset: PUPIL_DATASET, queryOptions: { skip: 0, top: 15 } },
    });

    expect(res.body.value).toEqual({ results: [{ title: 'Z.Q. (Year 5)', value: s.registered.id }] });
  });

  it('resolves a role word to the configured person and saves the action for the register pupil, with no Teams lookup', async () => {
    await s.post(meetingMessage(s.connector.url, "Action: attendance lead to phone Z.Q.'s parent by Friday"));
    const card = s.connector.replies().at(-1)!.body.attachments[0].content;
    const inputs = cardInputs(card);
    expect(inputs[rowInputIds(0).owner]).toBe(assistant.id);
    expect(inputs[rowInputIds(0).pupil]).toBe(s.registered.id);

    const saved = await s.post(
      cardAction(s.connector.url, CAPTURE_VERBS.saveAll, { ...buttonData(card, CAPTURE_VERBS.saveAll), ...inputs }),
    );

    expect(JSON.stringify(saved.body.value)).toContain('Saved 1 action');
    const [action] = await s.repo.query();
    expect(action).toMatchObject({ owner: assistant, pupil: { id: s.registered.id, name: 'Z.Q.', yearGroup: 5 } });
    expect(s.connector.calls.some((c) => c.path.includes('/members/'))).toBe(false);
  });

  it('reads the lists once for several capture turns inside the cache time', async () => {
    await s.post(meetingMessage(s.connector.url, "Action: attendance lead to phone Z.Q.'s parent by Friday"));
    s.site.standIn.resetCounts();

    await s.post(meetingMessage(s.connector.url, "Action: attendance lead to email Z.Q.'s parent by Friday"));
    await s.post({
      ...cardAction(s.connector.url, 'unused', {}),
      name: 'application/search',
      value: { queryText: 'z', dataset: PUPIL_DATASET },
    });

    expect(s.site.standIn.requestCounts()).toEqual({});
    expect(s.connector.replies()).toHaveLength(2);
  });
});
