import { Cron } from 'croner';
import type { Logger } from '../logger';
import type { ReminderTask } from './reminder-task';

/**
 * Embedded mode's in-process timer: runs the reminder task on `pattern` in Europe/London. A run
 * still going when the next is due is skipped (`protect`); the task is idempotent anyway.
 * Returns a stop function.
 */
export function scheduleReminders(task: Pick<ReminderTask, 'run'>, pattern: string, logger: Logger, now: () => Date = () => new Date()): () => void {
  const job = new Cron(pattern, { timezone: 'Europe/London', protect: true, name: 'reminders' }, async () => {
    try {
      await task.run(now());
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'scheduled reminder run failed');
    }
  });
  logger.info({ next: job.nextRun()?.toISOString() }, 'reminders scheduled');
  return () => job.stop();
}
