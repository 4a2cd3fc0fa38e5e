// Tooling: what the demo's small local HTTP services (the age provider and
// the study service) share: JSON answers with CORS for the client's origin,
// and a close that does not wait for idle keep-alive connections.
import type { Server, ServerResponse } from "node:http";

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  cors: {
    readonly origin?: string | undefined;
    readonly methods: string;
    readonly headers: string;
  },
): void {
  response.writeHead(status, {
    "access-control-allow-origin": cors.origin ?? "*",
    "access-control-allow-methods": cors.methods,
    "access-control-allow-headers": cors.headers,
    "content-type": "application/json",
    "cache-control": "no-store",
  });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}
