import { CAPTURE_VERBS, PUPIL_DATASET, rowInputIds } from '@/capture/cards/capture-verbs';
import { isLoopbackAddress } from '@/platform/loopback';
import { BOT, MEETING_CHAT, PRIYA, TOM, botAdded, buttonData, cardAction, cardInputs, meetingMessage } from './support/activities';
import { startBotServer } from './support/bot-server';
import { startFakeConnector } from './support/fake-connector';

const MESSAGE = [
  'Agreed actions:',
  "- <at>Tom Reed</at> to phone J.B.'s parent by Friday",
  "- SENCO to update J.B.'s support plan by 7/5",
  '- Monitor progress',
].join('\n');

type Started = { bot: Awaited<ReturnType<typeof startBotServer>>; connector: Awaited<ReturnType<typeof startFakeConnector>> };

async function start(): Promise<Started> {
  const connector = await startFakeConnector([TOM]);
  const bot = await startBotServer();
  return { bot, connector };
}

/** Posts the meeting message and returns the proposed-actions card the bot replied with. */
async function propose({ bot, connector }: Started, text = MESSAGE, id?: string) {
  const res = await bot.post(meetingMessage(connector.url, text, { mentions: [{ id: TOM.id, name: TOM.name }], ...(id ? { id } : {}) }));
  expect(res.status).toBe(200);
  const reply = connector.replies().at(-1)!;
  return { reply, card: reply.body.attachments[0].content };
}

/** The third proposed action ("Monitor progress") has no owner, date or pupil until someone picks them. */
const COMPLETE_ROW_3 = { [rowInputIds(2).owner]: TOM.aadObjectId, [rowInputIds(2).due]: '2026-05-01', [rowInputIds(2).pupil]: 'p-0001' };

/** What Teams posts when someone clicks a button on `card` without changing anything. */
const clickData = (card: any, verb: string, changes: Record<string, string> = {}) => ({
  ...buttonData(card, verb),
  ...cardInputs(card),
  ...changes,
});

describe('bot over HTTP (embedded mode, real server and SQLite)', () => {
  let s: Started;
  beforeEach(async () => {
    s = await start();
  });
  afterEach(async () => {
    await s.bot.close();
    await s.connector.close();
  });

  it('replies in the meeting chat with a proposed-actions card when @mentioned', async () => {
    const { reply, card } = await propose(s);
    expect(reply.path).toBe(`/v3/conversations/${MEETING_CHAT.id}/activities`);
    expect(reply.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.version).toBe('1.5');
    const inputs = cardInputs(card);
    expect(inputs[rowInputIds(0).description]).toBe("Phone J.B.'s parent");
    // Tom's Entra id came from the member lookup, not from the Teams 29: id.
    expect(inputs[rowInputIds(0).owner]).toBe(TOM.aadObjectId);
    expect(inputs[rowInputIds(0).due]).toBe('2026-04-24');
    expect(inputs[rowInputIds(1).owner]).toBe('00000000-0000-4000-8000-000000000001');
    expect(inputs[rowInputIds(2).owner]).toBe('');
    expect(JSON.stringify(card)).toContain('"color":"Attention"');
    expect(s.connector.calls.some((c) => c.method === 'GET' && c.path.endsWith(`/members/${TOM.id}`))).toBe(true);
  });

  it('keeps an @mention it cannot look up unresolved, with a warning, instead of guessing', async () => {
    const res = await s.bot.post(
      meetingMessage(s.connector.url, "Action: <at>Sam Stranger</at> to phone J.B.'s parent by Friday", {
        mentions: [{ id: '29:unknown', name: 'Sam Stranger' }],
      }),
    );
    expect(res.status).toBe(200);
    const card = s.connector.replies().at(-1)!.body.attachments[0].content;
    expect(cardInputs(card)[rowInputIds(0).owner]).toBe('');
    expect(JSON.stringify(card)).toContain('Could not look up Sam Stranger in Teams');
  });

  it('reads un-mentioned messages only when they clearly list actions', async () => {
    await s.bot.post(meetingMessage(s.connector.url, 'Thanks all, see you next week', { mentionBot: false }));
    expect(s.connector.replies()).toHaveLength(0);
    await s.bot.post(meetingMessage(s.connector.url, "Action: SENCO to update J.B.'s support plan by 7/5", { mentionBot: false }));
    expect(s.connector.replies()).toHaveLength(1);
  });

  it('saves on Save all, answers with the saved summary for everyone, and a retry creates no duplicates', async () => {
    const { card } = await propose(s);
    const data = clickData(card, CAPTURE_VERBS.saveAll, COMPLETE_ROW_3);
    const first = await s.bot.post(cardAction(s.connector.url, CAPTURE_VERBS.saveAll, data));
    expect(first.status).toBe(200);
    expect(first.body.statusCode).toBe(200);
    expect(first.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first.body.value)).toContain('Saved 3 actions');
    expect(JSON.stringify(first.body.value)).toContain('/tab/');
    const saved = await s.bot.repo.query();
    expect(saved).toHaveLength(3);
    const tom = saved.find((a) => a.owner.id === TOM.aadObjectId && a.dueDate === '2026-04-24')!;
    expect(tom.owner).toEqual({ id: TOM.aadObjectId, name: TOM.name, email: TOM.email });
    expect(tom.idempotencyKey).toMatch(/#0$/);
    expect(s.connector.updates()).toHaveLength(1);
    expect(s.connector.updates()[0]!.path).toBe(`/v3/conversations/${MEETING_CHAT.id}/activities/reply-1`);

    const again = await s.bot.post(cardAction(s.connector.url, CAPTURE_VERBS.saveAll, data));
    expect(again.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(await s.bot.repo.query()).toHaveLength(3);
  });

  it('saves only the ticked rows on Save selected, and Save all later adds the rest without duplicates', async () => {
    const { card } = await propose(s);
    const selected = clickData(card, CAPTURE_VERBS.saveSelected, { [rowInputIds(1).include]: 'false', [rowInputIds(2).include]: 'false' });
    await s.bot.post(cardAction(s.connector.url, CAPTURE_VERBS.saveSelected, selected));
    expect((await s.bot.repo.query()).map((a) => a.description)).toEqual(["Phone J.B.'s parent"]);
    const all = clickData(card, CAPTURE_VERBS.saveAll, COMPLETE_ROW_3);
    await s.bot.post(cardAction(s.connector.url, CAPTURE_VERBS.saveAll, all));
    expect(await s.bot.repo.query()).toHaveLength(3);
  });

  it('saves a parent’s action with the parent as its outside owner and the saver as the member of staff who chases it', async () => {
    const { card } = await propose(s, "Agreed: parent to send J.B.'s sleep diary by Friday");
    expect(JSON.stringify(card)).toContain('Parent (whoever saves chases)');
    expect(JSON.stringify(card)).toContain('Who chases it?');
    // Priya saves without choosing anyone: she chases it.
    await s.bot.post(cardAction(s.connector.url, CAPTURE_VERBS.saveAll, clickData(card, CAPTURE_VERBS.saveAll)));
    const [saved] = await s.bot.repo.query();
    expect(saved).toMatchObject({ outsideOwner: 'parent', owner: { id: PRIYA.aadObjectId, name: PRIYA.name }, dueDate: '2026-04-24' });
  });

  it('refuses to save an action with no owner or no date, says why, and writes nothing', async () => {
    const { card } = await propose(s);
    const res = await s.bot.post(cardAction(s.connector.url, CAPTURE_VERBS.saveAll, clickData(card, CAPTURE_VERBS.saveAll)));
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    // Why sits beside the row it is about: row 3's details open, with its two problems, and nothing at the top.
    const rows = res.body.value.body.filter((e: any) => e.type === 'Container');
    const problems = (row: any) => JSON.stringify(row).match(/⚠ [^"]*/g) ?? [];
    expect(rows.map(problems)).toEqual([[], [], ['⚠ no owner: choose one person.', '⚠ no due date: choose one.']]);
    expect(rows[2].items.find((e: any) => e.id === rowInputIds(2).description.replace('d', 'r')).isVisible).toBe(true);
    // The same editable card comes back, with what the person entered.
    expect(cardInputs(res.body.value)[rowInputIds(0).owner]).toBe(TOM.aadObjectId);
    expect(await s.bot.repo.query()).toHaveLength(0);
    expect(s.connector.updates()).toHaveLength(0);
  });

  it('answers an empty, null or non-activity body with 400, never a 500', async () => {
    for (const body of ['', 'null', '[]', '"hello"', '{}', '{"type":7}']) {
      const res = await fetch(`${s.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect([res.status, body]).toEqual([400, body]);
    }
  });

  it('answers an unknown verb or malformed card data with an error card and writes nothing', async () => {
    const { card } = await propose(s);
    const unknown = await s.bot.post(cardAction(s.connector.url, 'capture.deleteEverything', clickData(card, CAPTURE_VERBS.saveAll)));
    expect(unknown.status).toBe(200);
    expect(JSON.stringify(unknown.body.value)).toContain('That did not work');
    const malformed = await s.bot.post(cardAction(s.connector.url, CAPTURE_VERBS.saveAll, { messageId: 'x', count: 'lots' }));
    expect(JSON.stringify(malformed.body.value)).toContain('could not be read');
    const badType = await s.bot.post(
      cardAction(s.connector.url, CAPTURE_VERBS.saveAll, clickData(card, CAPTURE_VERBS.saveAll, { [rowInputIds(0).itemType]: 'nonsense' })),
    );
    expect(JSON.stringify(badType.body.value)).toContain('could not be read');
    expect(await s.bot.repo.query()).toHaveLength(0);
  });

  it('replaces the card with a discarded notice for everyone on Discard', async () => {
    const { card } = await propose(s);
    const res = await s.bot.post(cardAction(s.connector.url, CAPTURE_VERBS.discard, clickData(card, CAPTURE_VERBS.discard)));
    expect(JSON.stringify(res.body.value)).toContain('Nothing was saved');
    expect(s.connector.updates()).toHaveLength(1);
    expect(await s.bot.repo.query()).toHaveLength(0);
  });

  it('saves from an Action.Submit fallback click (older clients) and replaces the card in place', async () => {
    const { card } = await propose(s);
    const value = { verb: CAPTURE_VERBS.saveAll, ...clickData(card, CAPTURE_VERBS.saveAll, COMPLETE_ROW_3) };
    const submit = { ...meetingMessage(s.connector.url, '', { mentionBot: false }), text: undefined, replyToId: 'reply-1', value };
    expect((await s.bot.post(submit)).status).toBe(200);
    expect(await s.bot.repo.query()).toHaveLength(3);
    const update = s.connector.updates().at(-1)!;
    expect(update.path).toBe(`/v3/conversations/${MEETING_CHAT.id}/activities/reply-1`);
    expect(JSON.stringify(update.body)).toContain('Saved 3 actions');
  });

  it('answers the pupil picker typeahead with matching pupils from the school list', async () => {
    const res = await s.bot.post({
      ...cardAction(s.connector.url, 'unused', {}),
      name: 'application/search',
      value: { queryText: 'j.b', dataset: PUPIL_DATASET, queryOptions: { skip: 0, top: 15 } },
    });
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results: [{ title: 'J.B. (Year 4)', value: 'p-0001' }] },
    });
  });

  it('stores the conversation reference when the bot is added to a chat', async () => {
    const res = await s.bot.post(botAdded(s.connector.url));
    expect(res.status).toBe(200);
    const ref = await s.bot.conversations.get(MEETING_CHAT.id);
    expect(ref).toMatchObject({
      conversationId: MEETING_CHAT.id,
      serviceUrl: s.connector.url,
      bot: { id: BOT.id },
      tenantId: MEETING_CHAT.tenantId,
    });
  });

  it('remembers a personal chat when someone first writes to the bot there, so reminders can reach them', async () => {
    const personal = { id: 'a:1personal-chat-with-tom', conversationType: 'personal', tenantId: MEETING_CHAT.tenantId };
    const message = { ...meetingMessage(s.connector.url, 'hello', { mentionBot: false }), conversation: personal, from: TOM };
    expect((await s.bot.post(message)).status).toBe(200);
    expect(await s.bot.conversations.get(personal.id)).toMatchObject({
      conversationType: 'personal',
      user: { id: TOM.id, aadObjectId: TOM.aadObjectId },
    });
    expect(await s.bot.conversations.get(MEETING_CHAT.id)).toBeNull();
  });
});

describe('embedded-mode bot endpoint access', () => {
  it('treats only loopback socket addresses as local', () => {
    for (const local of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'])
      expect(isLoopbackAddress(local)).toBe(true);
    for (const remote of ['192.0.2.2', '10.0.0.1', '::ffff:10.0.0.1', 'fd00::2', '128.0.0.1', '', undefined, 'localhost'])
      expect(isLoopbackAddress(remote)).toBe(false);
  });

  // Requests from another host are not sent here: this workplace allows test traffic only on loopback.
  // The guard reads the socket's address alone (never X-Forwarded-For), as the predicate above shows.
});
