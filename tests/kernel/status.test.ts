import { canTransition, isClosed, STATUSES } from '@/kernel/status';

describe('status lifecycle', () => {
  it('has five statuses, two of which close an item', () => {
    expect(STATUSES).toHaveLength(5);
    expect(STATUSES.filter(isClosed)).toEqual(['done', 'parked']);
  });

  it('lets open work move freely and closed work only reopen', () => {
    expect(canTransition('open', 'waiting')).toBe(true);
    expect(canTransition('waiting', 'done')).toBe(true);
    expect(canTransition('done', 'open')).toBe(true);
    expect(canTransition('done', 'parked')).toBe(false);
    expect(canTransition('parked', 'in_progress')).toBe(false);
  });
});
