import type { SchoolDirectory } from './capture-actions';
import type { Logger } from '@/platform/logger';

/** How long the bot trusts its copy of the pupils and roles: a capture turn should not cost a Graph read. */
export const SCHOOL_DIRECTORY_TTL_MS = 5 * 60_000;

export interface CachedSchoolDirectory {
  /** The directory, read again when older than the TTL. Concurrent callers share one read. */
  current(): Promise<SchoolDirectory>;
  /** Forget the copy (after a change made on this instance), so the next turn reads it fresh. */
  invalidate(): void;
}

/**
 * Keeps the school directory in memory for `ttlMs`. When a refresh fails and there is an older copy,
 * the older copy is used (and the failure logged) so a Graph hiccup does not stop capture; with no
 * copy at all the failure is thrown.
 */
export function cacheSchoolDirectory(
  load: () => Promise<SchoolDirectory>,
  { ttlMs = SCHOOL_DIRECTORY_TTL_MS, clock = Date.now, logger }: { ttlMs?: number; clock?: () => number; logger?: Logger } = {},
): CachedSchoolDirectory {
  let copy: { directory: SchoolDirectory; at: number } | undefined;
  let loading: Promise<SchoolDirectory> | undefined;
  let generation = 0;
  const refresh = (): Promise<SchoolDirectory> => {
    const started = generation;
    loading ??= load()
      .then((directory) => {
        if (started === generation) copy = { directory, at: clock() };
        return directory;
      })
      .catch((error: unknown) => {
        if (!copy) throw error;
        logger?.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'could not refresh the school directory; using the last copy',
        );
        return copy.directory;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  return {
    current: () => (copy && clock() - copy.at < ttlMs ? Promise.resolve(copy.directory) : refresh()),
    invalidate: () => {
      generation++;
      copy = undefined;
    },
  };
}
