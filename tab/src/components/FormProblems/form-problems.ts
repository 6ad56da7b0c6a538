import { ApiError, friendlyMessage } from '@tab/api/api-error';

/** A failed save split for a form: messages by field, and what no field on the form can show. */
export interface FormProblems {
  /** Field key -> its messages joined ("must not be empty; …"). */
  byField: Record<string, string>;
  /** Problems for no field on the form, or the whole failure in plain words (403, network…). */
  general: string | null;
}

export const NO_PROBLEMS: FormProblems = { byField: {}, general: null };

/**
 * Sorts a failed call's `{ path, message }` problems onto the form's fields. A problem belongs to
 * the field whose key is its path or a prefix of it (`staff` takes `staff.email`), after dropping
 * `prefix` (routes that validate a nested body name it, e.g. `measure.value`).
 */
export function formProblems(error: unknown, fields: readonly string[], prefix = ''): FormProblems {
  if (!(error instanceof ApiError) || error.problems.length === 0) return { byField: {}, general: friendlyMessage(error) };
  const byField: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const p of error.problems) {
    const path = prefix && p.path.startsWith(`${prefix}.`) ? p.path.slice(prefix.length + 1) : p.path;
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`));
    // `staff` may fail on id, name and email at once: one "must not be empty" says it.
    if (field) byField[field] = [...new Set([...(byField[field] ?? []), p.message])];
    else rest.push(p.path ? `${p.path}: ${p.message}` : p.message);
  }
  return {
    byField: Object.fromEntries(Object.entries(byField).map(([f, m]) => [f, m.join('; ')])),
    general: rest.length ? rest.join('; ') : null,
  };
}

/** Props for a Fluent `Field` showing `field`'s problem, if any. */
export function fieldState(problems: FormProblems, field: string): { validationMessage?: string; validationState?: 'error' } {
  const message = problems.byField[field];
  return message ? { validationMessage: message, validationState: 'error' } : {};
}
