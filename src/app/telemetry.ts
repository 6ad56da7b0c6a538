// `useAzureMonitor` is a plain function, not a React hook: renamed so the hooks lint rule reads it as one.
import {
  shutdownAzureMonitor,
  useAzureMonitor as startAzureMonitor,
  type AzureMonitorOpenTelemetryOptions,
} from '@azure/monitor-opentelemetry';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];
type StartedSpan = Parameters<SpanProcessor['onStart']>[0];

/** Span attributes that carry a URL or part of one, in the old and the stable HTTP conventions. */
const URL_ATTRIBUTES = ['http.url', 'http.target', 'url.full', 'url.path', 'url.query'] as const;

/**
 * A path with every segment that is not a plain lower-case route word (`api`, `actions`,
 * `export.docx`, `$batch`, `v1.0`) replaced by `:id`, and no query string: `/api/pupils/UPN123/export.docx`
 * becomes `/api/pupils/:id/export.docx`. Ids, UPNs, site and conversation ids are never sent, and
 * searches (`?search=…`, Graph `$filter=…`) carry pupils' names, so no query is ever kept.
 */
export function redactPath(path: string): string {
  const [withoutQuery] = path.split(/[?#]/);
  return withoutQuery!
    .split('/')
    .map((segment) => (segment === '' || /^(\$?[a-z][a-z.-]*|v\d+(\.\d+)?)$/.test(segment) ? segment : ':id'))
    .join('/');
}

/** The same for a whole URL: scheme and host kept (the dependency's target), the path redacted. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${redactPath(url.pathname)}`;
  } catch {
    return redactPath(value);
  }
}

/** Rewrites every URL attribute of a span as it starts, before any exporter can see it. */
const redactingProcessor: SpanProcessor = {
  onStart(span: StartedSpan) {
    const attributes = (span as unknown as { attributes: Record<string, unknown> }).attributes;
    for (const key of URL_ATTRIBUTES) {
      const value = attributes[key];
      if (typeof value !== 'string') continue;
      span.setAttribute(key, key === 'url.query' ? '' : key === 'http.url' || key === 'url.full' ? redactUrl(value) : redactPath(value));
    }
    const name = (span as unknown as { name: string }).name;
    if (/[/?]/.test(name)) span.updateName(redactPath(name));
  },
  onEnd: () => undefined,
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

/** Application Insights' own default: enough for a school's traffic, and a bounded bill. */
const DEFAULT_TRACES_PER_SECOND = 5;

/**
 * Polled, not used: every open tab asks for changes every 4 s and App Service checks health every
 * minute per instance. Traced, they would crowd out the requests people make.
 */
const UNTRACED_PATHS = new Set(['/api/actions/changes', '/api/health']);

type HttpOptions = NonNullable<NonNullable<AzureMonitorOpenTelemetryOptions['instrumentationOptions']>['http']> & {
  ignoreIncomingRequestHook?: (request: { url?: string }) => boolean;
};

export interface Telemetry {
  /** Sends what is buffered and stops; call before the process exits. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (the
 * Bicep sets it): incoming requests and outgoing calls over `http` (the Teams SDK's axios, MSAL)
 * and over fetch (undici: Microsoft Graph, the Bot Connector), Azure SDK calls (the outbox table),
 * task runs and errors (src/platform/telemetry.ts). Logs are not sent (pino writes to stdout, which
 * App Service keeps). Must run before anything loads `http`, so main.ts imports it first.
 * APPLICATIONINSIGHTS_TRACES_PER_SECOND caps the traces kept (default 5; 0: every trace).
 * Returns null when not configured.
 */
export function startTelemetry(env: NodeJS.ProcessEnv = process.env): Telemetry | null {
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
  if (!connectionString) return null;
  const perSecond = Number(env.APPLICATIONINSIGHTS_TRACES_PER_SECOND ?? DEFAULT_TRACES_PER_SECOND);
  startAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // At most this many traces a second (a request and the calls it made are one trace); 0 keeps every one.
    ...(perSecond > 0 ? { tracesPerSecond: perSecond } : { tracesPerSecond: 0, samplingRatio: 1 }),
    instrumentationOptions: {
      http: { enabled: true, ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]!) } as HttpOptions,
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
    enableLiveMetrics: false,
    spanProcessors: [redactingProcessor],
  });
  registerInstrumentations({ instrumentations: [new UndiciInstrumentation()] });
  return { shutdown: () => shutdownAzureMonitor() };
}
