/** An Adaptive Card as plain JSON (our presenters build them as data, not through a class library). */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Adaptive Card version: 1.5 is the highest Teams renders. */
export const CARD_VERSION = '1.5';

/** Wraps a card for an outgoing message activity. */
export function cardAttachment(card: AdaptiveCardJson) {
  return { contentType: 'application/vnd.microsoft.card.adaptive' as const, content: card };
}

/** A card with the shared header fields. */
export function adaptiveCard(body: unknown[], actions: unknown[] = []): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/**
 * A Universal Action button. Clients older than 1.4 fall back to Action.Submit carrying the verb
 * in its data, which the bot reads the same way.
 */
export function executeAction(title: string, verb: string, data: Record<string, unknown>, style?: 'positive' | 'destructive') {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}
