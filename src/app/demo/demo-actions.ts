import type { NewActionInput, Person, Pupil } from '@/kernel/action';
import { addDays, type IsoDate } from '@/kernel/dates';
import type { EventType, ItemType } from '@/kernel/item-type';
import { DEMO_PUPILS, DEMO_STAFF } from './school';

type Row = [
  pupil: number,
  itemType: ItemType,
  description: string,
  owner: Person,
  dueInDays: number,
  event: EventType,
  status?: 'in_progress' | 'waiting',
];

const S = DEMO_STAFF;

/** Thirty actions of the kind SEND meetings agree, dated relative to today so every check-in bucket has items. */
const ROWS: Row[] = [
  [0, 'parent_follow_up', 'Phone parent to agree the home reading plan', S.year4Teacher, -9, 'sen_support_meeting'],
  [
    0,
    'professional_referral',
    'Send educational psychologist referral with the latest reading assessment',
    S.senco,
    3,
    'sen_support_meeting',
    'in_progress',
  ],
  [0, 'intervention', 'Start precision teaching for high-frequency words, 3 x 15 min a week', S.assistant, 1, 'sen_support_meeting'],
  [1, 'classroom_adjustment', 'Introduce a visual timetable and a now/next board', S.receptionTeacher, -2, 'pastoral_check_in'],
  [1, 'professional_referral', 'Chase the speech and language therapy referral', S.senco, -15, 'parent_conversation', 'waiting'],
  [1, 'document_to_share', 'Share the SALT targets with the class team', S.receptionTeacher, 12, 'sen_support_meeting'],
  [2, 'annual_review', 'Send annual review invitations and request advice (2 weeks before the meeting)', S.senco, 5, 'annual_review'],
  [
    2,
    'support_plan_update',
    'Update the pupil passport with the new sensory strategies',
    S.year6Teacher,
    2,
    'annual_review',
    'in_progress',
  ],
  [2, 'parent_follow_up', 'Meet parents about secondary transition visits', S.senco, 20, 'transition_meeting'],
  [2, 'document_to_share', 'Send the EHC plan and transition notes to the secondary SENCO', S.senco, 34, 'transition_meeting'],
  [3, 'classroom_adjustment', 'Provide ear defenders and a quiet space at lunchtime', S.receptionTeacher, 0, 'pastoral_check_in'],
  [3, 'parent_follow_up', 'Share the toileting plan with parents and agree it', S.familyLiaison, 4, 'parent_conversation'],
  [3, 'professional_referral', 'Request an occupational therapy assessment', S.senco, -4, 'sen_support_meeting', 'waiting'],
  [4, 'intervention', 'Run the mid-point check of the spelling intervention', S.assistant, -1, 'sen_support_meeting'],
  [4, 'support_plan_update', 'Review SEN support plan targets with the pupil', S.year6Teacher, 9, 'sen_support_meeting'],
  [4, 'parent_follow_up', 'Call parent about attendance below 90% this half term', S.attendanceLead, -3, 'pastoral_check_in'],
  [5, 'intervention', 'Set up an ELSA group, 6 weeks, with parent consent recorded', S.assistant, 7, 'sen_support_meeting'],
  [5, 'classroom_adjustment', 'Agree movement breaks with the class teacher and TA', S.year4Teacher, 6, 'pastoral_check_in'],
  [5, 'professional_referral', 'Reply to the CAMHS questionnaire', S.senco, -22, 'complaint_or_concern', 'waiting'],
  [6, 'annual_review', 'Circulate the annual review paperwork to the local authority within 2 weeks', S.senco, 10, 'annual_review'],
  [6, 'document_to_share', 'Send the one-page profile to the new midday supervisors', S.year6Teacher, -6, 'sen_support_meeting'],
  [
    6,
    'parent_follow_up',
    'Respond in writing to the parent concern about homework',
    S.keyStage2Lead,
    2,
    'complaint_or_concern',
    'in_progress',
  ],
  [7, 'intervention', 'Baseline phonics assessment before Fast Track starts', S.assistant, 3, 'sen_support_meeting'],
  [7, 'support_plan_update', 'Write first SEN support plan with the parent', S.receptionTeacher, 14, 'parent_conversation'],
  [8, 'classroom_adjustment', 'Move seat nearer the board after the vision check', S.year4Teacher, -1, 'pastoral_check_in'],
  [8, 'professional_referral', 'Send the vision-impairment service referral form', S.senco, 8, 'sen_support_meeting'],
  [8, 'parent_follow_up', 'Feed back the outcome of the referral to parents', S.familyLiaison, 25, 'parent_conversation'],
  [9, 'intervention', 'End-of-intervention reading age test and ratio gain', S.assistant, 5, 'sen_support_meeting'],
  [9, 'annual_review', 'Book the annual review room and interpreter', S.senco, 16, 'annual_review', 'waiting'],
  [9, 'support_plan_update', 'Update the provision map with the new maths intervention cost', S.senco, 11, 'sen_support_meeting'],
];

/** The demo actions as repository input, due dates counted from `today`. */
export function demoActions(today: IsoDate): NewActionInput[] {
  return ROWS.map(([pupilIndex, itemType, description, owner, dueInDays, eventType, status], i) => {
    const pupil = DEMO_PUPILS[pupilIndex] as Pupil;
    return {
      pupil,
      itemType,
      description,
      owner,
      dueDate: addDays(today, dueInDays),
      status: status ?? 'open',
      nextReviewDate: itemType === 'annual_review' || itemType === 'intervention' ? addDays(today, dueInDays + 42) : null,
      source: { eventType, title: `${eventType.replace(/_/g, ' ')} (demo)` },
      idempotencyKey: `demo#${i}`,
    };
  });
}

/** Demo items that were finished, so the archive has something in it: row index -> closing note. */
export const DEMO_CLOSED: Record<number, string> = {
  14: 'Targets reviewed with the pupil; two met, one carried forward to the next plan.',
  23: 'Plan written with mum and shared with the class team.',
};
