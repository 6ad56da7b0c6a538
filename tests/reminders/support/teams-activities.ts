/** Teams activities as the Bot Connector posts them to /api/messages, for a personal chat with the bot. */
const BOT = { id: '28:5c0a1b2e-0000-4000-8000-00000000b07a', name: 'SEND Tracker' };
const TENANT = 'a1b2c3d4-0000-4000-8000-00000000aaaa';
let seq = 0;

export interface TeamsUser {
  teamsId: string;
  aadObjectId: string;
  name: string;
}

/** The personal chat id Teams would give `user` with the bot. */
export const personalChatId = (user: TeamsUser) => `a:1personal-${user.teamsId}`;

/** The user installed the app in their personal scope. */
export function personalInstall(serviceUrl: string, user: TeamsUser) {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: `i:${++seq}`,
    timestamp: '2026-04-20T08:00:00.000Z',
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.teamsId, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { id: personalChatId(user), conversationType: 'personal', tenantId: TENANT },
    recipient: BOT,
    channelData: { tenant: { id: TENANT }, source: null },
  };
}

/** A click on an Action.Execute button on a card in `conversationId`. */
export function cardClick(
  serviceUrl: string,
  user: TeamsUser,
  conversationId: string,
  verb: string,
  data: Record<string, unknown>,
  /** `automatic` is a refresh Teams sends when the card is shown. */
  trigger: 'manual' | 'automatic' = 'manual',
) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `f:${++seq}`,
    timestamp: '2026-04-21T07:05:00.000Z',
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.teamsId, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { id: conversationId, conversationType: conversationId.startsWith('a:') ? 'personal' : 'groupChat', tenantId: TENANT },
    recipient: BOT,
    replyToId: 'reminder-1',
    locale: 'en-GB',
    value: { action: { type: 'Action.Execute', verb, data }, trigger },
    channelData: { tenant: { id: TENANT }, source: { name: 'message' } },
  };
}
