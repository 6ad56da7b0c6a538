import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  GraphError,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

/** Microsoft Graph's public root; tests point `baseUrl` at the loopback stand-in instead. */
export const GRAPH_BASE_URL = 'https://graph.microsoft.com';
export const GRAPH_VERSION = 'v1.0';

export interface GraphClientOptions {
  authProvider: AuthenticationProvider;
  /** Scheme + host (+ port), no version. Default: the public Graph root. */
  baseUrl?: string;
  /** Seconds to wait before retrying a 429/503/504 that has no Retry-After. Default 1. */
  retryDelaySeconds?: number;
  /** Retries after a 429/503/504 or a dropped connection. Default 3. */
  maxRetries?: number;
}

/**
 * Adds `Authorization: Bearer` to requests for our own Graph root (`{baseUrl}/v1.0/…`) only. The SDK's own
 * AuthenticationHandler recognises https hosts only, so it would never authenticate the loopback stand-in.
 * An upload session's `uploadUrl` is pre-authenticated and must not carry the token
 * (https://learn.microsoft.com/graph/api/driveitem-createuploadsession), so nothing outside the root gets it.
 */
class BearerTokenHandler implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly auth: AuthenticationProvider,
    private readonly root: string,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (url.startsWith(this.root)) {
      const token = await this.auth.getAccessToken();
      context.options = context.options ?? {};
      const headers = context.options.headers;
      if (headers instanceof Headers) headers.set('Authorization', `Bearer ${token}`);
      else context.options.headers = { ...(headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` };
    }
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Retries a request whose connection failed (reset, closed, refused). The SDK's RetryHandler only looks
 * at HTTP status codes, so a dropped connection would otherwise surface as a failure at once.
 * Only requests that never produced a response are retried; the SDK keeps bodies as strings, so re-sending is safe.
 */
class ConnectionRetryHandler implements Middleware {
  private next?: Middleware;
  constructor(private readonly maxRetries: number) {}

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.next!.execute(context);
        return;
      } catch (error) {
        if (!isConnectionFailure(error) || attempt >= this.maxRetries) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * undici's fetch rejects with a TypeError ("fetch failed") for every network-level failure. Checked by
 * shape, not `instanceof Error`, because fetch may come from another realm (as under a test runner's VM context).
 */
export function isConnectionFailure(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'TypeError' && typeof message === 'string' && /fetch failed/i.test(message);
}

/** The HTTP status Graph answered a failed call with; undefined for any other failure (a dropped connection, a bug). */
export function graphStatus(error: unknown): number | undefined {
  return error instanceof GraphError ? error.statusCode : undefined;
}

/** Where the client sends requests: `{baseUrl}/{version}`. */
export function graphRoot(baseUrl: string = GRAPH_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/${GRAPH_VERSION}`;
}

/**
 * A Graph SDK client with: bearer auth, the SDK's RetryHandler (429/503/504, honouring Retry-After on
 * the outer response) and a retry for dropped connections.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
  const maxRetries = options.maxRetries ?? 3;
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: GRAPH_VERSION,
    middleware: [
      new BearerTokenHandler(options.authProvider, `${graphRoot(baseUrl)}/`),
      new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 1, maxRetries)),
      new ConnectionRetryHandler(maxRetries),
      new HTTPMessageHandler(),
    ],
  });
}
