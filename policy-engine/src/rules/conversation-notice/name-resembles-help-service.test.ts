import { describe, expect, it } from "vitest";
import { conversationNoticeFacts } from "../../points/conversation-notice.ts";
import { NOW, baseline, conversationRequest, nlDefault } from "../../../test/support/fixtures.ts";
import { nameResemblesHelpService } from "./name-resembles-help-service.ts";

const evaluate = (pack: typeof nlDefault, flag: boolean) =>
  nameResemblesHelpService.evaluate(
    conversationNoticeFacts(conversationRequest({ nameResemblesHelpService: flag }), pack, NOW),
    pack,
  );

describe("conversation-notice/name-resembles-help-service", () => {
  it("keeps warning that the name looks like a help service", () => {
    expect(evaluate(nlDefault, true)).toMatchObject({
      effect: "show-notices",
      notices: [{ id: "name-resembles-help-service", severity: "warning" }],
    });
  });

  it("is quiet without the flag or when the pack switches it off", () => {
    expect(evaluate(nlDefault, false)).toBeNull();
    expect(evaluate(baseline, true)).toBeNull();
  });
});
