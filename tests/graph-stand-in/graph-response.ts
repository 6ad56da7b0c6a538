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
  body?: unknown;
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
