import { GraphError } from '@microsoft/microsoft-graph-client';
import { AppError } from '@/kernel/errors';
import { retryAfterMs } from '@/platform/pacing';
import { graphStatus, isConnectionFailure } from './graph-client';

export interface UploadSessionOptions {
  /** Bytes per PUT: a multiple of 320 KiB, at most 60 MiB. */
  fragmentBytes: number;
  /** Failures in a row before giving up. Default 3. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** 429 and 5xx are worth trying again; 416 means the session has the range already, so it is asked what it lacks. */
const RESUMABLE = new Set([416, 429, 500, 502, 503, 504]);

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
export async function sendToUploadSession(uploadUrl: string, content: Uint8Array, options: UploadSessionOptions): Promise<unknown> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  let start = 0;
  for (let failures = 0; ;) {
    const end = Math.min(start + options.fragmentBytes, content.length) - 1;
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
    if (res && !RESUMABLE.has(res.status)) throw new AppError(`SharePoint refused the file (HTTP ${res.status}).`);
    if (++failures > maxRetries) throw new AppError(`SharePoint did not take the file after ${maxRetries} tries.`);
    await sleep(retryAfterMs(res?.headers.get('retry-after'), Date.now()) ?? 500 * 2 ** failures);
    start = nextStart(await (await fetch(uploadUrl)).json());
  }
}

/**
 * Runs a Graph call whose body is a file's bytes, again after a 429 or a 5xx, waiting as Retry-After
 * says. The SDK's RetryHandler never retries a PUT sent as `application/octet-stream` (it takes
 * such a body for a stream it cannot send twice); ours is a buffer, so it can be.
 */
export async function retryThrottled<T>(
  send: () => Promise<T>,
  options: Pick<UploadSessionOptions, 'maxRetries' | 'sleep'> = {},
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const status = graphStatus(error);
      if (status === undefined || !RESUMABLE.has(status) || status === 416 || attempt > maxRetries) throw error;
      const retryAfter = error instanceof GraphError ? error.headers?.get('retry-after') : null;
      await sleep(retryAfterMs(retryAfter, Date.now()) ?? 500 * 2 ** attempt);
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
