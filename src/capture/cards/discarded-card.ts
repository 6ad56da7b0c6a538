import type { Actor } from '@/kernel/action';
import { adaptiveCard, type AdaptiveCardJson } from '@/teams/card-attachment';
import { escapeMarkdown } from '@/teams/markdown';

/** What the proposal becomes when someone discards it. Nothing was saved. */
export function discardedCard(count: number, discardedBy: Actor): AdaptiveCardJson {
  return adaptiveCard([
    { type: 'TextBlock', text: `Proposed ${count === 1 ? 'action' : 'actions'} discarded`, weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: `${escapeMarkdown(discardedBy.name)} discarded this list. Nothing was saved.`, wrap: true, isSubtle: true },
  ]);
}
