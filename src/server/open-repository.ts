import type { Config } from '../env';
import type { ActionRepository } from '../storage/action-repository';
import { createSharePointRepository } from '../storage/sharepoint/create-sharepoint-repository';
import { openDatabase } from '../storage/sqlite/open-database';
import { SqliteActionRepository } from '../storage/sqlite/sqlite-action-repository';

/** Chooses the store from configuration: SharePoint Lists when configured, embedded SQLite otherwise. */
export function openRepository(config: Config, now: () => Date): ActionRepository {
  if (config.sharePoint) return createSharePointRepository(config.sharePoint, { now });
  return new SqliteActionRepository(openDatabase(config.databaseFile), now);
}
