import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../errors';
import { getAllPages } from './graph-paging';
import { listsPageSchema } from './graph-shapes';
import { ACTIONS_LIST, HISTORY_LIST } from './list-schema';

export interface ListPaths {
  /** `/sites/{site-id}/lists/{list-id}` of the actions list. */
  actions: string;
  history: string;
}

/**
 * Finds the two lists by display name once, then addresses them by id, so a list renamed later in
 * SharePoint keeps working for the life of the process. One request, on first use.
 */
export class SiteLists {
  private resolved?: Promise<ListPaths>;

  constructor(
    private readonly client: Client,
    private readonly siteId: string,
    private readonly root: string,
  ) {}

  /** @throws AppError when a list is missing (run `npm run provision`). */
  paths(): Promise<ListPaths> {
    this.resolved ??= this.resolve().catch((error: unknown) => {
      this.resolved = undefined;
      throw error;
    });
    return this.resolved;
  }

  private async resolve(): Promise<ListPaths> {
    const site = `/sites/${this.siteId}`;
    const lists = await getAllPages(this.client, `${site}/lists?$select=id,displayName`, this.root, listsPageSchema);
    const find = (displayName: string) => {
      const list = lists.find((l) => l.displayName === displayName);
      if (!list) throw new AppError(`The SharePoint list "${displayName}" does not exist on the site. Run \`npm run provision\`.`);
      return `${site}/lists/${list.id}`;
    };
    return { actions: find(ACTIONS_LIST.displayName), history: find(HISTORY_LIST.displayName) };
  }
}
