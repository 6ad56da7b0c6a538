import { Cron } from 'croner';
import type { Logger } from './logger';
import { traceTask } from './telemetry';

/**
 * Runs a scheduled task in-process on `pattern` (cron, Europe/London). A run still going when the
 * next is due is skipped (`protect`); the tasks are idempotent and exactly-once anyway, so every
 * instance may run the same schedule. A failed run is logged and the next one tries again.
 * Returns a stop function.
 */
export function scheduleTask(
  name: string,
  task: { run(now: Date): Promise<unknown> },
  pattern: string,
  logger: Logger,
  now: () => Date = () => new Date(),
): () => void {
  const job = new Cron(pattern, { timezone: 'Europe/London', protect: true, name }, async () => {
    try {
      await traceTask(name, () => task.run(now()));
    } catch (error) {
      logger.error({ task: name, err: (error as Error).message }, 'scheduled run failed');
    }
  });
  logger.info({ task: name, next: job.nextRun()?.toISOString() }, 'task scheduled');
  return () => job.stop();
}
