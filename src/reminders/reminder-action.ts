import type { Actor } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { ValidationError } from '@/kernel/errors';
import { updateFromReminder, type ReminderChange, type UpdateFromReminderDeps } from './update-from-reminder';
import { reminderCard } from './reminder-card';
import { reminderCardDataSchema } from './reminder-card-schema';
import { REMINDER_VERBS, type ReminderVerb } from './reminder-verbs';

const CHANGES: Record<ReminderVerb, ReminderChange> = {
  [REMINDER_VERBS.done]: 'done',
  [REMINDER_VERBS.inProgress]: 'in_progress',
  [REMINDER_VERBS.waiting]: 'waiting',
  [REMINDER_VERBS.snooze]: 'snooze',
  [REMINDER_VERBS.refresh]: 'refresh',
};

/** True for the verbs this handler owns, so the bot's one card-action switch can delegate. */
export function isReminderVerb(verb: string): verb is ReminderVerb {
  return Object.hasOwn(CHANGES, verb);
}

/**
 * A click on a reminder card (Universal Action): validate the data, run the command, present the
 * refreshed card. Returns the card to send back in the invoke response.
 * @throws ValidationError for malformed card data or an unknown verb
 */
export async function handleReminderAction(
  deps: UpdateFromReminderDeps,
  verb: string,
  data: unknown,
  actor: Actor,
): Promise<Record<string, unknown>> {
  if (!isReminderVerb(verb)) throw new ValidationError([{ path: 'verb', message: `unknown reminder verb ${verb}` }]);
  const parsed = parseInput(reminderCardDataSchema, data, 'data');
  const change = CHANGES[verb];
  const view = await updateFromReminder(
    deps,
    {
      change,
      card: parsed.card,
      ...(change !== 'refresh' && parsed.target ? { target: parsed.target } : {}),
      ...(parsed.evidence ? { evidence: parsed.evidence } : {}),
    },
    actor,
  );
  return reminderCard(view);
}
