import type { IActivityContext } from '@microsoft/teams.apps';
import type { MemberCache } from './member-cache';
import type { MemberLookup } from '@/capture/resolve-mentions';

/** The Bot Connector's member lookup for this turn's conversation, through the cache when there is one. */
export function memberLookup(deps: { members?: MemberCache }, ctx: Pick<IActivityContext, 'activity' | 'api'>): MemberLookup {
  const conversationId = ctx.activity.conversation.id;
  const lookup: MemberLookup = (id) => ctx.api.conversations.getMemberById(conversationId, id);
  return deps.members ? deps.members.lookupFor(conversationId, lookup) : lookup;
}
