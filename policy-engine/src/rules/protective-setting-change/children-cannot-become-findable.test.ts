import { describe, expect, it } from "vitest";
import { protectiveSettingChangeFacts } from "../../points/protective-setting-change.ts";
import {
  child,
  nlDefault,
  settingRequest,
  teen13,
  unguarded,
} from "../../../test/support/fixtures.ts";
import { childrenCannotBecomeFindable } from "./children-cannot-become-findable.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof settingRequest>) =>
  childrenCannotBecomeFindable.evaluate(protectiveSettingChangeFacts(request), pack);

describe("protective-setting-change/children-cannot-become-findable", () => {
  it("refuses an 8-12 opting in to being found or suggested, showing the setting as locked", () => {
    for (const setting of ["findable-by-peers", "suggested-to-peers"] as const) {
      const contribution = evaluate(nlDefault, settingRequest({ person: child, setting }));
      expect(contribution?.effect).toBe("refuse");
      expect(contribution?.notices.map((notice) => notice.copyKey)).toEqual([
        "notice.setting.locked.child",
      ]);
    }
  });

  it("does not apply to teens, to switching off, or without the guard", () => {
    expect(evaluate(nlDefault, settingRequest({ person: teen13 }))).toBeNull();
    expect(evaluate(nlDefault, settingRequest({ person: child, newValue: false }))).toBeNull();
    expect(evaluate(unguarded, settingRequest({ person: child }))).toBeNull();
  });
});
