import type { Pupil } from '@/kernel/action';
import { formatDate } from '@/kernel/dates';
import { EVENT_TYPES, EVENT_TYPE_LABELS, ITEM_TYPES, ITEM_TYPE_LABELS, type EventType, type ItemType } from '@/kernel/item-type';
import { pupilLabel } from '@/kernel/pupil-label';
import { outsideOwnerName } from '@/kernel/owner-label';
import { outsideRoleOf } from '../parse/owner-words';
import type { AdaptiveCardJson } from '@/teams/card-attachment';
import { expandCard } from '@/teams/card-template';
import { CAPTURE_VERBS, EVENT_TYPE_INPUT, NO_PUPIL_CHOICE, PUPIL_DATASET, rowInputIds } from './capture-verbs';
import template from './templates/proposed-actions.json';

/** One editable row of the card. */
export interface ProposalRow {
  description: string;
  owner: { id: string; name: string } | null;
  /** An unresolved role word ("class teacher"): shown, and carried so Save can say why it refuses. */
  role: string | null;
  due: string | null;
  pupilId: string | null;
  /** Pupils that fit what was written when more than one does ("L.W."): offered, none picked. */
  pupilChoiceIds?: string[];
  itemType: ItemType;
  /** True when the type is only the parser's default: shown as a guess to check. */
  itemTypeGuessed?: boolean;
  include: boolean;
  /** What is wrong with the row (the parser's challenges, or why Save refused it): shown beside it. */
  warnings: string[];
}

/**
 * Who the owner picker searches. Teams' people picker docs: `graph.microsoft.com/users` searches the
 * whole organisation, `graph.microsoft.com/users?scope=currentContext` the members of the chat or
 * channel the card is in (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/people-picker).
 * In a shared chat the owner is someone in the meeting; only a personal chat has no one else to offer.
 */
export type PeopleScope = 'organisation' | 'conversation';

export const PEOPLE_DATASETS: Record<PeopleScope, string> = {
  organisation: 'graph.microsoft.com/users',
  conversation: 'graph.microsoft.com/users?scope=currentContext',
};

export interface ProposalCardModel {
  /** The Teams message the actions came from (with the row index, the idempotency key). */
  messageId: string;
  conversationId: string;
  eventType: EventType;
  rows: ProposalRow[];
  /** Every pupil a row may refer to: rows name pupils by id, the card shows them as "J.B. (Year 4)". */
  pupils: Pupil[];
  peopleScope: PeopleScope;
  /** Offered as an owner on rows that have none (a choice list may not be empty): whoever posted, or clicked. */
  sender: { id: string; name: string };
  /** Problems with the whole card (not one row), shown at the top in attention colour. */
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
  /** The people picker's scope, so a refused card is drawn again the same way. */
  scope: PeopleScope;
}

// Built once: every row offers the same item types and every card the same meetings.
const TYPE_CHOICES = ITEM_TYPES.map((t) => ({ title: ITEM_TYPE_LABELS[t], value: t }));
const MEETING_CHOICES = EVENT_TYPES.map((t) => ({ title: EVENT_TYPE_LABELS[t], value: t }));

/** "Tom Reed · due Fri 24 Apr 2026 · J.B. (Year 4) · Parent follow-up": the row at a glance, as plain text. */
function factsOf(r: ProposalRow, pupil: Pupil | undefined, choices: Pupil[]): string {
  const outside = outsideRoleOf(r.role);
  const owner = outside
    ? `${outsideOwnerName(outside)} (${r.owner ? `${r.owner.name} chases` : 'whoever saves chases'})`
    : r.owner
      ? r.owner.name
      : r.role
        ? `${r.role} (choose who)`
        : 'No owner';
  const due = r.due ? `due ${formatDate(r.due)}` : 'no due date';
  const who = pupil ? pupilLabel(pupil) : choices.length > 1 ? `${choices.map(pupilLabel).join(' or ')}?` : 'no pupil';
  const type = `${ITEM_TYPE_LABELS[r.itemType]}${r.itemTypeGuessed ? ' (a guess: check it)' : ''}`;
  return [owner, due, who, type].join(' · ');
}

function rowView(r: ProposalRow, i: number, model: ProposalCardModel, messagePupils: Pupil[]) {
  const ids = rowInputIds(i);
  const pupil = model.pupils.find((p) => p.id === r.pupilId);
  const candidates = (r.pupilChoiceIds ?? []).flatMap((id) => model.pupils.filter((p) => p.id === id));
  // A choice list may not be empty (the official renderer refuses one): offer the pupils this message
  // is about, or a "choose" choice that reads as no pupil.
  const offered = [pupil, ...candidates, ...messagePupils].filter(
    (p, k, all): p is Pupil => !!p && all.findIndex((q) => q?.id === p.id) === k,
  );
  const pupilChoices = offered.length > 0 ? offered.map((p) => ({ title: pupilLabel(p), value: p.id })) : [NO_PUPIL_CHOICE];
  const offeredOwners = [r.owner, model.sender].filter(
    (p, k, all): p is { id: string; name: string } => !!p && all.findIndex((q) => q?.id === p.id) === k,
  );
  return {
    ids: { ...ids, details: `r${i}` },
    separator: i > 0,
    heading: `${i + 1}. ${r.description}`,
    facts: factsOf(r, pupil, candidates),
    warnings: r.warnings.map((text) => ({ text })),
    // Rows that need a decision open by themselves: no click to find what to fix.
    open: r.warnings.length > 0,
    toggleTitle: r.warnings.length > 0 ? 'Hide' : 'Change',
    description: r.description,
    ownerLabel: outsideRoleOf(r.role) ? `Who chases it? (they wrote "${r.role}")` : r.role ? `Owner (they wrote "${r.role}")` : 'Owner',
    ownerChoices: offeredOwners.map((p) => ({ title: p.name, value: p.id })),
    ownerValue: r.owner?.id ?? '',
    due: r.due ?? '',
    pupilChoices,
    pupilValue: pupil?.id ?? (offered.length > 0 ? '' : NO_PUPIL_CHOICE.value),
    typeLabel: r.itemTypeGuessed ? 'Type (a guess: check it)' : 'Type',
    itemType: r.itemType,
    include: r.include ? 'true' : 'false',
  };
}

/** Keeps every card under Teams' 28 KB limit with room to spare for the envelope. */
export const CARD_BYTE_BUDGET = 26 * 1024;

const button = (title: string, verb: string, style: 'positive' | 'destructive' | 'default', data: ProposalCardData) => ({
  title,
  verb,
  style,
  data,
  // Clients without Universal Actions post an Action.Submit: the verb travels in its data.
  fallbackData: { ...data, verb },
});

/**
 * One proposed-actions card for `model.rows` (numbered from `model.first`), from the Designer-editable
 * template templates/proposed-actions.json: a summary line per action (owner, date, pupil, type) with
 * its warnings beside it, the inputs behind "Change" (open already where something needs fixing), and
 * Save all / Save selected / Discard. People's words are TextRuns, so they read as typed with or
 * without Markdown.
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
    scope: model.peopleScope,
  };
  const n = model.rows.length;
  const messagePupils = model.rows.flatMap((r) => model.pupils.filter((p) => p.id === r.pupilId));
  return expandCard(template, {
    title:
      n === total ? (n === 1 ? 'Proposed action' : `Proposed actions (${n})`) : `Proposed actions ${first + 1}–${first + n} of ${total}`,
    intro: 'Check each one, then save. Nothing is tracked until someone saves.',
    problems: (model.problems ?? []).map((text) => ({ text })),
    meeting: { id: EVENT_TYPE_INPUT, choices: MEETING_CHOICES, value: model.eventType },
    peopleDataset: PEOPLE_DATASETS[model.peopleScope],
    pupilDataset: PUPIL_DATASET,
    typeChoices: TYPE_CHOICES,
    rows: model.rows.map((r, j) => rowView(r, first + j, model, messagePupils)),
    buttons: [
      button('Save all', CAPTURE_VERBS.saveAll, 'positive', data),
      button('Save selected', CAPTURE_VERBS.saveSelected, 'default', data),
      button('Discard', CAPTURE_VERBS.discard, 'destructive', data),
    ],
  });
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
    // Most proposals fit on one card: try the rest whole before growing a card row by row.
    const rest = build(total);
    if (bytes(rest) <= CARD_BYTE_BUDGET) {
      cards.push(rest);
      break;
    }
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
