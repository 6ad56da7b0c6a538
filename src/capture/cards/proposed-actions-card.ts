import type { Pupil } from '@/kernel/action';
import { EVENT_TYPES, EVENT_TYPE_LABELS, ITEM_TYPES, ITEM_TYPE_LABELS, type EventType, type ItemType } from '@/kernel/item-type';
import { adaptiveCard, executeAction, type AdaptiveCardJson } from '@/teams/card-attachment';
import { escapeMarkdown } from '@/teams/markdown';
import { CAPTURE_VERBS, EVENT_TYPE_INPUT, PUPIL_DATASET, rowInputIds } from './capture-verbs';

/** One editable row of the card. */
export interface ProposalRow {
  description: string;
  owner: { id: string; name: string } | null;
  /** An unresolved role word ("class teacher"): shown, and carried so Save can say why it refuses. */
  role: string | null;
  due: string | null;
  pupilId: string | null;
  itemType: ItemType;
  include: boolean;
  warnings: string[];
}

export interface ProposalCardModel {
  /** The Teams message the actions came from (with the row index, the idempotency key). */
  messageId: string;
  conversationId: string;
  eventType: EventType;
  rows: ProposalRow[];
  pupils: Pupil[];
  /** Problems from a refused save, shown at the top in attention colour. */
  problems?: string[];
  /** Entra id -> Teams user id of @mentioned owners, so Save can look them up again. */
  memberIds?: Record<string, string>;
}

/** What every button carries; the inputs are merged in by Teams on click. */
export interface ProposalCardData {
  messageId: string;
  conversationId: string;
  /** Index (in the whole proposal) of this card's first row: a long proposal is split over several cards. */
  first: number;
  count: number;
  /** Row index -> role word, for rows whose owner was a role. */
  roles: Record<string, string>;
  /** Entra id -> Teams user id for this card's proposed owners (a hint for the lookup, checked on Save). */
  memberIds: Record<string, string>;
}

const attention = (texts: string[]) =>
  texts.length === 0
    ? []
    : [
        {
          type: 'TextBlock',
          text: texts.map((t) => `⚠ ${escapeMarkdown(t)}`).join('\n\n'),
          wrap: true,
          color: 'attention',
          spacing: 'none',
        },
      ];

/** Two inputs side by side (they stack on narrow screens). */
const pair = (left: unknown, right: unknown) => ({
  type: 'ColumnSet',
  columns: [
    { type: 'Column', items: [left] },
    { type: 'Column', items: [right] },
  ],
});

// Built once: every row offers the same item types.
const TYPE_CHOICES = ITEM_TYPES.map((t) => ({ title: ITEM_TYPE_LABELS[t], value: t }));

// Rows are kept lean: twenty of them must fit in Teams' 28 KB card limit.
function row(r: ProposalRow, i: number, pupils: Pupil[]) {
  const ids = rowInputIds(i);
  const pupil = pupils.find((p) => p.id === r.pupilId);
  return {
    type: 'Container',
    separator: i > 0,
    items: [
      { type: 'Input.Text', id: ids.description, label: `Action ${i + 1}`, value: r.description, maxLength: 500, isRequired: true },
      ...attention(r.warnings),
      pair(
        {
          type: 'Input.ChoiceSet',
          id: ids.owner,
          label: r.role ? `Owner (${r.role})` : 'Owner',
          choices: r.owner ? [{ title: r.owner.name, value: r.owner.id }] : [],
          // Teams' people picker: searches the organisation; the value is the Entra object id.
          'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
          ...(r.owner ? { value: r.owner.id } : {}),
        },
        { type: 'Input.Date', id: ids.due, label: 'Due', ...(r.due ? { value: r.due } : {}) },
      ),
      pair(
        {
          type: 'Input.ChoiceSet',
          id: ids.pupil,
          label: 'Pupil',
          choices: pupil ? [{ title: pupil.name, value: pupil.id }] : [],
          // Typeahead over the school's pupil list (too long to list on every row).
          'choices.data': { type: 'Data.Query', dataset: PUPIL_DATASET },
          ...(pupil ? { value: pupil.id } : {}),
        },
        { type: 'Input.ChoiceSet', id: ids.itemType, label: 'Type', choices: TYPE_CHOICES, value: r.itemType },
      ),
      { type: 'Input.Toggle', id: ids.include, title: 'Include', value: r.include ? 'true' : 'false', valueOn: 'true', valueOff: 'false' },
    ],
  };
}

/** Keeps every card under Teams' 28 KB limit with room to spare for the envelope. */
export const CARD_BYTE_BUDGET = 26 * 1024;

/**
 * One proposed-actions card for `model.rows` (numbered from `model.first`): one editable row per
 * action (text, owner via people search, due date, pupil, type, include), warnings in attention
 * colour, and Save all / Save selected / Discard.
 */
export function proposedActionsCard(model: ProposalCardModel & { first?: number; total?: number }): AdaptiveCardJson {
  const first = model.first ?? 0;
  const total = model.total ?? model.rows.length;
  const roles: Record<string, string> = {};
  model.rows.forEach((r, j) => {
    if (r.role) roles[String(first + j)] = r.role;
  });
  const memberIds: Record<string, string> = {};
  for (const r of model.rows) if (r.owner && model.memberIds?.[r.owner.id]) memberIds[r.owner.id] = model.memberIds[r.owner.id]!;
  const data: ProposalCardData = {
    messageId: model.messageId,
    conversationId: model.conversationId,
    first,
    count: model.rows.length,
    roles,
    memberIds,
  };
  const n = model.rows.length;
  const title =
    n === total ? (n === 1 ? 'Proposed action' : `Proposed actions (${n})`) : `Proposed actions ${first + 1}–${first + n} of ${total}`;
  return adaptiveCard(
    [
      { type: 'TextBlock', text: title, weight: 'bolder', size: 'medium', wrap: true },
      {
        type: 'TextBlock',
        text: 'Check each one, then save. Nothing is tracked until someone saves.',
        wrap: true,
        isSubtle: true,
        spacing: 'none',
      },
      ...attention(model.problems ?? []),
      {
        type: 'Input.ChoiceSet',
        id: EVENT_TYPE_INPUT,
        label: 'Meeting',
        choices: EVENT_TYPES.map((t) => ({ title: EVENT_TYPE_LABELS[t], value: t })),
        value: model.eventType,
      },
      ...model.rows.map((r, j) => row(r, first + j, model.pupils)),
    ],
    [
      executeAction('Save all', CAPTURE_VERBS.saveAll, { ...data }, 'positive'),
      executeAction('Save selected', CAPTURE_VERBS.saveSelected, { ...data }),
      executeAction('Discard', CAPTURE_VERBS.discard, { ...data }, 'destructive'),
    ],
  );
}

const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

/**
 * The whole proposal as as few cards as fit: rows are added to a card while it stays under
 * `CARD_BYTE_BUDGET`, then a new card starts. Each card saves its own rows; indices stay global,
 * so idempotency keys are the same however the rows were split.
 */
export function proposedActionsCards(model: ProposalCardModel): AdaptiveCardJson[] {
  const total = model.rows.length;
  const cards: AdaptiveCardJson[] = [];
  let start = 0;
  while (start < total) {
    const build = (end: number) =>
      proposedActionsCard({
        ...model,
        rows: model.rows.slice(start, end),
        first: start,
        total,
        problems: start === 0 ? model.problems : [],
      });
    let end = start + 1;
    let card = build(end);
    while (end < total) {
      const bigger = build(end + 1);
      if (bytes(bigger) > CARD_BYTE_BUDGET) break;
      end += 1;
      card = bigger;
    }
    cards.push(card);
    start = end;
  }
  return cards;
}
