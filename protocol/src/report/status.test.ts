// Protocol, reports: the team's shared status opens with the team key only,
// and nothing but a well-formed status comes out.
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
