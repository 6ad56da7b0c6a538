/** Graph answers that mean "try again later": throttled, unavailable, gateway timeout. */
const TRANSIENT_STATUS = new Set([429, 503, 504]);

/** Socket-level failures from Node and undici: the request may never have arrived. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * True when `error` says the store could not be reached right now (after the Graph client's own
 * retries), so the same write may succeed later: a Graph SDK `GraphError` with statusCode 429/503/504,
 * a GraphError with statusCode -1 (no response at all), a socket error (ECONNRESET, ETIMEDOUT, UND_ERR_SOCKET, …) on the error or its `cause`, undici's
 * "fetch failed", or an aborted/timed-out request. Checked by shape, not `instanceof`, because errors
 * may come from another realm (fetch under a test runner's VM context). Our own AppErrors
 * (validation, conflict, not found) are never transient.
 */
export function isTransient(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { statusCode, code, name, message } = e as { statusCode?: unknown; code?: unknown; name?: unknown; message?: unknown };
    if (typeof statusCode === 'number' && TRANSIENT_STATUS.has(statusCode)) return true;
    // The Graph SDK wraps a request that got no HTTP response at all (connection dropped, refused)
    // as GraphError with statusCode -1.
    if (statusCode === -1) return true;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    if (name === 'TimeoutError' || name === 'AbortError') return true;
    if (name === 'TypeError' && typeof message === 'string' && /fetch failed/i.test(message)) return true;
  }
  return false;
}
