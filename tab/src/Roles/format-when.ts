import { formatDate, londonDate } from '@/kernel/dates';

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false });

/** "Wed 25 Nov 2026, 22:15": an ISO timestamp as staff read it, in London time. */
export function formatWhen(iso: string): string {
  const at = new Date(iso);
  return `${formatDate(londonDate(at))}, ${TIME.format(at)}`;
}
