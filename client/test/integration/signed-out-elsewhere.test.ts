// Signed out elsewhere (SIGNOUT): when another device of the account signs
// out everywhere, the homeserver refuses this device's token (401
// M_UNKNOWN_TOKEN). The Matrix layer turns the SDK's "Session.logged_out"
// into one session fact the root view model acts on, stops syncing, and a
// restart with the remembered credentials ends in SignedOutElsewhereError
// instead of waiting for ever for a first sync that never comes.
import "fake-indexeddb/auto";
import { afterAll, describe, expect, it } from "vitest";
import { ChatSession } from "@safety-by-design/client/actors";
import { freshAccount, signInNewDevice, testHomeserver, until } from "./support.ts";

describe("a device signed out on another device", () => {
  const running: ChatSession[] = [];

  afterAll(() => {
    for (const session of running) session.stop();
  });

  it("notices, tells its listeners, and cannot start again with the old token", async () => {
    const noor = await freshAccount("noor");
    const phoneCredentials = await signInNewDevice(noor);
    const phone = await ChatSession.start(phoneCredentials, {
      storage: "memory",
      sdkLogLevel: "error",
    });
    running.push(phone);
    expect(phone.signedOutElsewhere).toBe(false);
    let told = 0;
    phone.subscribe(() => {
      if (phone.signedOutElsewhere) told++;
    });

    // Noor's laptop: "sign out on all devices" (the Matrix API, as any client calls it).
    const laptop = await signInNewDevice(noor);
    const response = await fetch(`${testHomeserver.url}/_matrix/client/v3/logout/all`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${laptop.accessToken}`,
        "content-type": "application/json",
      },
      body: "{}",
    });
    expect(response.status).toBe(200);

    // The phone's next request (its sync long-poll at the latest) is refused.
    await until(() => phone.signedOutElsewhere, "the phone to notice the sign-out", 45_000);
    await until(() => told > 0, "the phone's listeners to be told");
    await phone.forget();
    expect(told).toBe(1);

    // Reopened with what it remembered: a clear error, not a hanging start.
    await expect(
      ChatSession.start(phoneCredentials, { storage: "memory", sdkLogLevel: "error" }),
    ).rejects.toMatchObject({ name: "SignedOutElsewhereError" });
  }, 90_000);
});
