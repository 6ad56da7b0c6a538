import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What `listenOnLoopback` can start: a Node http server or a restify server. */
interface Listenable {
  listen(port: number, host: string, callback: () => void): unknown;
  address(): AddressInfo | string | null;
  close(callback?: () => void): unknown;
}

export interface Loopback {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  /** Stops listening and drops kept-alive connections, so a test never waits for them. */
  close(): Promise<void>;
}

/** The one way tests start a server: on a free port on 127.0.0.1, never on a network address. */
export async function listenOnLoopback(server: Listenable): Promise<Loopback> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const http = 'closeAllConnections' in server ? (server as unknown as HttpServer) : (server as { server?: HttpServer }).server;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        http?.closeAllConnections();
      }),
  };
}
