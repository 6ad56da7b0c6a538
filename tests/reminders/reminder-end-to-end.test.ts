import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'restify';
import { reminderCard } from '@/reminders/reminder-card';
import { evidenceInputId, REMINDER_VERBS } from '@/reminders/reminder-verbs';
import { handleReminderAction } from '@/reminders/reminder-action';
import { DEFAULT_DONE_NOTE } from '@/reminders/update-from-reminder';
import type { Action } from '@/kernel/action';
import { DEFAULT_REMINDER_POLICY } from '@/reminders/reminder-policy';
import { createSchoolCalendar } from '@/kernel/school-calendar';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createServer } from '@/app/create-server';
import { localIdentity } from '@/http/identity';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import { SqliteReminderRunLog } from '@/storage/sqlite/sqlite-reminder-run-log';
import { ReminderTask } from '@/reminders/reminder-task';
import { BotConnectorReminderSender } from '@/reminders/bot-connector-sender';
import { assistant, buildNewAction, senco, sencoActor, teacher } from '@tests/support/factories';
import { cardOf, startLoopbackBotConnector, type LoopbackBotConnector } from './support/loopback-bot-connector';
import { cardText, clickData } from './support/card-clicks';
import { knownConversations, teamsUserIdOf } from './support/conversations';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

// Tuesday 21 April 2026, 08:00 in London (BST).
const NOW = new Date('2026-04-21T07:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-reminders-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let connector: LoopbackBotConnector;
let server: Server;
let baseUrl: string;
let repo: SqliteActionRepository;
let dueToday: Action;
let upcoming: Action;
let longOverdue: Action;
let assistantsItem: Action;
const sendLead = { id: senco.id, name: senco.name };
const clickDeps = () => ({ repo, sendTeamIds: [senco.id], now: () => NOW });

async function startApp(mode: 'embedded' | 'tenant', taskKey: string | null = null): Promise<{ server: Server; url: string }> {
  const config = { ...loadConfig({ DATA_DIR: dir, DEMO_DATA: 'false', LOG_LEVEL: 'silent' }), mode };
  const logger = createLogger('silent');
  const db = openDatabase(path.join(dir, 'e2e.db'));
  const task = new ReminderTask({
    repo: new SqliteActionRepository(db, () => NOW),
    log: new SqliteReminderLog(db),
    runs: new SqliteReminderRunLog(db),
    sender: new BotConnectorReminderSender({
      conversations: knownConversations(connector.url, { [teacher.id]: 'personal-tom', [senco.id]: 'personal-priya' }),
      serviceUrl: async () => connector.url,
      token: async () => null,
    }),
    present: reminderCard,
    policy: DEFAULT_REMINDER_POLICY,
    calendar: createSchoolCalendar(),
    sendLead,
    logger,
  });
  const app = createServer({
    config,
    repo,
    logger,
    now: () => NOW,
    authenticate: localIdentity({ ...sencoActor, sendTeam: true }),
    reminders: { reminderTask: task, taskKey },
  });
  return { server: app, url: (await listenOnLoopback(app)).url };
}

const trigger = (url: string, headers: Record<string, string> = {}) => fetch(`${url}/api/tasks/reminders`, { method: 'POST', headers });

beforeAll(async () => {
  connector = await startLoopbackBotConnector();
  repo = new SqliteActionRepository(openDatabase(path.join(dir, 'e2e.db')), () => NOW);
  const saved = await repo.createMany(
    [
      buildNewAction({ dueDate: '2026-04-21', description: 'Phone parent about the reading plan' }),
      buildNewAction({ dueDate: '2026-04-23', description: 'Share the updated one-page profile' }),
      buildNewAction({ dueDate: '2026-04-13', description: 'Send the referral to speech and language' }),
      buildNewAction({
        owner: assistant,
        dueDate: '2026-04-21',
        source: { eventType: 'sen_support_meeting', conversationId: 'meeting-chat-1' },
      }),
    ],
    sencoActor,
  );
  [dueToday, upcoming, longOverdue, assistantsItem] = saved as [Action, Action, Action, Action];
  ({ server, url: baseUrl } = await startApp('embedded'));
});

afterAll(async () => {
  server.close();
  await connector.close();
});

describe('reminders end to end over HTTP', () => {
  it('sends one card per owner, falls back to the source chat, and tells the SEND lead; a second trigger sends nothing more', async () => {
    const first = await trigger(baseUrl);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      today: '2026-04-21',
      schoolDay: true,
      itemsReminded: 4,
      fallbacks: 1,
      escalations: 1,
      failed: 0,
    });

    const byConversation = Object.fromEntries(connector.received.map((r) => [r.conversationId, r]));
    expect(Object.keys(byConversation).sort()).toEqual(['meeting-chat-1', 'personal-priya', 'personal-tom']);
    expect(connector.received).toHaveLength(3);

    const tomsCard = cardOf(byConversation['personal-tom']!);
    // refresh.userIds are Teams user ids (MRIs), as User Specific Views need: never the Entra object id.
    expect(tomsCard).toMatchObject({
      version: '1.5',
      refresh: { action: { verb: REMINDER_VERBS.refresh }, userIds: [teamsUserIdOf('personal-tom')] },
    });
    expect((tomsCard.refresh as { action: { data: { items: unknown[] } } }).action.data.items).toEqual(
      [longOverdue, dueToday, upcoming].map((a) => ({ actionId: a.id, version: 1 })),
    );

    const chat = byConversation['meeting-chat-1']!.activity;
    // In the shared chat nobody's Teams id is known: no refresh, so no member sees another's refusal.
    expect(cardOf(byConversation['meeting-chat-1']!)).not.toHaveProperty('refresh');
    expect(chat.text).toContain(`<at>${assistant.name}</at>`);
    expect(chat.entities).toEqual([
      { type: 'mention', text: `<at>${assistant.name}</at>`, mentioned: { id: assistant.id, name: assistant.name } },
    ]);

    const leadText = cardText(cardOf(byConversation['personal-priya']!));
    expect(leadText).toContain('1 item is at least 7 days overdue');
    expect(leadText).toContain(`cannot message ${assistant.name} directly`);

    const second = await trigger(baseUrl);
    expect(await second.json()).toMatchObject({ itemsReminded: 0, escalations: 0, cardsSent: 0 });
    expect(connector.received).toHaveLength(3);
  });

  it('closes the item when the owner clicks Done, with the clicker as actor and the evidence link kept', async () => {
    const card = cardOf(connector.received.find((r) => r.conversationId === 'personal-tom')!);
    const data = clickData(card, REMINDER_VERBS.done, dueToday.id, {
      [evidenceInputId(dueToday.id)]: 'https://school.example/notes/call.docx',
    });

    const refreshed = await handleReminderAction(clickDeps(), REMINDER_VERBS.done, data, { id: teacher.id, name: teacher.name });

    const stored = await repo.get(dueToday.id);
    expect(stored).toMatchObject({ status: 'done', evidenceUrl: 'https://school.example/notes/call.docx', closingNote: DEFAULT_DONE_NOTE });
    expect((await repo.history(dueToday.id)).at(-1)).toMatchObject({ kind: 'closed', actor: { id: teacher.id, name: teacher.name } });
    expect(cardText(refreshed)).toContain('Marked done');
    expect(() => clickData(refreshed, REMINDER_VERBS.done, dueToday.id)).toThrow(/no reminder.done button/);
  });

  it('refuses politely when someone other than the owner or the SEND lead clicks, and changes nothing', async () => {
    const card = cardOf(connector.received.find((r) => r.conversationId === 'personal-tom')!);
    const data = clickData(card, REMINDER_VERBS.inProgress, upcoming.id);

    const refused = await handleReminderAction(clickDeps(), REMINDER_VERBS.inProgress, data, { id: assistant.id, name: assistant.name });

    expect(cardText(refused)).toContain('This reminder is for someone else, so it shows nothing here.');
    expect(cardText(refused)).not.toContain(teacher.name);
    expect(JSON.stringify(refused)).not.toContain(upcoming.id);
    expect(await repo.get(upcoming.id)).toMatchObject({ status: 'open', version: 1 });
  });

  it('lets the SEND lead change an owner’s item from the card', async () => {
    const card = cardOf(connector.received.find((r) => r.conversationId === 'meeting-chat-1')!);
    const data = clickData(card, REMINDER_VERBS.waiting, assistantsItem.id);
    await handleReminderAction(clickDeps(), REMINDER_VERBS.waiting, data, { id: senco.id, name: senco.name });
    expect((await repo.history(assistantsItem.id)).at(-1)).toMatchObject({
      actor: { id: senco.id },
      changes: [{ field: 'status', from: 'open', to: 'waiting' }],
    });
  });

  it('refreshes a stale card instead of overwriting a change made elsewhere', async () => {
    await repo.update(upcoming.id, 1, { status: 'waiting', note: 'Waiting for the parent to reply' }, sencoActor);
    const card = cardOf(connector.received.find((r) => r.conversationId === 'personal-tom')!);
    const data = clickData(card, REMINDER_VERBS.done, upcoming.id); // the card still says version 1

    const refreshed = await handleReminderAction(clickDeps(), REMINDER_VERBS.done, data, { id: teacher.id, name: teacher.name });

    expect(await repo.get(upcoming.id)).toMatchObject({ status: 'waiting', version: 2 });
    expect(cardText(refreshed)).toContain('changed since the card was sent');
    expect(clickData(refreshed, REMINDER_VERBS.done, upcoming.id)).toMatchObject({ version: 2 });
  });

  it('snoozes a week without moving the due date, says so beside that item, and keeps it off the card until then', async () => {
    const card = cardOf(connector.received.find((r) => r.conversationId === 'personal-tom')!);
    const tom = { id: teacher.id, name: teacher.name };
    const snoozed = await handleReminderAction(
      clickDeps(),
      REMINDER_VERBS.snooze,
      clickData(card, REMINDER_VERBS.snooze, longOverdue.id),
      tom,
    );
    expect(await repo.get(longOverdue.id)).toMatchObject({ dueDate: '2026-04-13', remindAfter: '2026-04-28' });
    // The confirmation is in the snoozed item's own container, not on top of the whole card.
    const containers = (snoozed.body as { type: string }[]).filter((e) => e.type === 'Container');
    const about = containers.filter((c) => JSON.stringify(c).includes('Snoozed: no reminder about this item'));
    expect(about).toHaveLength(1);
    expect(JSON.stringify(about[0])).toContain(longOverdue.description);

    const refresh = (card.refresh as { action: { data: unknown } }).action.data;
    const current = await handleReminderAction(clickDeps(), REMINDER_VERBS.refresh, refresh, tom);
    const text = cardText(current);
    expect(text).toContain('Done (updated by Tom Reed)');
    expect(text).not.toContain(longOverdue.description);
    const listed = (current.refresh as { action: { data: { items: { actionId: string }[] } } }).action.data.items.map((i) => i.actionId);
    expect(listed).not.toContain(longOverdue.id);
    expect(listed.length).toBeGreaterThan(0);
  });

  it('rejects malformed card data before any command runs', async () => {
    await expect(
      handleReminderAction(clickDeps(), REMINDER_VERBS.done, { items: 'nope' }, { id: teacher.id, name: teacher.name }),
    ).rejects.toThrow(/data\./);
  });
});

describe('reminder trigger in tenant mode', () => {
  it('needs the x-task-key header to match TASK_KEY', async () => {
    const key = 'a-long-task-key-for-the-cloud-timer-0001';
    const app = await startApp('tenant', key);
    try {
      expect((await trigger(app.url)).status).toBe(403);
      expect((await trigger(app.url, { 'x-task-key': 'wrong-key-wrong-key-wrong-key-000' })).status).toBe(403);
      expect((await trigger(app.url, { 'x-task-key': key })).status).toBe(200);
    } finally {
      app.server.close();
    }
  });
});
