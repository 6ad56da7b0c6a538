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
