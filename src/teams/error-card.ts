import type { AdaptiveCardJson } from './card-attachment';
import { noticeCard } from './notice-card';

/** A friendly dead end: something about the click could not be read. Says that nothing changed. */
export function errorCard(message: string): AdaptiveCardJson {
  return noticeCard('That did not work', 'Attention', [
    { text: message },
    { text: 'Nothing was saved. Post the actions again to get a fresh card.', subtle: true },
  ]);
}
