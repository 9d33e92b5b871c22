/**
 * Listens with the app on the configured host and port and stops cleanly: on close the
 * server stops accepting, idle keep-alive connections are dropped, requests in flight may
 * finish (up to a few seconds), then the render workers stop and the database is closed.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import type { Store } from '../db/store';
import { createApp, type AppDeps } from './create-app';
import type { RenderPool } from '../reports/render-pool';
import { createRenderer, type Renderer } from './renderer';
import { silentLogger, type Logger } from './request-log';

export interface RunningServer {
  server: Server;
  /** `http://localhost:3000` — the address a user types. */
  url: string;
  /** The render workers this server draws with. */
  renderer: Renderer;
  close(): Promise<void>;
}

const DRAIN_MS = 5000;

export async function startServer(
  config: Config,
  store: Store,
  logger: Logger = silentLogger,
  { clock, renderPool }: Pick<AppDeps, 'clock'> & { renderPool?: RenderPool } = {},
): Promise<RunningServer> {
  const renderer = createRenderer(config, renderPool);
  const app = createApp({ config, store, logger, renderer, clock });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
      await stopped;
      clearTimeout(timer);
      await renderer.close();
      await store.close();
    })());
  return { server, url: `http://${shownHost}:${port}`, renderer, close };
}

/**
 * Resolves after SIGINT or SIGTERM has closed the server and the database. A repeated signal
 * while closing (a second Ctrl+C, a supervisor forwarding its own) is ignored rather than
 * killing the process half-way: closing is bounded by the drain timeout anyway.
 */
export function closeOnSignal(running: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      void running.close().then(() => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
