// Services layer, reporting: one report request and what its answer means.
import { describe, expect, it } from "vitest";
import { createFetchReportTransport } from "./transport.ts";

type Request = { url: string; init: RequestInit | undefined };

function fakeFetch(answer: () => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    requests.push({ url, init });
    return answer();
  };
  return { fetch, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

describe("the fetch report transport", () => {
  it("posts the reason to the event report endpoint with the access token", async () => {
    const { fetch, requests } = fakeFetch(() => json(200, {}));
    const transport = createFetchReportTransport({
      homeserverUrl: "http://127.0.0.1:8118/",
      accessToken: "secret-token",
      fetch,
    });
    expect(await transport.reportEvent("!room:localhost", "$ev/ent+1", "sbd-report/1 x")).toEqual({
      kind: "delivered",
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(
      "http://127.0.0.1:8118/_matrix/client/v3/rooms/!room%3Alocalhost/report/%24ev%2Fent%2B1",
    );
    expect(requests[0]?.init?.method).toBe("POST");
    expect(requests[0]?.init?.headers).toMatchObject({ authorization: "Bearer secret-token" });
    expect(requests[0]?.init?.body).toBe(JSON.stringify({ reason: "sbd-report/1 x" }));
  });

  it("posts profile reports to the user report endpoint, with the current token", async () => {
    const { fetch, requests } = fakeFetch(() => json(200, {}));
    let token = "first";
    const transport = createFetchReportTransport({
      homeserverUrl: "http://hs",
      accessToken: () => token,
      fetch,
    });
    await transport.reportUser("@alex:localhost", "r");
    token = "second";
    await transport.reportUser("@alex:localhost", "r");
    expect(requests.map((r) => r.url)).toEqual([
      "http://hs/_matrix/client/v3/users/%40alex%3Alocalhost/report",
      "http://hs/_matrix/client/v3/users/%40alex%3Alocalhost/report",
    ]);
    expect(
      requests.map((r) => (r.init?.headers as Record<string, string>)["authorization"]),
    ).toEqual(["Bearer first", "Bearer second"]);
  });

  it.each([
    ["a 500", () => json(500, { errcode: "M_UNKNOWN", error: "oops" }), 500, "M_UNKNOWN"],
    [
      "a 502 from a proxy while the homeserver restarts",
      () => new Response("<html>", { status: 502 }),
      502,
      null,
    ],
    ["a 503", () => json(503, {}), 503, null],
    ["a 408", () => json(408, {}), 408, null],
    [
      "a refused token",
      () => json(401, { errcode: "M_UNKNOWN_TOKEN", error: "gone" }),
      401,
      "M_UNKNOWN_TOKEN",
    ],
  ])("calls %s retryable", async (_label, answer, status, errcode) => {
    const { fetch } = fakeFetch(answer);
    const transport = createFetchReportTransport({
      homeserverUrl: "http://hs",
      accessToken: "t",
      fetch,
    });
    const result = await transport.reportEvent("!r:hs", "$e", "x");
    expect(result).toMatchObject({
      kind: "retryable",
      problem: { status, errcode },
      retryAfterMs: null,
    });
  });

  it("calls a network failure retryable", async () => {
    const transport = createFetchReportTransport({
      homeserverUrl: "http://hs",
      accessToken: "t",
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    expect(await transport.reportUser("@a:hs", "x")).toEqual({
      kind: "retryable",
      problem: { status: null, errcode: null, message: "fetch failed" },
      retryAfterMs: null,
    });
  });

  it("gives up on a request that hangs, and calls it retryable", async () => {
    const transport = createFetchReportTransport({
      homeserverUrl: "http://hs",
      accessToken: "t",
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => {
            reject(init.signal?.reason as Error);
          });
        }),
    });
    expect(await transport.reportUser("@a:hs", "x")).toMatchObject({
      kind: "retryable",
      problem: { status: null, message: "the homeserver did not answer in time" },
    });
  });

  it("takes the server's wait from a 429, from the body or the Retry-After header", async () => {
    const body = fakeFetch(() =>
      json(429, { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests", retry_after_ms: 1500 }),
    );
    const fromBody = createFetchReportTransport({
      homeserverUrl: "http://hs",
      accessToken: "t",
      fetch: body.fetch,
    });
    expect(await fromBody.reportEvent("!r:hs", "$e", "x")).toEqual({
      kind: "retryable",
      problem: { status: 429, errcode: "M_LIMIT_EXCEEDED", message: "Too Many Requests" },
      retryAfterMs: 1500,
    });
    const header = fakeFetch(() =>
      json(429, { errcode: "M_LIMIT_EXCEEDED" }, { "retry-after": "3" }),
    );
    const fromHeader = createFetchReportTransport({
      homeserverUrl: "http://hs",
      accessToken: "t",
      fetch: header.fetch,
    });
    expect(await fromHeader.reportEvent("!r:hs", "$e", "x")).toMatchObject({ retryAfterMs: 3000 });
  });

  it.each([
    ["an event that does not exist or is not visible", 404, "M_NOT_FOUND"],
    ["a reason that is too long", 400, "M_BAD_JSON"],
    ["a forbidden report", 403, "M_FORBIDDEN"],
    ["a server without the endpoint", 404, "M_UNRECOGNIZED"],
  ])("calls %s permanent", async (_label, status, errcode) => {
    const { fetch } = fakeFetch(() => json(status, { errcode, error: "no" }));
    const transport = createFetchReportTransport({
      homeserverUrl: "http://hs",
      accessToken: "t",
      fetch,
    });
    expect(await transport.reportEvent("!r:hs", "$e", "x")).toEqual({
      kind: "permanent",
      problem: { status, errcode, message: "no" },
    });
  });
});
