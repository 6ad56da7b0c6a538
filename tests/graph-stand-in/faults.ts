import { graphError, type StandInResponse } from './graph-response';

/**
 * What a test can make the stand-in do to the next requests.
 * - `throttle`: 429 Too Many Requests with `Retry-After` (seconds).
 *   https://learn.microsoft.com/graph/throttling ("Retry-After" header; the same applies per request inside a batch:
 *   https://learn.microsoft.com/graph/throttling#throttling-and-batching)
 * - `unavailable`: 503 Service Unavailable, which Graph also sends with `Retry-After`.
 *   https://learn.microsoft.com/graph/best-practices-concept#handling-expected-errors
 * - `drop`: the TCP connection is destroyed before any processing (a network failure; outer requests only).
 * - `lost-reply` (inside a `$batch` only): the step is carried out, then answered 500 generalException, as when a gateway
 *   fails after SharePoint committed (https://learn.microsoft.com/graph/errors: 500 "There is an internal
 *   server error while processing the request"). A caller must not take the status as "not saved".
 * - `forbidden`: 403 accessDenied, as Graph answers a call the app's permissions do not cover.
 *   https://learn.microsoft.com/graph/errors ("403 Forbidden: Access is denied to the requested resource")
 */
export type FaultKind = 'throttle' | 'unavailable' | 'drop' | 'forbidden' | 'lost-reply';

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests it hits. Default 1. */
  count?: number;
  retryAfterSeconds?: number;
  /** `request` = the HTTP request itself; `batch-item` = individual requests inside a `$batch`. Default `request`. */
  scope?: 'request' | 'batch-item';
  /** Only requests of this operation (see `operationOf`), e.g. `create item` or `$batch`. */
  operation?: string;
}

interface PendingFault extends Required<Omit<FaultSpec, 'operation'>> {
  operation?: string;
}

export class FaultPlan {
  private readonly pending: PendingFault[] = [];

  add(spec: FaultSpec): void {
    this.pending.push({ count: 1, retryAfterSeconds: 1, scope: 'request', ...spec });
  }

  clear(): void {
    this.pending.length = 0;
  }

  /** The fault to apply to this request, if any, using up one of its count. */
  take(scope: 'request' | 'batch-item', operation: string): PendingFault | undefined {
    const fault = this.pending.find((f) => f.scope === scope && (f.operation === undefined || f.operation === operation));
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) this.pending.splice(this.pending.indexOf(fault), 1);
    return fault;
  }
}

/** The error response for a fault (a `lost-reply` is sent after the request was carried out). */
export function faultResponse(fault: PendingFault): StandInResponse {
  if (fault.kind === 'forbidden') return graphError(403, 'accessDenied', 'Access denied. Check credentials and try again.');
  if (fault.kind === 'lost-reply') return graphError(500, 'generalException', 'An unspecified error has occurred.');
  const retryAfter = { 'retry-after': String(fault.retryAfterSeconds) };
  return fault.kind === 'throttle'
    ? graphError(429, 'TooManyRequests', 'Too many requests. Please retry after the time in the Retry-After header.', retryAfter)
    : graphError(
        503,
        'serviceNotAvailable',
        'The service is temporarily unavailable. Please retry after the time in the Retry-After header.',
        retryAfter,
      );
}
