import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';
import { ForbiddenError } from '@/kernel/errors';
import { isLoopbackAddress } from '@/platform/loopback';

// Comparing digests keeps the comparison constant-time whatever the length of the key sent.
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may trigger a scheduled task over HTTP: in embedded mode only this machine (loopback); in
 * tenant mode only a caller presenting the shared secret in `x-task-key`. Without a key the route is closed.
 * @throws ForbiddenError
 */
export function assertMayTriggerTask(req: Request, mode: 'embedded' | 'tenant', taskKey: string | null): void {
  if (mode === 'embedded') {
    if (!isLoopbackAddress(req.socket.remoteAddress)) throw new ForbiddenError('Tasks can be triggered only from this machine.');
    return;
  }
  const given = req.headers['x-task-key'];
  if (!taskKey || typeof given !== 'string' || !timingSafeEqual(digest(given), digest(taskKey))) {
    throw new ForbiddenError('A valid x-task-key header is required.');
  }
}
