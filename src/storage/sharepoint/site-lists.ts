import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '@/kernel/errors';
import { getAllPages } from './graph-paging';
import { listsPageSchema } from './graph-shapes';
import {
  ACTIONS_LIST,
  CONVERSATIONS_LIST,
  DIGEST_SENDS_LIST,
  HISTORY_LIST,
  INTERVENTIONS_LIST,
  EHC_PLAN_VERSIONS_LIST,
  EHC_PLANS_LIST,
  PASSPORT_VERSIONS_LIST,
  PASSPORTS_LIST,
  PUPIL_RECORDS_LIBRARY,
  REGISTER_PUPILS_LIST,
  REGISTER_SNAPSHOTS_LIST,
  REGISTER_IMPORTS_LIST,
  REGISTER_SETTINGS_LIST,
  REMINDER_CLAIMS_LIST,
  REMINDER_RUNS_LIST,
  ROLE_HISTORY_LIST,
  ROLES_LIST,
} from './list-schema';

/**
 * Finds lists by display name once (one request, on first use), then addresses them by id as
 * `/sites/{site-id}/lists/{list-id}`, so a list renamed later in SharePoint keeps working for the
 * life of the process. A failed lookup is retried on the next call.
 */
export class SiteLists<Name extends string> {
  private resolved?: Promise<Record<Name, string>>;

  constructor(
    private readonly client: Client,
    private readonly siteId: string,
    private readonly root: string,
    private readonly displayNames: Record<Name, string>,
  ) {}

  /** @throws AppError when a list is missing (run `npm run provision`). */
  paths(): Promise<Record<Name, string>> {
    this.resolved ??= this.resolve().catch((error: unknown) => {
      this.resolved = undefined;
      throw error;
    });
    return this.resolved;
  }

  private async resolve(): Promise<Record<Name, string>> {
    const site = `/sites/${this.siteId}`;
    const lists = await getAllPages(this.client, `${site}/lists?$select=id,displayName`, this.root, listsPageSchema);
    const entries = Object.entries<string>(this.displayNames).map(([name, displayName]) => {
      const list = lists.find((l) => l.displayName === displayName);
      if (!list) throw new AppError(`The SharePoint list "${displayName}" does not exist on the site. Run \`npm run provision\`.`);
      return [name, `${site}/lists/${list.id}`];
    });
    return Object.fromEntries(entries) as Record<Name, string>;
  }
}

/** The lists the action repository uses. */
export const ACTION_LISTS = { actions: ACTIONS_LIST.displayName, history: HISTORY_LIST.displayName };

/** The lists the scheduled tasks and the bot use, shared by the three task stores of one instance. */
export const TASK_LISTS = {
  actions: ACTIONS_LIST.displayName,
  reminderClaims: REMINDER_CLAIMS_LIST.displayName,
  digestSends: DIGEST_SENDS_LIST.displayName,
  reminderRuns: REMINDER_RUNS_LIST.displayName,
  conversations: CONVERSATIONS_LIST.displayName,
};

export type TaskLists = SiteLists<keyof typeof TASK_LISTS>;

/** The lists the register, intervention, passport, EHC plan and role stores use, shared by one instance's stores. */
export const REGISTER_LISTS = {
  pupils: REGISTER_PUPILS_LIST.displayName,
  snapshots: REGISTER_SNAPSHOTS_LIST.displayName,
  imports: REGISTER_IMPORTS_LIST.displayName,
  settings: REGISTER_SETTINGS_LIST.displayName,
  interventions: INTERVENTIONS_LIST.displayName,
  passports: PASSPORTS_LIST.displayName,
  passportVersions: PASSPORT_VERSIONS_LIST.displayName,
  ehcPlans: EHC_PLANS_LIST.displayName,
  ehcPlanVersions: EHC_PLAN_VERSIONS_LIST.displayName,
  roles: ROLES_LIST.displayName,
  roleHistory: ROLE_HISTORY_LIST.displayName,
};

export type RegisterListName = keyof typeof REGISTER_LISTS;

/**
 * The pupil records library, looked up on its own: a site not yet provisioned with it (an upgrade
 * before `npm run provision`) loses only the documents, never the register.
 */
export const DOCUMENT_LISTS = { documents: PUPIL_RECORDS_LIBRARY.displayName };
export type DocumentLists = SiteLists<keyof typeof DOCUMENT_LISTS>;
export type RegisterLists = SiteLists<RegisterListName>;
