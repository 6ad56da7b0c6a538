import { z } from 'zod';
import { isIsoDate } from './dates';
import { EVENT_TYPES, ITEM_TYPES } from './item-type';
import { OPEN_STATUS_VALUES, STATUSES, type Status } from './status';
import { STEP_KINDS } from './statutory-clock';

/** A real calendar date, `YYYY-MM-DD`. 31/02 is rejected here, not later. */
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a real date in the form YYYY-MM-DD' });

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A member of staff, identified by their Entra object id. */
export const personSchema = z.strictObject({
  id: text(100),
  name: text(200),
  email: z.email('must be an email address').max(320),
});
export type Person = z.infer<typeof personSchema>;

/**
 * Who did something. In tenant mode this comes from a validated token; embedded mode uses a local identity.
 * The email may be unknown for bot users whose profile we have not read. Other keys are dropped,
 * so a richer user object can be passed and only these fields are stored.
 */
export const actorSchema = z.object({
  id: text(100),
  name: text(200),
  email: z.email().max(320).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** A pupil as the school knows them: an internal reference (never the UPN in chat) and a display name or initials. */
export const pupilSchema = z.strictObject({
  id: text(64),
  name: text(120),
  /** 0 = Reception, 1..13 = Year 1..13. */
  yearGroup: z.number().int().min(0).max(13).nullable(),
});
export type Pupil = z.infer<typeof pupilSchema>;

/** Where an action was agreed: the meeting or event, and the Teams message it came from. */
export const sourceSchema = z.strictObject({
  eventType: z.enum(EVENT_TYPES),
  title: z.string().trim().max(200).optional(),
  conversationId: z.string().max(500).optional(),
  messageId: z.string().max(200).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * Who outside the staff does an action ("parent", "EP", "CAMHS"), as the meeting named them. The
 * action's `owner` is then the member of staff who chases it: reminders go to them, worded "Chase …".
 */
const outsideOwnerSchema = text(100);

const urlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) link' }).max(2000);
const noteSchema = text(2000);

/**
 * Set only on an item the EHC plan's statutory clock made (src/ehc-plans): which step of which run of
 * the clock it is. The plan keeps its due date in step; closing it needs the owner's own note.
 */
export const statutoryRefSchema = z.strictObject({ step: z.enum(STEP_KINDS), cycle: z.string().trim().min(1).max(20) });
export type StatutoryRef = z.infer<typeof statutoryRefSchema>;

/** What a caller supplies to create an action. Everything else is set by the store. */
export const newActionSchema = z.strictObject({
  pupil: pupilSchema,
  itemType: z.enum(ITEM_TYPES),
  description: text(500),
  decision: z.string().trim().max(1000).optional(),
  owner: personSchema,
  outsideOwner: outsideOwnerSchema.optional(),
  dueDate: isoDateSchema,
  /** A new action cannot start closed. */
  status: z.enum(OPEN_STATUS_VALUES).default('open'),
  evidenceUrl: urlSchema.nullable().default(null),
  nextReviewDate: isoDateSchema.nullable().default(null),
  source: sourceSchema,
  /** Makes a retried save a no-op: e.g. `${messageId}#${index}` from the capture card. */
  idempotencyKey: z.string().trim().min(1).max(300).optional(),
  statutory: statutoryRefSchema.optional(),
});
export type NewActionInput = z.input<typeof newActionSchema>;
export type NewAction = z.output<typeof newActionSchema>;

/** Fields that may change on an open action. Status changes go through the lifecycle rules. */
export const actionPatchSchema = z
  .strictObject({
    pupil: pupilSchema,
    itemType: z.enum(ITEM_TYPES),
    description: text(500),
    decision: z.string().trim().max(1000),
    owner: personSchema,
    /** null: the owner does it themselves after all. */
    outsideOwner: outsideOwnerSchema.nullable(),
    dueDate: isoDateSchema,
    status: z.enum(OPEN_STATUS_VALUES),
    evidenceUrl: urlSchema.nullable(),
    nextReviewDate: isoDateSchema.nullable(),
    /** "Snooze": no reminder before this date. The due date does not move. */
    remindAfter: isoDateSchema.nullable(),
    note: noteSchema,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type ActionPatch = z.infer<typeof actionPatchSchema>;

/** Closing an item archives it; a closing note says what happened. */
export const closeActionSchema = z.strictObject({
  status: z.enum(['done', 'parked']),
  note: noteSchema,
  evidenceUrl: urlSchema.nullable().optional(),
});
export type CloseAction = z.infer<typeof closeActionSchema>;

/** A stored action. `version` increases by one on every change (optimistic concurrency). */
export interface Action extends Omit<NewAction, 'status' | 'outsideOwner'> {
  id: string;
  status: Status;
  version: number;
  lastNote: string | null;
  createdBy: Actor;
  createdAt: string;
  updatedBy: Actor;
  updatedAt: string;
  closedAt: string | null;
  closingNote: string | null;
  /** A parent or professional who does it, chased by `owner`. Absent (or null once cleared) when staff do it. */
  outsideOwner?: string | null;
  /** Set by "Snooze a week": reminders resume on this date. Absent on items never snoozed. */
  remindAfter?: string | null;
}

export const actionQuerySchema = z.strictObject({
  statuses: z.array(z.enum(STATUSES)).min(1).optional(),
  ownerId: z.string().min(1).optional(),
  pupilId: z.string().min(1).optional(),
  itemType: z.enum(ITEM_TYPES).optional(),
  dueFrom: isoDateSchema.optional(),
  dueTo: isoDateSchema.optional(),
  /** Include closed (archived) items. Off by default: the live tracker shows open work. */
  includeArchived: z.boolean().default(false),
});
export type ActionQueryInput = z.input<typeof actionQuerySchema>;
export type ActionQuery = z.output<typeof actionQuerySchema>;
