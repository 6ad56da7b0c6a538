import { reminderCard } from '@/reminders/reminder-card';
import { createSchoolCalendar } from '@/kernel/school-calendar';
import type { Config } from '@/app/config';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { ReminderConfig } from '@/reminders/reminder-config';
import { ReminderTask } from '@/reminders/reminder-task';
import { BotConnectorReminderSender } from '@/reminders/bot-connector-sender';
import { botFrameworkToken } from '@/reminders/bot-framework-token';
import { StoredPersonalConversations } from '@/reminders/stored-personal-conversations';
import type { AppInstaller } from '@/kernel/ports/reminder-sender';
import { GraphAppInstaller } from '@/reminders/graph-app-installer';
import { createGraphClient, graphRoot } from '@/storage/sharepoint/graph-client';
import type { Stores, TaskStores } from './open-stores';

/**
 * Builds the reminder task: claims in the task stores, personal chats from the bot's stored
 * conversation references, cards posted through the Bot Connector (tenant mode: with the app
 * registration's Bot Framework token). Tenant mode with Graph: an owner with no personal chat gets
 * the app installed for them first (`installer`, built here unless a test passes its own).
 */
export function createReminderTask(
  config: Config,
  reminders: ReminderConfig,
  repo: ActionRepository,
  logger: Logger,
  stores: Pick<TaskStores, 'reminderLog' | 'reminderRuns' | 'conversations'> & Partial<Pick<Stores, 'graphAuth'>>,
  installer: AppInstaller | null = null,
): ReminderTask {
  const conversations = new StoredPersonalConversations(stores.conversations);
  const token = config.bot ? botFrameworkToken(config.bot) : async () => null;
  const install = installer ?? graphInstaller(config, reminders, stores.graphAuth ?? null, conversations, logger);
  return new ReminderTask({
    repo,
    log: stores.reminderLog,
    runs: stores.reminderRuns,
    sender: new BotConnectorReminderSender({
      conversations,
      serviceUrl: () => conversations.latestServiceUrl(),
      token,
      pacing: { sendsPerSecond: reminders.sendsPerSecond },
      ...(install ? { install: { installer: install, remember: (userId, chat) => conversations.remember(userId, chat, new Date()) } } : {}),
    }),
    present: reminderCard,
    policy: reminders.policy,
    calendar: createSchoolCalendar(reminders.schoolDates),
    sendLead: reminders.sendLead,
    logger,
  });
}

/** The Graph installer, when installing is on and Graph and the manifest id are there to do it. */
function graphInstaller(
  config: Config,
  reminders: ReminderConfig,
  graphAuth: Stores['graphAuth'],
  conversations: StoredPersonalConversations,
  logger: Logger,
): AppInstaller | null {
  if (!reminders.installApp || !graphAuth || !config.teamsAppId) return null;
  const baseUrl = config.sharePoint?.baseUrl;
  return new GraphAppInstaller({
    client: createGraphClient({ authProvider: graphAuth, ...(baseUrl ? { baseUrl } : {}) }),
    graphRoot: graphRoot(baseUrl),
    manifestAppId: config.teamsAppId,
    catalogAppId: reminders.installApp.catalogAppId,
    peopleWithTheApp: () => conversations.peopleWithTheApp(),
    logger,
  });
}
