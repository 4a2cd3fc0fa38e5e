import { describe, expect, it, vi } from "vitest";
import { withoutCallTransports } from "./sessionClient.ts";

describe("withoutCallTransports", () => {
  it("answers the SDK's call-transport look-up itself, as a homeserver without calls would", async () => {
    const fetchFn = vi.fn<typeof fetch>();
    const response = await withoutCallTransports(fetchFn)(
      "http://127.0.0.1:8008/_matrix/client/unstable/org.matrix.msc4143/rtc/transports",
      { method: "GET" },
    );
    expect(fetchFn).not.toHaveBeenCalled();
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errcode: "M_NOT_FOUND" });
  });

  it("sends every other request, strings, URLs and requests alike", async () => {
    const ok = new Response("{}", { status: 200 });
    const fetchFn = vi.fn<typeof fetch>(() => Promise.resolve(ok));
    const send = withoutCallTransports(fetchFn);
    const sync = "http://127.0.0.1:8008/_matrix/client/v3/sync";
    expect(await send(sync)).toBe(ok);
    expect(await send(new URL(sync))).toBe(ok);
    expect(await send(new Request(sync))).toBe(ok);
    expect(fetchFn).toHaveBeenCalledTimes(3);
  });
});
