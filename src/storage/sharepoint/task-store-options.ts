import type { BatchOptions } from './graph-batch';

/** Settings shared by the SharePoint task stores (reminder claims, digest sends, conversation references). */
export interface TaskStoreOptions {
  /** The Graph root the client sends to (`graphRoot(baseUrl)`); needed to follow `@odata.nextLink`. */
  root: string;
  /** `$top` for list reads. Default 200. */
  pageSize?: number;
  batch?: BatchOptions;
}

export const DEFAULT_TASK_PAGE_SIZE = 200;
