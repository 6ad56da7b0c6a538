import { MAX_MESSAGE_LENGTH, hasClearActionLines, parseActions, parseMessage } from '@/capture/parse/parse-actions';
import { corpusContext } from './corpus/corpus-school';
import { DEMO_PUPILS, DEMO_STAFF } from '@/app/demo/school';
import { contextFor } from './capture-context';

const jb = DEMO_PUPILS[0]!;

describe('parseActions on messages as SENCOs write them', () => {
  const message = [
    'Actions:',
    '- <at>Tom Reed</at> to phone mum re reading plan by Friday',
    '- SENCO to send EP referral for J.B. by 7/5',
    '- Monitor progress',
    '- Attendance lead and class teacher to meet parents in two weeks',
  ].join('\n');

  it('reads a list of four agreed actions into five proposed actions, one owner each', () => {
    const actions = parseActions(message, contextFor(message, { meetingPupil: jb }));
    expect(actions).toEqual([
      {
        description: 'Phone mum re reading plan',
        owner: { kind: 'person', person: DEMO_STAFF.year4Teacher },
        due: '2026-04-24',
        pupil: jb,
        itemType: 'parent_follow_up',
        itemTypeGuessed: false,
        warnings: [],
      },
      {
        description: 'Send EP referral for J.B.',
        owner: { kind: 'person', person: DEMO_STAFF.senco },
        due: '2026-05-07',
        pupil: jb,
        itemType: 'professional_referral',
        itemTypeGuessed: false,
        warnings: [],
      },
      {
        description: 'Monitor progress',
        owner: null,
        due: null,
        pupil: jb,
        itemType: 'parent_follow_up',
        itemTypeGuessed: true,
        warnings: ["'Monitor progress' is not an action: what, by when?", 'No owner', 'No due date'],
      },
      {
        description: 'Meet parents',
        owner: { kind: 'person', person: DEMO_STAFF.attendanceLead },
        due: '2026-05-07',
        pupil: jb,
        itemType: 'parent_follow_up',
        itemTypeGuessed: false,
        warnings: [],
      },
      {
        description: 'Meet parents',
        // J.B. is in Year 4; the demo table lists the Year 4 class teacher.
        owner: { kind: 'person', person: DEMO_STAFF.year4Teacher },
        due: '2026-05-07',
        pupil: jb,
        itemType: 'parent_follow_up',
        itemTypeGuessed: false,
        warnings: [],
      },
    ]);
  });

  it('carries the one pupil a message names to its other lines, as the meeting was about them', () => {
    const actions = parseActions(message, contextFor(message));
    expect(actions.map((a) => a.pupil?.name)).toEqual(['J.B.', 'J.B.', 'J.B.', 'J.B.', 'J.B.']);
  });

  it('says which actions have no pupil when the message names two pupils and the meeting none', () => {
    const text = `${message}\n- SENCO to update the SSP for A.K.`;
    const actions = parseActions(text, contextFor(text));
    expect(actions.map((a) => a.warnings.includes('No pupil'))).toEqual([true, false, true, true, true, false]);
    expect(actions[4]!.owner).toEqual({ kind: 'role', role: 'class teacher' });
  });

  it('reads the HTML Teams sends, with the bot mention in front', () => {
    const html =
      '<p><at>SEND Tracker</at>&nbsp;Agreed actions</p><ol><li><p><at>Grace Okafor</at> to start ELSA with M.T. next Monday</p></li>' +
      '<li><p>Class teacher to add movement breaks for M.T. by end of term</p></li></ol>';
    const actions = parseActions(html, contextFor(html, { termEnd: '2026-07-22' }));
    expect(actions.map((a) => [a.description, a.owner, a.due, a.pupil?.name, a.itemType, a.warnings])).toEqual([
      ['Start ELSA with M.T.', { kind: 'person', person: DEMO_STAFF.assistant }, '2026-04-27', 'M.T.', 'intervention', []],
      [
        'Add movement breaks for M.T.',
        { kind: 'person', person: DEMO_STAFF.year6Teacher },
        '2026-07-22',
        'M.T.',
        'classroom_adjustment',
        [],
      ],
    ]);
  });

  it('challenges vague owners and external owners in words staff understand', () => {
    const text = 'Actions:\n- School to support discussed\n- parent to send in the consent form by 1/5\n- TBC to update the SSP';
    const actions = parseActions(text, contextFor(text, { meetingPupil: jb }));
    expect(actions.map((a) => [a.owner, a.warnings])).toEqual([
      [null, ["'Support discussed' is not an action: what, by when?", "Owner 'School' is not one person", 'No due date']],
      [
        { kind: 'role', role: 'parent' },
        ["Owner 'parent' is not a member of staff: whoever saves this chases it, unless you choose who will."],
      ],
      [null, ["Owner 'TBC' is not one person", 'No due date']],
    ]);
  });

  it('flags a date that does not exist instead of guessing one', () => {
    const text = 'Action: SENCO to send the EP report to parents by 31/02';
    const [action] = parseActions(text, contextFor(text, { meetingPupil: jb }));
    expect(action).toMatchObject({ due: null, itemType: 'document_to_share', warnings: ["'31/02' is not a real date"] });
  });

  it('takes a name as owner only when it fits exactly one member of staff', () => {
    const text = 'Sam to phone mum by Friday';
    const [action] = parseActions(text, contextFor(text, { mentions: [], meetingPupil: jb }));
    expect(action).toMatchObject({
      description: 'Phone mum',
      owner: null,
      due: '2026-04-24',
      warnings: ["Owner 'Sam' is not recognised: @mention them"],
    });
    const tom = 'Tom to phone mum by Friday';
    expect(parseActions(tom, contextFor(tom, { mentions: [], meetingPupil: jb }))[0]!.owner).toEqual({
      kind: 'person',
      person: DEMO_STAFF.year4Teacher,
    });
    const twoToms = { ...DEMO_STAFF.assistant, id: 'tom-2', name: 'Tom Hughes' };
    expect(parseActions(tom, contextFor(tom, { mentions: [], meetingPupil: jb, staff: [twoToms] }))[0]).toMatchObject({
      owner: null,
      warnings: ["Owner 'Tom' could be 2 people: @mention them"],
    });
  });

  it('uses the London date of the message across the clock changes', () => {
    const text = 'SENCO to update the SSP for J.B. tomorrow';
    const at = (iso: string) => parseActions(text, contextFor(text, { now: new Date(iso) }))[0]!.due;
    expect(at('2026-03-28T23:30:00Z')).toBe('2026-03-29'); // 28 March, GMT
    expect(at('2026-06-30T23:30:00Z')).toBe('2026-07-02'); // already 1 July, BST
  });

  it('returns nothing for chat that holds no action', () => {
    expect(parseActions('', contextFor(''))).toEqual([]);
    expect(parseActions('Thanks all, good meeting\nSee you next week', contextFor(''))).toEqual([]);
  });

  it('reads only the first MAX_MESSAGE_LENGTH characters', () => {
    const line = '- SENCO to phone mum\n';
    const text = `Actions:\n${line.repeat(Math.ceil(MAX_MESSAGE_LENGTH / line.length) + 50)}`;
    const count = parseActions(text, contextFor(text)).length;
    expect(count).toBe(Math.floor((MAX_MESSAGE_LENGTH - 'Actions:\n'.length) / line.length) + 1);
  });

  it('tells the bot whether un-mentioned chat clearly lists actions', () => {
    expect(hasClearActionLines('<p>Agreed actions</p><ul><li>SENCO to phone mum</li></ul>')).toBe(true);
    expect(hasClearActionLines('<p>Shall we meet to discuss it on Friday?</p>')).toBe(false);
  });
});

describe('parseMessage on the lines the issue measured', () => {
  const read = (text: string) => parseMessage(text, corpusContext(text));

  it('keeps every word but the owner and the due date: repeats and starts stay in the description', () => {
    const [check] = read('Year lead: check reading task completion every Friday for four weeks').actions;
    expect(check).toMatchObject({ description: 'Check reading task completion every Friday for four weeks', due: '2026-05-15' });
    const [elsa] = read('TA to start ELSA with M.T. from Monday').actions;
    expect(elsa).toMatchObject({ description: 'Start ELSA with M.T. from Monday', due: null });
    expect(elsa!.owner).toEqual({ kind: 'person', person: DEMO_STAFF.assistant });
  });

  it('writes a pupil named by name as initials, but leaves a parent called by title and surname', () => {
    const [row] = read("SENCO to speak to Mr and Mrs Patel about Ruby's reading").actions;
    expect(row).toMatchObject({ description: "Speak to Mr and Mrs Patel about R.P.'s reading", pupil: { name: 'R.P.', yearGroup: 3 } });
  });

  it('reads the meeting type and the pupil from a heading for every line beneath it', () => {
    const { actions, eventType } = read(
      "Actions agreed at J.B.'s annual review:\n- class teacher to trial visual instructions\n- TA to phone mum",
    );
    expect(eventType).toBe('annual_review');
    expect(actions.map((a) => [a.pupil?.name, a.owner?.kind === 'person' ? a.owner.person.name : null])).toEqual([
      ['J.B.', 'Tom Reed'],
      ['J.B.', 'Grace Okafor'],
    ]);
  });
});
