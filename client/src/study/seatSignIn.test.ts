// A classroom seat's QR link: the code is read from the fragment only in its
// one shape, posted in a request body (never a path or query), and the
// study service's answer becomes this phone's credentials, or "used".
import { describe, expect, it } from "vitest";
import { readSeatLink, seatSignInLink, signInWithSeatCode } from "./seatSignIn.ts";

const CODE = "Ab3_-xYz".repeat(4);

function service(status: number, body: unknown) {
  const asked: { url: string; method: string; body: string }[] = [];
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    asked.push({
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? "GET",
      body: typeof init?.body === "string" ? init.body : "",
    });
    return Promise.resolve(Response.json(body, { status }));
  }) as typeof fetch;
  return { fetchImpl, asked };
}

const options = (fetchImpl: typeof fetch) => ({
  studyServiceUrl: "https://127.0.0.2:8443/study/",
  homeserverUrl: "https://127.0.0.2:8443",
  fetch: fetchImpl,
});

describe("a seat's sign-in link", () => {
  it("carries the seat and its code in the fragment, and is read back in that shape only", () => {
    const link = seatSignInLink("https://127.0.0.2:8443/", { seat: "p07", code: CODE });
    expect(link).toBe(`https://127.0.0.2:8443/#seat=p07.${CODE}`);
    expect(readSeatLink(new URL(link).hash)).toEqual({ seat: "p07", code: CODE });
    for (const other of [
      "#seat=p07",
      `#seat=noor.${CODE}`,
      `#seat=p07.${CODE}x`,
      `#seat=p07.${CODE.slice(1)}`,
      `#signin=p07`,
      `#seat=p07.${CODE.slice(1)}!`,
    ]) {
      expect(readSeatLink(other)).toBeUndefined();
    }
  });

  it("posts the code in the body and turns the answer into this phone's credentials", async () => {
    const { fetchImpl, asked } = service(200, {
      userId: "@p07:localhost",
      accessToken: "syt_token",
      deviceId: "PHONE",
    });
    const result = await signInWithSeatCode(options(fetchImpl), { seat: "p07", code: CODE });
    expect(result).toEqual({
      ok: true,
      credentials: {
        homeserverUrl: "https://127.0.0.2:8443",
        userId: "@p07:localhost",
        accessToken: "syt_token",
        deviceId: "PHONE",
      },
    });
    expect(asked).toEqual([
      {
        url: "https://127.0.0.2:8443/study/sign-in",
        method: "POST",
        body: JSON.stringify({ seat: "p07", code: CODE }),
      },
    ]);
    expect(asked[0]?.url).not.toContain(CODE);
  });

  it("says 'used' for a used or wrong code, and 'unreachable' when the service is away or odd", async () => {
    const seat = { seat: "p07", code: CODE };
    expect(await signInWithSeatCode(options(service(410, {}).fetchImpl), seat)).toEqual({
      ok: false,
      reason: "used",
    });
    expect(await signInWithSeatCode(options(service(502, {}).fetchImpl), seat)).toEqual({
      ok: false,
      reason: "unreachable",
    });
    const down = (() => Promise.reject(new TypeError("offline"))) as typeof fetch;
    expect(await signInWithSeatCode(options(down), seat)).toEqual({
      ok: false,
      reason: "unreachable",
    });
    // A device of another account is not taken, whatever the service says.
    const other = service(200, { userId: "@noor:localhost", accessToken: "t", deviceId: "D" });
    expect(await signInWithSeatCode(options(other.fetchImpl), seat)).toEqual({
      ok: false,
      reason: "unreachable",
    });
  });
});
