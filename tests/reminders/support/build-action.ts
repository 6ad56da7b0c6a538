import { newActionSchema, type Action } from '@/kernel/action';
import { createAction } from '@/kernel/lifecycle';
import { buildNewAction, sencoActor } from '@tests/support/factories';

let n = 0;

/** A stored-shape action for pure policy tests (no store involved). */
export function buildAction(overrides: Partial<Parameters<typeof buildNewAction>[0]> = {}, extra: Partial<Action> = {}): Action {
  const input = newActionSchema.parse(buildNewAction(overrides));
  return { ...createAction(input, sencoActor, new Date('2026-04-01T09:00:00Z'), `action-${++n}`), ...extra };
}
