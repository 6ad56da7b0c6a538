import type { ConversationReferenceStore, StoredConversationReference } from '@/kernel/ports/conversation-reference-store';

/** Two instances' stores over one backing store. */
export type ConversationStoreFactory = () => Promise<[ConversationReferenceStore, ConversationReferenceStore]>;

const serviceUrl = 'https://smba.trafficmanager.net/uk/';

export function buildReference(overrides: Partial<StoredConversationReference> = {}): StoredConversationReference {
  return {
    conversationId: 'a:1personal-chat-with-tom',
    conversationType: 'personal',
    tenantId: '9188040d-6c67-4c5b-b112-36a304b66dad',
    serviceUrl,
    bot: { id: '28:send-tracker-bot', name: 'SEND Tracker' },
    channelId: 'msteams',
    updatedAt: '2026-04-23T09:00:00.000Z',
    user: { id: '29:tom', aadObjectId: '00000000-0000-4000-8000-000000000002' },
    ...overrides,
  };
}

/** The behaviour every ConversationReferenceStore adapter must have. */
export function describeConversationReferenceContract(name: string, makeStores: ConversationStoreFactory): void {
  describe(`ConversationReferenceStore contract: ${name}`, () => {
    let store: ConversationReferenceStore;
    let other: ConversationReferenceStore;

    beforeEach(async () => {
      [store, other] = await makeStores();
    });

    it('reads back a saved reference exactly, from another instance too', async () => {
      const ref = buildReference();
      await store.save(ref);

      expect(await store.get(ref.conversationId)).toEqual(ref);
      expect(await other.get(ref.conversationId)).toEqual(ref);
    });

    it('returns null for a conversation it has never seen', async () => {
      expect(await store.get('19:unknown@thread.v2')).toBeNull();
    });

    it('keeps a group chat reference with no user, type or tenant, and a bot without a name', async () => {
      const ref = buildReference({
        conversationId: '19:meeting_abc@thread.v2',
        conversationType: null,
        tenantId: null,
        bot: { id: '28:bot' },
        user: undefined,
      });
      delete (ref as { user?: unknown }).user;
      await store.save(ref);

      expect(await other.get(ref.conversationId)).toEqual(ref);
    });

    it('replaces the reference on a later save, whichever instance saves it, keeping one per conversation', async () => {
      await store.save(buildReference());
      await other.save(buildReference({ serviceUrl: 'https://smba.trafficmanager.net/emea/', updatedAt: '2026-04-24T09:00:00.000Z' }));
      await store.save(buildReference({ updatedAt: '2026-04-25T09:00:00.000Z' }));

      const all = await store.list();
      expect(all).toEqual([buildReference({ updatedAt: '2026-04-25T09:00:00.000Z' })]);
    });

    it('keeps one reference when two instances save the same conversation at the same moment', async () => {
      await Promise.all([store.save(buildReference()), other.save(buildReference({ updatedAt: '2026-04-23T09:00:01.000Z' }))]);

      const all = await store.list();
      expect(all).toHaveLength(1);
    });

    it('lists every conversation ordered by id', async () => {
      const ids = ['a:3third', '19:chat@thread.v2', 'a:1first'];
      for (const conversationId of ids) await store.save(buildReference({ conversationId }));

      expect((await other.list()).map((r) => r.conversationId)).toEqual([...ids].sort());
    });

    it('stores a conversation id longer than a SharePoint text column and full of odd characters', async () => {
      const conversationId = `a:1${'x\'"&#%/?'.repeat(40)}`;
      await store.save(buildReference({ conversationId }));

      expect((await other.get(conversationId))?.conversationId).toBe(conversationId);
    });
  });
}
