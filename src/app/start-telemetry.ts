import { startTelemetry } from './telemetry';

/**
 * Telemetry, started as this module loads. main.ts imports it before anything else, so the HTTP
 * instrumentation is in place before restify, the Teams SDK or MSAL load `http`.
 */
export const telemetry = startTelemetry();
