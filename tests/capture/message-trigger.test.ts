import { readMessageTrigger } from '@/capture/message-trigger';

const BOT = { id: '28:bot', name: 'SEND Tracker' };
const msg = (text: string, mentions: { id: string; name: string }[] = [], conversationType = 'groupChat') => ({
  text,
  recipient: BOT,
  conversation: { conversationType },
  entities: mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: m })),
});

describe('readMessageTrigger', () => {
  it('reads a message that @mentions the bot, without the bot mention, keeping other mentions', () => {
    const trigger = readMessageTrigger(
      msg('<at>SEND Tracker</at> <at>Tom Reed</at> to phone home', [BOT, { id: '29:tom', name: 'Tom Reed' }]),
    );
    expect(trigger).toEqual({
      text: '<at>Tom Reed</at> to phone home',
      mentions: [{ id: '29:tom', name: 'Tom Reed', text: '<at>Tom Reed</at>' }],
      addressed: true,
    });
  });

  it('ignores un-mentioned chatter but reads an Action: line or a list under an actions heading', () => {
    expect(readMessageTrigger(msg('Thanks everyone, good meeting'))).toBeNull();
    expect(readMessageTrigger(msg('- buy biscuits\n- book room'))).toBeNull();
    expect(readMessageTrigger(msg('Action: SENCO to call home by Friday'))?.addressed).toBe(false);
    expect(readMessageTrigger(msg('Agreed actions:\n- SENCO to call home by Friday'))).not.toBeNull();
  });

  it('always reads a one-to-one chat with the bot', () => {
    expect(readMessageTrigger(msg('SENCO to call home', [], 'personal'))?.addressed).toBe(true);
  });
});
