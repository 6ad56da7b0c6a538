import { hasClearActionLines, splitLines } from '@/capture/parse/split-lines';

const texts = (plain: string) => splitLines(plain).lines.map((l) => l.text);

describe('splitLines', () => {
  it('takes every line under an "Actions:" heading, without bullets or numbers', () => {
    const plain = 'Thanks all.\nActions:\n- Phone mum\n* Send report\n• Book ELSA\n1. Refer to SALT\n2) Update SSP\nChase CAMHS';
    expect(texts(plain)).toEqual(['Phone mum', 'Send report', 'Book ELSA', 'Refer to SALT', 'Update SSP', 'Chase CAMHS']);
  });

  it.each(['Actions', 'Agreed actions', 'Next steps:', 'Action points from today:', '**Actions agreed**', 'To do:'])(
    'treats "%s" as an action heading',
    (heading) => {
      expect(splitLines(`${heading}\nPhone mum`).lines).toEqual([{ text: 'Phone mum', marker: 'under-heading' }]);
    },
  );

  it('reads "Action:" lines anywhere and strips the prefix', () => {
    expect(splitLines('Good meeting.\nAction: Tom to phone mum\nAP - SENCO to refer').lines).toEqual([
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

  it('reads loose lines only when they read like an action, so chatter is never one', () => {
    expect(texts('Support discussed')).toEqual(['Support discussed']);
    for (const chatter of ['hello', 'thanks everyone', 'file', 'help', 'Can you hear me?', 'J.B. had a good week'])
      expect(texts(chatter)).toEqual([]);
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

  it('splits semicolons and inline numbered lists into one line per action', () => {
    expect(texts('Actions: SENCO to send the summary by 24 April; class teacher to trial visual instructions')).toEqual([
      'SENCO to send the summary by 24 April',
      'class teacher to trial visual instructions',
    ]);
    expect(texts('Actions for J.B.: 1. SENCO to phone mum 2. TA to start 1:1 reading (3) refer to SALT')).toEqual([
      'SENCO to phone mum',
      'TA to start 1:1 reading',
      'refer to SALT',
    ]);
    expect(texts('1. Chloe to share the book by 1/7 2. SENCO to invite nursery staff')).toEqual([
      'Chloe to share the book by 1/7',
      'SENCO to invite nursery staff',
    ]);
  });

  it('keeps a semicolon inside one action, and numbers that are not a list', () => {
    expect(texts('Actions\n- TA to run phonics three times a week; Mondays and Thursdays')).toEqual([
      'TA to run phonics three times a week; Mondays and Thursdays',
    ]);
    expect(texts('Actions\n- TA to do 3 x 10 mins a week, 2. as before')).toEqual(['TA to do 3 x 10 mins a week, 2. as before']);
  });

  it('keeps the headings that name the pupil or the meeting, and the notes around the actions', () => {
    const split = splitLines("Actions agreed at J.B.'s annual review:\n- Phone mum\nDiscussed: settling well\nNext meeting: 10 June");
    expect(split.lines.map((l) => l.text)).toEqual(['Phone mum']);
    expect(split.headings).toEqual(["Actions agreed at J.B.'s annual review:", 'Next meeting: 10 June']);
    expect(split.notes).toEqual(['Discussed: settling well', '10 June']);
    expect(splitLines('M.T. annual review - actions\n* Phone mum').headings).toEqual(['M.T. annual review - actions']);
  });

  it('reads "Owner: action" lines when the judge says the label is an owner, and never time or links', () => {
    const judge = { isAction: (text: string) => /\btrial\b/.test(text), ownsLabel: (label: string) => label === 'Year lead' };
    expect(splitLines('Year lead: trial a shorter routine\nAttendees: SENCO, mum', judge).lines).toEqual([
      { text: 'Year lead: trial a shorter routine', marker: 'owner-label' },
    ]);
    expect(texts('Actions\n- Tom to meet mum at 3:30\n- see https://example.org/plan')).toEqual([
      'Tom to meet mum at 3:30',
      'see https://example.org/plan',
    ]);
  });
});
