import { newActionSchema, type Action, type NewActionInput } from '@/kernel/action';
import { createAction } from '@/kernel/lifecycle';
import { buildNewAction, senco } from '@tests/support/factories';

let counter = 0;

/** A stored-looking action made by the real domain rules (not a hand-written object). */
export function buildAction(overrides: Partial<NewActionInput> = {}, extra: Partial<Action> = {}): Action {
  counter += 1;
  const input = newActionSchema.parse(buildNewAction(overrides));
  return { ...createAction(input, senco, new Date('2026-04-20T09:00:00Z'), `a-${counter}`), ...extra };
}
