import type { Action, Actor } from '@/kernel/action';
import { formatDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS } from '@/kernel/item-type';
import { adaptiveCard, type AdaptiveCardJson } from '@/teams/card-attachment';
import { escapeMarkdown } from '@/teams/markdown';

/**
 * What the proposal becomes once saved, for everyone in the chat: each saved action (owner, due
 * date, pupil) and a link to the tracker tab.
 */
export function savedSummaryCard(actions: Action[], savedBy: Actor, trackerUrl: string): AdaptiveCardJson {
  const n = actions.length;
  return adaptiveCard(
    [
      {
        type: 'TextBlock',
        text: `Saved ${n} ${n === 1 ? 'action' : 'actions'} to the tracker`,
        weight: 'bolder',
        size: 'medium',
        color: 'good',
        wrap: true,
      },
      { type: 'TextBlock', text: `Saved by ${escapeMarkdown(savedBy.name)}`, isSubtle: true, spacing: 'none', wrap: true },
      ...actions.map((a, i) => ({
        type: 'Container',
        separator: i > 0,
        items: [
          { type: 'TextBlock', text: escapeMarkdown(a.description), wrap: true, weight: 'bolder' },
          {
            type: 'TextBlock',
            text: escapeMarkdown(`${a.owner.name} · due ${formatDate(a.dueDate)} · ${a.pupil.name} · ${ITEM_TYPE_LABELS[a.itemType]}`),
            wrap: true,
            isSubtle: true,
            spacing: 'none',
          },
        ],
      })),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the tracker', url: trackerUrl }],
  );
}
