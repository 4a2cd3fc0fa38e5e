// The classroom's door: the project's CA and a certificate for the address
// that Node's own TLS accepts only with that CA; the HTTPS front on a
// loopback alias (127.0.0.2, standing in for the laptop's network address)
// that passes the homeserver's client paths and the study service on, serves
// the app and the CA certificate, and keeps federation, Synapse's admin API
// and files outside the build to itself. Nothing here leaves 127.0.0.0/8.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { X509Certificate } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { lanOptionsFrom, startClassroomFront, type Classroom } from "./lanClassroom.ts";
import { createAuthority, issueServerCertificate, spkiHash } from "./lanCertificates.ts";
import { routeOf } from "./lanFront.ts";

const UPSTREAMS = {
  homeserver: "http://127.0.0.1:1",
  study: "http://127.0.0.1:2",
  age: "http://127.0.0.1:3",
  discovery: "http://127.0.0.1:4",
  intake: "http://127.0.0.1:5",
};

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.reverse()) await close();
  cleanup = [];
});

/** GET over HTTPS to the front, trusting `ca` (or nothing). */
function get(
  url: string,
  ca: string | undefined,
): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...(ca === undefined ? {} : { ca }) }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString("latin1")));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"], body });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** An upstream that answers with what it was asked. */
async function echo(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ path: req.url, host: req.headers.host }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`,
    server,
  };
}

describe("the classroom's certificate authority", () => {
  it("makes a CA and a certificate for the address that verifies against it", () => {
    const authority = createAuthority(new Date());
    const ca = new X509Certificate(authority.certificatePem);
    expect(ca.ca).toBe(true);
    const issued = issueServerCertificate(authority, "127.0.0.2", new Date());
    const server = new X509Certificate(issued.certificatePem);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP("127.0.0.2")).toBe("127.0.0.2");
    expect(server.checkIP("127.0.0.3")).toBeUndefined();
    expect(server.subjectAltName).toBe("IP Address:127.0.0.2");
    // Phones reject server certificates valid longer than 398 days.
    const days = (Date.parse(server.validTo) - Date.parse(server.validFrom)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(398);
    expect(spkiHash(issued.certificatePem)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});

describe("the classroom's options", () => {
  it("listens nowhere but loopback without --lan; takes the given address; detects only when asked", () => {
    const detect = (): string => {
      throw new Error("address detection must not run here");
    };
    expect(lanOptionsFrom([], detect)).toBeUndefined();
    expect(lanOptionsFrom(["--lan-address", "127.0.0.2"], detect)).toEqual({
      address: "127.0.0.2",
      port: 8443,
    });
    expect(
      lanOptionsFrom(["--lan", "--lan-address", "127.0.0.2", "--lan-port", "9443"], detect),
    ).toEqual({
      address: "127.0.0.2",
      port: 9443,
    });
    expect(lanOptionsFrom(["--lan"], () => "127.0.0.9")).toEqual({
      address: "127.0.0.9",
      port: 8443,
    });
    expect(() => lanOptionsFrom(["--lan"], () => undefined)).toThrow(/no network address/);
    expect(() => lanOptionsFrom(["--lan-address", "laptop.local"], detect)).toThrow(/IPv4/);
  });
});

describe("the classroom's door", () => {
  it("passes the homeserver's client and media paths and the services on, nothing else of the homeserver", () => {
    expect(routeOf("/_matrix/client/v3/sync", UPSTREAMS)).toEqual({
      target: UPSTREAMS.homeserver,
      path: "/_matrix/client/v3/sync",
    });
    expect(routeOf("/_matrix/media/v3/download/x", UPSTREAMS)?.target).toBe(UPSTREAMS.homeserver);
    expect(routeOf("/_matrix/federation/v1/openid/userinfo", UPSTREAMS)).toBeUndefined();
    expect(routeOf("/_matrix/key/v2/server", UPSTREAMS)).toBeUndefined();
    expect(routeOf("/_synapse/admin/v1/register", UPSTREAMS)).toBeUndefined();
    expect(routeOf("/study/participant/events", UPSTREAMS)).toEqual({
      target: UPSTREAMS.study,
      path: "/participant/events",
    });
    expect(routeOf("/studyx", UPSTREAMS)).toBeUndefined();
    expect(routeOf("/age/v1/attestations", UPSTREAMS)?.path).toBe("/v1/attestations");
    // Reports that leave the name out reach the intake from a phone, on the same origin.
    expect(routeOf("/intake/v1/reports", UPSTREAMS)).toEqual({
      target: UPSTREAMS.intake,
      path: "/v1/reports",
    });
  });

  it("serves over HTTPS on 127.0.0.2 with the classroom's certificate, trusted only with its CA", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sbd-lan-"));
    const clientDir = join(dir, "dist");
    await mkdir(join(clientDir, "assets"), { recursive: true });
    await writeFile(join(clientDir, "index.html"), "<!doctype html><title>app</title>");
    await writeFile(join(clientDir, "assets", "crypto.wasm"), "wasm");
    await writeFile(join(dir, "secret.txt"), "outside the build");
    const homeserver = await echo();
    const study = await echo();
    const classroom: Classroom = await startClassroomFront({
      lan: { address: "127.0.0.2", port: 0 },
      clientDir,
      caDir: join(dir, "ca"),
      upstreams: { ...UPSTREAMS, homeserver: homeserver.url, study: study.url },
    });
    cleanup.push(
      () => rm(dir, { recursive: true, force: true }),
      () => classroom.front.close(),
      () =>
        new Promise<void>((resolve) =>
          homeserver.server.close(() => {
            resolve();
          }),
        ),
      () =>
        new Promise<void>((resolve) =>
          study.server.close(() => {
            resolve();
          }),
        ),
    );
    const url = classroom.front.url;
    expect(new URL(url).hostname).toBe("127.0.0.2");
    const ca = classroom.authority.certificatePem;
    await expect(get(`${url}/`, undefined)).rejects.toThrow(/certificate/);

    const app = await get(`${url}/`, ca);
    expect([app.status, app.type, app.body]).toEqual([
      200,
      "text/html; charset=utf-8",
      "<!doctype html><title>app</title>",
    ]);
    expect((await get(`${url}/chats/room`, ca)).body).toContain("<title>app</title>");
    expect((await get(`${url}/assets/crypto.wasm`, ca)).type).toBe("application/wasm");
    expect((await get(`${url}/../secret.txt`, ca)).body).not.toContain("outside");
    expect((await get(`${url}/%2e%2e/secret.txt`, ca)).body).not.toContain("outside");
    const certificate = await get(`${url}/lan/ca.crt`, ca);
    expect(certificate.type).toBe("application/x-x509-ca-cert");
    expect(new X509Certificate(Buffer.from(certificate.body, "latin1")).ca).toBe(true);

    expect(JSON.parse((await get(`${url}/_matrix/client/versions?x=1`, ca)).body)).toEqual({
      path: "/_matrix/client/versions?x=1",
      host: new URL(homeserver.url).host,
    });
    expect(JSON.parse((await get(`${url}/study/session`, ca)).body)).toMatchObject({
      path: "/session",
    });
    expect((await get(`${url}/_synapse/admin/v1/register`, ca)).status).toBe(404);
    expect((await get(`${url}/_matrix/federation/v1/version`, ca)).status).toBe(404);
  });
});
