import { describe, expect, it } from "vitest";
import { normaliseHomeserverUrl, signInWithPassword } from "./signIn.ts";

type Route = (url: string, init?: RequestInit) => Response | Promise<Response>;
const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const fakeFetch =
  (route: Route) =>
  (url: string, init?: RequestInit): Promise<Response> =>
    Promise.resolve(route(url, init));

const modernVersions = json(200, { versions: ["v1.11", "v1.12"] });

describe("signInWithPassword", () => {
  it("returns credentials from a successful login", async () => {
    const result = await signInWithPassword(
      "http://127.0.0.1:8008/",
      "@noor",
      "pw",
      fakeFetch((url, init) => {
        if (url.endsWith("/versions")) return modernVersions.clone();
        const body = JSON.parse(init?.body as string) as { identifier: { user: string } };
        expect(body.identifier.user).toBe("noor");
        return json(200, { user_id: "@noor:localhost", device_id: "D1", access_token: "t" });
      }),
    );
    expect(result).toEqual({
      ok: true,
      credentials: {
        homeserverUrl: "http://127.0.0.1:8008",
        userId: "@noor:localhost",
        deviceId: "D1",
        accessToken: "t",
      },
    });
  });

  it("sorts failures into kinds a person can act on", async () => {
    const cases: [Route, string][] = [
      [() => Promise.reject(new TypeError("fetch failed")), "unreachable"],
      [() => new Response("not found", { status: 404 }), "not-a-homeserver"],
      [() => json(200, { nothing: true }), "not-a-homeserver"],
      [() => json(200, { versions: ["r0.6.1", "v1.1"] }), "unsupported-server"],
      [
        (url) =>
          url.endsWith("/versions")
            ? modernVersions.clone()
            : json(403, { errcode: "M_FORBIDDEN" }),
        "wrong-credentials",
      ],
      [
        (url) => (url.endsWith("/versions") ? modernVersions.clone() : json(502, {})),
        "server-error",
      ],
    ];
    for (const [route, kind] of cases) {
      const result = await signInWithPassword("https://hs.example", "noor", "pw", fakeFetch(route));
      expect(result.ok ? "ok" : result.failure.kind).toBe(kind);
    }
  });

  it("rejects an address that is not a web address before any request", async () => {
    const result = await signInWithPassword("ftp://x", "noor", "pw", () => {
      throw new Error("no request expected");
    });
    expect(result).toEqual({ ok: false, failure: { kind: "invalid-url" } });
  });
});

describe("normaliseHomeserverUrl", () => {
  it("adds https and drops trailing slashes", () => {
    expect(normaliseHomeserverUrl(" matrix.example.org/ ")).toBe("https://matrix.example.org");
    expect(normaliseHomeserverUrl("http://127.0.0.1:8008//")).toBe("http://127.0.0.1:8008");
    expect(normaliseHomeserverUrl("")).toBeUndefined();
  });
});
