import { statutoryDeadlines } from '@/kernel/statutory-deadlines';
import { buildAction } from '@tests/support/factories';

const step = (dueDate: string, status: 'open' | 'in_progress' | 'waiting' | 'done' = 'open') =>
  buildAction({ dueDate, statutory: { step: 'review-report', cycle: '2025-11-25' } }, { status });
const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe('statutory deadlines for the check-in', () => {
  const today = '2026-11-20';

  it('puts a step past its date under missed, one due within two weeks and not started under at risk, the rest to six weeks under coming up', () => {
    const late = step('2026-11-19');
    const dueToday = step('2026-11-20');
    const lastAtRisk = step('2026-12-04');
    const firstComingUp = step('2026-12-05');
    const lastComingUp = step('2027-01-01');
    const beyond = step('2027-01-02');

    const lists = statutoryDeadlines([beyond, lastComingUp, firstComingUp, lastAtRisk, dueToday, late], today);

    expect(lists).toEqual({
      missed: [late],
      atRisk: [dueToday, lastAtRisk],
      comingUp: [firstComingUp, lastComingUp],
    });
  });

  it('counts a step in progress as on its way, and one waiting on someone as at risk', () => {
    const started = step('2026-11-25', 'in_progress');
    const waiting = step('2026-11-25', 'waiting');

    const lists = statutoryDeadlines([started, waiting], today);

    expect(ids(lists.atRisk)).toEqual([waiting.id]);
    expect(ids(lists.comingUp)).toEqual([started.id]);
  });

  it('leaves out ordinary items and closed steps, however late', () => {
    const ordinary = buildAction({ dueDate: '2026-11-01' });
    const done = step('2026-11-01', 'done');

    expect(statutoryDeadlines([ordinary, done], today)).toEqual({ missed: [], atRisk: [], comingUp: [] });
  });
});
