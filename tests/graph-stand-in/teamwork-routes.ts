import { graphError, json, type StandInRequest, type StandInResponse } from './graph-response';

/** An app in the organisation's catalog: https://learn.microsoft.com/graph/api/resources/teamsapp */
export interface CatalogApp {
  /** The catalog's own id (`teamsAppId`): not the manifest id. */
  id: string;
  /** The id in the app's manifest. */
  externalId: string;
  displayName: string;
  distributionMethod: 'organization' | 'store' | 'sideloaded';
}

/**
 * Teams app installations in users' personal scope, as Graph's `userTeamwork` resource keeps them.
 * `blocked` plays a tenant whose app setup policy (or missing consent) refuses installs for those users.
 */
export class TeamworkStore {
  readonly catalog: CatalogApp[] = [];
  /** User id -> catalog app ids installed for them. */
  readonly installs = new Map<string, Set<string>>();
  readonly blocked = new Set<string>();

  /** The bot's Entra app id, as Graph writes it into a personal chat's id. */
  constructor(readonly botAppId = '5c0a1b2e-0000-4000-8000-00000000b07a') {}

  installedFor(userId: string): string[] {
    return [...(this.installs.get(userId) ?? [])];
  }

  install(userId: string, catalogId: string): void {
    this.installs.set(userId, new Set([...this.installedFor(userId), catalogId]));
  }
}

const USER_APPS = /^\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)(?:\/(chat))?)?\/?$/;

/** True for the paths this file answers (the rest of the stand-in serves SharePoint sites). */
export const isTeamworkPath = (path: string) => USER_APPS.test(path);

/** Operation names for request counts, as the site routes name theirs. */
export function teamworkOperationOf(method: string, path: string): string {
  const m = USER_APPS.exec(path)!;
  if (m[3]) return 'get installation chat';
  if (m[2]) return `${method.toLowerCase()} installation`;
  return method === 'POST' ? 'install app for user' : 'list user apps';
}

/** Graph's installation ids are base64 of `{user id}##{teams app id}` (see the examples on the pages below). */
const installationId = (userId: string, catalogId: string) => Buffer.from(`${userId}##${catalogId}`).toString('base64');

/**
 * `$filter=teamsApp/id eq '…'` or `teamsApp/externalId eq '…'`: the two filters Microsoft's proactive
 * installation guide uses. Anything else is refused, so a query the app relies on cannot pass untested.
 */
function filterOf(req: StandInRequest): ((app: CatalogApp) => boolean) | StandInResponse {
  const filter = req.query.get('$filter');
  if (!filter) return () => true;
  const m = /^teamsApp\/(id|externalId) eq '([^']*)'$/.exec(filter.trim());
  if (!m) return graphError(400, 'BadRequest', `Invalid filter clause: ${filter}`);
  const [, field, value] = m as unknown as [string, 'id' | 'externalId', string];
  return (app) => app[field] === value;
}

/**
 * GET    /users/{id}/teamwork/installedApps[?$expand=teamsApp&$filter=…]
 *        https://learn.microsoft.com/graph/api/userteamwork-list-installedapps
 * POST   /users/{id}/teamwork/installedApps  { "teamsApp@odata.bind": ".../appCatalogs/teamsApps/{id}" }
 *        201 Created, no body: https://learn.microsoft.com/graph/api/userteamwork-post-installedapps
 * GET    /users/{id}/teamwork/installedApps/{installation-id}/chat  -> { id: "19:…@unq.gbl.spaces" }
 *        https://learn.microsoft.com/graph/api/userscopeteamsappinstallation-get-chat
 * A second install of the same app is a 409 Conflict (Graph's error for an existing installation).
 */
export function teamworkRoute(store: TeamworkStore, req: StandInRequest): StandInResponse {
  const [, rawUser, rawInstallation, chat] = USER_APPS.exec(req.path)!;
  const userId = decodeURIComponent(rawUser!);
  if (!rawInstallation) {
    if (req.method === 'GET') {
      const keep = filterOf(req);
      if (typeof keep !== 'function') return keep;
      const expandApp = (req.query.get('$expand') ?? '').split(',').includes('teamsApp');
      const apps = store.installedFor(userId).flatMap((id) => store.catalog.filter((a) => a.id === id));
      const value = apps.filter(keep).map((app) => ({ id: installationId(userId, app.id), ...(expandApp ? { teamsApp: app } : {}) }));
      return json(200, { '@odata.context': `${req.root}/$metadata#users('${userId}')/teamwork/installedApps`, value });
    }
    if (req.method !== 'POST') return graphError(405, 'BadRequest', 'Method not allowed');
    const bind = (req.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    const catalogId = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
    if (!catalogId) return graphError(400, 'BadRequest', 'teamsApp@odata.bind must name an app in appCatalogs/teamsApps.');
    if (store.blocked.has(userId)) return graphError(403, 'Forbidden', 'The app is blocked for this user by the tenant’s app policy.');
    if (!store.catalog.some((a) => a.id === catalogId)) return graphError(404, 'NotFound', 'The app was not found in the catalog.');
    if (store.installedFor(userId).includes(catalogId)) return graphError(409, 'Conflict', 'The app is already installed for this user.');
    store.install(userId, catalogId);
    return { status: 201, headers: {} };
  }
  const installation = decodeURIComponent(rawInstallation);
  const catalogId = store.installedFor(userId).find((id) => installationId(userId, id) === installation);
  if (!catalogId) return graphError(404, 'NotFound', 'The app installation was not found.');
  if (!chat || req.method !== 'GET') return graphError(405, 'BadRequest', 'Method not allowed');
  return json(200, {
    '@odata.context': `${req.root}/$metadata#chats/$entity`,
    id: `19:${store.botAppId}_${userId}@unq.gbl.spaces`,
  });
}
