import type { z } from 'zod';
import type { Actor } from '@/kernel/action';
import { ValidationError } from '@/kernel/errors';
import { parseInput } from '@/kernel/validate';
import { reminderCard } from './reminder-card';
import { reminderCardDataSchema } from './reminder-card-schema';
import { REMINDER_VERBS, type ReminderVerb } from './reminder-verbs';
import { updateFromReminder, type ReminderChange, type UpdateFromReminderDeps } from './update-from-reminder';

/** What each reminder-card button does to the clicked item. */
export const REMINDER_CHANGES: Record<ReminderVerb, ReminderChange> = {
  [REMINDER_VERBS.done]: 'done',
  [REMINDER_VERBS.inProgress]: 'in_progress',
  [REMINDER_VERBS.waiting]: 'waiting',
  [REMINDER_VERBS.snooze]: 'snooze',
  [REMINDER_VERBS.refresh]: 'refresh',
};

export type ReminderClickData = z.output<typeof reminderCardDataSchema>;

/**
 * A reminder-card click whose data is already validated (`reminderCardDataSchema`): the command
 * (`updateFromReminder`, for the authenticated clicker) and its presenter (`reminderCard`).
 */
export async function runReminderClick(
  deps: UpdateFromReminderDeps,
  verb: ReminderVerb,
  data: ReminderClickData,
  actor: Actor,
): Promise<Record<string, unknown>> {
  const change = REMINDER_CHANGES[verb];
  const view = await updateFromReminder(
    deps,
    {
      change,
      card: data.card,
      ...(change !== 'refresh' && data.target ? { target: data.target } : {}),
      ...(data.evidence ? { evidence: data.evidence } : {}),
    },
    actor,
  );
  return reminderCard(view);
}

/**
 * A click on a reminder card from raw Teams data: validate, then `runReminderClick`.
 * @throws ValidationError for malformed card data or an unknown verb
 */
export async function handleReminderAction(
  deps: UpdateFromReminderDeps,
  verb: string,
  data: unknown,
  actor: Actor,
): Promise<Record<string, unknown>> {
  if (!Object.hasOwn(REMINDER_CHANGES, verb)) throw new ValidationError([{ path: 'verb', message: `unknown reminder verb ${verb}` }]);
  return runReminderClick(deps, verb as ReminderVerb, parseInput(reminderCardDataSchema, data, 'data'), actor);
}
