/** Verbs on the reminder card; `src/reminders/update-from-reminder.ts` does the work. */
export const REMINDER_VERBS = {
  done: 'reminder.done',
  inProgress: 'reminder.inProgress',
  waiting: 'reminder.waiting',
  snooze: 'reminder.snooze',
  refresh: 'reminder.refresh',
} as const;

export type ReminderVerb = (typeof REMINDER_VERBS)[keyof typeof REMINDER_VERBS];

/** The Input.Text on the Done sub-card for item `actionId`: an evidence link or a short note. */
export const evidenceInputId = (actionId: string) => `evidence-${actionId}`;
