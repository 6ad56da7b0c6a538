import type { Config } from '../env';
import type { ActionRepository } from '../storage/action-repository';
import { openDatabase } from '../storage/sqlite/open-database';
import { SqliteActionRepository } from '../storage/sqlite/sqlite-action-repository';

/** Chooses the store from configuration: SharePoint in tenant mode, embedded SQLite otherwise. */
export function openRepository(config: Config, now: () => Date): ActionRepository {
  if (config.tenant) {
    throw new Error('SharePoint store: wired in by the SharePoint issue');
  }
  return new SqliteActionRepository(openDatabase(config.databaseFile), now);
}
