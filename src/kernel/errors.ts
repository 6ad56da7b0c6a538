/**
 * One error family for the whole app. Each error carries a stable `id` that the API and the bot
 * return to callers, and an HTTP status for the REST routes.
 */
export class AppError extends Error {
  readonly id: string = 'app_error';
  readonly status: number = 500;
}

/** One problem with one input field; `path` is the dotted field name, e.g. `owner.email`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Input that breaks a rule. Nothing was written. */
export class ValidationError extends AppError {
  override readonly id = 'validation_error';
  override readonly status = 400;
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '));
  }
}

export class NotFoundError extends AppError {
  override readonly id = 'not_found';
  override readonly status = 404;
}

export class ForbiddenError extends AppError {
  override readonly id = 'forbidden';
  override readonly status = 403;
}

/** The record changed since the caller read it: re-read and try again. Nothing was overwritten. */
export class ConflictError extends AppError {
  override readonly id = 'conflict';
  override readonly status = 409;
  constructor(
    message: string,
    readonly currentVersion?: number,
  ) {
    super(message);
  }
}

/** Configuration problems found at start-up, all of them at once. */
export class ConfigError extends AppError {
  override readonly id = 'config_error';
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n  - ${problems.join('\n  - ')}`);
  }
}

/** No valid credentials. Says nothing about why, beyond what helps a legitimate caller. */
export class UnauthorizedError extends AppError {
  override readonly id = 'unauthorized';
  override readonly status = 401;
}

/**
 * The write could not reach SharePoint (throttled, unavailable, timed out or disconnected after
 * retries). It is kept in the durable outbox and will be sent automatically; `outboxId`
 * names the outbox entry.
 */
export class PendingWriteError extends AppError {
  override readonly id = 'pending';
  override readonly status = 202;
  constructor(readonly outboxId: string) {
    super('Saved on this server and waiting to reach SharePoint; it will be sent automatically');
  }
}

/** The store cannot be reached (or is busy) right now; nothing was changed. Try again after `retryAfterSeconds`. */
export class UnavailableError extends AppError {
  override readonly id = 'unavailable';
  override readonly status = 503;
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}
