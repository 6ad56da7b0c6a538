import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../errors';
import { getAllPages } from './graph-paging';
import { listsPageSchema } from './graph-shapes';
import { ACTIONS_LIST, CONVERSATIONS_LIST, DIGEST_SENDS_LIST, REMINDER_CLAIMS_LIST } from './list-schema';

/** `/sites/{site-id}/lists/{list-id}` of each list the scheduled tasks and the bot use. */
export interface TaskListPaths {
  actions: string;
  reminderClaims: string;
  digestSends: string;
  conversations: string;
}

/**
 * Finds the task lists by display name once (one request, on first use), then addresses them by id,
 * as `SiteLists` does for the action lists. Shared by the three task stores of one instance.
 */
export class TaskLists {
  private resolved?: Promise<TaskListPaths>;

  constructor(
    private readonly client: Client,
    private readonly siteId: string,
    private readonly root: string,
  ) {}

  /** @throws AppError when a list is missing (run `npm run provision`). */
  paths(): Promise<TaskListPaths> {
    this.resolved ??= this.resolve().catch((error: unknown) => {
      this.resolved = undefined;
      throw error;
    });
    return this.resolved;
  }

  private async resolve(): Promise<TaskListPaths> {
    const site = `/sites/${this.siteId}`;
    const lists = await getAllPages(this.client, `${site}/lists?$select=id,displayName`, this.root, listsPageSchema);
    const find = (displayName: string) => {
      const list = lists.find((l) => l.displayName === displayName);
      if (!list) throw new AppError(`The SharePoint list "${displayName}" does not exist on the site. Run \`npm run provision\`.`);
      return `${site}/lists/${list.id}`;
    };
    return {
      actions: find(ACTIONS_LIST.displayName),
      reminderClaims: find(REMINDER_CLAIMS_LIST.displayName),
      digestSends: find(DIGEST_SENDS_LIST.displayName),
      conversations: find(CONVERSATIONS_LIST.displayName),
    };
  }
}
