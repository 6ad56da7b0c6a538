import { BOT, MEETING_CHAT, PRIYA, TOM, meetingMessage } from './support/activities';
import { startBotServer } from './support/bot-server';
import { startFakeConnector } from './support/fake-connector';

const MEETING_ID = 'MCMxOTptZWV0aW5nX056WTJabUUxWWpRdFpEWTBPQzAw';

type Started = { bot: Awaited<ReturnType<typeof startBotServer>>; connector: Awaited<ReturnType<typeof startFakeConnector>> };

/** Every text a person would read on a card, in order. */
function shown(card: any): string[] {
  const out: string[] = [];
  JSON.stringify(card, (key, value) => {
    if ((key === 'text' || key === 'title' || key === 'label') && typeof value === 'string') out.push(value);
    return value;
  });
  return out;
}

/** A message in Tom's personal chat with the bot (no @mention there: the whole chat is addressed). */
const personalMessage = (serviceUrl: string, text: string) => ({
  ...meetingMessage(serviceUrl, text, { mentionBot: false }),
  conversation: { id: 'a:1personal-chat-with-tom', conversationType: 'personal', tenantId: MEETING_CHAT.tenantId },
  from: TOM,
  channelData: { tenant: { id: MEETING_CHAT.tenantId } },
});

describe('capture turns as Teams sends them', () => {
  let s: Started;
  beforeEach(async () => {
    const connector = await startFakeConnector([TOM], { [MEETING_ID]: { title: 'Annual review - J.B.' } });
    s = { connector, bot: await startBotServer() };
  });
  afterEach(async () => {
    await s.bot.close();
    await s.connector.close();
  });

  it("reads the meeting's title: the lines are about its pupil, and the card proposes an annual review", async () => {
    const text =
      'Actions:\n- SENCO to send mum the revised support summary by 24 April\n- class teacher to trial visual instructions for two weeks';
    await s.bot.post(meetingMessage(s.connector.url, text));
    const card = s.connector.replies().at(-1)!.body.attachments[0].content;
    expect(card.body.find((e: any) => e.id === 'eventType').value).toBe('annual_review');
    const words = shown(card);
    expect(words).toContain('Priya Shah · due Fri 24 Apr 2026 · J.B. (Year 4) · Document to share');
    expect(words).toContain('Tom Reed · due Thu 7 May 2026 · J.B. (Year 4) · Classroom adjustment change');
    // A second message in the same meeting costs no second lookup.
    await s.bot.post(meetingMessage(s.connector.url, 'SENCO to book the EP by Friday'));
    expect(s.connector.calls.filter((c) => c.path === `/v1/meetings/${MEETING_ID}`)).toHaveLength(1);
  });

  it('answers "help" with the help card, in a meeting chat and a personal chat', async () => {
    await s.bot.post(meetingMessage(s.connector.url, 'help'));
    await s.bot.post(personalMessage(s.connector.url, 'what can you do?'));
    const cards = s.connector.replies().map((r) => r.body.attachments[0].content);
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      expect(shown(card)[0]).toBe('SEND Tracker');
      expect(shown(card)).toContain('Open the tracker');
      expect(shown(card).join('\n')).toContain('- SENCO to phone mum by Friday');
    }
  });

  it('stays quiet in a group chat unless asked, and never turns chatter into an action', async () => {
    for (const text of ['thanks everyone', 'file', 'Mum was happy with how it went', 'Great, see you all next week']) {
      await s.bot.post(meetingMessage(s.connector.url, text, { mentionBot: false }));
    }
    expect(s.connector.replies()).toHaveLength(0);
    // Asked, with nothing to capture: the help card says how to write actions, and proposes none.
    await s.bot.post(meetingMessage(s.connector.url, 'thanks everyone'));
    const replies = s.connector.replies();
    expect(replies).toHaveLength(1);
    expect(shown(replies[0]!.body.attachments[0].content)[0]).toBe('No actions found');
  });

  it('welcomes someone who installs the app for themselves, and nobody in a shared chat', async () => {
    const install = (conversation: object) => ({
      type: 'installationUpdate',
      action: 'add',
      id: `f:install-${Math.random()}`,
      timestamp: '2026-04-23T08:55:00.000Z',
      serviceUrl: s.connector.url,
      channelId: 'msteams',
      from: PRIYA,
      conversation,
      recipient: BOT,
      channelData: { tenant: { id: MEETING_CHAT.tenantId }, source: { name: 'message' } },
    });
    await s.bot.post(install({ id: 'a:1personal-chat-with-priya', conversationType: 'personal', tenantId: MEETING_CHAT.tenantId }));
    await s.bot.post(install(MEETING_CHAT));
    const replies = s.connector.replies();
    expect(replies.map((r) => r.path)).toEqual(['/v3/conversations/a:1personal-chat-with-priya/activities']);
    expect(shown(replies[0]!.body.attachments[0].content)).toContain(
      'I turn the actions agreed in a SEND meeting into tracked items: one owner, a due date and the pupil each, saved with one click.',
    );
  });
});
