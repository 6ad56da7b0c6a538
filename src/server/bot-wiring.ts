import { createBot, type Bot } from '../../bot/create-bot';
import { demoRoles } from '../capture/demo-context';
import type { SchoolDirectory } from '../commands/capture-actions';
import { deepLinks } from '../digest/deep-links';
import { DEMO_PUPILS, DEMO_STAFF } from '../demo/school';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { ActionRepository } from '../storage/action-repository';
import { openDatabase } from '../storage/sqlite/open-database';
import { SqliteConversationReferenceStore } from '../storage/sqlite/sqlite-conversation-reference-store';

/**
 * The school the bot reads messages against. Embedded mode: the demo school. Tenant mode: empty
 * until the pupil list and role table come from SharePoint (pupils are then chosen on the card).
 */
export function schoolDirectoryFor(config: Config): SchoolDirectory {
  return config.mode === 'tenant' ? { pupils: [], roles: {} } : { pupils: DEMO_PUPILS, roles: demoRoles() };
}

/**
 * Builds the Teams bot for this configuration. Conversation references go in the embedded database
 * file (its own connection; WAL lets connections share it).
 */
export async function createBotFor(config: Config, repo: ActionRepository, logger: Logger, now: () => Date): Promise<Bot> {
  const school = schoolDirectoryFor(config);
  const knownPeople = [...(config.mode === 'tenant' ? [] : Object.values(DEMO_STAFF)), ...Object.values(school.roles)];
  const sendLead = school.roles['senco'];
  return createBot(config, {
    repo,
    conversations: new SqliteConversationReferenceStore(openDatabase(config.databaseFile)),
    school,
    knownPeople: knownPeople.filter((p, i) => knownPeople.findIndex((q) => q.id === p.id) === i),
    trackerUrl: deepLinks({ publicUrl: config.publicUrl, teamsAppId: config.teamsAppId ?? undefined }).tracker(),
    logger,
    now,
    reminders: { repo, sendLeadIds: sendLead ? [sendLead.id] : [], now },
  });
}
