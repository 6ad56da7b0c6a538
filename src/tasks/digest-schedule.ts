import { Cron } from 'croner';
import type { Logger } from '../logger';
import type { WeeklyDigestTask } from './weekly-digest-task';

/**
 * Embedded mode's in-process timer for the digest, on `pattern` in Europe/London. An overlapping
 * run is skipped (`protect`); the task is idempotent anyway. Returns a stop function.
 */
export function scheduleWeeklyDigest(task: Pick<WeeklyDigestTask, 'run'>, pattern: string, logger: Logger, now: () => Date = () => new Date()): () => void {
  const job = new Cron(pattern, { timezone: 'Europe/London', protect: true, name: 'weekly-digest' }, async () => {
    try {
      await task.run(now());
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'scheduled weekly digest run failed');
    }
  });
  logger.info({ next: job.nextRun()?.toISOString() }, 'weekly digest scheduled');
  return () => job.stop();
}
