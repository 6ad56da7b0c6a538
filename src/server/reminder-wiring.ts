import { reminderCard } from '../../bot/cards/reminder-card';
import { createSchoolCalendar } from '../domain/school-calendar';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { ActionRepository } from '../storage/action-repository';
import type { ReminderConfig } from '../tasks/reminder-config';
import { ReminderTask } from '../tasks/reminder-task';
import { BotConnectorReminderSender } from '../tasks/reminders/bot-connector-sender';
import { botFrameworkToken } from '../tasks/reminders/bot-framework-token';
import { StoredPersonalConversations } from '../tasks/reminders/stored-personal-conversations';
import { openTaskStores, type TaskStores } from './open-task-stores';

/**
 * Builds the reminder task: claims in the task stores, personal chats from the bot's stored
 * conversation references, cards
 * posted through the Bot Connector (tenant mode: with the app registration's Bot Framework token).
 */
export function createReminderTask(
  config: Config,
  reminders: ReminderConfig,
  repo: ActionRepository,
  logger: Logger,
  stores: Pick<TaskStores, 'reminderLog' | 'conversations'> = openTaskStores(config),
): ReminderTask {
  const conversations = new StoredPersonalConversations(stores.conversations);
  const token = config.bot ? botFrameworkToken(config.bot) : async () => null;
  return new ReminderTask({
    repo,
    log: stores.reminderLog,
    sender: new BotConnectorReminderSender({ conversations, serviceUrl: () => conversations.latestServiceUrl(), token, pacing: { sendsPerSecond: reminders.sendsPerSecond } }),
    present: reminderCard,
    policy: reminders.policy,
    calendar: createSchoolCalendar(reminders.schoolDates),
    sendLead: reminders.sendLead,
    logger,
  });
}
