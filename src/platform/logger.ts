import pino from 'pino';

/**
 * Structured logs. SEND records are special-category data: log ids, counts and outcomes only.
 * Fields that could carry pupil details or action text are redacted if they ever reach a log call.
 * `destination`: where lines go (default stdout).
 */
export function createLogger(level = 'info', destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'pupil',
        '*.pupil',
        'description',
        '*.description',
        'text',
        '*.text',
        'note',
        '*.note',
        'body',
        'req.body',
        'decision',
        '*.decision',
      ],
      censor: '[redacted]',
    },
  };
  // Default: stdout. Tests pass a stream to read what would be written.
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = pino.Logger;
