/** Real Teams activity JSON shapes, as the Bot Connector posts them to /api/messages. */

export const BOT = { id: '28:5c0a1b2e-0000-4000-8000-00000000b07a', name: 'SEND Tracker' };
export const MEETING_CHAT = {
  id: '19:meeting_NzY2ZmE1YjQtZDY0OC00@thread.v2',
  conversationType: 'groupChat',
  tenantId: 'a1b2c3d4-0000-4000-8000-00000000aaaa',
  isGroup: true,
};
export const PRIYA = { id: '29:1priya-teams-id', name: 'Priya Shah', aadObjectId: '00000000-0000-4000-8000-000000000001' };
/** Tom is not in the demo staff list: his Entra id can only come from the member lookup. */
export const TOM = {
  id: '29:1tom-teams-id',
  name: 'Tom Reed',
  aadObjectId: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  email: 'tom.reed@school.example',
  userPrincipalName: 'tom.reed@school.example',
};

let seq = 0;

/** A message in a meeting chat, @mentioning the bot unless `mentionBot` is false. */
export function meetingMessage(
  serviceUrl: string,
  body: string,
  options: { mentionBot?: boolean; mentions?: { id: string; name: string }[]; id?: string } = {},
) {
  const mentionBot = options.mentionBot ?? true;
  const mentions = options.mentions ?? [];
  return {
    type: 'message',
    id: options.id ?? `17454000000${String(++seq).padStart(2, '0')}`,
    timestamp: '2026-04-23T09:00:00.000Z',
    localTimestamp: '2026-04-23T10:00:00.000+01:00',
    serviceUrl,
    channelId: 'msteams',
    from: PRIYA,
    conversation: MEETING_CHAT,
    recipient: BOT,
    textFormat: 'xml',
    locale: 'en-GB',
    text: `${mentionBot ? `<at>${BOT.name}</at> ` : ''}${body}`,
    attachments: [{ contentType: 'text/html', content: `<p>${body}</p>` }],
    entities: [
      ...(mentionBot ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] : []),
      ...mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } })),
      { type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' },
    ],
    channelData: {
      tenant: { id: MEETING_CHAT.tenantId },
      meeting: { id: 'MCMxOTptZWV0aW5nX056WTJabUUxWWpRdFpEWTBPQzAw' },
    },
  };
}

/** A click on an Action.Execute button: `adaptiveCard/action` invoke carrying the verb and data. */
export function cardAction(serviceUrl: string, verb: string, data: Record<string, unknown>, replyToId = 'reply-1') {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `f:${++seq}`,
    timestamp: '2026-04-23T09:05:00.000Z',
    serviceUrl,
    channelId: 'msteams',
    from: PRIYA,
    conversation: MEETING_CHAT,
    recipient: BOT,
    replyToId,
    locale: 'en-GB',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    channelData: { tenant: { id: MEETING_CHAT.tenantId }, source: { name: 'message' } },
  };
}

/** The bot was added to the meeting chat. */
export function botAdded(serviceUrl: string) {
  return {
    type: 'conversationUpdate',
    id: `f:${++seq}`,
    timestamp: '2026-04-23T08:55:00.000Z',
    serviceUrl,
    channelId: 'msteams',
    from: PRIYA,
    conversation: MEETING_CHAT,
    recipient: BOT,
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: MEETING_CHAT.tenantId }, eventType: 'teamMemberAdded' },
  };
}

/** Walks a card's JSON and returns every input's id -> value, as Teams would submit them untouched. */
export function cardInputs(card: any): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.id) out[node.id] = node.value ?? '';
    for (const key of ['body', 'items', 'columns']) if (node[key]) walk(node[key]);
  };
  walk(card.body);
  return out;
}

/** The data on the card's button with this verb, wherever the button sits (card actions or an ActionSet). */
export function buttonData(card: any, verb: string): Record<string, unknown> {
  let found: any;
  JSON.stringify(card, (_key, value) => {
    if (!found && value?.type === 'Action.Execute' && value.verb === verb) found = value;
    return value;
  });
  if (!found) throw new Error(`no button with verb ${verb}`);
  return found.data;
}
