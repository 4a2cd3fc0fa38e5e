// Protocol, reports: the team's shared status opens with the team key only,
// and nothing but a well-formed status comes out.
import sodium from "libsodium-wrappers";
import { describe, expect, it } from "vitest";
import { generateModerationKeyPair } from "./seal.ts";
import { openModerationStatus, sealModerationStatus, type ModerationStatus } from "./status.ts";

const status: ModerationStatus = {
  version: 1,
  reportId: "0123456789abcdef0123456789abcdef",
  state: "handled",
  at: 1_700_000_000_000,
  by: "@moderation:localhost",
  note: "Doorgezet naar de politie.",
};

describe("a moderation status", () => {
  it("opens with the team's key to exactly what was sealed, and with no other key", async () => {
    const team = await generateModerationKeyPair();
    const other = await generateModerationKeyPair();
    const sealed = await sealModerationStatus(status, team.publicKey);
    expect(sealed).not.toContain("handled");
    expect(await openModerationStatus(sealed, team)).toEqual(status);
    expect(await openModerationStatus(sealed, other)).toBeUndefined();
    expect(await openModerationStatus(`${sealed.slice(0, -3)}AAA`, team)).toBeUndefined();
    expect(await openModerationStatus(42, team)).toBeUndefined();
  });

  it("refuses to seal, and refuses to open, anything that is not a status", async () => {
    const team = await generateModerationKeyPair();
    await expect(
      sealModerationStatus(
        { ...status, state: "gone" } as unknown as ModerationStatus,
        team.publicKey,
      ),
    ).rejects.toThrow(TypeError);
    const odd = { ...status, extra: true } as unknown as ModerationStatus;
    await expect(sealModerationStatus(odd, team.publicKey)).rejects.toThrow(TypeError);
  });
});

describe("a moderation status with the reporter's outcome (OUT)", () => {
  it("carries it when chosen, and a status without one still reads", async () => {
    const team = await generateModerationKeyPair();
    const withOutcome: ModerationStatus = {
      ...status,
      outcome: {
        decision: "forwarded",
        forwardedTo: "politie",
        reason: null,
        sentToReporter: true,
      },
    };
    const sealed = await sealModerationStatus(withOutcome, team.publicKey);
    expect(await openModerationStatus(sealed, team)).toEqual(withOutcome);
    expect(
      await openModerationStatus(await sealModerationStatus(status, team.publicKey), team),
    ).toEqual(status);
    const free = {
      ...status,
      outcome: {
        decision: "no-action",
        forwardedTo: null,
        reason: "Je overdrijft",
        sentToReporter: false,
      },
    };
    await expect(
      sealModerationStatus(free as unknown as ModerationStatus, team.publicKey),
    ).rejects.toThrow(TypeError);
  });
});

describe("a moderation status for a team with a key each", () => {
  it("opens with each current key, not with a removed one, and an old one-key status still opens", async () => {
    const [lotte, sanne, removed] = await Promise.all(
      [1, 2, 3].map(() => generateModerationKeyPair()),
    );
    if (lotte === undefined || sanne === undefined || removed === undefined)
      throw new Error("keys");
    const sealed = await sealModerationStatus(status, [lotte.publicKey, sanne.publicKey]);
    expect(await openModerationStatus(sealed, lotte)).toEqual(status);
    expect(await openModerationStatus(sealed, [removed, sanne])).toEqual(status);
    expect(await openModerationStatus(sealed, removed)).toBeUndefined();
    // Before the team: the status JSON in one sealed box to one key.
    await sodium.ready;
    const old = sodium.to_base64(
      sodium.crypto_box_seal(new TextEncoder().encode(JSON.stringify(status)), lotte.publicKey),
      sodium.base64_variants.URLSAFE_NO_PADDING,
    );
    expect(await openModerationStatus(old, [sanne, lotte])).toEqual(status);
  });
});
