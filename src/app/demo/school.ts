import type { Person, Pupil } from '@/kernel/action';

/**
 * Oakfield Primary, a fictional school for demos and tests. Pupils appear by initials only, as
 * staff write them in meeting chats; every name and address here is invented.
 */
export const DEMO_SCHOOL_NAME = 'Oakfield Primary (demo)';

const staff = (id: number, name: string, email: string): Person => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  name,
  email: `${email}@oakfield.example`,
});

export const DEMO_STAFF = {
  senco: staff(1, 'Priya Shah', 'p.shah'),
  year4Teacher: staff(2, 'Tom Reed', 't.reed'),
  assistant: staff(3, 'Grace Okafor', 'g.okafor'),
  year6Teacher: staff(4, 'Hannah Lewis', 'h.lewis'),
  attendanceLead: staff(5, 'Marcus Bell', 'm.bell'),
  keyStage2Lead: staff(6, 'Aisha Rahman', 'a.rahman'),
  receptionTeacher: staff(7, 'Chloe Evans', 'c.evans'),
  familyLiaison: staff(8, 'Dan Wright', 'd.wright'),
} as const;

/** Role words staff use in meetings, resolved to one person (configurable per school). */
export const DEMO_ROLES: Record<string, Person> = {
  senco: DEMO_STAFF.senco,
  'send lead': DEMO_STAFF.senco,
  'attendance lead': DEMO_STAFF.attendanceLead,
  'year lead': DEMO_STAFF.keyStage2Lead,
  'phase lead': DEMO_STAFF.keyStage2Lead,
  'family liaison': DEMO_STAFF.familyLiaison,
};

const pupil = (id: string, name: string, yearGroup: number): Pupil => ({ id, name, yearGroup });

export const DEMO_PUPILS: Pupil[] = [
  pupil('p-0001', 'J.B.', 4),
  pupil('p-0002', 'A.K.', 2),
  pupil('p-0003', 'M.T.', 6),
  pupil('p-0004', 'S.O.', 0),
  pupil('p-0005', 'L.H.', 5),
  pupil('p-0006', 'R.P.', 3),
  pupil('p-0007', 'E.W.', 6),
  pupil('p-0008', 'Z.A.', 1),
  pupil('p-0009', 'K.D.', 4),
  pupil('p-0010', 'N.C.', 5),
];

/** The class teacher for each year group, so "class teacher" can be resolved for a given pupil. */
export const DEMO_CLASS_TEACHERS: Record<number, Person> = {
  0: DEMO_STAFF.receptionTeacher,
  1: DEMO_STAFF.receptionTeacher,
  2: DEMO_STAFF.receptionTeacher,
  3: DEMO_STAFF.year4Teacher,
  4: DEMO_STAFF.year4Teacher,
  5: DEMO_STAFF.year6Teacher,
  6: DEMO_STAFF.year6Teacher,
};

/** What the digest falls back to in embedded mode when no SEND lead or school name is set. */
export const DEMO_DIGEST_DEFAULTS = { lead: DEMO_STAFF.senco, schoolName: DEMO_SCHOOL_NAME };
