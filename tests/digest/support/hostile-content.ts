import { buildDigest, digestRecipients, type DigestContent } from '@/digest/build-digest';
import type { Person } from '@/kernel/action';
import { closedAction, storedAction } from './digest-actions';

export const TODAY = '2026-11-23';
export const zoe: Person = { id: 'staff-zoe', name: 'Zoë Ångström', email: 'z.angstrom@oakfield.example' };
export const lead: Person = { id: 'staff-lead', name: 'Priya Shah', email: 'p.shah@oakfield.example' };

/** Text a member of staff might type: markup, markdown, a long unbroken link and non-ASCII letters. */
export const HOSTILE = '<script>window.__pwned = true</script> **Ring** Zoë’s mum [about](javascript:alert(1)) & <b>agree</b> plan';
export const LONG_WORD = `https://example.org/${'a'.repeat(160)}`;

/** One owner's and the lead's digests, full of awkward text, as of Monday 23 Nov 2026. */
export function hostileContents(): DigestContent[] {
  const actions = [
    storedAction({ owner: zoe, dueDate: '2026-11-16', description: HOSTILE, pupil: { id: 'p-1', name: 'Zoë <i>B</i>', yearGroup: 4 } }),
    storedAction({ owner: zoe, dueDate: '2026-11-26', description: `Share ${LONG_WORD} with the class team` }),
    storedAction({ owner: zoe, dueDate: '2026-12-20', status: 'waiting', description: 'Waiting for the EP report' }),
    storedAction({
      owner: lead,
      itemType: 'annual_review',
      dueDate: '2026-12-04',
      nextReviewDate: '2026-12-10',
      description: 'Annual review paperwork',
    }),
    closedAction(
      { owner: zoe, dueDate: '2026-11-20', pupil: { id: 'p-9', name: 'N.C.', yearGroup: 5 }, description: 'Sent the one-page profile' },
      '2026-11-21T10:00:00Z',
    ),
  ];
  return digestRecipients(buildDigest(actions, TODAY), lead);
}
