import { z } from 'zod';
import type { IsoDate } from '../dates';
import type { UnreachableReason } from './reminder-sender';

/** Someone a run could not message in their personal chat, and how many of their items that held up. Staff only. */
export interface UnreachedOwner {
  id: string;
  name: string;
  reason: UnreachableReason;
  items: number;
}

/** What one reminder run did. Counts and staff only: never a pupil's details or an item's words. */
export interface ReminderRunSummary {
  today: IsoDate;
  schoolDay: boolean;
  /** Cards posted: personal chats, source chats and the SEND lead's. */
  cardsSent: number;
  /** Items shown to their owner (personal chat, or a mention in the source chat). */
  itemsReminded: number;
  /** Owners with no personal chat for whom the app was installed (Microsoft Graph), then reminded there. */
  installed: number;
  /** Owners with no personal chat, reminded in a source chat instead. */
  fallbacks: number;
  /** Items whose owner could not be reached at all: only the SEND lead was told. */
  leadOnly: number;
  /** Escalations delivered to the SEND lead. */
  escalations: number;
  /** Nobody could be told (no personal chat for owner or SEND lead): claims given back for a later run. */
  undelivered: number;
  /** Bot Connector errors: claims given back for the next run. */
  failed: number;
  /** Owners the run could not message directly, with the reason for each. */
  unreached: UnreachedOwner[];
}

/** A finished run as the SEND team's Reminders panel lists it. */
export interface ReminderRunReport extends ReminderRunSummary {
  /** When the run started (UTC, ISO 8601). */
  ranAt: string;
}

const count = z.number().int().min(0);

/** A stored report, checked as it is read back (both stores keep it as JSON). */
export const reminderRunReportSchema = z.object({
  ranAt: z.iso.datetime(),
  today: z.iso.date(),
  schoolDay: z.boolean(),
  cardsSent: count,
  itemsReminded: count,
  installed: count,
  fallbacks: count,
  leadOnly: count,
  escalations: count,
  undelivered: count,
  failed: count,
  unreached: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      reason: z.enum(['not-installed', 'install-not-allowed', 'install-failed']),
      items: count,
    }),
  ),
}) satisfies z.ZodType<ReminderRunReport>;

/**
 * The record of reminder runs, for the Reminders panel: appended once per run (every instance that
 * runs the task writes its own), never changed or deleted.
 */
export interface ReminderRunLog {
  record(report: ReminderRunReport): Promise<void>;
  /** Runs whose school date is on or after `since`, newest first, at most `limit`. */
  recent(since: IsoDate, limit: number): Promise<ReminderRunReport[]>;
}
