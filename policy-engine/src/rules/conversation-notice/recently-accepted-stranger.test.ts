import { describe, expect, it } from "vitest";
import { conversationNoticeFacts } from "../../points/conversation-notice.ts";
import {
  HOUR,
  NOW,
  adult,
  baseline,
  child,
  conversationRequest,
  nlDefault,
  teen13,
  teen16,
  unverified,
} from "../../../test/support/fixtures.ts";
import { recentlyAcceptedStranger } from "./recently-accepted-stranger.ts";

const evaluate = (
  pack: typeof nlDefault,
  request: ReturnType<typeof conversationRequest>,
  now = NOW,
) => recentlyAcceptedStranger.evaluate(conversationNoticeFacts(request, pack, now), pack);

describe("conversation-notice/recently-accepted-stranger", () => {
  it("reminds a 13-15 for 7 days after accepting an unknown adult, and says until when", () => {
    const acceptedAt = NOW - 24 * HOUR;
    const contribution = evaluate(nlDefault, conversationRequest({ other: adult, acceptedAt }));
    expect(contribution?.notices).toEqual([
      {
        id: "recently-accepted-unknown-adult",
        severity: "caution",
        copyKey: "notice.recentlyAcceptedUnknownAdult.teen13",
        until: acceptedAt + 168 * HOUR,
      },
    ]);
  });

  it("ends when the period is over (exactly at `until`)", () => {
    const acceptedAt = NOW - 168 * HOUR;
    expect(evaluate(nlDefault, conversationRequest({ other: adult, acceptedAt }))).toBeNull();
  });

  it("keeps the reminder longer for the youngest and shorter for 16-17", () => {
    const twoDaysAgo = NOW - 100 * HOUR;
    expect(
      evaluate(
        nlDefault,
        conversationRequest({ self: child, other: unverified, acceptedAt: twoDaysAgo }),
      ),
    ).not.toBeNull();
    expect(
      evaluate(
        nlDefault,
        conversationRequest({ self: teen16, other: adult, acceptedAt: twoDaysAgo }),
      ),
    ).toBeNull();
  });

  it("treats an unknown origin as an accepted request, but not a conversation started in person", () => {
    expect(
      evaluate(nlDefault, conversationRequest({ other: adult, origin: "unknown" })),
    ).not.toBeNull();
    expect(
      evaluate(nlDefault, conversationRequest({ other: adult, origin: "in-person" })),
    ).toBeNull();
    expect(
      evaluate(nlDefault, conversationRequest({ other: adult, origin: "started-by-me" })),
    ).toBeNull();
  });

  it("has no reminder for peers of teens in nl-default, nor anything in baseline", () => {
    expect(evaluate(nlDefault, conversationRequest({ self: teen13, other: teen16 }))).toBeNull();
    expect(evaluate(baseline, conversationRequest({ self: child, other: adult }))).toBeNull();
  });
});
