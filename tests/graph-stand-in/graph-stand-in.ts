import http from 'node:http';
import { runBatch } from './batch';
import { driveOperationOf, driveRoute, fileHostRoute, hasBinaryBody, isDrivePath, isFileHostPath } from './drive-routes';
import { FaultPlan, faultResponse, type FaultSpec } from './faults';
import { graphError, type StandInRequest, type StandInResponse } from './graph-response';
import { operationOf, route } from './router';
import { SiteStore } from './site-store';
import { isTeamworkPath, teamworkOperationOf, teamworkRoute, TeamworkStore } from './teamwork-routes';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

/** One request the stand-in answered (outer HTTP request, or one step of a `$batch`). */
export interface LoggedRequest {
  operation: string;
  method: string;
  path: string;
  inBatch: boolean;
  status: number;
  /** `Date.now()` when it arrived. */
  at: number;
}

export interface GraphStandIn {
  /** Pass as the Graph SDK's `baseUrl`; requests go to `{baseUrl}/v1.0/...`. */
  baseUrl: string;
  siteId: string;
  token: string;
  store: SiteStore;
  /** The tenant's Teams app catalog and who has which app installed (for proactive installation). */
  teamwork: TeamworkStore;
  /** Queue a fault for the next matching requests. */
  inject(fault: FaultSpec): void;
  /**
   * Runs `hook` once, just before the next request of `operation` is handled (after it arrived):
   * lets a test put a concurrent writer exactly between a read and a write.
   */
  beforeNext(operation: string, hook: () => Promise<void> | void): void;
  /** Outer HTTP requests per operation since the last reset (a `$batch` counts once, as `$batch`). */
  requestCounts(): Record<string, number>;
  /** Steps inside `$batch` requests, per operation. */
  batchedCounts(): Record<string, number>;
  log: LoggedRequest[];
  resetCounts(): void;
  close(): Promise<void>;
}

export interface StandInOptions {
  siteId?: string;
  /** The bearer token the stand-in accepts. */
  token?: string;
}

function tally(log: LoggedRequest[], inBatch: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of log) if (entry.inBatch === inBatch) counts[entry.operation] = (counts[entry.operation] ?? 0) + 1;
  return counts;
}

/** The body as JSON, or as bytes where it is a file's (an upload). */
async function readBody(req: http.IncomingMessage, binary: boolean): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  if (binary) return bytes;
  const text = bytes.toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/**
 * Starts a Graph-compatible HTTP server on 127.0.0.1 (port 0) holding one SharePoint site in memory.
 * Faithful to the documented behaviour the SharePoint adapter relies on; each behaviour cites its page.
 */
export async function startGraphStandIn(options: StandInOptions = {}): Promise<GraphStandIn> {
  const siteId = options.siteId ?? 'oakfield.sharepoint.example,11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222';
  const token = options.token ?? 'stand-in-token';
  const store = new SiteStore(siteId);
  const teamwork = new TeamworkStore();
  const operationFor = (method: string, path: string) =>
    isTeamworkPath(path)
      ? teamworkOperationOf(method, path)
      : isDrivePath(path) || isFileHostPath(path)
        ? driveOperationOf(method, path)
        : operationOf(method, path);
  const routeOf = (req: StandInRequest) =>
    isTeamworkPath(req.path) ? teamworkRoute(teamwork, req) : isDrivePath(req.path) ? driveRoute(store, req) : route(store, req);
  const faults = new FaultPlan();
  const log: LoggedRequest[] = [];
  const hooks: { operation: string; hook: () => Promise<void> | void }[] = [];

  const runStep = (req: StandInRequest): StandInResponse => {
    const operation = operationFor(req.method, req.path);
    const at = Date.now();
    const fault = faults.take('batch-item', operation);
    // A lost reply is carried out first; the other faults stop the step (a drop means nothing inside a batch).
    if (fault?.kind === 'lost-reply') routeOf(req);
    const res = fault && fault.kind !== 'drop' ? faultResponse(fault) : routeOf(req);
    log.push({ operation, method: req.method, path: req.path, inBatch: true, status: res.status, at });
    return res;
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const version = /^\/(v1\.0|beta)(\/.*)$/.exec(url.pathname);
      const path = version?.[2] ?? url.pathname;
      const method = req.method ?? 'GET';
      const operation = operationFor(method, path);
      const at = Date.now();
      const hookIndex = hooks.findIndex((h) => h.operation === operation);
      if (hookIndex >= 0) await hooks.splice(hookIndex, 1)[0]!.hook();
      const fault = faults.take('request', operation);
      if (fault?.kind === 'drop') {
        log.push({ operation, method, path, inBatch: false, status: 0, at });
        req.socket.destroy();
        return;
      }
      let response: StandInResponse;
      let body: unknown;
      try {
        body = await readBody(req, hasBinaryBody(method, path));
      } catch {
        body = Symbol('unparseable');
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const standInReq: StandInRequest = {
        method,
        path,
        query: url.searchParams,
        headers,
        body,
        root: `http://${req.headers.host}/${version?.[1] ?? 'v1.0'}`,
      };
      if (fault) response = faultResponse(fault);
      // A file's bytes go to and come from pre-authenticated URLs outside the Graph root: no bearer token.
      else if (!version && isFileHostPath(path) && typeof body !== 'symbol') response = fileHostRoute(store, standInReq);
      // https://learn.microsoft.com/graph/auth/auth-concepts: every call carries `Authorization: Bearer {token}`.
      else if (headers.authorization !== `Bearer ${token}`)
        response = graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
      else if (!version) response = graphError(400, 'BadRequest', 'Invalid version.');
      else if (typeof body === 'symbol') response = graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
      else {
        response = operation === '$batch' && method === 'POST' ? runBatch(standInReq, runStep) : routeOf(standInReq);
      }
      log.push({ operation, method, path, inBatch: false, status: response.status, at });
      res.writeHead(response.status, response.headers);
      res.end(response.raw ?? (response.body === undefined ? undefined : JSON.stringify(response.body)));
    })();
  });
  const { port } = await listenOnLoopback(server);

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    siteId,
    token,
    store,
    teamwork,
    inject: (fault) => faults.add(fault),
    beforeNext: (operation, hook) => {
      hooks.push({ operation, hook });
    },
    requestCounts: () => tally(log, false),
    batchedCounts: () => tally(log, true),
    log,
    resetCounts: () => {
      log.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
