import { newActionSchema, type Action, type Actor, type NewActionInput, type Person } from '@/kernel/action';
import { createAction } from '@/kernel/lifecycle';

export const senco: Person = { id: '00000000-0000-4000-8000-000000000001', name: 'Priya Shah', email: 'p.shah@oakfield.example' };
export const teacher: Person = { id: '00000000-0000-4000-8000-000000000002', name: 'Tom Reed', email: 't.reed@oakfield.example' };
export const assistant: Person = { id: '00000000-0000-4000-8000-000000000003', name: 'Grace Okafor', email: 'g.okafor@oakfield.example' };

export const sencoActor: Actor = senco;
export const teacherActor: Actor = teacher;

/** A valid new action; override any field. */
export function buildNewAction(overrides: Partial<NewActionInput> = {}): NewActionInput {
  return {
    pupil: { id: 'pupil-jb', name: 'J.B.', yearGroup: 4 },
    itemType: 'parent_follow_up',
    description: 'Phone parent to agree the reading plan',
    owner: teacher,
    dueDate: '2026-05-01',
    source: { eventType: 'sen_support_meeting', title: 'SEN support review' },
    ...overrides,
  };
}

let built = 0;

/** A stored-looking action made by the real domain rules (not a hand-written object), for tests with no store. */
export function buildAction(overrides: Partial<NewActionInput> = {}, extra: Partial<Action> = {}): Action {
  built += 1;
  const input = newActionSchema.parse(buildNewAction(overrides));
  return { ...createAction(input, sencoActor, new Date('2026-04-20T09:00:00Z'), `action-${built}`), ...extra };
}
