import type restify from 'restify';
import type { ActionRepository } from '@/kernel/ports/action-repository';

/** Longer than App Service waits for a healthy answer is pointless: the Graph client's retries are cut short here. */
const STORE_CHECK_MS = 5_000;

export interface HealthDeps {
  mode: 'embedded' | 'tenant';
  repo: ActionRepository;
  /** The outbox depth, when writes can wait in one (SharePoint behind the outbox); rejects when the outbox cannot be reached. */
  outboxDepth?: () => Promise<number>;
}

/** Resolves true when `check` settles successfully within `ms`. */
async function within(ms: number, check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      check().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /api/health`: readiness for App Service's health check (infra/azure.bicep `healthCheckPath`)
 * and for people. 503 takes the instance out of the load balancer, so it is kept for what that
 * fixes: this instance cannot keep a write (the store, or the outbox in front of it, cannot be
 * reached). SharePoint down behind a reachable outbox is `degraded` and 200: writes wait in the
 * outbox, and every instance would fail alike, so replacing this one would not help.
 * The store check asks for the change feed's cursor (one cheap read: a delta `token=latest` on
 * SharePoint). Nothing in the answer names a pupil or a person.
 */
export function registerHealthRoute(server: restify.Server, deps: HealthDeps): void {
  server.get('/api/health', async (_req, res) => {
    let pending: number | null = null;
    const [storeReachable, outboxReachable] = await Promise.all([
      within(STORE_CHECK_MS, () => deps.repo.changesSince(null)),
      !deps.outboxDepth || within(STORE_CHECK_MS, async () => (pending = await deps.outboxDepth!())),
    ]);
    const canKeepWrites = storeReachable || (deps.outboxDepth !== undefined && outboxReachable);
    const status = !canKeepWrites ? 'unavailable' : storeReachable && outboxReachable ? 'ok' : 'degraded';
    res.json(canKeepWrites ? 200 : 503, {
      status,
      mode: deps.mode,
      store: storeReachable ? 'reachable' : 'unreachable',
      ...(deps.outboxDepth ? { outbox: outboxReachable ? { reachable: true, pending } : { reachable: false } } : {}),
    });
  });
}
