import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

/**
 * Tracing helpers for the app's own work. They use only the OpenTelemetry API: without a registered
 * SDK (no APPLICATIONINSIGHTS_CONNECTION_STRING, every test) each call is a no-op.
 * Nothing recorded here may carry pupil data or action text: names are fixed strings, attributes
 * are counts, and an error is recorded by its class and id only, never its message.
 */
const tracer = trace.getTracer('send-tracker');

/** The numbers in a task's result (sent, undelivered, claimed …), as span attributes; strings are left out. */
function countsOf(result: unknown): Attributes {
  if (typeof result !== 'object' || result === null) return {};
  return Object.fromEntries(Object.entries(result).filter(([, value]) => typeof value === 'number'));
}

/** Runs a scheduled or triggered task (`task <name>`) inside a span of its own, with its counts. */
export function traceTask<T>(name: string, run: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(`task ${name}`, async (span) => {
    try {
      const result = await run();
      span.setAttributes(countsOf(result));
      return result;
    } catch (error) {
      recordError(error, span);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Marks the current span (a request, a task) as failed, naming the error's class and id only. */
export function recordError(error: unknown, span = trace.getActiveSpan()): void {
  if (!span) return;
  const name = error instanceof Error ? error.name : 'NonError';
  const id = (error as { id?: unknown })?.id;
  span.recordException({ name, message: typeof id === 'string' ? id : name });
  span.setStatus({ code: SpanStatusCode.ERROR, message: name });
}
