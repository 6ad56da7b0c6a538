import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '@/platform/logger';
import { isLoopbackAddress } from '@/platform/loopback';

/**
 * Drives the Teams SDK from our restify server. The SDK calls `registerRoute('POST', '/api/messages', …)`
 * while it initialises; `mount` then adds those routes to the restify server (whose bodyParser has
 * already parsed the JSON). The SDK never starts or stops a server of its own.
 *
 * `loopbackOnly` is for embedded mode, where the SDK accepts unauthenticated requests: only callers
 * on this machine (the Agents Playground, tests) get through, judged by the socket's address and
 * never by headers such as X-Forwarded-For; anyone else gets 401.
 */
export class RestifyAdapter implements IHttpServerAdapter {
  private readonly routes: { path: string; handler: HttpRouteHandler }[] = [];

  constructor(private readonly options: { loopbackOnly: boolean; logger: Logger }) {}

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    if (method !== 'POST') throw new Error(`RestifyAdapter: unsupported method ${String(method)}`);
    this.routes.push({ path, handler });
  }

  /** Adds every registered route to `server`. */
  mount(server: Server): void {
    for (const { path, handler } of this.routes) {
      server.post(path, async (req: Request, res: Response) => {
        if (this.options.loopbackOnly && !isLoopbackAddress(req.socket.remoteAddress)) {
          this.options.logger.warn({ path }, 'bot request from a non-loopback address refused (embedded mode)');
          res.json(401, { error: 'unauthorized', message: 'In embedded mode this endpoint only accepts requests from this machine.' });
          return;
        }
        // The SDK reads `body.type` before anything else: an empty, null or non-object body would be a 500 inside it.
        if (!isActivityShaped(req.body)) {
          res.json(400, { error: 'bad_request', message: 'The body must be a Bot Framework activity (a JSON object with a type).' });
          return;
        }
        const result = await handler({ body: req.body, headers: req.headers as Record<string, string | string[]> });
        if (result.body === undefined || result.body === null) res.send(result.status);
        else res.json(result.status, result.body);
      });
    }
  }
}

/** A JSON object with a string `type`: the least the Teams SDK needs to route an activity. */
function isActivityShaped(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && typeof (body as { type?: unknown }).type === 'string';
}
