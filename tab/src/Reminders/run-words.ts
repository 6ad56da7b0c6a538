import type { ReminderRunSummary } from '@/kernel/ports/reminder-run-log';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a run did, in the sentences the panel shows; what did not happen is left out. */
export function runFacts(run: ReminderRunSummary): string[] {
  if (!run.schoolDay) return ['Not a school day: nothing was sent.'];
  return [
    run.cardsSent === 0
      ? 'No cards were sent.'
      : `${plural(run.cardsSent, 'card', 'cards')} sent, reminding owners of ${plural(run.itemsReminded, 'item', 'items')}.`,
    ...(run.installed > 0
      ? [`The app was installed for ${plural(run.installed, 'person', 'people')} so their reminder could reach them.`]
      : []),
    ...(run.fallbacks > 0 ? [`${plural(run.fallbacks, 'owner was', 'owners were')} reminded in the meeting chat instead.`] : []),
    ...(run.leadOnly > 0 ? [`${plural(run.leadOnly, 'item', 'items')} could only be passed to the SEND lead.`] : []),
    ...(run.escalations > 0 ? [`${plural(run.escalations, 'escalation', 'escalations')} sent to the SEND lead.`] : []),
    ...(run.undelivered > 0
      ? [
          `${plural(run.undelivered, 'reminder', 'reminders')} reached nobody (neither the owner nor the SEND lead can be messaged) and will be tried again.`,
        ]
      : []),
    ...(run.failed > 0 ? [`${plural(run.failed, 'reminder was', 'reminders were')} refused by Teams and will be tried again.`] : []),
  ];
}
