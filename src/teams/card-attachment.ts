/** An Adaptive Card as plain JSON, version 1.5 (the highest Teams renders): built from templates or as data. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Wraps a card for an outgoing message activity. */
export function cardAttachment(card: AdaptiveCardJson) {
  return { contentType: 'application/vnd.microsoft.card.adaptive' as const, content: card };
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
