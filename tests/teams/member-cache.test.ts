import { MemberCache } from '@/teams/member-cache';

describe('member cache', () => {
  let now = 0;
  const calls: string[] = [];
  const lookup = async (id: string) => {
    calls.push(id);
    if (id === 'missing') throw new Error('MemberNotFoundInConversation');
    return { aadObjectId: `aad-${id}`, name: id };
  };
  beforeEach(() => {
    now = 0;
    calls.length = 0;
  });

  it('asks the Bot Connector once per member while the answer is fresh, then again', async () => {
    const cached = new MemberCache(60_000, 100, () => now).lookupFor('chat-1', lookup);
    await cached('tom');
    await cached('tom');
    now = 59_999;
    expect(await cached('tom')).toEqual({ aadObjectId: 'aad-tom', name: 'tom' });
    expect(calls).toEqual(['tom']);
    now = 60_000;
    await cached('tom');
    expect(calls).toEqual(['tom', 'tom']);
  });

  it('keeps conversations apart and never caches a failed lookup', async () => {
    const cache = new MemberCache(60_000, 100, () => now);
    await cache.lookupFor('chat-1', lookup)('tom');
    await cache.lookupFor('chat-2', lookup)('tom');
    await expect(cache.lookupFor('chat-1', lookup)('missing')).rejects.toThrow('MemberNotFoundInConversation');
    await expect(cache.lookupFor('chat-1', lookup)('missing')).rejects.toThrow('MemberNotFoundInConversation');
    expect(calls).toEqual(['tom', 'tom', 'missing', 'missing']);
  });

  it('forgets the oldest member beyond its size', async () => {
    const cached = new MemberCache(60_000, 2, () => now).lookupFor('chat-1', lookup);
    await cached('a');
    await cached('b');
    await cached('c');
    await cached('b');
    await cached('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
