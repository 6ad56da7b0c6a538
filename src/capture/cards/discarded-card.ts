import type { Actor } from '@/kernel/action';
import type { AdaptiveCardJson } from '@/teams/card-attachment';
import { noticeCard } from '@/teams/notice-card';

/** What the proposal becomes when someone discards it. Nothing was saved. */
export function discardedCard(count: number, discardedBy: Actor): AdaptiveCardJson {
  return noticeCard(`Proposed ${count === 1 ? 'action' : 'actions'} discarded`, 'Default', [
    { text: `${discardedBy.name} discarded this list. Nothing was saved.`, subtle: true },
  ]);
}
