import { describe, expect, it } from "vitest";
import { protectiveSettingChangeFacts } from "../../points/protective-setting-change.ts";
import { child, settingRequest, strict } from "../../../test/support/fixtures.ts";
import { tighteningAlwaysAllowed } from "./tightening-always-allowed.ts";

describe("protective-setting-change/tightening-always-allowed", () => {
  it("always allows switching an opt-in off, even for a child under strict", () => {
    const request = settingRequest({ person: child, newValue: false });
    expect(tighteningAlwaysAllowed.evaluate(protectiveSettingChangeFacts(request), strict)).toEqual(
      {
        effect: "allow",
        notices: [],
      },
    );
  });

  it("does not apply to loosening", () => {
    const request = settingRequest({ newValue: true });
    expect(
      tighteningAlwaysAllowed.evaluate(protectiveSettingChangeFacts(request), strict),
    ).toBeNull();
  });
});
