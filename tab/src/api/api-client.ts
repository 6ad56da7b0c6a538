import type { Action, ActionPatch, CloseAction, Person } from '@/kernel/action';
import type { ActionRow, CheckInBucket } from '@/kernel/action-page';
import type {
  ActionFacets,
  ActionListReply,
  ChangeFeed,
  CheckInReply,
  DocumentPastReview,
  FacetScope,
  StatutoryDeadlinesReply,
} from '@/api-types';
import type { HistoryEntry } from '@/kernel/history';
import { responseFile, sendRequest } from './send-request';

/** The signed-in member of staff as the server sees them. */
export interface Me {
  id: string;
  name: string;
  email?: string;
  sendTeam: boolean;
}

/** Filters understood by GET /api/actions (and the export routes). */
export type ListParams = Record<string, string | undefined>;

/** The REST API the tab uses. Every write sends the item's `version`; a stale one fails with a 409. */
export interface TrackerApi {
  me(): Promise<Me>;
  /** One page of rows of a view (filters, `q`, `sort`, `dir`, `offset`, `limit`), with the total. */
  listActions(params?: ListParams): Promise<ActionListReply>;
  /** Every item of one pupil, open and archived, whole (the pupil view shows notes and evidence). */
  pupilActions(pupilId: string): Promise<Action[]>;
  /** The pupils and owners of a scope, for the filter pickers. */
  facets(scope: FacetScope): Promise<ActionFacets>;
  checkIn(): Promise<CheckInReply>;
  /** The EHC plans' statutory steps missed, at risk and coming up in six weeks (SEND team). */
  statutoryDeadlines(): Promise<StatutoryDeadlinesReply>;
  /** Current pupil documents past their review date (SEND team; a 404 where documents are not served). */
  documentsPastReview(): Promise<DocumentPastReview[]>;
  /** Which items changed since `cursor` (none the first time: just a cursor for "from now"). */
  changes(cursor: string | null): Promise<ChangeFeed>;
  /** The next rows of one check-in list ("Show more"). */
  checkInMore(bucket: CheckInBucket, offset: number): Promise<ActionRow[]>;
  getAction(id: string): Promise<Action>;
  history(id: string): Promise<HistoryEntry[]>;
  staff(): Promise<Person[]>;
  update(id: string, version: number, patch: ActionPatch): Promise<Action>;
  close(id: string, version: number, close: CloseAction): Promise<Action>;
  reopen(id: string, version: number, note: string): Promise<Action>;
  /** The current view as a file (`csv` or `xlsx`); fetched, not linked, so the SSO token goes with it. */
  exportFile(format: 'csv' | 'xlsx', params: ListParams): Promise<{ blob: Blob; filename: string }>;
}

/** Drops empty values so the server's strict query schema sees only real filters. */
export function toQuery(params: ListParams = {}): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

/**
 * A fetch-based client. `getToken` supplies a Teams SSO token in tenant mode; in local mode it
 * returns null and the server's local identity applies.
 */
export function createApi(getToken: () => Promise<string | null> = async () => null, base = ''): TrackerApi {
  const send = (path: string, init: { method?: string; body?: unknown } = {}) => sendRequest(getToken, `${base}${path}`, init);
  async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    return (await (await send(path, init)).json()) as T;
  }
  const id = encodeURIComponent;
  return {
    me: () => call<Me>('/api/me'),
    listActions: (params) => call<ActionListReply>(`/api/actions${toQuery(params)}`),
    pupilActions: async (pupilId) =>
      (await call<ActionListReply<Action>>(`/api/actions${toQuery({ pupil: pupilId, archived: 'true', detail: 'full', limit: '200' })}`))
        .actions,
    facets: (scope) => call<ActionFacets>(`/api/actions/facets${toQuery({ scope })}`),
    checkIn: () => call<CheckInReply>('/api/check-in'),
    statutoryDeadlines: () => call<StatutoryDeadlinesReply>('/api/check-in/statutory'),
    documentsPastReview: async () => (await call<{ documents: DocumentPastReview[] }>('/api/check-in/documents')).documents,
    changes: (cursor) => call<ChangeFeed>(`/api/actions/changes${toQuery({ cursor: cursor ?? undefined })}`),
    checkInMore: async (bucket, offset) =>
      (await call<ActionListReply>(`/api/actions${toQuery({ bucket, offset: String(offset) })}`)).actions,
    getAction: (actionId) => call<Action>(`/api/actions/${id(actionId)}`),
    history: async (actionId) => (await call<{ history: HistoryEntry[] }>(`/api/actions/${id(actionId)}/history`)).history,
    staff: async () => (await call<{ staff: Person[] }>('/api/staff')).staff,
    update: (actionId, version, patch) => call<Action>(`/api/actions/${id(actionId)}`, { method: 'PATCH', body: { version, patch } }),
    close: (actionId, version, close) => call<Action>(`/api/actions/${id(actionId)}/close`, { method: 'POST', body: { version, close } }),
    reopen: (actionId, version, note) => call<Action>(`/api/actions/${id(actionId)}/reopen`, { method: 'POST', body: { version, note } }),
    exportFile: async (format, params) =>
      responseFile(await send(`/api/actions/export.${format}${toQuery(params)}`), `send-tracker.${format}`),
  };
}
