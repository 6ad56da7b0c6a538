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
import type { TaskStores } from './open-stores';

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
  stores: Pick<TaskStores, 'reminderLog' | 'conversations'>,
): ReminderTask {
  const conversations = new StoredPersonalConversations(stores.conversations);
  const token = config.bot ? botFrameworkToken(config.bot) : async () => null;
  return new ReminderTask({
    repo,
    log: stores.reminderLog,
    sender: new BotConnectorReminderSender({
      conversations,
      serviceUrl: () => conversations.latestServiceUrl(),
      token,
      pacing: { sendsPerSecond: reminders.sendsPerSecond },
    }),
    present: reminderCard,
    policy: reminders.policy,
    calendar: createSchoolCalendar(reminders.schoolDates),
    sendLead: reminders.sendLead,
    logger,
  });
}
