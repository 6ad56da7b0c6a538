import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import selfsigned from 'selfsigned';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

/** One Application Insights telemetry item as the exporter sends it (the "envelope"). */
export interface Envelope {
  name: string;
  iKey?: string;
  tags?: Record<string, string>;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
}

export interface IngestionStandIn {
  /** The connection string pointing the exporter here. */
  connectionString: string;
  /** This endpoint's self-signed certificate (PEM file), for the exporter's NODE_EXTRA_CA_CERTS: it sends over https only. */
  caFile: string;
  received: Envelope[];
  /** Resolves once an envelope matching `match` has arrived (rejects after `ms`). */
  waitFor(match: (e: Envelope) => boolean, ms?: number): Promise<Envelope>;
  close(): Promise<void>;
}

/**
 * Application Insights' ingestion endpoint on https://127.0.0.1 (a certificate made for the run): `POST /v2.1/track` with a JSON array of
 * envelopes (gzipped or not), answered as the service does, `{ itemsReceived, itemsAccepted, errors }`.
 * Shapes: https://learn.microsoft.com/azure/azure-monitor/app/api-custom-events-metrics (the track
 * API's data types) and the connection string's `IngestionEndpoint`:
 * https://learn.microsoft.com/azure/azure-monitor/app/connection-strings
 */
export async function startIngestionStandIn(): Promise<IngestionStandIn> {
  const received: Envelope[] = [];
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    notBeforeDate: new Date(Date.now() - 3_600_000), // an hour back: a certificate valid only from this second could be refused
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'send-ingestion-')), 'ca.pem');
  fs.writeFileSync(caFile, pems.cert);
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith('/v2.1/track')) {
        res.statusCode = 404;
        return res.end();
      }
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
      const text = body.toString('utf8').trim();
      const items = (text.startsWith('[') ? JSON.parse(text) : text.split('\n').map((line) => JSON.parse(line))) as Envelope[];
      received.push(...items);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  const loopback = await listenOnLoopback(server);
  const url = `https://127.0.0.1:${loopback.port}`;
  return {
    connectionString: `InstrumentationKey=00000000-0000-4000-8000-00000000a11e;IngestionEndpoint=${url}/;LiveEndpoint=${url}/`,
    caFile,
    received,
    waitFor: async (match, ms = 20_000) => {
      const until = Date.now() + ms;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > until)
          throw new Error(`no matching telemetry in ${ms} ms; got ${received.map((e) => e.data?.baseType).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: async () => {
      await loopback.close();
      fs.rmSync(path.dirname(caFile), { recursive: true, force: true });
    },
  };
}
