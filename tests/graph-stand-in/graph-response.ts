/** One request as the stand-in's router sees it, whether it came over HTTP or inside a `$batch`. */
export interface StandInRequest {
  method: string;
  /** Path after the version segment, e.g. `/sites/{id}/lists`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: unknown;
  /** `http://127.0.0.1:port/v1.0`, for absolute `@odata.nextLink`s. */
  root: string;
}

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is: a file's bytes. */
  raw?: Buffer;
}

/**
 * Graph's error body: `{ error: { code, message, innerError } }`.
 * https://learn.microsoft.com/graph/errors
 */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): StandInResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': crypto.randomUUID() } } },
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): StandInResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

/**
 * One page of a collection: `$top` (or the server's own size) from the `$skiptoken` offset, and an
 * absolute `@odata.nextLink` carrying the next `$skiptoken` and the rest of the query while more remain.
 * Graph pages any collection at its discretion: https://learn.microsoft.com/graph/paging
 */
export function collectionPage(values: unknown[], req: StandInRequest, serverPageSize: number): StandInResponse {
  const top = Number(req.query.get('$top') ?? serverPageSize);
  if (!Number.isInteger(top) || top < 1) return graphError(400, 'invalidRequest', 'Invalid $top value');
  const skipToken = req.query.get('$skiptoken');
  const offset = skipToken ? Number(Buffer.from(skipToken, 'base64url').toString()) : 0;
  if (!Number.isInteger(offset) || offset < 0) return graphError(400, 'invalidRequest', 'Invalid $skiptoken');
  const body: Record<string, unknown> = { value: values.slice(offset, offset + top) };
  if (offset + top < values.length) {
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', Buffer.from(String(offset + top)).toString('base64url'));
    body['@odata.nextLink'] = `${req.root}${req.path}?${next.toString()}`;
  }
  return json(200, body);
}
