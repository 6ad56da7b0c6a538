import type { Action, Actor } from '@/kernel/action';
import { addDays, formatDate, londonDate } from '@/kernel/dates';
import { ConflictError, NotFoundError, ValidationError } from '@/kernel/errors';
import { DEFAULT_REMINDER_POLICY, ownerReminderFor, type ReminderPolicy } from './reminder-policy';
import { createSchoolCalendar, type SchoolCalendar } from '@/kernel/school-calendar';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { ReminderView } from './reminder-view';

export type ReminderChange = 'done' | 'in_progress' | 'waiting' | 'snooze' | 'refresh';

export interface ReminderUpdate {
  change: ReminderChange;
  /**
   * Whose card it is. `items` (from the card's refresh) lists exactly what it showed; a button click
   * carries only its own item, and the card is rebuilt from what is on that person's radar today.
   */
  card: { ownerId: string; ownerName: string; audience: 'owner' | 'lead'; items?: { actionId: string; version: number }[] };
  /** The clicked item (absent for a refresh). */
  target?: { actionId: string; version: number };
  /** Done only: what the owner typed, an evidence link or a short note. */
  evidence?: string;
}

export interface UpdateFromReminderDeps {
  repo: ActionRepository;
  /** Entra ids of the SEND lead(s): they may change anyone's item. */
  sendLeadIds: readonly string[];
  now: () => Date;
  /** Decide what is on an owner's radar when the card is rebuilt (defaults: the default policy, bank holidays only). */
  policy?: ReminderPolicy;
  calendar?: SchoolCalendar;
}

export const DEFAULT_DONE_NOTE = 'Marked done from the reminder card';
const SNOOZE_DAYS = 7;

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text);

/**
 * A click on the reminder card: only the owner or the SEND lead may change the item; anyone else
 * is told so politely and nothing changes. A click on a stale card (the item changed elsewhere)
 * redraws the card with the current state instead of overwriting. Always returns the card's view.
 */
export async function updateFromReminder(deps: UpdateFromReminderDeps, update: ReminderUpdate, actor: Actor): Promise<ReminderView> {
  const today = londonDate(deps.now());
  const notice = update.target ? await applyChange(deps, update, update.target, actor, today) : undefined;
  const items = update.card.items
    ? await readItems(
        deps.repo,
        update.card.items.map((i) => i.actionId),
      )
    : await onRadar(deps, update.card, today, update.target?.actionId);
  return {
    owner: { id: update.card.ownerId, name: update.card.ownerName },
    audience: update.card.audience,
    items: items.map((action) => ({ action })),
    today,
    ...(notice ? { notice } : {}),
  };
}

async function applyChange(
  deps: UpdateFromReminderDeps,
  update: ReminderUpdate,
  target: { actionId: string; version: number },
  actor: Actor,
  today: string,
): Promise<ReminderView['notice']> {
  const current = await deps.repo.get(target.actionId);
  if (current.owner.id !== actor.id && !deps.sendLeadIds.includes(actor.id)) {
    return {
      tone: 'warning',
      text: `Only ${current.owner.name} (the owner) or the SEND lead can update this item, so nothing was changed.`,
    };
  }
  try {
    await write(deps.repo, update, current.id, target.version, actor, today);
    return { tone: 'good', text: doneText(update.change, today) };
  } catch (error) {
    if (error instanceof ConflictError) {
      return { tone: 'attention', text: 'This item changed since the card was sent. Here is how it stands now; nothing was overwritten.' };
    }
    if (error instanceof ValidationError) return { tone: 'attention', text: `Nothing was changed: ${error.message}` };
    throw error;
  }
}

async function write(
  repo: ActionRepository,
  update: ReminderUpdate,
  id: string,
  version: number,
  actor: Actor,
  today: string,
): Promise<Action> {
  switch (update.change) {
    case 'done': {
      const text = update.evidence?.trim();
      const link = text && isLink(text) ? text : undefined;
      const note = text && !link ? text : DEFAULT_DONE_NOTE;
      return repo.close(id, version, { status: 'done', note, ...(link ? { evidenceUrl: link } : {}) }, actor);
    }
    case 'in_progress':
    case 'waiting':
      return repo.update(id, version, { status: update.change }, actor);
    case 'snooze':
      // The next reminder moves; the due date (possibly statutory) does not.
      return repo.update(id, version, { remindAfter: addDays(today, SNOOZE_DAYS) }, actor);
    case 'refresh':
      throw new ValidationError([{ path: 'verb', message: 'a refresh changes nothing' }]);
  }
}

function doneText(change: ReminderChange, today: string): string {
  switch (change) {
    case 'done':
      return 'Marked done. Thank you.';
    case 'in_progress':
      return 'Marked in progress.';
    case 'waiting':
      return 'Marked as waiting on someone.';
    case 'snooze':
      return `Snoozed: no reminder about this item before ${formatDate(addDays(today, SNOOZE_DAYS))}. The due date has not moved.`;
    case 'refresh':
      return '';
  }
}

/**
 * The items a rebuilt card lists: an owner's open items with a reminder due today (snoozed or not),
 * or, on the SEND lead's card, every item past the escalation point; plus the clicked item, so the
 * click's result shows even when it closed the item.
 */
async function onRadar(deps: UpdateFromReminderDeps, card: ReminderUpdate['card'], today: string, clickedId?: string): Promise<Action[]> {
  const policy = deps.policy ?? DEFAULT_REMINDER_POLICY;
  const calendar = deps.calendar ?? createSchoolCalendar();
  const open =
    card.audience === 'lead'
      ? await deps.repo.query({ dueTo: addDays(today, -policy.escalateAfterDays) })
      : (await deps.repo.query({ ownerId: card.ownerId, dueTo: addDays(today, 120) })).filter((a) =>
          ownerReminderFor(a, today, policy, calendar),
        );
  const clicked = clickedId && !open.some((a) => a.id === clickedId) ? await readItems(deps.repo, [clickedId]) : [];
  return [...open, ...clicked].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** Current state of every item on the card; an item that no longer exists drops off. */
async function readItems(repo: ActionRepository, ids: string[]): Promise<Action[]> {
  const found = await Promise.all(
    ids.map((id) =>
      repo.get(id).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
    ),
  );
  return found.filter((a): a is Action => a !== null);
}
