/** The Universal Action verbs of the proposed-actions card and its input ids (bot/run-card-action.ts dispatches them). */
export const CAPTURE_VERBS = {
  saveAll: 'capture.saveAll',
  saveSelected: 'capture.saveSelected',
  discard: 'capture.discard',
} as const;

export type CaptureVerb = (typeof CAPTURE_VERBS)[keyof typeof CAPTURE_VERBS];

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

/**
 * The pupil picker's choice when no pupil is known yet: a choice list may not be empty and every
 * choice needs a value, and listing other pupils in a shared chat would show them to everyone there.
 * Reads as "no pupil" when the card comes back.
 */
export const NO_PUPIL_CHOICE = { title: 'Choose: type initials to search', value: 'none' } as const;

/** The Data.Query dataset the pupil picker searches (answered by the bot's `application/search` handler). */
export const PUPIL_DATASET = 'sendTracker.pupils';
