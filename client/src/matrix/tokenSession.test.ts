import { describe, expect, it } from "vitest";
import { logOutToken, whoAmI } from "./tokenSession.ts";

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("an access token without a chat session", () => {
  it("asks the homeserver whose token it is", async () => {
    const seen: string[] = [];
    const userId = await whoAmI("https://hs.example", "tok", (input, init) => {
      seen.push(`${input} ${new Headers(init?.headers).get("authorization") ?? ""}`);
      return Promise.resolve(json(200, { user_id: "@facilitator:hs.example" }));
    });
    expect(userId).toBe("@facilitator:hs.example");
    expect(seen).toEqual(["https://hs.example/_matrix/client/v3/account/whoami Bearer tok"]);
  });

  it("treats a refused token, a strange answer or no network as no one", async () => {
    expect(
      await whoAmI("https://hs.example", "t", () =>
        Promise.resolve(json(401, { errcode: "M_UNKNOWN_TOKEN" })),
      ),
    ).toBeUndefined();
    expect(
      await whoAmI("https://hs.example", "t", () => Promise.resolve(json(200, { user_id: 7 }))),
    ).toBeUndefined();
    expect(
      await whoAmI("https://hs.example", "t", () => Promise.reject(new TypeError("offline"))),
    ).toBeUndefined();
  });

  it("logs the token out, and does not throw when the homeserver is away", async () => {
    const seen: string[] = [];
    await logOutToken("https://hs.example", "tok", (input, init) => {
      seen.push(`${init?.method ?? "GET"} ${input}`);
      return Promise.resolve(json(200, {}));
    });
    expect(seen).toEqual(["POST https://hs.example/_matrix/client/v3/logout"]);
    await expect(
      logOutToken("https://hs.example", "tok", () => Promise.reject(new TypeError("offline"))),
    ).resolves.toBeUndefined();
  });
});
