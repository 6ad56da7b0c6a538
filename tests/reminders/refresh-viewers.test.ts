import { MAX_REFRESH_USERS, withRefreshFor } from '@/reminders/refresh-viewers';

const card = { type: 'AdaptiveCard', version: '1.5', refresh: { action: { type: 'Action.Execute', verb: 'reminder.refresh' } }, body: [] };

describe('withRefreshFor: who a card refreshes for by itself', () => {
  it('takes Teams user ids (MRIs) only: an Entra object id never refreshes anything', () => {
    expect(withRefreshFor(card, ['29:1tom', '00000000-0000-4000-8000-000000000002', null, '29:1tom'])).toEqual({
      ...card,
      refresh: { action: card.refresh.action, userIds: ['29:1tom'] },
    });
  });

  it('takes the refresh off when no Teams user id is known, so nobody else sees a refusal', () => {
    expect(withRefreshFor(card, ['00000000-0000-4000-8000-000000000002'])).toEqual({ type: 'AdaptiveCard', version: '1.5', body: [] });
    expect(withRefreshFor(card, [])).not.toHaveProperty('refresh');
  });

  it(`lists at most ${MAX_REFRESH_USERS} people, as Teams allows`, () => {
    const many = Array.from({ length: 75 }, (_, i) => `29:1user-${i}`);
    expect((withRefreshFor(card, many).refresh as { userIds: string[] }).userIds).toHaveLength(MAX_REFRESH_USERS);
  });

  it('leaves a card without a refresh as it is', () => {
    const plain = { type: 'AdaptiveCard', version: '1.5', body: [] };
    expect(withRefreshFor(plain, ['29:1tom'])).toBe(plain);
  });
});
