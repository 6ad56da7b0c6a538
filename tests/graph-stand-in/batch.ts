import { graphError, json, type StandInRequest, type StandInResponse } from './graph-response';

/** Graph runs at most 20 requests per `$batch`. https://learn.microsoft.com/graph/json-batching#batch-size-limitations */
export const MAX_BATCH_REQUESTS = 20;

interface BatchStep {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** Runs one step; the server applies faults and counting. */
export type StepRunner = (req: StandInRequest) => StandInResponse;

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

/**
 * POST /$batch with `{ requests: [{ id, method, url, headers?, body?, dependsOn? }] }`
 * -> 200 `{ responses: [{ id, status, headers, body }] }`.
 * https://learn.microsoft.com/graph/json-batching
 * - `url` is relative to the version root; a `body` needs a `Content-Type` header.
 * - Each step succeeds or fails on its own: one 429 inside a batch does not fail the others, and the
 *   outer response is still 200 ("Throttling and batching", https://learn.microsoft.com/graph/throttling#throttling-and-batching).
 * - A step whose `dependsOn` step failed gets 424 Failed Dependency.
 * - Responses may come back in any order: this stand-in returns them reversed so callers must match by `id`.
 */
export function runBatch(req: StandInRequest, runStep: StepRunner): StandInResponse {
  const requests = (req.body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  if (requests.length > MAX_BATCH_REQUESTS)
    return graphError(400, 'BadRequest', `Exceeded maximum number of ${MAX_BATCH_REQUESTS} requests in a batch.`);
  const steps = requests as BatchStep[];
  const ids = new Set(steps.map((s) => s.id));
  if (ids.size !== steps.length || steps.some((s) => typeof s.id !== 'string' || !s.method || typeof s.url !== 'string')) {
    return graphError(400, 'BadRequest', 'Each batch request needs a unique id, a method and a url.');
  }
  if (steps.some((s) => s.body !== undefined && !lowerKeys(s.headers)['content-type'])) {
    return graphError(400, 'BadRequest', 'Content-Type header must be specified for a request with a body.');
  }

  const results = new Map<string, StandInResponse>();
  for (const step of steps) {
    const failedDependency = (step.dependsOn ?? []).find((id) => {
      const dep = results.get(id);
      return !dep || dep.status >= 400;
    });
    if (failedDependency !== undefined) {
      results.set(step.id, graphError(424, 'failedDependency', `Request ${step.id} depends on request ${failedDependency}, which failed.`));
      continue;
    }
    const url = new URL(step.url.startsWith('/') ? step.url : `/${step.url}`, 'http://batch.invalid');
    results.set(
      step.id,
      runStep({
        method: step.method.toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: lowerKeys(step.headers),
        body: step.body,
        root: req.root,
      }),
    );
  }
  const responses = [...steps].reverse().map((step) => {
    const r = results.get(step.id)!;
    return { id: step.id, status: r.status, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) };
  });
  return json(200, { responses });
}
