import type { MemberLookup, TeamsMember } from '@/capture/resolve-mentions';

/**
 * Remembers conversation members the Bot Connector has already described, for a few minutes, so a
 * meeting where the same people are @mentioned turn after turn costs one lookup per person, not one
 * per mention. Only successful lookups are kept; the map is bounded (oldest entries go first).
 */
export class MemberCache {
  private readonly entries = new Map<string, { member: TeamsMember; expires: number }>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 5_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** `lookup` for one conversation, answered from the cache while fresh. */
  lookupFor(conversationId: string, lookup: MemberLookup): MemberLookup {
    return async (memberId) => {
      const key = `${conversationId}\u0000${memberId}`;
      const hit = this.entries.get(key);
      if (hit && hit.expires > this.clock()) return hit.member;
      const member = await lookup(memberId);
      this.entries.delete(key);
      this.entries.set(key, { member, expires: this.clock() + this.ttlMs });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      return member;
    };
  }
}
