import type { Action, Person } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import type { ReminderKind } from './reminder-policy';

/**
 * What a reminder card shows, before it is a card: whose items, each in its current state, and a
 * notice line. Commands and tasks produce it; `reminder-card.ts` presents it.
 */
export interface ReminderView {
  owner: Pick<Person, 'id' | 'name'>;
  /**
   * `isNew`: set on every item when the card has items an earlier reminder showed (false) beside ones
   * it did not (true); the card lists the new ones first and says so. Absent: no such split.
   */
  items: { action: Action; kind?: ReminderKind; isNew?: boolean }[];
  today: IsoDate;
  /** 'lead': the SEND lead's card (escalations, unreachable owners) rather than an owner's own. */
  audience: 'owner' | 'lead';
  /** True when the clicker may not see this card: it shows the notice and nothing else. */
  refused?: boolean;
  /** What just happened, a refusal, or why the card was refreshed; `actionId` when it is about one item. */
  notice?: { text: string; tone: 'good' | 'attention' | 'warning'; actionId?: string };
}

/** Turns a view into a card (the bot's presenter); injected so src/ stays free of card JSON. */
export type PresentReminder = (view: ReminderView) => Record<string, unknown>;
