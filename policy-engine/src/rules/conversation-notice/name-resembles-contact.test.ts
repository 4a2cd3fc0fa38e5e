import { describe, expect, it } from "vitest";
import { conversationNoticeFacts } from "../../points/conversation-notice.ts";
import { NOW, baseline, conversationRequest, nlDefault } from "../../../test/support/fixtures.ts";
import { nameResemblesContact } from "./name-resembles-contact.ts";

const evaluate = (pack: typeof nlDefault, flag: boolean) =>
  nameResemblesContact.evaluate(
    conversationNoticeFacts(conversationRequest({ nameResemblesContact: flag }), pack, NOW),
    pack,
  );

describe("conversation-notice/name-resembles-contact", () => {
  it("keeps an impersonation warning in the conversation", () => {
    expect(evaluate(nlDefault, true)).toMatchObject({
      effect: "show-notices",
      notices: [{ id: "name-resembles-contact", copyKey: "notice.nameResemblesContact.teen13" }],
    });
  });

  it("is quiet without the flag or when the pack switches it off", () => {
    expect(evaluate(nlDefault, false)).toBeNull();
    expect(evaluate(baseline, true)).toBeNull();
  });
});
