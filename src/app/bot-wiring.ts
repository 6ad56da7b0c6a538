import { createBot, type Bot } from '@bot/create-bot';
import { MemberCache } from '@/teams/member-cache';
import { MeetingTitles } from '@/teams/meeting-titles';
import { demoRoles } from './demo/demo-context';
import type { SchoolDirectory } from '@/capture/capture-actions';
import { loadSchoolDirectory } from '@/capture/load-school-directory';
import { deepLinks } from '@/digest/deep-links';
import { DEMO_PUPILS, DEMO_STAFF } from './demo/school';
import type { Config } from './config';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { RegisterStores } from './open-stores';
import type { TaskStores } from './open-stores';
import { cacheSchoolDirectory, type CachedSchoolDirectory } from '@/capture/school-directory-cache';

/**
 * The school the bot reads messages against when there are no register stores: embedded mode, the
 * demo school; tenant mode, empty (pupils are then chosen on the card).
 */
export function schoolDirectoryFor(config: Config): SchoolDirectory {
  return config.mode === 'tenant' ? { pupils: [], roles: {} } : { pupils: DEMO_PUPILS, roles: demoRoles() };
}

/**
 * The school directory read from the register (on-roll pupils, as initials) and the role table,
 * cached in memory for a few minutes. In embedded mode with demo data the demo pupils are offered too:
 * the demo actions refer to them by their demo ids, and the demo register's class has other initials.
 */
export function storedSchoolDirectory(
  config: Config,
  stores: Pick<RegisterStores, 'register' | 'roles'>,
  logger?: Logger,
): CachedSchoolDirectory {
  const demoPupils = config.mode === 'embedded' && config.demoData ? DEMO_PUPILS : [];
  return cacheSchoolDirectory(() => loadSchoolDirectory({ ...stores, demoPupils }), { logger });
}

/**
 * Who the bot treats as the SEND team: the SEND lead and SEND_TEAM_USER_IDS. Membership of
 * SEND_TEAM_GROUP_IDS comes only in a tab token's group claim; a bot activity carries none, so a
 * member by group alone is treated by the bot like other staff (their own items only).
 */
export function sendTeamIdsOf(config: Config): string[] {
  return [config.reminders.sendLead.id, ...(config.sso?.sendTeamUserIds ?? [])];
}

/**
 * Builds the Teams bot for this configuration; conversation references go in the task stores. With a
 * `directory` (see `storedSchoolDirectory`) pupils and roles are read from the stores per turn.
 */
export async function createBotFor(
  config: Config,
  repo: ActionRepository,
  logger: Logger,
  now: () => Date,
  stores: Pick<TaskStores, 'conversations'>,
  directory?: CachedSchoolDirectory,
): Promise<Bot> {
  const school = directory ? () => directory.current() : schoolDirectoryFor(config);
  // Role holders are added per turn (src/capture/school-of.ts), so a role changed in the tab counts at once.
  const knownPeople = config.mode === 'tenant' ? [] : Object.values(DEMO_STAFF);
  return createBot(config, {
    repo,
    conversations: stores.conversations,
    members: new MemberCache(),
    meetings: new MeetingTitles(),
    schoolDates: config.reminders.schoolDates,
    school,
    knownPeople,
    trackerUrl: deepLinks({ publicUrl: config.publicUrl, teamsAppId: config.teamsAppId ?? undefined }).tracker(),
    logger,
    now,
    reminders: { repo, sendTeamIds: sendTeamIdsOf(config), now },
  });
}
