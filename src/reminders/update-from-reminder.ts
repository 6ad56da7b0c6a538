import type { Action, Actor } from '@/kernel/action';
import { addDays, formatDate, londonDate } from '@/kernel/dates';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/kernel/errors';
import type { Viewer } from '@/kernel/access';
import { closeAction, readAction, SNOOZE_DAYS, snoozeAction, updateAction } from '@/tracker/action-commands';
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
  card: { ownerId: string; ownerName: string; audience: 'owner' | 'lead'; items?: { actionId: string; version: number; new?: true }[] };
  /** The clicked item (absent for a refresh). */
  target?: { actionId: string; version: number };
  /** Done only: what the owner typed, an evidence link or a short note. */
  evidence?: string;
}

export interface UpdateFromReminderDeps {
  repo: ActionRepository;
  /**
   * Entra ids of the SEND team as the bot knows it (the SEND lead and SEND_TEAM_USER_IDS): they see
   * and change every item, as in the tab. Anyone else sees and changes only items they own or created.
   */
  sendTeamIds: readonly string[];
  now: () => Date;
  /** Decide what is on an owner's radar when the card is rebuilt (defaults: the default policy, bank holidays only). */
  policy?: ReminderPolicy;
  calendar?: SchoolCalendar;
}

export const DEFAULT_DONE_NOTE = 'Marked done from the reminder card';

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text);

/** The clicker as the access rule sees them. */
export function viewerOf(deps: Pick<UpdateFromReminderDeps, 'sendTeamIds'>, actor: Actor): Viewer {
  return { ...actor, sendTeam: deps.sendTeamIds.includes(actor.id) };
}

/**
 * A click on the reminder card, by the authenticated clicker. The card's data says only which card
 * it was and which item was clicked: what the new card shows is read from the store for the clicker,
 * under the same access rule as the tab (the SEND team sees every item; others only items they own
 * or created). A SEND-lead card, or someone else's card, clicked by a person outside the SEND team
 * gets a polite refusal and shows nothing. A click on a stale card (the item changed elsewhere)
 * redraws it with the current state instead of overwriting.
 */
export async function updateFromReminder(deps: UpdateFromReminderDeps, update: ReminderUpdate, actor: Actor): Promise<ReminderView> {
  const today = londonDate(deps.now());
  const viewer = viewerOf(deps, actor);
  const ownCard = update.card.audience === 'owner' && update.card.ownerId === viewer.id;
  if (!ownCard && !viewer.sendTeam) return refusal(viewer, today);
  const changed = update.target ? await applyChange(deps, viewer, update, update.target, today) : undefined;
  // What a click did is said beside the item it is about, not over the whole card.
  const notice = changed && update.target ? { ...changed, actionId: update.target.actionId } : changed;
  const listed = update.card.items
    ? await readVisible(
        deps.repo,
        viewer,
        update.card.items.map((i) => i.actionId),
      )
    : await onRadar(deps, viewer, update.card, today, update.target?.actionId);
  // A snoozed item stays off the owner's card until the snooze ends (the one just snoozed stays, to say so);
  // the SEND lead's card keeps it, so a snooze never hides a long-overdue item from them.
  const items = listed.filter(
    (a) => update.card.audience === 'lead' || a.id === update.target?.actionId || !(a.remindAfter && a.remindAfter > today),
  );
  // A refreshed card keeps what was new on it first (its refresh data marks those items).
  const fresh = new Set(update.card.items?.filter((i) => i.new).map((i) => i.actionId));
  return {
    // On their own card the owner's name is their own; the SEND team may see anyone's card.
    owner: ownCard ? { id: viewer.id, name: viewer.name } : { id: update.card.ownerId, name: update.card.ownerName },
    audience: update.card.audience,
    items:
      fresh.size > 0
        ? [...items]
            .sort((a, b) => Number(fresh.has(b.id)) - Number(fresh.has(a.id)))
            .map((action) => ({ action, isNew: fresh.has(action.id) }))
        : items.map((action) => ({ action })),
    today,
    ...(notice ? { notice } : {}),
  };
}

/** What someone who may not see a card gets instead: their own name, no items, a polite word. */
function refusal(viewer: Viewer, today: string): ReminderView {
  return {
    owner: { id: viewer.id, name: viewer.name },
    audience: 'owner',
    items: [],
    today,
    refused: true,
    notice: {
      tone: 'warning',
      text: 'This reminder is for someone else, so it shows nothing here. Your own items are in the tracker tab.',
    },
  };
}

async function applyChange(
  deps: UpdateFromReminderDeps,
  viewer: Viewer,
  update: ReminderUpdate,
  target: { actionId: string; version: number },
  today: string,
): Promise<ReminderView['notice']> {
  try {
    await write(deps.repo, viewer, update, target.actionId, target.version, today);
    return { tone: 'good', text: doneText(update.change, today) };
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      return { tone: 'warning', text: 'You can update only items you own or created (or the SEND team), so nothing was changed.' };
    }
    if (error instanceof ConflictError) {
      return { tone: 'attention', text: 'This item changed since the card was sent. Here is how it stands now; nothing was overwritten.' };
    }
    if (error instanceof ValidationError) return { tone: 'attention', text: `Nothing was changed: ${error.message}` };
    throw error;
  }
}

/** The one command for each button (src/tracker/action-commands.ts). */
async function write(
  repo: ActionRepository,
  viewer: Viewer,
  update: ReminderUpdate,
  id: string,
  version: number,
  today: string,
): Promise<Action> {
  switch (update.change) {
    case 'done': {
      const text = update.evidence?.trim();
      const link = text && isLink(text) ? text : undefined;
      if (!text && (await readAction(repo, viewer, id)).statutory) {
        // A statutory step is evidence the law was kept: its closing note says what was done, in the owner's words.
        throw new ValidationError([
          { path: '', message: 'a statutory step needs a note: type what was done (what was sent, to whom) and press Done again' },
        ]);
      }
      const note = text && !link ? text : DEFAULT_DONE_NOTE;
      return closeAction(repo, viewer, { id, version }, { status: 'done', note, ...(link ? { evidenceUrl: link } : {}) });
    }
    case 'in_progress':
    case 'waiting':
      return updateAction(repo, viewer, { id, version }, { status: update.change });
    case 'snooze':
      return snoozeAction(repo, viewer, { id, version }, today);
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
async function onRadar(
  deps: UpdateFromReminderDeps,
  viewer: Viewer,
  card: ReminderUpdate['card'],
  today: string,
  clickedId?: string,
): Promise<Action[]> {
  const policy = deps.policy ?? DEFAULT_REMINDER_POLICY;
  const calendar = deps.calendar ?? createSchoolCalendar();
  const open =
    card.audience === 'lead'
      ? await deps.repo.query({ dueTo: addDays(today, -policy.escalateAfterDays) })
      : (await deps.repo.query({ ownerId: card.ownerId, dueTo: addDays(today, 120) })).filter((a) =>
          ownerReminderFor(a, today, policy, calendar),
        );
  const clicked = clickedId && !open.some((a) => a.id === clickedId) ? await readVisible(deps.repo, viewer, [clickedId]) : [];
  return [...open, ...clicked].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** Current state of every item on the card the viewer may see; one that no longer exists, or is not theirs to see, drops off. */
async function readVisible(repo: ActionRepository, viewer: Viewer, ids: string[]): Promise<Action[]> {
  const found = await Promise.all(
    ids.map((id) =>
      readAction(repo, viewer, id).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
    ),
  );
  return found.filter((a): a is Action => a !== null);
}
