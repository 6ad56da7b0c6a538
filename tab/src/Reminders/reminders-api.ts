import type { InstallReply, ReminderRunsReply } from '@/api-types';
import type { ReminderRunSummary } from '@/kernel/ports/reminder-run-log';
import { sendRequest, type GetToken } from '@tab/api/send-request';

/** The Reminders panel's routes (SEND team only). */
export interface RemindersApi {
  /** The recent runs, newest first, and whether this server can install the app for someone. */
  runs(): Promise<ReminderRunsReply>;
  /** Runs the reminders now: only what has not gone out yet is sent. */
  runNow(): Promise<ReminderRunSummary>;
  /** Installs the app for someone a recent run could not reach. @throws ApiError 404 for anyone else */
  install(personId: string): Promise<InstallReply>;
}

/** @throws ApiError (403 outside the SEND team) */
export function createRemindersApi(getToken: GetToken): RemindersApi {
  const json = async <T>(path: string, init?: { method: string; body?: unknown }) =>
    (await (await sendRequest(getToken, path, init)).json()) as T;
  return {
    runs: () => json('/api/reminders/runs'),
    runNow: () => json('/api/reminders/run', { method: 'POST' }),
    install: (personId) => json('/api/reminders/install', { method: 'POST', body: { personId } }),
  };
}
