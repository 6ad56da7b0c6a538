/** Every Universal Action verb the bot's cards send, in one place. The one card-action handler switches on these. */
export const CAPTURE_VERBS = {
  saveAll: 'capture.saveAll',
  saveSelected: 'capture.saveSelected',
  discard: 'capture.discard',
} as const;

export type CaptureVerb = (typeof CAPTURE_VERBS)[keyof typeof CAPTURE_VERBS];

export const CAPTURE_VERB_VALUES = Object.values(CAPTURE_VERBS) as [CaptureVerb, ...CaptureVerb[]];

/** Input ids on the proposed-actions card, one set per row `i`. Short: twenty rows must fit in 28 KB. */
export const rowInputIds = (i: number) => ({
  description: `d${i}`,
  owner: `o${i}`,
  due: `u${i}`,
  pupil: `p${i}`,
  itemType: `t${i}`,
  include: `x${i}`,
});

/** The card-wide meeting type input. */
export const EVENT_TYPE_INPUT = 'eventType';

/** The most actions the bot proposes from one message (split over as many cards as fit in 28 KB each). */
export const MAX_PROPOSED_ACTIONS = 50;

/** The Data.Query dataset the pupil picker searches (answered by the bot's `application/search` handler). */
export const PUPIL_DATASET = 'sendTracker.pupils';

/** Verbs on the reminder card; `src/commands/update-from-reminder.ts` does the work. */
export const REMINDER_VERBS = {
  done: 'reminder.done',
  inProgress: 'reminder.inProgress',
  waiting: 'reminder.waiting',
  snooze: 'reminder.snooze',
  refresh: 'reminder.refresh',
} as const;

export type ReminderVerb = (typeof REMINDER_VERBS)[keyof typeof REMINDER_VERBS];

export const REMINDER_VERB_VALUES = Object.values(REMINDER_VERBS) as [ReminderVerb, ...ReminderVerb[]];

/** The Input.Text on the Done sub-card for item `actionId`: an evidence link or a short note. */
export const evidenceInputId = (actionId: string) => `evidence-${actionId}`;
