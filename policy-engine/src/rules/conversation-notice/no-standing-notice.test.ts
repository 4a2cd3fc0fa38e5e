import { describe, expect, it } from "vitest";
import { conversationNoticeFacts } from "../../points/conversation-notice.ts";
import { NOW, conversationRequest, nlDefault } from "../../../test/support/fixtures.ts";
import { noStandingNotice } from "./no-standing-notice.ts";

describe("conversation-notice/no-standing-notice", () => {
  it("always applies, proposing no notice (other rules can only add one)", () => {
    const facts = conversationNoticeFacts(conversationRequest(), nlDefault, NOW);
    expect(noStandingNotice.evaluate(facts, nlDefault)).toEqual({ effect: "none", notices: [] });
  });
});
