import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '@/kernel/errors';
import { executeBatch, type BatchOptions, type BatchStep } from './graph-batch';
import type { BatchStepResponse } from './graph-shapes';

interface Queued {
  step: Omit<BatchStep, 'id' | 'dependsOn'>;
  resolve: (response: BatchStepResponse) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces independent writes made in the same turn of the event loop into `$batch` requests.
 * The reminder task settles an owner's reminders with `Promise.all(record(...))`: one request per
 * 20 writes instead of one per reminder. Each caller still gets its own step's response.
 */
export class BatchWriter {
  private queue: Queued[] = [];

  constructor(
    private readonly client: Client,
    private readonly options: BatchOptions = {},
  ) {}

  /** Queues one write; resolves with its step response (any status), rejects only if the batch itself failed. */
  send(step: Omit<BatchStep, 'id' | 'dependsOn'>): Promise<BatchStepResponse> {
    return new Promise((resolve, reject) => {
      this.queue.push({ step, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    try {
      const results = await executeBatch(
        this.client,
        queued.map((q, i) => ({ ...q.step, id: String(i + 1) })),
        this.options,
      );
      queued.forEach((q, i) => {
        const response = results.get(String(i + 1));
        if (response) q.resolve(response);
        else q.reject(new AppError('Microsoft Graph returned no response for a batched write.'));
      });
    } catch (error) {
      for (const q of queued) q.reject(error);
    }
  }
}
