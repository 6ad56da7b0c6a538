/**
 * Words staff use for owners in meeting chats, all lower case. A school's own role table
 * (`CaptureContext.roles`) adds to `STAFF_ROLE_WORDS`; the other two lists are never people.
 */
export const STAFF_ROLE_WORDS: readonly string[] = [
  'senco',
  'send lead',
  'send co',
  'sendco',
  'inclusion lead',
  'class teacher',
  'teacher',
  'form tutor',
  'ta',
  'teaching assistant',
  'lsa',
  'year lead',
  'head of year',
  'phase lead',
  'attendance lead',
  'attendance officer',
  'family liaison',
  'pastoral lead',
  'dsl',
  'head',
  'headteacher',
  'head teacher',
  'deputy head',
  'office',
  'school office',
  'elsa',
];

/** Class teacher, per year group: "year 4 class teacher", "reception teacher". */
export const YEAR_TEACHER = /^(?:year\s*\d{1,2}|reception|yr\s*\d{1,2})\s+(?:class\s+)?teacher$/;

/** Professionals outside the school: their part of an action belongs to a referral. */
export const PROFESSIONAL_ROLE_WORDS: readonly string[] = [
  'ep',
  'educational psychologist',
  'salt',
  'speech and language therapist',
  'speech therapist',
  'ot',
  'occupational therapist',
  'camhs',
  'school nurse',
  'paediatrician',
  'social worker',
];

/** People outside the staff: an action can rest with them, but a member of staff must chase it. */
export const EXTERNAL_ROLE_WORDS: readonly string[] = [
  'parent',
  'parents',
  'mum',
  'dad',
  'carer',
  'carers',
  'family',
  'grandparent',
  'grandparents',
  ...PROFESSIONAL_ROLE_WORDS,
  'la',
  'local authority',
  'pupil',
  'child',
];

/** Owners that are not one person. */
export const COLLECTIVE_OWNER_WORDS: readonly string[] = [
  'school',
  'team',
  'send team',
  'sen team',
  'senco team',
  'tbc',
  'tbd',
  'to be confirmed',
  'everyone',
  'everybody',
  'all',
  'all staff',
  'staff',
  'we',
  'us',
  'all of us',
  'both',
  'teachers',
  'tas',
  'someone',
  'anyone',
];

/** The role word when a role owner is outside the staff (parent, EP, SALT...), whom a member of staff chases; else null. */
export function outsideRoleOf(role: string | null | undefined): string | null {
  return role && EXTERNAL_ROLE_WORDS.includes(role.toLowerCase()) ? role : null;
}

/** Imperative verbs that start an action ("Phone mum to ..."): such a start is never an owner. */
export const ACTION_VERBS = new Set(
  (
    'phone call ring text meet send share email e-mail forward circulate arrange book refer complete update write ' +
    'review check set apply contact speak talk ask chase organise organize order provide invite monitor ' +
    'continue start begin add make request follow get put give find liaise discuss agree plan prepare observe ' +
    'assess submit sort look support keep use try move run do read print draft upload record note log ' +
    'book bring collect reply swap attend trial reduce introduce deliver chase seat visit teach model'
  ).split(' '),
);
