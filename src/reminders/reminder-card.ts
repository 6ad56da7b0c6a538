import type { ReminderView } from './reminder-view';
import type { Action } from '@/kernel/action';
import { daysBetween, formatDate, type IsoDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS } from '@/kernel/item-type';
import { reminderWording } from '@/kernel/owner-label';
import { isClosed, STATUS_LABELS } from '@/kernel/status';
import { evidenceInputId, REMINDER_VERBS } from './reminder-verbs';
import { plainTextBlock } from '@/teams/plain-text';
import { executeAction } from '@/teams/card-attachment';

/**
 * Items listed with buttons; the rest are counted. Eight long items with their Action.Submit fallbacks
 * stay under Teams' 28 KB (tests/reminders/reminder-card.test.ts measures the worst case).
 */
export const MAX_ITEMS_ON_CARD = 8;

/** The reminder card's model is the commands' view. */
export type ReminderCardModel = ReminderView;

/** The data every button on the card carries, so any click can redraw the whole card. */
export interface ReminderCardData {
  ownerId: string;
  ownerName: string;
  audience: 'owner' | 'lead';
  /**
   * Every item on the card with the version it showed (refresh only: buttons carry their own item);
   * `new` on those no earlier reminder showed, so a refreshed card keeps them first.
   */
  items?: { actionId: string; version: number; new?: true }[];
}

type Json = Record<string, unknown>;

function whenLabel(action: Action, today: IsoDate): string {
  const days = daysBetween(today, action.dueDate);
  if (days === 0) return `Due today (${formatDate(action.dueDate)})`;
  if (days > 0) return `Due ${formatDate(action.dueDate)}`;
  return `Overdue by ${-days} day${days === -1 ? '' : 's'} (due ${formatDate(action.dueDate)})`;
}

// Buttons carry only their own item, not the whole list: the card stays O(items) in size.
function itemButtons(action: Action, base: ReminderCardData): Json {
  const data = { ownerId: base.ownerId, ownerName: base.ownerName, audience: base.audience, actionId: action.id, version: action.version };
  return {
    type: 'ActionSet',
    actions: [
      {
        type: 'Action.ShowCard',
        title: 'Done',
        card: {
          type: 'AdaptiveCard',
          body: [
            {
              type: 'Input.Text',
              id: evidenceInputId(action.id),
              label: 'Evidence link or note (optional)',
              placeholder: 'https://... or a short note',
              maxLength: 2000,
            },
            { type: 'ActionSet', actions: [executeAction('Mark done', REMINDER_VERBS.done, data, 'positive')] },
          ],
        },
      },
      ...(action.status === 'in_progress' ? [] : [executeAction('In progress', REMINDER_VERBS.inProgress, data)]),
      ...(action.status === 'waiting' ? [] : [executeAction('Waiting on someone', REMINDER_VERBS.waiting, data)]),
      executeAction('Snooze a week', REMINDER_VERBS.snooze, data),
    ],
  };
}

type Notice = NonNullable<ReminderCardModel['notice']>;

const noticeBlock = (notice: Notice) => plainTextBlock(notice.text, { weight: 'Bolder', color: noticeColour[notice.tone] });

function itemContainer(action: Action, today: IsoDate, base: ReminderCardData, notice?: Notice): Json {
  const closed = isClosed(action.status);
  const overdue = !closed && action.dueDate < today;
  const facts = [
    { title: 'Type', value: ITEM_TYPE_LABELS[action.itemType] },
    { title: 'Status', value: STATUS_LABELS[action.status] },
    ...(action.remindAfter && action.remindAfter > today && !closed
      ? [{ title: 'Snoozed until', value: formatDate(action.remindAfter) }]
      : []),
    ...(closed && action.closingNote ? [{ title: 'Note', value: action.closingNote }] : []),
  ];
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      plainTextBlock(`${action.pupil.name}: ${reminderWording(action)}`, { weight: 'Bolder' }),
      plainTextBlock(
        closed ? `${STATUS_LABELS[action.status]} (updated by ${action.updatedBy.name})` : whenLabel(action, today),
        { color: closed ? 'Good' : overdue ? 'Attention' : 'Default' },
        { spacing: 'None' },
      ),
      ...(notice ? [noticeBlock(notice)] : []),
      { type: 'FactSet', facts },
      ...(closed ? [] : [itemButtons(action, base)]),
    ],
  };
}

/**
 * The reminder card (Adaptive Card 1.5, Universal Actions): the owner's items with Done (optional
 * evidence link or note), In progress, Waiting on someone and Snooze a week. `refresh` redraws it
 * for the owner whenever it is shown, so a card left in the chat never shows stale state.
 */
export function reminderCard(model: ReminderCardModel): Json {
  if (model.refused) return refusalCard(model.notice?.text ?? '');
  const shown = model.items.slice(0, MAX_ITEMS_ON_CARD);
  const hidden = model.items.length - shown.length;
  const data: ReminderCardData = {
    ownerId: model.owner.id,
    ownerName: model.owner.name,
    audience: model.audience,
    items: shown.map(({ action, isNew }) => ({ actionId: action.id, version: action.version, ...(isNew ? { new: true as const } : {}) })),
  };
  const open = model.items.filter(({ action }) => !isClosed(action.status)).length;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    // Who it refreshes for is added where the Teams user id is known (refresh-viewers.ts): the sender, the click.
    refresh: { action: { type: 'Action.Execute', verb: REMINDER_VERBS.refresh, data } },
    body: [
      {
        type: 'TextBlock',
        text: model.audience === 'lead' ? 'SEND actions that need the SEND lead' : 'SEND actions to follow up',
        size: 'Medium',
        weight: 'Bolder',
        wrap: true,
      },
      plainTextBlock(
        open === 0
          ? `All done, ${model.owner.name}. Thank you.`
          : `${model.owner.name}, ${open} item${open === 1 ? '' : 's'} need${open === 1 ? 's' : ''} your attention.`,
        {},
        { spacing: 'Small' },
      ),
      // A notice about one item sits in that item; one about the card (or an item not listed) at the top.
      ...(model.notice && !shown.some(({ action }) => action.id === model.notice!.actionId) ? [noticeBlock(model.notice)] : []),
      ...shown.flatMap(({ action, isNew }, i) => [
        ...groupHeading(isNew, shown[i - 1]?.isNew, i),
        itemContainer(action, model.today, data, model.notice?.actionId === action.id ? model.notice : undefined),
      ]),
      ...(hidden > 0 ? [{ type: 'TextBlock', text: `…and ${hidden} more in the tracker.`, wrap: true, separator: true }] : []),
    ],
  };
}

/** "New since your last reminder" over the first new item, "From earlier reminders" over the first of the rest. */
function groupHeading(isNew: boolean | undefined, before: boolean | undefined, index: number): Json[] {
  if (isNew === undefined || (index > 0 && before === isNew)) return [];
  const text = isNew ? 'New since your last reminder' : 'From earlier reminders';
  return [{ type: 'TextBlock', text, weight: 'Bolder', color: 'Accent', separator: true, spacing: 'Large', wrap: true }];
}

const noticeColour = { good: 'Good', attention: 'Attention', warning: 'Warning' } as const;

/** For a clicker who may not see the card: no items, no owner, no refresh (a refresh would come from them again). */
function refusalCard(text: string): Json {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'SEND actions to follow up', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text, wrap: true, color: 'Warning', weight: 'Bolder' },
    ],
  };
}
