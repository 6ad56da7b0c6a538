import type { Request, Response } from 'restify';
import { AppError, UnavailableError, ValidationError } from '@/kernel/errors';
import { recordError } from '@/platform/telemetry';
import type { Logger } from '@/platform/logger';

/**
 * Wraps a route: the handler returns the JSON body; AppErrors become their status with
 * `{ error, message, problems? }`; anything else is a logged 500 that reveals nothing.
 */
export function jsonRoute(logger: Logger, handler: (req: Request) => Promise<unknown>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const body = await handler(req);
      res.json(200, body);
    } catch (error) {
      sendError(res, error, logger);
    }
  };
}

export function sendError(res: Response, error: unknown, logger: Logger): void {
  if (error instanceof AppError) {
    const body: Record<string, unknown> = { error: error.id, message: error.message };
    if (error instanceof ValidationError) body.problems = error.problems;
    if ('currentVersion' in error && error.currentVersion !== undefined) body.currentVersion = error.currentVersion;
    if (error instanceof UnavailableError) res.header('Retry-After', String(error.retryAfterSeconds));
    res.json(error.status, body);
    return;
  }
  recordError(error);
  logger.error({ err: error instanceof Error ? { name: error.name, stack: error.stack } : String(error) }, 'unhandled error');
  res.json(500, { error: 'internal_error', message: 'Something went wrong. Nothing was changed.' });
}
