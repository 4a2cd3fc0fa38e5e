// Tooling (Node only): the one door of a classroom session (`npm start --
// --lan`). An HTTPS server on the laptop's network address, with a
// certificate from the project's own CA (lanCertificates.ts), that serves the
// built app and passes a few paths on to the services, which themselves stay
// on 127.0.0.1:
//
//   /_matrix/client/*, /_matrix/media/*   the homeserver (federation, keys and
//                                         Synapse's admin API are not passed on)
//   /study/*                              the study service
//   /age/*                                the demo age provider
//   /discovery/*                          the discovery gatekeeper
//   /intake/*                             the report intake (reports that leave the name out)
//   /lan/ca.crt, /lan/ca.pem              the CA certificate a phone installs
//   everything else                       the app (client build), index.html for app routes
//
// One origin for all of it: the phone's browser has a secure context, needs
// no CORS, and reaches nothing but this address. Registration stays closed:
// the homeserver's own setting, and its shared-secret endpoint is not passed on.

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import { extname, join, normalize, sep } from "node:path";
import type { CertificateAuthority, ServerCertificate } from "./lanCertificates.ts";

export type LanFrontOptions = {
  /** The address to listen on: the laptop's network address, or a loopback alias in tests. */
  readonly address: string;
  readonly port: number;
  readonly certificate: ServerCertificate;
  readonly authority: Pick<CertificateAuthority, "certificatePem" | "certificateDer">;
  /** The built client (vite build) for this origin. */
  readonly clientDir: string;
  /** Where the loopback services answer (http://127.0.0.1:port). */
  readonly upstreams: {
    readonly homeserver: string;
    readonly study: string;
    readonly age: string;
    readonly discovery: string;
    readonly intake: string;
  };
};

export type LanFront = { readonly url: string; close(): Promise<void> };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Which upstream a path goes to, and the path it gets there; undefined: not passed on. */
export function routeOf(
  path: string,
  upstreams: LanFrontOptions["upstreams"],
): { readonly target: string; readonly path: string } | undefined {
  if (/^\/_matrix\/(client|media)\//.test(path)) return { target: upstreams.homeserver, path };
  for (const [prefix, target] of [
    ["/study", upstreams.study],
    ["/age", upstreams.age],
    ["/discovery", upstreams.discovery],
    ["/intake", upstreams.intake],
  ] as const) {
    if (path === prefix || path.startsWith(`${prefix}/`)) {
      return { target, path: path.slice(prefix.length) || "/" };
    }
  }
  return undefined;
}

export async function startLanFront(options: LanFrontOptions): Promise<LanFront> {
  const server: Server = createServer(
    { cert: options.certificate.certificatePem, key: options.certificate.keyPem },
    (request, response) => {
      handle(options, request, response).catch(() => {
        if (!response.headersSent) response.writeHead(502);
        response.end();
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.address, () => {
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  return {
    url: `https://${options.address}:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

async function handle(
  options: LanFrontOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "https://front.invalid");
  const path = url.pathname;
  if (path === "/lan/ca.crt") {
    // DER with this type: Android and iOS offer to install it as a CA.
    response.writeHead(200, {
      "content-type": "application/x-x509-ca-cert",
      "content-disposition": 'attachment; filename="klas-ca.crt"',
    });
    response.end(options.authority.certificateDer);
    return;
  }
  if (path === "/lan/ca.pem") {
    response.writeHead(200, { "content-type": "application/x-pem-file" });
    response.end(options.authority.certificatePem);
    return;
  }
  const route = routeOf(path, options.upstreams);
  if (route === undefined && /^\/_(matrix|synapse)\//.test(path)) {
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ errcode: "M_NOT_FOUND", error: "not passed on here" }));
    return;
  }
  if (route !== undefined) {
    proxy(request, response, route.target, `${route.path}${url.search}`);
    return;
  }
  await serveStatic(options.clientDir, path, response);
}

function proxy(
  request: IncomingMessage,
  response: ServerResponse,
  target: string,
  path: string,
): void {
  const upstream = new URL(target);
  const headers = { ...request.headers, host: upstream.host };
  // The services see the phone as a client of the laptop, as they would on loopback.
  delete headers["origin"];
  delete headers["referer"];
  const outgoing = httpRequest(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: request.method,
      path,
      headers,
    },
    (reply) => {
      response.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(response);
    },
  );
  outgoing.on("error", () => {
    if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
    response.end("the service behind this path does not answer");
  });
  request.pipe(outgoing);
}

async function serveStatic(root: string, path: string, response: ServerResponse): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    response.writeHead(400);
    response.end();
    return;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, "");
  let file = join(root, relative === "" ? "index.html" : relative);
  if (!file.startsWith(root + sep) && file !== root) {
    response.writeHead(404);
    response.end();
    return;
  }
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory() === true) {
    file = join(file, "index.html");
    info = await stat(file).catch(() => undefined);
  }
  if (info === undefined && extname(file) === "") {
    // An app route (no file extension): the app's page answers it.
    file = join(root, "index.html");
    info = await stat(file).catch(() => undefined);
  }
  if (info === undefined || !info.isFile()) {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found");
    return;
  }
  const type = CONTENT_TYPES[extname(file)] ?? "application/octet-stream";
  const immutable = file.includes(`${sep}assets${sep}`);
  response.writeHead(200, {
    "content-type": type,
    "content-length": String(info.size),
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  createReadStream(file).pipe(response);
}
