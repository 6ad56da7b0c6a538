import { adaptiveCard, type AdaptiveCardJson } from '@/teams/card-attachment';
import { escapeMarkdown } from '@/teams/markdown';

/** The save is queued on this server because SharePoint did not answer; it will be sent by itself. */
export function pendingCard(message: string, count: number): AdaptiveCardJson {
  return adaptiveCard([
    {
      type: 'TextBlock',
      text: `${count} ${count === 1 ? 'action is' : 'actions are'} waiting to be saved`,
      weight: 'bolder',
      color: 'warning',
      wrap: true,
    },
    { type: 'TextBlock', text: escapeMarkdown(message), wrap: true },
    { type: 'TextBlock', text: 'Nothing is lost, and clicking Save again will not make duplicates.', wrap: true, isSubtle: true },
  ]);
}
