import type { z } from 'zod';
import { ValidationError } from './errors';

/**
 * Parses `value` with `schema`, or throws a ValidationError naming every bad field.
 * Use at every boundary (REST body, card data, repository input) before anything is written.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: issue.message,
    })),
  );
}
