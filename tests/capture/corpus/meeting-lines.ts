import type { EventType, ItemType } from '@/kernel/item-type';
import type { CaptureContext } from '@/capture/parse/proposed-action';
import { CORPUS_PUPILS } from './corpus-school';

/**
 * One agreed action as a SENCO would file it: the owner (a person's name, `role:<word>` for a role
 * nobody holds or someone outside the staff, null for none), the due date, the pupil ("J.B. (Year 4)",
 * `?L.W.` when two pupils fit and the card must ask), the item type (`guess` when nothing in the
 * words gives it away, so the card must mark it to check) and whether the card must challenge it as
 * vague (no real action, or an owner who is not one person).
 */
export type Expected = [owner: string | null, due: string | null, pupil: string | null, type: ItemType | 'guess', vague?: 'vague'];

export interface CorpusMessage {
  /** The message as Teams sends it (HTML where it matters; `<at>Name</at>` is an @mention of staff). */
  text: string;
  expect: Expected[];
  /** The meeting type the card should propose; SEN support meeting when not given. */
  event?: EventType;
  context?: Partial<CaptureContext>;
}

const byId = (id: string) => CORPUS_PUPILS.find((p) => p.id === id)!;

/**
 * Meeting lines written the way SENCOs, class teachers and TAs write them in a Teams chat after a
 * meeting: bullets, numbers, semicolons, headings that name the pupil, @mentions, role words, first
 * names, British dates, school words, vague lines, and the chatter around them. Read against
 * Thursday 23 April 2026 at Oakfield (see corpus-school.ts). Every expectation is what a SENCO
 * would save, not what the parser happens to do.
 */
export const CORPUS: CorpusMessage[] = [
  // The annual-review message from the issue, and its relatives.
  {
    text: [
      "Actions agreed at J.B.'s annual review:",
      '- SENCO to send parent the revised support summary by 24 April',
      '- class teacher to trial visual instructions for two weeks',
      '- TA to run precision teaching three times a week from Monday',
      '- Year lead: check reading task completion every Friday for four weeks',
      '- EP referral to be completed by SENCO by half term',
      '- parents to share the paediatrician letter when it arrives',
    ].join('\n'),
    event: 'annual_review',
    expect: [
      ['Priya Shah', '2026-04-24', 'J.B. (Year 4)', 'document_to_share'],
      ['Tom Reed', '2026-05-07', 'J.B. (Year 4)', 'classroom_adjustment'],
      ['Grace Okafor', null, 'J.B. (Year 4)', 'intervention'],
      ['Aisha Rahman', '2026-05-15', 'J.B. (Year 4)', 'guess'],
      ['Priya Shah', '2026-05-22', 'J.B. (Year 4)', 'professional_referral'],
      ['role:parents', null, 'J.B. (Year 4)', 'document_to_share'],
    ],
  },
  {
    text: 'Actions: SENCO to send parent the revised support summary by 24 April; class teacher to trial visual instructions for two weeks',
    expect: [
      ['Priya Shah', '2026-04-24', null, 'document_to_share'],
      ['role:class teacher', '2026-05-07', null, 'classroom_adjustment'],
    ],
  },
  {
    text: 'Actions for J.B.: 1. SENCO to phone mum by Friday 2. class teacher to reduce written work for two weeks 3. TA to start 1:1 reading next week',
    expect: [
      ['Priya Shah', '2026-04-24', 'J.B. (Year 4)', 'parent_follow_up'],
      ['Tom Reed', '2026-05-07', 'J.B. (Year 4)', 'classroom_adjustment'],
      ['Grace Okafor', '2026-05-01', 'J.B. (Year 4)', 'intervention'],
    ],
  },
  {
    text: ['Actions for J.B.:', '- class teacher to seat him near the front', '- SENCO to update his SSP targets by end of term'].join(
      '\n',
    ),
    expect: [
      ['Tom Reed', null, 'J.B. (Year 4)', 'classroom_adjustment'],
      ['Priya Shah', '2026-07-22', 'J.B. (Year 4)', 'support_plan_update'],
    ],
  },
  {
    text: [
      'M.T. annual review - actions',
      '* <at>Hannah Lewis</at> to send the annual review paperwork to the LA by 7/5',
      '* <at>Priya Shah</at> to update the pupil passport before the next review',
      '* Family liaison to invite dad to a coffee morning next week',
      '* Class teacher to provide a writing slope from Monday',
    ].join('\n'),
    event: 'annual_review',
    expect: [
      ['Hannah Lewis', '2026-05-07', 'M.T. (Year 6)', 'annual_review'],
      ['Priya Shah', '2026-06-10', 'M.T. (Year 6)', 'support_plan_update'],
      ['Dan Wright', '2026-05-01', 'M.T. (Year 6)', 'parent_follow_up'],
      ['Hannah Lewis', null, 'M.T. (Year 6)', 'classroom_adjustment'],
    ],
  },
  {
    text: [
      'Agreed actions',
      '1. Refer A.K. to SALT - SENCO - 1st May',
      '2. Chloe to try a now and next board with A.K. this week',
      '3. Speak to mum about toileting - class teacher',
    ].join('\n'),
    expect: [
      ['Priya Shah', '2026-05-01', 'A.K. (Year 2)', 'professional_referral'],
      ['Chloe Evans', '2026-04-24', 'A.K. (Year 2)', 'classroom_adjustment'],
      ['Chloe Evans', null, 'A.K. (Year 2)', 'parent_follow_up'],
    ],
  },
  // Semicolons and inline numbers, with and without a heading.
  {
    text: 'SENCO to email the EP report to parents by Monday; TA to set up a reading group for K.D. in two weeks; attendance lead to phone dad tomorrow',
    expect: [
      ['Priya Shah', '2026-04-27', 'K.D. (Year 4)', 'document_to_share'],
      ['Grace Okafor', '2026-05-07', 'K.D. (Year 4)', 'intervention'],
      ['Marcus Bell', '2026-04-24', 'K.D. (Year 4)', 'parent_follow_up'],
    ],
  },
  {
    text: 'Next steps for R.P.: (1) Tom to give movement breaks every lesson (2) SENCO to apply for top-up funding by the end of May (3) mum to book the GP appointment',
    expect: [
      ['Tom Reed', null, 'R.P. (Year 3)', 'classroom_adjustment'],
      ['Priya Shah', '2026-05-31', 'R.P. (Year 3)', 'guess'],
      ['role:mum', null, 'R.P. (Year 3)', 'guess'],
    ],
  },
  {
    text: 'Action: <at>Grace Okafor</at> to start ELSA with M.T. from Monday for six weeks; <at>Hannah Lewis</at> to let parents know by Friday',
    expect: [
      ['Grace Okafor', '2026-06-08', 'M.T. (Year 6)', 'intervention'],
      ['Hannah Lewis', '2026-04-24', 'M.T. (Year 6)', 'parent_follow_up'],
    ],
  },
  // "Role: action" lines.
  {
    text: [
      'Actions',
      'Year lead: trial a shorter start-of-day routine for E.W.',
      'SENCO: chase the CAMHS referral by next Friday',
      'TA: ear defenders in assembly for E.W. from tomorrow',
    ].join('\n'),
    expect: [
      ['Aisha Rahman', null, 'E.W. (Year 6)', 'classroom_adjustment'],
      ['Priya Shah', '2026-05-01', 'E.W. (Year 6)', 'professional_referral'],
      ['Grace Okafor', null, 'E.W. (Year 6)', 'classroom_adjustment'],
    ],
  },
  {
    text: 'SENCO: book the annual review for S.O. before half term',
    expect: [['Priya Shah', '2026-05-22', 'S.O. (Reception)', 'annual_review']],
  },
  {
    text: 'Attendance lead - meet with N.C. and mum about lateness by Wednesday',
    expect: [['Marcus Bell', '2026-04-29', 'N.C. (Year 5)', 'parent_follow_up']],
  },
  // Pupils by name, and two pupils with the same initials.
  {
    text: "SENCO to phone L.W.'s mum by Friday",
    expect: [['Priya Shah', '2026-04-24', '?L.W.', 'parent_follow_up']],
  },
  {
    text: 'Class teacher to add a visual timetable for Leo Wilson by Monday',
    expect: [['Chloe Evans', '2026-04-27', 'L.W. (Year 2)', 'classroom_adjustment']],
  },
  {
    text: "SENCO to refer Siobhan O'Neill to the school nurse this week",
    expect: [['Priya Shah', '2026-04-24', 'S.O. (Reception)', 'professional_referral']],
  },
  {
    text: "<at>Chloe Evans</at> to share O'Neill's one-page profile with the new teacher by end of term",
    expect: [['Chloe Evans', '2026-07-22', 'S.O. (Reception)', 'document_to_share']],
  },
  {
    text: 'TA to run Lego therapy with Kacper twice a week for six weeks',
    expect: [['Grace Okafor', '2026-06-04', 'K.D. (Year 4)', 'intervention']],
  },
  {
    text: 'Class teacher to try a coloured overlay with Lily in Year 1 from Monday',
    expect: [['Chloe Evans', null, 'L.W. (Year 1)', 'classroom_adjustment']],
  },
  {
    text: "SENCO to speak to Mr and Mrs Patel about Ruby's reading by 30/4",
    expect: [['Priya Shah', '2026-04-30', 'R.P. (Year 3)', 'parent_follow_up']],
  },
  {
    text: 'SENCO to update the provision map for Zain Ahmed by 15/05/2026',
    expect: [['Priya Shah', '2026-05-15', 'Z.A. (Year 1)', 'support_plan_update']],
  },
  {
    text: '- review S.O. in 6 weeks (SENCO)',
    expect: [['Priya Shah', '2026-06-04', 'S.O. (Reception)', 'support_plan_update']],
  },
  {
    text: '- L.W. to have a sensory break before lunch - TA',
    expect: [['Grace Okafor', null, '?L.W.', 'classroom_adjustment']],
  },
  // Owners by mention, first name, full name, role word, and the ones nobody can own.
  {
    text: [
      'Actions:',
      "- Tom to phone J.B.'s dad re homework by Friday",
      '- Hannah and Grace to run a social skills group for M.T. and E.W. next term',
      '- Priya Shah to chase the EP report by 5 May',
    ].join('\n'),
    expect: [
      ['Tom Reed', '2026-04-24', 'J.B. (Year 4)', 'parent_follow_up'],
      ['Hannah Lewis', null, 'M.T. (Year 6)', 'intervention'],
      ['Grace Okafor', null, 'M.T. (Year 6)', 'intervention'],
      ['Priya Shah', '2026-05-05', null, 'professional_referral'],
    ],
  },
  {
    text: [
      'Actions',
      '- school to look into transport',
      '- TBC to contact the LA about the EHC needs assessment',
      '- All staff to use the agreed calm-down phrase with L.H.',
      '- monitor progress',
    ].join('\n'),
    expect: [
      [null, null, 'L.H. (Year 5)', 'guess', 'vague'],
      [null, null, 'L.H. (Year 5)', 'professional_referral', 'vague'],
      [null, null, 'L.H. (Year 5)', 'classroom_adjustment', 'vague'],
      [null, null, 'L.H. (Year 5)', 'guess', 'vague'],
    ],
  },
  {
    text: ['Next steps', '- Keep an eye on Z.A. at lunchtimes', '- support discussed', '- continue with current provision'].join('\n'),
    expect: [
      [null, null, 'Z.A. (Year 1)', 'guess', 'vague'],
      [null, null, 'Z.A. (Year 1)', 'guess', 'vague'],
      [null, null, 'Z.A. (Year 1)', 'guess', 'vague'],
    ],
  },
  {
    text: 'Year lead and SENCO to meet parents of L.H. by 8 May',
    expect: [
      ['Aisha Rahman', '2026-05-08', 'L.H. (Year 5)', 'parent_follow_up'],
      ['Priya Shah', '2026-05-08', 'L.H. (Year 5)', 'parent_follow_up'],
    ],
  },
  {
    text: 'EP to observe N.C. in class before half term; SENCO to send EP the consent form by Tuesday',
    expect: [
      ['role:ep', '2026-05-22', 'N.C. (Year 5)', 'professional_referral'],
      ['Priya Shah', '2026-04-28', 'N.C. (Year 5)', 'document_to_share'],
    ],
  },
  {
    text: [
      'Actions',
      '- Teaching assistant to pre-teach topic vocabulary for R.P. each Monday',
      '- Dan to do a home visit for R.P. by next Wednesday',
    ].join('\n'),
    expect: [
      ['Grace Okafor', null, 'R.P. (Year 3)', 'intervention'],
      ['Dan Wright', '2026-04-29', 'R.P. (Year 3)', 'parent_follow_up'],
    ],
  },
  // Dates written every way.
  {
    text: [
      'Actions:',
      '- SENCO to complete the SALT referral for A.K. by 1/5',
      '- SENCO to send the meeting notes to parents by end of the week',
      '- class teacher to check reading support approach for J.B. by next week',
      '- SENCO to book an EHCP review for M.T. by the end of next week',
      "- attendance lead to call mum about Z.A.'s attendance by Tues",
      '- SENCO to send the minutes to all staff within a month',
    ].join('\n'),
    expect: [
      ['Priya Shah', '2026-05-01', 'A.K. (Year 2)', 'professional_referral'],
      ['Priya Shah', '2026-04-24', null, 'document_to_share'],
      ['Tom Reed', '2026-05-01', 'J.B. (Year 4)', 'guess'],
      ['Priya Shah', '2026-05-01', 'M.T. (Year 6)', 'annual_review'],
      ['Marcus Bell', '2026-04-28', 'Z.A. (Year 1)', 'parent_follow_up'],
      ['Priya Shah', '2026-05-23', null, 'document_to_share'],
    ],
  },
  {
    text: '- class teacher to check reading task completion for K.D. every Friday for four weeks',
    expect: [['Tom Reed', '2026-05-15', 'K.D. (Year 4)', 'guess']],
  },
  {
    text: '- TA to do daily fine motor practice with Z.A. for three weeks',
    expect: [['Grace Okafor', '2026-05-14', 'Z.A. (Year 1)', 'intervention']],
  },
  {
    text: '- SENCO to refer E.W. to CAMHS by 31/02',
    expect: [['Priya Shah', null, 'E.W. (Year 6)', 'professional_referral']],
  },
  {
    text: '- SENCO to send the support plan to parents on the 12th of May',
    expect: [['Priya Shah', '2026-05-12', null, 'document_to_share']],
  },
  {
    text: "- <at>Marcus Bell</at> to meet K.D.'s parents on Tuesday 5th May at 3pm",
    expect: [['Marcus Bell', '2026-05-05', 'K.D. (Year 4)', 'parent_follow_up']],
  },
  {
    text: '- class teacher to trial a workstation for L.H. for a fortnight',
    expect: [['Hannah Lewis', '2026-05-07', 'L.H. (Year 5)', 'classroom_adjustment']],
  },
  {
    text: '- SENCO to upload the annual review report to the portal by the end of term',
    expect: [['Priya Shah', '2026-07-22', null, 'annual_review']],
  },
  {
    text: '- SENCO to write new SMART targets for N.C. by next review',
    expect: [['Priya Shah', '2026-06-10', 'N.C. (Year 5)', 'support_plan_update']],
  },
  {
    text: '- Year lead to observe M.T. in maths on Wednesday 29 April',
    expect: [['Aisha Rahman', '2026-04-29', 'M.T. (Year 6)', 'guess']],
  },
  {
    text: '- SENCO to send the transition booklet to the secondary SENCO by 3 July',
    expect: [['Priya Shah', '2026-07-03', null, 'document_to_share']],
  },
  // A meeting whose title and pupil come from Teams, not the text.
  {
    text: [
      '- class teacher to add movement breaks by Friday',
      '- SENCO to update the one-page profile next week',
      '- TA to run the nurture group on Tuesdays',
    ].join('\n'),
    context: { meetingPupil: byId('p-0005'), meetingTitle: 'Annual review - L.H.' },
    event: 'annual_review',
    expect: [
      ['Hannah Lewis', '2026-04-24', 'L.H. (Year 5)', 'classroom_adjustment'],
      ['Priya Shah', '2026-05-01', 'L.H. (Year 5)', 'support_plan_update'],
      ['Grace Okafor', null, 'L.H. (Year 5)', 'intervention'],
    ],
  },
  {
    text: [
      'Actions',
      '- SENCO to send parents the transition pack by Friday',
      '- Year 6 class teacher to arrange extra visits to the secondary school',
    ].join('\n'),
    context: { meetingTitle: 'Transition meeting: E.W.' },
    event: 'transition_meeting',
    expect: [
      ['Priya Shah', '2026-04-24', 'E.W. (Year 6)', 'document_to_share'],
      ['Hannah Lewis', null, 'E.W. (Year 6)', 'guess'],
    ],
  },
  {
    text: [
      'Actions from the parent meeting about Z.A.',
      '- Class teacher to send home a weekly update every Friday',
      '- Mum to try the bedtime routine',
    ].join('\n'),
    event: 'parent_conversation',
    expect: [
      ['Chloe Evans', null, 'Z.A. (Year 1)', 'parent_follow_up'],
      ['role:mum', null, 'Z.A. (Year 1)', 'guess'],
    ],
  },
  // One line messages, as staff @mention the bot.
  { text: '<at>Tom Reed</at> to phone mum re reading plan by Friday', expect: [['Tom Reed', '2026-04-24', null, 'parent_follow_up']] },
  { text: 'SENCO to send EP referral for J.B. by 7/5', expect: [['Priya Shah', '2026-05-07', 'J.B. (Year 4)', 'professional_referral']] },
  {
    text: 'Action: family liaison to arrange a home visit for A.K. next week',
    expect: [['Dan Wright', '2026-05-01', 'A.K. (Year 2)', 'parent_follow_up']],
  },
  {
    text: 'Action: SENCO to request an EHC needs assessment for R.P. by 19 June',
    expect: [['Priya Shah', '2026-06-19', 'R.P. (Year 3)', 'professional_referral']],
  },
  { text: 'Grace to start toe by toe with K.D. on Monday', expect: [['Grace Okafor', '2026-04-27', 'K.D. (Year 4)', 'intervention']] },
  {
    text: 'Hannah to give M.T. a fidget toy in lessons from tomorrow',
    expect: [['Hannah Lewis', null, 'M.T. (Year 6)', 'classroom_adjustment']],
  },
  {
    text: "Marcus to text dad about N.C.'s attendance today",
    expect: [['Marcus Bell', '2026-04-23', 'N.C. (Year 5)', 'parent_follow_up']],
  },
  {
    text: 'SENCO to forward the OT advice to the class teacher by Friday',
    expect: [['Priya Shah', '2026-04-24', null, 'document_to_share']],
  },
  {
    text: 'Class teacher to complete the boxall profile for L.H. in three weeks',
    expect: [['Hannah Lewis', '2026-05-14', 'L.H. (Year 5)', 'guess']],
  },
  { text: 'SENCO to chase the paediatrician for E.W.', expect: [['Priya Shah', null, 'E.W. (Year 6)', 'professional_referral']] },
  { text: "Aisha to arrange cover for the TA's training day by half term", expect: [['Aisha Rahman', '2026-05-22', null, 'guess']] },
  {
    text: 'TA to record the baseline for the phonics intervention with A.K. by Friday',
    expect: [['Grace Okafor', '2026-04-24', 'A.K. (Year 2)', 'intervention']],
  },
  // Chatter: nothing here is an action, and nothing may become one.
  { text: 'hello', expect: [] },
  { text: 'thanks everyone', expect: [] },
  { text: 'Thanks all, really useful meeting', expect: [] },
  { text: 'file', expect: [] },
  { text: 'ok', expect: [] },
  { text: 'Can you hear me?', expect: [] },
  { text: 'Sorry, running 5 minutes late', expect: [] },
  { text: 'Great, see you all next week', expect: [] },
  { text: 'Is the meeting still on for 3pm?', expect: [] },
  { text: "I've put the notes in the SEND folder", expect: [] },
  { text: 'Mum was happy with how it went', expect: [] },
  { text: 'J.B. had a good week', expect: [] },
  { text: 'Who is taking minutes?', expect: [] },
  { text: 'Lovely, thank you', expect: [] },
  { text: 'Apologies from Hannah', expect: [] },
  { text: 'Good morning', expect: [] },
  { text: 'yes', expect: [] },
  { text: 'See attached', expect: [] },
  { text: 'Dad could not make it today', expect: [] },
  { text: 'Well done everyone 👏', expect: [] },
  {
    text: [
      'Notes from today',
      "Discussed J.B.'s progress in reading",
      'Parents pleased with the new timetable',
      'Nothing else to add',
    ].join('\n'),
    expect: [],
  },
  {
    text: [
      'Attendees: SENCO, class teacher, mum',
      'Discussed: A.K. settling well, using the visual timetable',
      'Actions:',
      '- SENCO to send mum the visual timetable by Friday',
      '- class teacher to keep the now and next board going for two weeks',
    ].join('\n'),
    expect: [
      ['Priya Shah', '2026-04-24', 'A.K. (Year 2)', 'document_to_share'],
      ['Chloe Evans', '2026-05-07', 'A.K. (Year 2)', 'classroom_adjustment'],
    ],
  },
  {
    text: [
      'Thanks everyone for coming.',
      'Agreed actions',
      '1. <at>Priya Shah</at> to send the EHCP draft to the LA by 8/5',
      '2. <at>Hannah Lewis</at> to meet mum on Monday to go through the targets',
      '3. <at>Grace Okafor</at> to run zones of regulation with E.W. every Tuesday for 3 weeks',
      'Next meeting: 10 June',
    ].join('\n'),
    expect: [
      ['Priya Shah', '2026-05-08', 'E.W. (Year 6)', 'annual_review'],
      ['Hannah Lewis', '2026-04-27', 'E.W. (Year 6)', 'parent_follow_up'],
      ['Grace Okafor', '2026-05-12', 'E.W. (Year 6)', 'intervention'],
    ],
    context: { meetingPupil: byId('p-0007') },
  },
  // A long list in one message.
  {
    text: [
      'Actions agreed - SEN support review, K.D.',
      '• Class teacher to use a visual timetable daily',
      '• TA to deliver precision teaching 3x a week for 6 weeks',
      '• SENCO to share the reading assessment with parents by next Friday',
      '• SENCO to refer to the EP if no progress by half term',
      '• Mum to read with K.D. at home 10 minutes a night',
      '• Class teacher to update the SSP by end of term',
      "• Attendance lead to check K.D.'s late marks every Monday",
      '• Family liaison to ring home on Monday',
    ].join('\n'),
    expect: [
      ['Tom Reed', null, 'K.D. (Year 4)', 'classroom_adjustment'],
      ['Grace Okafor', '2026-06-04', 'K.D. (Year 4)', 'intervention'],
      ['Priya Shah', '2026-05-01', 'K.D. (Year 4)', 'document_to_share'],
      ['Priya Shah', '2026-05-22', 'K.D. (Year 4)', 'professional_referral'],
      ['role:mum', null, 'K.D. (Year 4)', 'guess'],
      ['Tom Reed', '2026-07-22', 'K.D. (Year 4)', 'support_plan_update'],
      ['Marcus Bell', null, 'K.D. (Year 4)', 'guess'],
      ['Dan Wright', '2026-04-27', 'K.D. (Year 4)', 'parent_follow_up'],
    ],
  },
  {
    text: [
      'Pastoral check-in: L.H.',
      'Actions',
      '- class teacher to give L.H. a quiet space to go to at break',
      "- SENCO to contact the school nurse about L.H.'s sleep by Tuesday",
      '- dad to keep a sleep diary for two weeks',
    ].join('\n'),
    event: 'pastoral_check_in',
    expect: [
      ['Hannah Lewis', null, 'L.H. (Year 5)', 'classroom_adjustment'],
      ['Priya Shah', '2026-04-28', 'L.H. (Year 5)', 'professional_referral'],
      ['role:dad', '2026-05-07', 'L.H. (Year 5)', 'guess'],
    ],
  },
  // Written after the parser was tuned on the messages above, and scored before any change for them.
  {
    text: '<p>Agreed actions</p><ul><li><p><at>Tom Reed</at> to set up a task board for K.D. by Monday</p></li><li><p><at>Grace Okafor</at> to run a talk boost group with A.K. and Z.A. for 10 weeks</p></li><li><p>SENCO to send the updated SSP to mum and dad by next Tuesday</p></li></ul>',
    expect: [
      ['Tom Reed', '2026-04-27', 'K.D. (Year 4)', 'classroom_adjustment'],
      ['Grace Okafor', '2026-07-02', 'A.K. (Year 2)', 'intervention'],
      ['Priya Shah', '2026-04-28', null, 'document_to_share'],
    ],
  },
  {
    text: [
      'Follow-ups from SEN support meeting (R.P.)',
      '- SENCO will request a SALT assessment by 8/5',
      '- Class teacher will share the spelling strategies with home',
      '- TA needs to record reading minutes daily',
      '- Parents will sign the consent form by Friday',
    ].join('\n'),
    expect: [
      ['Priya Shah', '2026-05-08', 'R.P. (Year 3)', 'professional_referral'],
      ['Tom Reed', null, 'R.P. (Year 3)', 'parent_follow_up'],
      ['Grace Okafor', null, 'R.P. (Year 3)', 'guess'],
      ['role:parents', '2026-04-24', 'R.P. (Year 3)', 'guess'],
    ],
  },
  {
    text: 'Book the EP for a consultation (owner: SENCO) by 15 May',
    expect: [['Priya Shah', '2026-05-15', null, 'professional_referral']],
  },
  {
    text: [
      'Actions',
      '1) Mrs Ahmed to bring in the OT report',
      '2) SENCO to copy it to the class teacher',
      '3) Chloe to try the writing slope and pencil grip for Zain for two weeks',
    ].join('\n'),
    expect: [
      [null, null, 'Z.A. (Year 1)', 'document_to_share'],
      ['Priya Shah', null, 'Z.A. (Year 1)', 'document_to_share'],
      ['Chloe Evans', '2026-05-07', 'Z.A. (Year 1)', 'classroom_adjustment'],
    ],
  },
  {
    text: 'SENCO & TA to meet with the EP on Weds re M.T.',
    expect: [
      ['Priya Shah', '2026-04-29', 'M.T. (Year 6)', 'professional_referral'],
      ['Grace Okafor', '2026-04-29', 'M.T. (Year 6)', 'professional_referral'],
    ],
  },
  { text: 'Both class teachers to use the same reward chart for the twins', expect: [[null, null, null, 'classroom_adjustment', 'vague']] },
  { text: 'Someone to book the hall for the parent workshop', expect: [[null, null, null, 'parent_follow_up', 'vague']] },
  {
    text: 'Dan Wright to do a home visit with mum before the end of term',
    expect: [['Dan Wright', '2026-07-22', null, 'parent_follow_up']],
  },
  { text: 'Hannah to move E.W. to the front table from Monday', expect: [['Hannah Lewis', null, 'E.W. (Year 6)', 'classroom_adjustment']] },
  {
    text: 'Class teacher to set up a buddy system for S.O. at playtimes',
    expect: [['Chloe Evans', null, 'S.O. (Reception)', 'classroom_adjustment']],
  },
  {
    text: 'SENCO to update the provision map with the new costs by the 30th',
    expect: [['Priya Shah', '2026-04-30', null, 'support_plan_update']],
  },
  {
    text: 'TA to do overlearning of key spellings with L.H. 3 x 10 mins a week',
    expect: [['Grace Okafor', null, 'L.H. (Year 5)', 'intervention']],
  },
  {
    text: 'Aisha Rahman will observe a lesson for N.C. by Friday week',
    expect: [['Aisha Rahman', '2026-05-01', 'N.C. (Year 5)', 'guess']],
  },
  {
    text: 'SENCO needs to complete the CAF/early help form for E.W. by Mon 4th May',
    expect: [['Priya Shah', '2026-05-04', 'E.W. (Year 6)', 'professional_referral']],
  },
  {
    text: "Tom to email home about J.B.'s new targets by 4.5.26",
    expect: [['Tom Reed', '2026-05-04', 'J.B. (Year 4)', 'parent_follow_up']],
  },
  {
    text: 'Action point 3 - Marcus to arrange a meeting with dad about punctuality by May 11',
    expect: [['Marcus Bell', '2026-05-11', null, 'parent_follow_up']],
  },
  {
    text: 'To do: SENCO to write the one-page profile for A.K. by end of June',
    expect: [['Priya Shah', '2026-06-30', 'A.K. (Year 2)', 'support_plan_update']],
  },
  { text: 'SENCO to refer Leo to the paediatrician', expect: [['Priya Shah', null, 'L.W. (Year 2)', 'professional_referral']] },
  {
    text: 'Class teacher to give Lily White extra time in tests',
    expect: [['Chloe Evans', null, 'L.W. (Year 1)', 'classroom_adjustment']],
  },
  { text: 'TA to support L.W. (Year 2) with phonics daily', expect: [['Grace Okafor', null, 'L.W. (Year 2)', 'intervention']] },
  { text: 'SENCO to ask the LA about transport for N.C. ASAP', expect: [['Priya Shah', null, 'N.C. (Year 5)', 'guess']] },
  {
    text: "Year lead to speak to the class teacher about M.T.'s behaviour plan within 10 days",
    expect: [['Aisha Rahman', '2026-05-03', 'M.T. (Year 6)', 'support_plan_update']],
  },
  {
    text: 'Grace: social stories with S.O. before transitions, starting next week',
    expect: [['Grace Okafor', null, 'S.O. (Reception)', 'intervention']],
  },
  {
    text: 'Hannah & Tom to swap seating plans so M.T. and K.D. are apart by this Friday',
    expect: [
      ['Hannah Lewis', '2026-04-24', 'M.T. (Year 6)', 'classroom_adjustment'],
      ['Tom Reed', '2026-04-24', 'M.T. (Year 6)', 'classroom_adjustment'],
    ],
  },
  {
    text: ['Tom to phone mum by Friday', 'SENCO to send the EP report home', 'thanks all'].join('\n'),
    expect: [
      ['Tom Reed', '2026-04-24', null, 'parent_follow_up'],
      ['Priya Shah', null, null, 'document_to_share'],
    ],
  },
  {
    text: [
      'Agreed actions',
      '- SENCO to send the annual review invites to the LA, EP and parents by 1 May',
      '- class teacher to get pupil views for the review by next Friday',
      '- TA to collect work samples for the annual review by 6/5',
    ].join('\n'),
    context: { meetingTitle: 'Annual review prep - K.D.' },
    event: 'annual_review',
    expect: [
      ['Priya Shah', '2026-05-01', 'K.D. (Year 4)', 'annual_review'],
      ['Tom Reed', '2026-05-01', 'K.D. (Year 4)', 'annual_review'],
      ['Grace Okafor', '2026-05-06', 'K.D. (Year 4)', 'annual_review'],
    ],
  },
  {
    text: [
      'Actions - transition to Year 7 for E.W.',
      '- SENCO to send the transition passport to the new school by 3/7',
      '- Hannah to arrange two extra visits before end of term',
    ].join('\n'),
    event: 'transition_meeting',
    expect: [
      ['Priya Shah', '2026-07-03', 'E.W. (Year 6)', 'document_to_share'],
      ['Hannah Lewis', '2026-07-22', 'E.W. (Year 6)', 'guess'],
    ],
  },
  {
    text: [
      'Concerns meeting with mum - N.C.',
      'Actions',
      "- SENCO to reply to mum's email by Monday",
      "- Year lead to check N.C.'s detentions with the class teacher this week",
    ].join('\n'),
    event: 'complaint_or_concern',
    expect: [
      ['Priya Shah', '2026-04-27', 'N.C. (Year 5)', 'parent_follow_up'],
      ['Aisha Rahman', '2026-04-24', 'N.C. (Year 5)', 'guess'],
    ],
  },
  {
    text: '<at>Priya Shah</at> - chase CAMHS for L.H. by next Thursday',
    expect: [['Priya Shah', '2026-04-30', 'L.H. (Year 5)', 'professional_referral']],
  },
  { text: "Monitor J.B.'s reading", expect: [[null, null, 'J.B. (Year 4)', 'guess', 'vague']] },
  { text: "SENCO to monitor E.W.'s attendance weekly", expect: [['Priya Shah', null, 'E.W. (Year 6)', 'guess', 'vague']] },
  { text: 'TBC - parent workshop on anxiety', expect: [[null, null, null, 'parent_follow_up', 'vague']] },
  {
    text: 'Class teacher to do a reading age test with K.D. before half term and share results with SENCO',
    expect: [['Tom Reed', '2026-05-22', 'K.D. (Year 4)', 'guess']],
  },
  {
    text: 'SENCO to apply for EHC needs assessment funding - decision by 12 June',
    expect: [['Priya Shah', '2026-06-12', null, 'professional_referral']],
  },
  {
    text: 'Class teacher to complete the SDQ for L.W. in Year 1 by Fri 1 May',
    expect: [['Chloe Evans', '2026-05-01', 'L.W. (Year 1)', 'guess']],
  },
  { text: '- parents to attend the ASD parent course from 5 May', expect: [['role:parents', null, null, 'parent_follow_up']] },
  {
    text: [
      'Actions',
      '- SENCO to send the EP report to parents and class teacher by Monday',
      '- EP to run a consultation with staff on 12/5',
      '- TA to deliver Numicon sessions with Z.A. three times a week',
      '- Class teacher to use chunked instructions for Z.A.',
    ].join('\n'),
    expect: [
      ['Priya Shah', '2026-04-27', 'Z.A. (Year 1)', 'document_to_share'],
      ['role:ep', '2026-05-12', 'Z.A. (Year 1)', 'professional_referral'],
      ['Grace Okafor', null, 'Z.A. (Year 1)', 'intervention'],
      ['Chloe Evans', null, 'Z.A. (Year 1)', 'classroom_adjustment'],
    ],
  },
  {
    text: "1. Chloe to share the transition photo book with S.O.'s family by 1/7 2. SENCO to invite nursery staff to the summer review",
    expect: [
      ['Chloe Evans', '2026-07-01', 'S.O. (Reception)', 'document_to_share'],
      ['Priya Shah', null, 'S.O. (Reception)', 'guess'],
    ],
  },
  { text: 'Thanks Priya', expect: [] },
  { text: 'Will do', expect: [] },
  { text: 'On it!', expect: [] },
  { text: 'Great news about J.B.', expect: [] },
  { text: "I can't make Thursday, sorry", expect: [] },
  { text: 'Has anyone seen the EP report?', expect: [] },
  { text: 'Meeting moved to 3.30', expect: [] },
  { text: 'Brilliant, thanks for sorting', expect: [] },
  { text: 'Happy Friday everyone', expect: [] },
  { text: 'Mum says thank you', expect: [] },
  { text: 'Running late, start without me', expect: [] },
  { text: 'Agenda attached', expect: [] },
  {
    text: ['Hi all,', 'Thanks for a productive meeting today.', 'Notes are in the SEND folder.', 'Best wishes, Priya'].join('\n'),
    expect: [],
  },
  { text: 'Morning! Quick update: J.B. settled well after the new seating. Mum is pleased.', expect: [] },
  { text: 'Ok thanks, that works for me', expect: [] },
  { text: 'Can we move it to Weds?', expect: [] },
];
