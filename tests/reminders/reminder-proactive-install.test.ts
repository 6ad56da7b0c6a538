import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'restify';
import { DEMO_STAFF } from '@/app/demo/school';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createBotFor } from '@/app/bot-wiring';
import { createServer } from '@/app/create-server';
import type { User } from '@/http/identity';
import { openStores } from '@/app/open-stores';
import { createReminderTask } from '@/app/reminder-wiring';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { loadReminderConfig } from '@/reminders/reminder-config';
import { GraphAppInstaller } from '@/reminders/graph-app-installer';
import { StoredPersonalConversations } from '@/reminders/stored-personal-conversations';
import { createGraphClient, graphRoot } from '@/storage/sharepoint/graph-client';
import { buildNewAction, sencoActor } from '@tests/support/factories';
import { startGraphStandIn, type GraphStandIn } from '@tests/graph-stand-in/graph-stand-in';
import { cardText } from './support/card-clicks';
import { cardOf, startLoopbackBotConnector, type LoopbackBotConnector } from './support/loopback-bot-connector';
import { personalInstall, type TeamsUser } from './support/teams-activities';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';
import { jsonPoster } from './support/post-json';

/**
 * An owner who never opened the bot gets their reminder: the app installs itself for them through
 * Microsoft Graph (the stand-in plays the documented installedApps endpoints), then posts in the
 * personal chat Graph names. The real bot, reminder task and Bot Connector sender, over HTTP.
 */
const MANIFEST_ID = 'f31b1263-ba99-435a-a679-911d24850d7c';
const CATALOG_ID = 'b1c5353a-7aca-41b3-830f-27d5218fe0e5';
// Tuesday 21 April 2026, 08:00 in London.
let now = new Date('2026-04-21T07:00:00Z');
const priya: TeamsUser = { teamsId: '29:1priya', aadObjectId: DEMO_STAFF.senco.id, name: DEMO_STAFF.senco.name };
const tom = DEMO_STAFF.year4Teacher;
const grace = DEMO_STAFF.assistant;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-install-'));
let graph: GraphStandIn;
let connector: LoopbackBotConnector;
let server: Server;
let url: string;
let repo: ActionRepository;
const failFor: string[] = [];
const sendLead: User = { ...DEMO_STAFF.senco, sendTeam: true };
/** Who the tab's requests come from. */
let caller: User = sendLead;

const post = jsonPoster(() => url);
const get = async (route: string) => {
  const res = await fetch(`${url}${route}`);
  return { status: res.status, body: (await res.json()) as any };
};
const tomsChat = () => `19:${graph.teamwork.botAppId}_${tom.id}@unq.gbl.spaces`;

beforeAll(async () => {
  graph = await startGraphStandIn();
  graph.teamwork.catalog.push({ id: CATALOG_ID, externalId: MANIFEST_ID, displayName: 'SEND Tracker', distributionMethod: 'organization' });
  // Priya installed the app herself; Grace's app setup policy blocks it.
  graph.teamwork.install(priya.aadObjectId, CATALOG_ID);
  graph.teamwork.blocked.add(grace.id);
  connector = await startLoopbackBotConnector({ failFor });

  const config = loadConfig({ DATA_DIR: dir, DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const clock = () => now;
  const stores = openStores(config, clock);
  repo = stores.actions;
  const conversations = new StoredPersonalConversations(stores.tasks.conversations);
  const installer = new GraphAppInstaller({
    client: createGraphClient({ authProvider: { getAccessToken: async () => graph.token }, baseUrl: graph.baseUrl, retryDelaySeconds: 0 }),
    graphRoot: graphRoot(graph.baseUrl),
    manifestAppId: MANIFEST_ID,
    peopleWithTheApp: () => conversations.peopleWithTheApp(),
    logger,
  });
  const reminders = loadReminderConfig('embedded', {}, DEMO_STAFF.senco);
  const reminderTask = createReminderTask(config, reminders, repo, logger, stores.tasks, installer);
  server = createServer({
    config,
    repo,
    logger,
    now: clock,
    bot: await createBotFor(config, repo, logger, clock, stores.tasks),
    reminders: { reminderTask, taskKey: null },
    authenticate: async () => caller,
  });
  url = (await listenOnLoopback(server)).url;
  await post('/api/messages', personalInstall(connector.url, priya));
});

afterAll(async () => {
  server.close();
  await connector.close();
  await graph.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reminding an owner who has no chat with the bot', () => {
  it('installs the app for them through Graph, then posts the reminder in the chat Graph names', async () => {
    const [action] = await repo.createMany([buildNewAction({ owner: tom, dueDate: '2026-04-21' })], sencoActor);
    graph.resetCounts();

    expect((await post('/api/tasks/reminders')).body).toMatchObject({ cardsSent: 1, itemsReminded: 1, installed: 1, fallbacks: 0 });

    expect(graph.teamwork.installedFor(tom.id)).toEqual([CATALOG_ID]);
    const delivered = connector.received.filter((r) => r.conversationId === tomsChat());
    expect(delivered).toHaveLength(1);
    expect(cardText(cardOf(delivered[0]!))).toContain(action!.description);
    // The catalog id is read from Priya's installation (no AppCatalog permission); Tom's: look, install, look, chat.
    expect(graph.requestCounts()).toEqual({ 'list user apps': 3, 'install app for user': 1, 'get installation chat': 1 });
  });

  it('keeps the chat it made, so the next reminder to them needs no Graph request', async () => {
    now = new Date('2026-04-22T07:00:00Z');
    await repo.createMany([buildNewAction({ owner: tom, dueDate: '2026-04-22', description: 'Share the one-page profile' })], sencoActor);
    graph.resetCounts();

    expect((await post('/api/tasks/reminders')).body).toMatchObject({ cardsSent: 1, installed: 0 });

    expect(graph.requestCounts()).toEqual({});
    expect(connector.received.filter((r) => r.conversationId === tomsChat())).toHaveLength(2);
  });

  it('falls back to the meeting chat when the tenant does not allow the install, and tells the SEND lead why', async () => {
    now = new Date('2026-04-23T07:00:00Z');
    await repo.createMany(
      [
        buildNewAction({
          owner: grace,
          dueDate: '2026-04-23',
          source: { eventType: 'sen_support_meeting', conversationId: '19:meeting-jb@thread.v2' },
        }),
      ],
      sencoActor,
    );

    expect((await post('/api/tasks/reminders')).body).toMatchObject({ installed: 0, fallbacks: 1 });

    expect(graph.teamwork.installedFor(grace.id)).toEqual([]);
    expect(connector.received.filter((r) => r.conversationId === '19:meeting-jb@thread.v2')).toHaveLength(1);
    const leadCard = connector.received.filter((r) => r.conversationId.startsWith('a:1personal-29:1priya')).at(-1)!;
    expect(cardText(cardOf(leadCard))).toContain(
      `cannot message ${grace.name} directly (Teams did not allow the app to be installed for them`,
    );
  });
});

describe('the Reminders panel (SEND team)', () => {
  it('lists the recent runs, newest first, with who could not be messaged directly and why', async () => {
    const { status, body } = await get('/api/reminders/runs');

    expect(status).toBe(200);
    expect(body.canInstall).toBe(true);
    expect(body.runs.map((r: any) => r.today)).toEqual(['2026-04-23', '2026-04-22', '2026-04-21']);
    expect(body.runs[0]).toMatchObject({ cardsSent: 2, fallbacks: 1, installed: 0 });
    expect(body.runs[0].unreached).toEqual([
      { id: grace.id, name: grace.name, reason: 'install-not-allowed', items: 1, reachableNow: false },
    ]);
    expect(body.runs[2]).toMatchObject({ installed: 1, unreached: [] });
  });

  it('installs the app for someone a run missed once the admin allows it, and then shows them reachable', async () => {
    graph.teamwork.blocked.delete(grace.id);

    const installed = await post('/api/reminders/install', { personId: grace.id });

    expect(installed).toEqual({ status: 200, body: { name: grace.name, outcome: { open: true, installed: true } } });
    expect(graph.teamwork.installedFor(grace.id)).toEqual([CATALOG_ID]);
    // Nothing is sent by installing: the card waits for the next run.
    expect(connector.received.filter((r) => r.conversationId.includes(grace.id))).toEqual([]);
    expect((await get('/api/reminders/runs')).body.runs[0].unreached[0]).toMatchObject({ id: grace.id, reachableNow: true });
  });

  it('installs only for someone a recent run could not reach, and says what is wrong with a bad request', async () => {
    expect(await post('/api/reminders/install', { personId: DEMO_STAFF.year6Teacher.id })).toMatchObject({ status: 404 });
    expect(await post('/api/reminders/install', { personId: '' })).toMatchObject({ status: 400 });
    expect(graph.teamwork.installedFor(DEMO_STAFF.year6Teacher.id)).toEqual([]);
  });

  it('runs the reminders again on request, sending only what has not gone out', async () => {
    now = new Date('2026-04-24T07:00:00Z');
    await repo.createMany([buildNewAction({ owner: tom, dueDate: '2026-04-24', description: 'Book the review room' })], sencoActor);
    failFor.push(tomsChat());
    // Tom's one card (today's item and Wednesday's, now overdue) is refused.
    expect((await post('/api/tasks/reminders')).body).toMatchObject({ cardsSent: 0, failed: 2 });
    failFor.length = 0;
    const before = connector.received.length;

    const again = await post('/api/reminders/run');

    expect(again.body).toMatchObject({ cardsSent: 1, itemsReminded: 2, failed: 0 });
    expect(connector.received.slice(before).map((r) => r.conversationId)).toEqual([tomsChat()]);
    expect((await post('/api/reminders/run')).body).toMatchObject({ cardsSent: 0 });
    const runs = (await get('/api/reminders/runs')).body.runs;
    expect(runs.slice(0, 3).map((r: any) => [r.today, r.cardsSent, r.failed])).toEqual([
      ['2026-04-24', 0, 0],
      ['2026-04-24', 1, 0],
      ['2026-04-24', 0, 2],
    ]);
  });

  it('is refused to staff outside the SEND team, and installs nothing for them', async () => {
    caller = { ...tom, sendTeam: false };
    try {
      expect(await get('/api/reminders/runs')).toMatchObject({ status: 403, body: { message: 'Reminder runs are for the SEND team.' } });
      expect(await post('/api/reminders/run')).toMatchObject({ status: 403 });
      expect(await post('/api/reminders/install', { personId: grace.id })).toMatchObject({ status: 403 });
    } finally {
      caller = sendLead;
    }
  });
});
