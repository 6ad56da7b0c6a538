import { buildDigest, digestRecipients } from '@/digest/build-digest';
import { assistant, senco, teacher } from '@tests/support/factories';
import { closedAction, storedAction } from './support/digest-actions';

// Monday 23 Nov 2026: the digest's usual day.
const today = '2026-11-23';

describe('buildDigest', () => {
  const overdue = storedAction({ owner: teacher, dueDate: '2026-11-20', description: 'Overdue call' });
  const dueThisWeek = storedAction({ owner: teacher, dueDate: '2026-11-27', description: 'Due Friday' });
  const nextWeek = storedAction({ owner: teacher, dueDate: '2026-12-01', description: 'Due next week' });
  const waiting = storedAction({
    owner: assistant,
    dueDate: '2026-12-10',
    status: 'waiting',
    pupil: { id: 'p2', name: 'A.K.', yearGroup: 2 },
  });
  const closedRecently = closedAction(
    { owner: teacher, dueDate: '2026-11-18', pupil: { id: 'p3', name: 'Z.A.', yearGroup: 1 } },
    '2026-11-19T15:00:00Z',
  );
  const closedLongAgo = closedAction(
    { owner: assistant, dueDate: '2026-10-01', pupil: { id: 'p4', name: 'K.D.', yearGroup: 4 } },
    '2026-10-02T15:00:00Z',
  );
  const review = storedAction({ owner: senco, itemType: 'annual_review', dueDate: '2026-12-20', nextReviewDate: '2026-12-14' });
  const farReview = storedAction({ owner: senco, itemType: 'intervention', dueDate: '2027-01-20', nextReviewDate: '2027-02-01' });
  const longOverdue = storedAction({ owner: assistant, dueDate: '2026-11-05', description: 'Long overdue' });
  const all = [overdue, dueThisWeek, nextWeek, waiting, closedRecently, closedLongAgo, review, farReview, longOverdue];
  const digest = buildDigest(all, today);

  it('gives each owner their overdue, due-this-week, waiting and recently closed items', () => {
    const tom = digest.owners.find((d) => d.owner.id === teacher.id);
    expect(tom?.overdue.map((a) => a.id)).toEqual([overdue.id]);
    expect(tom?.dueThisWeek.map((a) => a.id)).toEqual([dueThisWeek.id]);
    expect(tom?.waiting).toEqual([]);
    expect(tom?.recentlyClosed.map((a) => a.id)).toEqual([closedRecently.id]);
  });

  it('leaves out items closed more than seven days ago', () => {
    const grace = digest.owners.find((d) => d.owner.id === assistant.id);
    expect(grace?.recentlyClosed).toEqual([]);
    expect(grace?.waiting.map((a) => a.id)).toEqual([waiting.id]);
  });

  it('leaves out owners with nothing to report', () => {
    // The SENCO's items are all due after this week and none is waiting or closed.
    expect(digest.owners.map((d) => d.owner.id)).not.toContain(senco.id);
  });

  it('counts every item by status and open items by type for the SEND lead', () => {
    expect(digest.school.countsByStatus).toEqual({ open: 6, in_progress: 0, waiting: 1, done: 2, parked: 0 });
    expect(digest.school.openByItemType.parent_follow_up).toBe(5);
    expect(digest.school.openByItemType.annual_review).toBe(1);
    expect(Object.values(digest.school.openByItemType).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('lists overdue items by owner, most first', () => {
    expect(digest.school.overdueByOwner.map((o) => [o.owner.id, o.actions.length])).toEqual([
      [assistant.id, 1],
      [teacher.id, 1],
    ]);
  });

  it('flags items overdue by a week or more, and waits with no update for a week, for escalation', () => {
    // `waiting` was last updated on 2 Nov: three weeks without a reply.
    expect(digest.school.needsEscalation.map((a) => a.id)).toEqual([longOverdue.id, waiting.id]);
  });

  it('lists reviews due in the next four weeks only', () => {
    expect(digest.school.reviewsDue.map((a) => a.id)).toEqual([review.id]);
  });

  it('finds pupils who have items but none open', () => {
    expect(digest.school.pupilsWithNoOpenStep.map((p) => p.id).sort()).toEqual(['p3', 'p4']);
  });

  it('sends the SEND lead one email with their own items and the school picture, first', () => {
    const recipients = digestRecipients(digest, senco);
    expect(recipients[0]?.recipient.id).toBe(senco.id);
    expect(recipients[0]?.school).not.toBeNull();
    expect(recipients.filter((r) => r.recipient.id === senco.id)).toHaveLength(1);
    expect(recipients.slice(1).every((r) => r.school === null)).toBe(true);
  });
});
