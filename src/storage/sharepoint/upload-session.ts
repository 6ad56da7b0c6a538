import { GraphError } from '@microsoft/microsoft-graph-client';
import { AppError } from '@/kernel/errors';
import { retryAfterMs, systemClock } from '@/platform/pacing';
import { graphStatus, isConnectionFailure } from './graph-client';

/** Failures in a row before giving up. */
const MAX_RETRIES = 3;
/** A throttle or a server error: worth sending again after a wait. */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/**
 * Sends a file's bytes to an upload session's `uploadUrl` in order, one fragment per PUT with its
 * `Content-Range`, and returns the driveItem the last one answers with. After a throttle, a server
 * error or a dropped connection it asks the session which bytes it still needs (GET `uploadUrl`) and
 * goes on from there, as https://learn.microsoft.com/graph/api/driveitem-createuploadsession
 * ("Resuming an in-progress upload") documents. The URL is pre-authenticated, so no token is sent.
 *
 * By hand, not the SDK's LargeFileUploadTask: that addresses the URL through the SDK's request
 * builder, which takes any URL that is not https as a path under the Graph root, so it could not be
 * run against the loopback stand-in; and it does not resume after a failed fragment.
 */
export async function sendToUploadSession(uploadUrl: string, content: Uint8Array, fragmentBytes: number): Promise<unknown> {
  let start = 0;
  for (let failures = 0; ;) {
    const end = Math.min(start + fragmentBytes, content.length) - 1;
    let res: Response | undefined;
    try {
      res = await fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'Content-Range': `bytes ${start}-${end}/${content.length}` },
        body: content.slice(start, end + 1),
      });
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
    }
    if (res?.status === 200 || res?.status === 201) return res.json();
    if (res?.status === 202) {
      start = nextStart(await res.json());
      failures = 0;
      continue;
    }
    // 416: the session has that range already; asked below what it still lacks.
    if (res && !RETRYABLE.has(res.status) && res.status !== 416) throw new AppError(`SharePoint refused the file (HTTP ${res.status}).`);
    if (++failures > MAX_RETRIES) throw new AppError(`SharePoint did not take the file after ${MAX_RETRIES} tries.`);
    await systemClock.sleep(retryAfterMs(res?.headers.get('retry-after'), systemClock.now()) ?? 500 * 2 ** failures);
    start = nextStart(await (await fetch(uploadUrl)).json());
  }
}

/**
 * Runs a Graph call whose body is a file's bytes, again after a 429 or a 5xx, waiting as Retry-After
 * says. The SDK's RetryHandler never retries a PUT sent as `application/octet-stream` (it takes
 * such a body for a stream it cannot send twice); ours is a buffer, so it can be.
 */
export async function retryThrottled<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const status = graphStatus(error);
      if (status === undefined || !RETRYABLE.has(status) || attempt > MAX_RETRIES) throw error;
      const retryAfter = error instanceof GraphError ? error.headers?.get('retry-after') : null;
      await systemClock.sleep(retryAfterMs(retryAfter, systemClock.now()) ?? 500 * 2 ** attempt);
    }
  }
}

/** The first byte the session still needs, from `nextExpectedRanges` (e.g. `["26-"]`). */
function nextStart(session: unknown): number {
  const [range] = (((session ?? {}) as { nextExpectedRanges?: unknown }).nextExpectedRanges as string[] | undefined) ?? [];
  const start = Number(String(range ?? '').split('-')[0]);
  if (!Number.isInteger(start) || start < 0) throw new AppError('SharePoint answered an upload with no next range.');
  return start;
}
