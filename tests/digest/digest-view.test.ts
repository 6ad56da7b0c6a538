import { buildDigest, digestRecipients } from '@/digest/build-digest';
import { composeDigestEmail } from '@/digest/compose-digest-email';
import { deepLinks } from '@/digest/deep-links';
import { MAX_LIST_ENTRIES } from '@/digest/digest-view';
import { senco, teacher } from '@tests/support/factories';
import { storedAction } from './support/digest-actions';

describe('digest emails for a busy week', () => {
  const actions = Array.from({ length: MAX_LIST_ENTRIES + 15 }, (_, i) =>
    storedAction({ owner: teacher, dueDate: '2026-11-02', description: `Overdue job ${i}` }),
  );
  const [leadMail, teacherMail] = digestRecipients(buildDigest(actions, '2026-11-23'), senco).map((c) =>
    composeDigestEmail(c, deepLinks({ publicUrl: 'https://t.example' }), 'Oakfield'),
  );

  it('shows at most the list limit and says how many more are in the tracker', () => {
    expect(teacherMail?.html.match(/Open in tracker/g)).toHaveLength(MAX_LIST_ENTRIES);
    expect(teacherMail?.html).toContain('Overdue (40)');
    expect(teacherMail?.html).toContain('…and 15 more in the tracker.');
    expect(teacherMail?.text).toContain('...and 15 more in the tracker.');
  });

  it('still counts every overdue item in the SEND lead’s picture', () => {
    expect(leadMail?.html).toContain('Overdue by owner (40)');
    expect(leadMail?.html).toContain('Needs escalation (40)');
  });
});

describe("the SEND lead's digest and statutory deadlines", () => {
  const step = (dueDate: string, description: string) =>
    storedAction({ owner: senco, dueDate, description, statutory: { step: 'review-report', cycle: '2025-11-25' } });
  const actions = [
    step('2026-11-16', 'Send annual review invitations and circulate the advice gathered'),
    step('2026-11-30', 'Send the annual review report to the local authority and everyone invited'),
    step('2026-12-21', 'Decide after the annual review: keep, amend or cease the plan'),
    step('2027-02-01', 'Hold the annual review meeting'),
    storedAction({ owner: teacher, dueDate: '2026-11-16', description: 'Share the one-page profile' }),
  ];
  const [leadMail, teacherMail] = digestRecipients(buildDigest(actions, '2026-11-23'), senco).map((c) =>
    composeDigestEmail(c, deepLinks({ publicUrl: 'https://t.example' }), 'Oakfield'),
  );

  it('puts the missed, at-risk and coming statutory steps first, apart from ordinary items, and leaves out those beyond six weeks', () => {
    const text = leadMail!.text;
    const at = (words: string) => text.indexOf(words);
    expect(at('Statutory deadlines missed (1)')).toBeGreaterThan(-1);
    expect(at('Statutory deadlines at risk (due within two weeks, not started) (1)')).toBeGreaterThan(at('Statutory deadlines missed (1)'));
    expect(at('Statutory deadlines in the next six weeks (1)')).toBeGreaterThan(at('Statutory deadlines at risk'));
    expect(at('Statutory deadlines in the next six weeks (1)')).toBeLessThan(at('All items by status'));
    const statutoryPart = text.slice(at('Statutory deadlines missed'), at('All items by status'));
    expect(statutoryPart).toContain('Send annual review invitations and circulate the advice gathered');
    expect(statutoryPart).not.toContain('Share the one-page profile');
    expect(statutoryPart).not.toContain('Hold the annual review meeting');
  });

  it('tells other staff nothing of the school picture', () => {
    expect(teacherMail!.text).not.toContain('Statutory deadlines');
  });
});
