import { buildNewAction, sencoActor } from '../tests/support/factories';
import { startProvisionedSite } from '../tests/graph-stand-in/provisioned-site';

/** Graph requests counted by the stand-in for one operation. */
export interface RoundTrips {
  /** Outer HTTP requests per operation (`$batch` counts once). */
  requests: Record<string, number>;
  total: number;
  /** Steps carried inside `$batch` requests. */
  batchedSteps: Record<string, number>;
  ms: number;
}

export interface GraphRoundTripFigures {
  save20: RoundTrips;
  save20WithIdempotencyKeys: RoundTrips;
  load: RoundTrips & { items: number; pageSize: number; expectedRequests: number };
}

const LOAD_ITEMS = 10_000;
const PAGE_SIZE = 200;

/**
 * Starts the Graph stand-in on loopback, drives the real SharePoint adapter through the real SDK and
 * reports how many Graph requests each operation costs. List ids are resolved before counting, as a
 * running app has already done.
 */
export async function measureGraphRoundTrips(items = LOAD_ITEMS, pageSize = PAGE_SIZE): Promise<GraphRoundTripFigures> {
  const site = await startProvisionedSite();
  try {
    const repo = site.repository({ pageSize });
    await repo.query();

    async function measure(run: () => Promise<unknown>): Promise<RoundTrips> {
      site.standIn.resetCounts();
      const started = performance.now();
      await run();
      const ms = Math.round(performance.now() - started);
      const requests = site.standIn.requestCounts();
      return { requests, total: Object.values(requests).reduce((a, b) => a + b, 0), batchedSteps: site.standIn.batchedCounts(), ms };
    }

    const twenty = (key?: string) => Array.from({ length: 20 }, (_, i) => buildNewAction({ description: `Bench action ${i}`, ...(key ? { idempotencyKey: `${key}#${i}` } : {}) }));
    const save20 = await measure(() => repo.createMany(twenty(), sencoActor));
    const save20WithIdempotencyKeys = await measure(() => repo.createMany(twenty('bench-msg'), sencoActor));

    // Seed up to `items` through the adapter, 200 per call (the port's maximum per call).
    for (let have = 40; have < items; have += 200) {
      const n = Math.min(200, items - have);
      await repo.createMany(Array.from({ length: n }, () => buildNewAction()), sencoActor);
    }
    const load = await measure(async () => {
      const all = await repo.query({ includeArchived: true });
      if (all.length !== items) throw new Error(`expected ${items} items, read ${all.length}`);
    });
    return { save20, save20WithIdempotencyKeys, load: { ...load, items, pageSize, expectedRequests: Math.ceil(items / pageSize) } };
  } finally {
    await site.standIn.close();
  }
}

if (require.main === module) {
  measureGraphRoundTrips()
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
