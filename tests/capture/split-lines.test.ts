import { hasClearActionLines, splitLines } from '@/capture/parse/split-lines';

const texts = (plain: string) => splitLines(plain).map((l) => l.text);

describe('splitLines', () => {
  it('takes every line under an "Actions:" heading, without bullets or numbers', () => {
    const plain = 'Thanks all.\nActions:\n- Phone mum\n* Send report\n• Book ELSA\n1. Refer to SALT\n2) Update SSP\nChase CAMHS';
    expect(texts(plain)).toEqual(['Phone mum', 'Send report', 'Book ELSA', 'Refer to SALT', 'Update SSP', 'Chase CAMHS']);
  });

  it.each(['Actions', 'Agreed actions', 'Next steps:', 'Action points from today:', '**Actions agreed**', 'To do:'])(
    'treats "%s" as an action heading',
    (heading) => {
      expect(splitLines(`${heading}\nPhone mum`)).toEqual([{ text: 'Phone mum', marker: 'under-heading' }]);
    },
  );

  it('reads "Action:" lines anywhere and strips the prefix', () => {
    expect(splitLines('Good meeting.\nAction: Tom to phone mum\nAP - SENCO to refer')).toEqual([
      { text: 'Tom to phone mum', marker: 'prefix' },
      { text: 'SENCO to refer', marker: 'prefix' },
    ]);
  });

  it('skips list items under another heading such as "Discussed:"', () => {
    expect(texts('Discussed:\n- reading age\n- attendance\nActions:\n- Phone mum')).toEqual(['Phone mum']);
  });

  it('takes list items in a message with no heading, but not the chat around them', () => {
    expect(texts('Following today:\n')).toEqual([]);
    expect(texts('Hi all\n- Phone mum\n- Send report')).toEqual(['Phone mum', 'Send report']);
  });

  it('reads a one-line message as an action, and in longer loose messages only lines that read like one', () => {
    expect(texts('Support discussed')).toEqual(['Support discussed']);
    expect(texts('Great meeting, thank you\nTom to phone mum by Friday\nMonitor progress')).toEqual([
      'Tom to phone mum by Friday',
      'Monitor progress',
    ]);
  });

  it('says a message clearly lists actions only with an action heading or an "Action:" line', () => {
    expect(hasClearActionLines('Actions:\n- Phone mum')).toBe(true);
    expect(hasClearActionLines('Action: phone mum')).toBe(true);
    expect(hasClearActionLines('- Phone mum\n- Send report')).toBe(false);
    expect(hasClearActionLines('Tom to phone mum by Friday')).toBe(false);
  });
});
