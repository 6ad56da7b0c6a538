import type { AdaptiveCardJson } from '@/teams/card-attachment';
import { noticeCard } from '@/teams/notice-card';

/** The save is queued on this server because SharePoint did not answer; it will be sent by itself. */
export function pendingCard(message: string, count: number): AdaptiveCardJson {
  return noticeCard(`${count} ${count === 1 ? 'action is' : 'actions are'} waiting to be saved`, 'Warning', [
    { text: message },
    { text: 'Nothing is lost, and clicking Save again will not make duplicates.', subtle: true },
  ]);
}
