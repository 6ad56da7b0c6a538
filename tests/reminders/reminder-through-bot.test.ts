import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'restify';
import { evidenceInputId, REMINDER_VERBS } from '@/reminders/reminder-verbs';
import { DEFAULT_DONE_NOTE } from '@/reminders/update-from-reminder';
import { DEMO_STAFF } from '@/app/demo/school';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createBotFor } from '@/app/bot-wiring';
import { createServer } from '@/app/create-server';
import { localIdentity } from '@/http/identity';
import { openStores } from '@/app/open-stores';
import { createReminderTask } from '@/app/reminder-wiring';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { loadReminderConfig } from '@/reminders/reminder-config';
import { buildNewAction, sencoActor } from '@tests/support/factories';
import { cardText, clickData } from './support/card-clicks';
import { cardOf, startLoopbackBotConnector, type LoopbackBotConnector } from './support/loopback-bot-connector';
import { cardClick, personalChatId, personalInstall, type TeamsUser } from './support/teams-activities';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';
import { jsonPoster } from './support/post-json';

// Tuesday 21 April 2026, 08:00 in London.
const NOW = new Date('2026-04-21T07:00:00Z');
const tom: TeamsUser = { teamsId: '29:1tom', aadObjectId: DEMO_STAFF.year4Teacher.id, name: DEMO_STAFF.year4Teacher.name };
const grace: TeamsUser = { teamsId: '29:1grace', aadObjectId: DEMO_STAFF.assistant.id, name: DEMO_STAFF.assistant.name };
const priya: TeamsUser = { teamsId: '29:1priya', aadObjectId: DEMO_STAFF.senco.id, name: DEMO_STAFF.senco.name };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-reminder-bot-'));
let connector: LoopbackBotConnector;
let server: Server;
let url: string;
let repo: ActionRepository;

const post = jsonPoster(() => url);

beforeAll(async () => {
  connector = await startLoopbackBotConnector();
  // The production composition (embedded mode): the real bot on /api/messages and the reminder task.
  const config = loadConfig({ DATA_DIR: dir, DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const clock = () => NOW;
  const stores = openStores(config, clock);
  repo = stores.actions;
  const bot = await createBotFor(config, repo, logger, clock, stores.tasks);
  const reminderTask = createReminderTask(config, loadReminderConfig('embedded', {}, DEMO_STAFF.senco), repo, logger, stores.tasks);
  server = createServer({
    config,
    repo,
    logger,
    now: clock,
    bot,
    reminders: { reminderTask, taskKey: null },
    authenticate: localIdentity({ ...DEMO_STAFF.senco, sendTeam: true }),
  });
  url = `${(await listenOnLoopback(server)).url}`;
});

afterAll(async () => {
  server.close();
  await connector.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reminder through the Teams bot', () => {
  it('installing the app, the reminder arriving and clicking Done closes the item with the clicker in the history', async () => {
    for (const user of [tom, priya]) expect((await post('/api/messages', personalInstall(connector.url, user))).status).toBeLessThan(300);
    const [action] = await repo.createMany([buildNewAction({ owner: DEMO_STAFF.year4Teacher, dueDate: '2026-04-21' })], sencoActor);

    expect((await post('/api/tasks/reminders')).body).toMatchObject({ cardsSent: 1, itemsReminded: 1 });
    // Installing for yourself brings the welcome card first; the reminder is the card after it.
    const reminder = connector.received.filter((r) => r.conversationId === personalChatId(tom)).at(-1);
    expect(reminder).toBeDefined();
    const card = cardOf(reminder!);

    const data = clickData(card, REMINDER_VERBS.done, action!.id, { [evidenceInputId(action!.id)]: 'Parent agreed the plan by phone' });
    const click = await post('/api/messages', cardClick(connector.url, tom, personalChatId(tom), REMINDER_VERBS.done, data));

    expect(click.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(click.body.value)).toContain('Marked done');
    expect(await repo.get(action!.id)).toMatchObject({ status: 'done', closingNote: 'Parent agreed the plan by phone' });
    expect((await repo.history(action!.id)).at(-1)).toMatchObject({ kind: 'closed', actor: { id: tom.aadObjectId, name: tom.name } });
  });

  it('gives a polite refusal on the card when someone else clicks, and changes nothing', async () => {
    const [action] = await repo.createMany(
      [buildNewAction({ owner: DEMO_STAFF.year4Teacher, dueDate: '2026-04-23', description: 'Book the review' })],
      sencoActor,
    );
    await post('/api/tasks/reminders');
    const card = cardOf(connector.received.at(-1)!);

    const click = await post(
      '/api/messages',
      cardClick(connector.url, grace, personalChatId(tom), REMINDER_VERBS.done, clickData(card, REMINDER_VERBS.done, action!.id)),
    );

    const text = cardText(click.body.value);
    expect(text).toContain('This reminder is for someone else, so it shows nothing here.');
    // Nothing of Tom's item reaches Grace: not his name, the pupil or what was agreed.
    expect(text).not.toContain(tom.name);
    expect(text).not.toContain('Book the review');
    expect(JSON.stringify(click.body.value)).not.toContain(action!.id);
    expect(await repo.get(action!.id)).toMatchObject({ status: 'open', version: 1 });
  });

  it('closes with the default note when Done is clicked with the box left empty', async () => {
    const [action] = await repo.createMany([buildNewAction({ owner: DEMO_STAFF.year4Teacher, dueDate: '2026-04-22' })], sencoActor);
    await post('/api/tasks/reminders');
    const card = cardOf(connector.received.at(-1)!);
    await post(
      '/api/messages',
      cardClick(
        connector.url,
        tom,
        personalChatId(tom),
        REMINDER_VERBS.done,
        clickData(card, REMINDER_VERBS.done, action!.id, { [evidenceInputId(action!.id)]: '' }),
      ),
    );
    expect(await repo.get(action!.id)).toMatchObject({ status: 'done', closingNote: DEFAULT_DONE_NOTE });
  });

  it('reminds the member of staff who chases a parent’s action, worded "Chase parent: …"', async () => {
    await repo.createMany(
      [
        buildNewAction({
          owner: DEMO_STAFF.senco,
          outsideOwner: 'parent',
          dueDate: '2026-04-21',
          description: 'Send the sleep diary for the last two weeks',
        }),
      ],
      sencoActor,
    );
    await post('/api/tasks/reminders');
    const toPriya = connector.received.filter((r) => r.conversationId === personalChatId(priya)).at(-1)!;
    expect(cardText(cardOf(toPriya))).toContain('J.B.: Chase parent: Send the sleep diary for the last two weeks');
  });

  it('answers a refresh from another viewer of the card with their own view: the SEND lead sees the item, other staff nothing', async () => {
    const [action] = await repo.createMany(
      [buildNewAction({ owner: DEMO_STAFF.year4Teacher, dueDate: '2026-04-22', description: 'Send the reading plan home' })],
      sencoActor,
    );
    await post('/api/tasks/reminders');
    const card = cardOf(connector.received.filter((r) => r.conversationId === personalChatId(tom)).at(-1)!);
    const refresh = (card.refresh as { action: { verb: string; data: Record<string, unknown> }; userIds: string[] }).action;
    expect((card.refresh as { userIds: string[] }).userIds).toEqual([tom.teamsId]);

    const asPriya = await post(
      '/api/messages',
      cardClick(connector.url, priya, personalChatId(tom), refresh.verb, refresh.data, 'automatic'),
    );
    expect(cardText(asPriya.body.value)).toContain('Send the reading plan home');
    // Her view refreshes for her, not for Tom.
    expect(asPriya.body.value.refresh.userIds).toEqual([priya.teamsId]);

    const asGrace = await post(
      '/api/messages',
      cardClick(connector.url, grace, personalChatId(tom), refresh.verb, refresh.data, 'automatic'),
    );
    expect(cardText(asGrace.body.value)).not.toContain('Send the reading plan home');
    expect(JSON.stringify(asGrace.body.value)).not.toContain(action!.id);
  });
});
