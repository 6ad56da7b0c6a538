import { CAPTURE_VERBS } from '@/capture/cards/capture-verbs';
import { startAgentsPlayground } from './support/agents-playground';
import { buttonData, cardInputs } from './support/activities';
import { startBotServer } from './support/bot-server';

// Starting the playground takes a few seconds; the limit only stops a hung run.
jest.setTimeout(60_000);

describe('end to end through Microsoft 365 Agents Playground', () => {
  let bot: Awaited<ReturnType<typeof startBotServer>>;
  let playground: Awaited<ReturnType<typeof startAgentsPlayground>>;
  beforeAll(async () => {
    bot = await startBotServer();
    playground = await startAgentsPlayground(`${bot.url}/api/messages`);
  });
  afterAll(async () => {
    await playground?.stop();
    await bot?.close();
  });

  it('turns typed actions into a card, saves them on Save, and finds them in the store', async () => {
    const config = await playground.config();
    const chat = config.groupChats[0].id as string;
    const me = config.currentUser.id as string;
    const megan = config.users.find((u: { name: string }) => u.name === 'Megan Bowen');
    const botMention = { id: config.bot.id as string, text: `<at>${config.bot.name}</at>` };
    const text = [
      `${botMention.text} Agreed actions:`,
      "- <at>Megan Bowen</at> to phone J.B.'s parent by Friday",
      "- SENCO to update J.B.'s support plan by 7/5",
    ].join('\n');

    await playground.say(chat, me, text, [botMention, { id: megan.id, text: '<at>Megan Bowen</at>' }]);
    const reply = await playground.waitFor(
      (e) => e.action === 'createMessage' && e.message?.from.id === config.bot.id && !!e.message?.attachments?.length,
    );
    const card = reply.message!.attachments![0]!.content;
    expect(JSON.stringify(card)).toContain('Proposed actions (2)');
    // The playground's member lookup gave Megan's Entra object id.
    expect(cardInputs(card).o0).toBe(megan.aadObjectId);

    const response = await playground.click(chat, me, reply.message!.messageId, CAPTURE_VERBS.saveAll, {
      ...buttonData(card, CAPTURE_VERBS.saveAll),
      ...cardInputs(card),
    });
    expect(JSON.stringify(response)).toContain('Saved 2 actions to the tracker');

    const saved = await bot.repo.query();
    expect(saved.map((a) => [a.description, a.owner.id]).sort()).toEqual([
      ["Phone J.B.'s parent", megan.aadObjectId],
      ["Update J.B.'s support plan", '00000000-0000-4000-8000-000000000001'],
    ]);
    expect(saved.every((a) => a.source.messageId && a.idempotencyKey?.startsWith(`${a.source.messageId}#`))).toBe(true);
  });
});
