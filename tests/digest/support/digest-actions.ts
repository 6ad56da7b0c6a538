import { newActionSchema, type Action, type NewActionInput } from '@/kernel/action';
import { closeAction, createAction } from '@/kernel/lifecycle';
import { buildNewAction, sencoActor } from '@tests/support/factories';

let counter = 0;

/** A stored-looking action built through the real lifecycle rules, created at `createdAt`. */
export function storedAction(overrides: Partial<NewActionInput> = {}, createdAt = '2026-11-02T09:00:00Z'): Action {
  counter += 1;
  return createAction(newActionSchema.parse(buildNewAction(overrides)), sencoActor, new Date(createdAt), `a-${counter}`);
}

/** The same action closed as done at `closedAt`. */
export function closedAction(overrides: Partial<NewActionInput>, closedAt: string): Action {
  return closeAction(storedAction(overrides), { status: 'done', note: 'Finished.' }, sencoActor, new Date(closedAt));
}
