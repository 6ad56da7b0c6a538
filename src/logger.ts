import pino from 'pino';

/**
 * Structured logs. SEND records are special-category data: log ids, counts and outcomes only.
 * Fields that could carry pupil details or action text are redacted if they ever reach a log call.
 */
export function createLogger(level = 'info'): pino.Logger {
  return pino({
    level,
    redact: {
      paths: ['pupil', '*.pupil', 'description', '*.description', 'text', '*.text', 'note', '*.note', 'body', 'req.body', 'decision', '*.decision'],
      censor: '[redacted]',
    },
  });
}

export type Logger = pino.Logger;
