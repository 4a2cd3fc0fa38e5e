// Tooling: what the demo's small local HTTP services (the age provider, the
// discovery gatekeeper and the study service) share: JSON answers with CORS
// for the client's origin, a bounded JSON body, a Matrix OpenID token's owner
// as the homeserver says, and a close that does not wait for idle keep-alive
// connections.
import type { IncomingMessage, Server, ServerResponse } from "node:http";

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

/**
 * Starts `server` on the loopback address only (port 0: any free port) and
 * returns where it answers. The demo's services never listen beyond 127.0.0.1.
 */
export async function listenOnLoopback(server: Server, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === "object" && address !== null ? address.port : port;
  return `http://127.0.0.1:${String(bound)}`;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}

/** The request's JSON object body; undefined when it is not one or larger than `maxBytes`. */
export async function readJsonBody(
  request: IncomingMessage,
  maxBytes: number,
): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The OpenID token's owner, as the homeserver says
 * (/_matrix/federation/v1/openid/userinfo); undefined for an unknown token.
 * The token proves the user ID and nothing else.
 */
export async function userIdForOpenIdToken(
  homeserverUrl: string,
  token: string,
): Promise<string | undefined> {
  const url = new URL("/_matrix/federation/v1/openid/userinfo", homeserverUrl);
  url.searchParams.set("access_token", token);
  const reply = await fetch(url);
  if (!reply.ok) return undefined;
  const info = (await reply.json()) as { sub?: unknown };
  return typeof info.sub === "string" ? info.sub : undefined;
}
