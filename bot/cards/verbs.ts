export { REMINDER_VERBS, type ReminderVerb } from './reminder-verbs';

/**
 * Every Universal Action verb the bot's cards send. The one card-action handler switches on these.
 * Reminder card verbs live in `reminder-verbs.ts` and are re-exported here.
 */
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
