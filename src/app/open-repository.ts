import type { Config } from './config';
import { createLogger, type Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';
import { SqliteOutboxStore } from '@/storage/outbox/outbox-store';
import { createSharePointRepository } from '@/storage/sharepoint/create-sharepoint-repository';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';

/**
 * Chooses the store from configuration: SharePoint Lists when configured — behind a durable local
 * outbox, so a write Graph cannot take right now is kept and replayed, never dropped — and the
 * embedded SQLite store otherwise.
 */
export function openRepository(config: Config, now: () => Date, logger: Logger = createLogger('silent')): ActionRepository {
  if (config.sharePoint) {
    const outbox = new SqliteOutboxStore(openDatabase(config.databaseFile));
    return new OutboxActionRepository(createSharePointRepository(config.sharePoint, { now }), outbox, { logger });
  }
  return new SqliteActionRepository(openDatabase(config.databaseFile), now);
}
