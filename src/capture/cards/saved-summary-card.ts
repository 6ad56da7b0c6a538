import type { Action, Actor } from '@/kernel/action';
import { formatDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS } from '@/kernel/item-type';
import { pupilLabel } from '@/kernel/pupil-label';
import type { AdaptiveCardJson } from '@/teams/card-attachment';
import { expandCard } from '@/teams/card-template';
import template from './templates/saved-summary.json';

/**
 * What the proposal becomes once saved, for everyone in the chat: each saved action (owner, due
 * date, pupil, type) and a link to the tracker tab. People's words are TextRuns: "J.B." reads as
 * typed whether or not the host renders Markdown.
 */
export function savedSummaryCard(actions: Action[], savedBy: Actor, trackerUrl: string): AdaptiveCardJson {
  const n = actions.length;
  return expandCard(template, {
    title: `Saved ${n} ${n === 1 ? 'action' : 'actions'} to the tracker`,
    savedBy: `Saved by ${savedBy.name}`,
    actions: actions.map((a, i) => ({
      separator: i > 0,
      description: a.description,
      facts: `${a.owner.name} · due ${formatDate(a.dueDate)} · ${pupilLabel(a.pupil)} · ${ITEM_TYPE_LABELS[a.itemType]}`,
    })),
    trackerUrl,
  });
}
