import type { RegisterImportRecord } from './ports/register-repository';

/**
 * Why an import cannot be undone, or null if it can. Only the latest import, once: each pupil keeps
 * its state from before the import that last changed it, so an earlier import's "before" is gone
 * once a later one (or an undo) has changed the pupil again.
 */
export function undoRefusal(latest: RegisterImportRecord | undefined, importId: string): string | null {
  if (!latest || latest.importId !== importId) return 'Only the latest import can be undone, and this is not it. Nothing was changed.';
  if (latest.undone) return 'This import was undone already. Nothing was changed.';
  return null;
}
