import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlanError } from '../types/errors.js';
import { processMetrics } from './process-metrics.js';
import { route, type RouteContext } from './rest-routes.js';

/** Request bodies beyond this are refused (the API's bodies are a few small JSON fields). */
const MAX_BODY_BYTES = 1 << 20;

/** A started REST endpoint: its URL and how to stop it. */
export interface RestServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the routes over node:http on `host:port` (port 0: any free port). Fails with a PlanError
 * naming `rest.port` / `rest.bind-address` when the address cannot be bound.
 */
export async function startRestServer(host: string, port: number, ctx: RouteContext): Promise<RestServer> {
  // The JVM metrics' sampler (garbage collections are counted from here on).
  processMetrics();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      let status = 500;
      let body: unknown;
      let headers: Readonly<Record<string, string>> = {};
      try {
        if (size > MAX_BODY_BYTES) {
          status = 413;
          body = { errors: [`Request entity too large: the body has ${size} bytes, at most ${MAX_BODY_BYTES} are accepted.`] };
        } else {
          const r = route(req.method ?? 'GET', new URL(req.url ?? '/', 'http://localhost'), ctx, Buffer.concat(chunks).toString('utf8'));
          ({ status, body } = r);
          headers = r.headers ?? {};
        }
      } catch (e) {
        body = { errors: [`Internal server error: ${(e as Error).message}`] };
      }
      // Java longs beyond a JS number's range (e.g. Long.MAX_VALUE) are bigints: written as JSON numbers.
      const text = JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? `\u0000${v}\u0000` : v)).replace(/"\\u0000(-?\d+)\\u0000"/g, '$1');
      res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(text), 'Access-Control-Allow-Origin': '*' });
      res.end(text);
    });
  });
  await listen(server, host, port);
  // The REST API must never keep the process alive once the script is done.
  server.unref();
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') {
        reject(new PlanError(`Cannot start the REST API: port ${port} on ${host} is already in use ('rest.port').`, undefined,
          "Stop whatever uses the port, or choose another with SET 'rest.port' = '8082' (or --set rest.port=0 for any free port)."));
      } else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EACCES') {
        reject(new PlanError(`Cannot start the REST API on ${host}:${port} (${e.code}: 'rest.bind-address' / 'rest.port').`, undefined,
          "Use a local address such as SET 'rest.bind-address' = '127.0.0.1', and a port above 1023."));
      } else {
        reject(e);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
