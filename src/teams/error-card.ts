import { adaptiveCard, type AdaptiveCardJson } from './card-attachment';
import { escapeMarkdown } from './markdown';

/** A friendly dead end: something about the click could not be read. Says that nothing changed. */
export function errorCard(message: string): AdaptiveCardJson {
  return adaptiveCard([
    { type: 'TextBlock', text: 'That did not work', weight: 'bolder', color: 'attention', wrap: true },
    { type: 'TextBlock', text: escapeMarkdown(message), wrap: true },
    { type: 'TextBlock', text: 'Nothing was saved. Post the actions again to get a fresh card.', wrap: true, isSubtle: true },
  ]);
}
