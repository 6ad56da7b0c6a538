import type { Config } from './config';
import type { ConversationReferenceStore } from '@/kernel/ports/conversation-reference-store';
import { createSharePointTaskStores } from '@/storage/sharepoint/create-sharepoint-task-stores';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteConversationReferenceStore } from '@/storage/sqlite/sqlite-conversation-reference-store';
import { SqliteDigestLog } from '@/storage/sqlite/sqlite-digest-log';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import type { DigestLog } from '@/kernel/ports/digest-log';
import type { ReminderLog } from '@/kernel/ports/reminder-log';

/** What the bot and the scheduled tasks keep between runs: exactly-once claims and proactive-chat references. */
export interface TaskStores {
  reminderLog: ReminderLog;
  digestLog: DigestLog;
  conversations: ConversationReferenceStore;
}

/**
 * Beside the actions: SharePoint lists when the actions live in SharePoint (the reminder claim
 * compares versions on the same list, and every instance sees the same claims), otherwise tables in
 * the embedded database file.
 */
export function openTaskStores(config: Config): TaskStores {
  if (config.sharePoint) return createSharePointTaskStores(config.sharePoint);
  const db = openDatabase(config.databaseFile);
  return { reminderLog: new SqliteReminderLog(db), digestLog: new SqliteDigestLog(db), conversations: new SqliteConversationReferenceStore(db) };
}
