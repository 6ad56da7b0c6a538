import { createBot, type Bot } from '../../bot/create-bot';
import { MemberCache } from '../../bot/handlers/member-cache';
import { demoRoles } from '../capture/demo-context';
import type { SchoolDirectory } from '../commands/capture-actions';
import { deepLinks } from '../digest/deep-links';
import { DEMO_PUPILS, DEMO_STAFF } from '../demo/school';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { ActionRepository } from '../storage/action-repository';
import { openTaskStores, type TaskStores } from './open-task-stores';

/**
 * The school the bot reads messages against. Embedded mode: the demo school. Tenant mode: empty
 * until the pupil list and role table come from SharePoint (pupils are then chosen on the card).
 */
export function schoolDirectoryFor(config: Config): SchoolDirectory {
  return config.mode === 'tenant' ? { pupils: [], roles: {} } : { pupils: DEMO_PUPILS, roles: demoRoles() };
}

/** Builds the Teams bot for this configuration; conversation references go in the task stores. */
export async function createBotFor(config: Config, repo: ActionRepository, logger: Logger, now: () => Date, stores: Pick<TaskStores, 'conversations'> = openTaskStores(config)): Promise<Bot> {
  const school = schoolDirectoryFor(config);
  const knownPeople = [...(config.mode === 'tenant' ? [] : Object.values(DEMO_STAFF)), ...Object.values(school.roles)];
  return createBot(config, {
    repo,
    conversations: stores.conversations,
    members: new MemberCache(),
    school,
    knownPeople: knownPeople.filter((p, i) => knownPeople.findIndex((q) => q.id === p.id) === i),
    trackerUrl: deepLinks({ publicUrl: config.publicUrl, teamsAppId: config.teamsAppId ?? undefined }).tracker(),
    logger,
    now,
    reminders: { repo, sendLeadIds: [config.reminders.sendLead.id], now },
  });
}
