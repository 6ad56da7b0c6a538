import type { UnreachableReason } from '@/kernel/ports/reminder-sender';

/** Why an owner could not be messaged, as the SEND lead's card and the Reminders panel say it. */
export const WHY_UNREACHED: Record<UnreachableReason, string> = {
  'not-installed': 'the app is not installed in their personal chat',
  'install-not-allowed': 'Teams did not allow the app to be installed for them: see the admin guide',
  'install-failed': 'installing the app for them failed; the next run tries again',
};
