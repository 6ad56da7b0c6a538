import type { Logger } from '@/platform/logger';
import type { OutboxActionRepository, ReplayReport } from './outbox-action-repository';

export interface OutboxReplayLoop {
  /** The replay run at start-up (what a restarted server owes SharePoint). */
  firstRun: Promise<ReplayReport | null>;
  stop(): void;
}

/**
 * Replays the outbox once at start-up and then every `intervalMs` (default 30 s) until stopped.
 * The timer does not keep the process alive. A failed run is logged and retried next tick.
 */
export function startOutboxReplay(
  repo: Pick<OutboxActionRepository, 'replay'>,
  options: { intervalMs?: number; logger: Logger },
): OutboxReplayLoop {
  const run = () =>
    repo.replay().catch((error: unknown) => {
      options.logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'outbox replay failed; will retry');
      return null;
    });
  const timer = setInterval(() => void run(), options.intervalMs ?? 30_000);
  timer.unref();
  return { firstRun: run(), stop: () => clearInterval(timer) };
}
