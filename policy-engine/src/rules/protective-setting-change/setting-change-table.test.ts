import { describe, expect, it } from "vitest";
import { protectiveSettingChangeFacts } from "../../points/protective-setting-change.ts";
import {
  adult,
  nlDefault,
  settingRequest,
  strict,
  teen16,
} from "../../../test/support/fixtures.ts";
import { settingChangeTable } from "./setting-change-table.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof settingRequest>) =>
  settingChangeTable.evaluate(protectiveSettingChangeFacts(request), pack);

describe("protective-setting-change/setting-change-table", () => {
  it("lets a teen become findable by peers after information", () => {
    const contribution = evaluate(nlDefault, settingRequest({ person: teen16 }));
    expect(contribution?.effect).toBe("allow-with-information");
    expect(contribution?.notices.map((notice) => notice.copyKey)).toEqual([
      "notice.setting.findableByPeers.teen16",
    ]);
  });

  it("lets packs differ: strict refuses suggestions for teens; adults just change it", () => {
    expect(evaluate(strict, settingRequest({ setting: "suggested-to-peers" }))?.effect).toBe(
      "refuse",
    );
    expect(evaluate(nlDefault, settingRequest({ person: adult }))?.effect).toBe("allow");
  });

  it("does not judge a change back to the protective value", () => {
    expect(evaluate(nlDefault, settingRequest({ newValue: false }))).toBeNull();
  });
});
