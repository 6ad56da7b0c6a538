import type { ILogger } from '@microsoft/teams.common';
import type { Logger } from '@/platform/logger';

/** Keeps strings and error messages only: the SDK passes whole activities (message text) to its logger. */
function summarise(args: unknown[]): string {
  return args
    .map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.name}: ${a.message}` : ''))
    .filter(Boolean)
    .join(' ')
    .slice(0, 500);
}

/**
 * The Teams SDK's logger, routed to ours: its errors stay errors, everything else (including its
 * start-up warnings about unauthenticated requests, which our loopback gate answers) is debug.
 */
export function sdkLogger(logger: Logger): ILogger {
  const make = (name: string): ILogger => {
    const child = logger.child({ component: name });
    const quiet = (...args: unknown[]) => child.debug(summarise(args));
    return {
      debug: quiet,
      info: quiet,
      warn: quiet,
      trace: quiet,
      error: (...args: unknown[]) => child.error(summarise(args)),
      log: (level, ...args) => (level === 'error' ? child.error(summarise(args)) : quiet(...args)),
      child: (childName: string) => make(`${name}/${childName}`),
    };
  };
  return make('teams-sdk');
}
