import { retryAfterMs } from '@/platform/pacing';
import type { Client } from '@microsoft/microsoft-graph-client';
import { batchResponseSchema, parseGraph, type BatchStepResponse } from './graph-shapes';

/** Graph's JSON batching limit. https://learn.microsoft.com/graph/json-batching */
export const MAX_BATCH_STEPS = 20;

/** One request inside a `$batch`; `url` is relative to the version root, e.g. `/sites/{id}/lists/{id}/items`. */
export interface BatchStep {
  id: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Ids of steps in the same chunk of 20 that must succeed first (Graph answers 424 otherwise). */
  dependsOn?: string[];
}

export interface BatchOptions {
  /** Rounds of re-sending throttled steps. Default 5. */
  maxRounds?: number;
  /** Wait when a throttled step carries no Retry-After. Default 1 s. */
  defaultRetryAfterSeconds?: number;
}

const RETRYABLE = new Set([429, 503, 504]);

function retryAfterSeconds(response: BatchStepResponse, fallback: number): number {
  const header = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  const ms = retryAfterMs(header, Date.now());
  return ms === null ? fallback : ms / 1000;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Sends `steps` as `$batch` requests of at most 20 and returns the final response of every step by id.
 * The SDK's RetryHandler sees only the outer 200, so steps answered 429/503/504 (and steps that failed
 * only because such a step was their dependency, 424) are re-sent here after the longest Retry-After
 * among them. Steps that succeeded are never re-sent, so nothing is duplicated.
 * https://learn.microsoft.com/graph/throttling#throttling-and-batching
 */
export async function executeBatch(
  client: Client,
  steps: BatchStep[],
  options: BatchOptions = {},
): Promise<Map<string, BatchStepResponse>> {
  const maxRounds = options.maxRounds ?? 5;
  const fallback = options.defaultRetryAfterSeconds ?? 1;
  const results = new Map<string, BatchStepResponse>();
  let pending = steps;
  for (let round = 1; pending.length > 0; round++) {
    for (const part of chunk(pending, MAX_BATCH_STEPS)) {
      const raw: unknown = await client.api('/$batch').post({ requests: part });
      for (const response of parseGraph(batchResponseSchema, raw, 'batch response').responses) results.set(response.id, response);
    }
    const retry = pending.filter((step) => {
      const status = results.get(step.id)?.status;
      if (status === undefined || RETRYABLE.has(status)) return true;
      return status === 424 && (step.dependsOn ?? []).some((dep) => RETRYABLE.has(results.get(dep)?.status ?? 0));
    });
    if (retry.length === 0 || round >= maxRounds) break;
    // 424s carry no Retry-After of their own: the wait is set by the throttled steps they depend on.
    const waits = retry
      .filter((step) => results.get(step.id)?.status !== 424)
      .map((step) => {
        const response = results.get(step.id);
        return response ? retryAfterSeconds(response, fallback) : fallback;
      });
    const wait = Math.max(0, ...waits);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    // A dependency that has since succeeded is no longer in the batch, so Graph must not wait for it.
    pending = retry.map((step) => ({ ...step, dependsOn: step.dependsOn?.filter((dep) => retry.some((s) => s.id === dep)) }));
    for (const step of pending) if (step.dependsOn?.length === 0) delete step.dependsOn;
  }
  return results;
}
