import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';

/**
 * Azurite's well-known development account and key: public, the same on every machine
 * (https://learn.microsoft.com/azure/storage/common/storage-use-azurite#http-connection-strings).
 */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteTables {
  /** A connection string for this emulator, as OUTBOX_STORAGE_CONNECTION_STRING takes it. */
  connectionString: string;
  /** A new, empty table (created) and a client for it; a second call with the same name gives a second client. */
  table(name?: string): Promise<TableClient>;
  stop(): Promise<void>;
}

/** A free loopback port: Azurite reports ":0" when asked for port 0, so the test picks one. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts Azurite's Table service (the official emulator, from the npm registry) in memory, on loopback. */
export async function startAzuriteTables(): Promise<AzuriteTables> {
  const port = await freePort();
  const main = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist/src/table/main.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [main, '--inMemoryPersistence', '--tableHost', '127.0.0.1', '--tablePort', String(port), '--disableTelemetry'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('successfully started')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}):\n${output}`)));
  });
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
  return {
    connectionString,
    async table(name = `t${randomUUID().replaceAll('-', '')}`) {
      const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
      await client.createTable();
      return client;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
