import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { ageFactsFromVerified } from "./ageFacts.ts";
import {
  conversationNoticeDecider,
  type ConversationNoticeQuery,
} from "./decideConversationNotices.ts";

const NOOR = "@noor:localhost";
const ALEX = "@alex:localhost";
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 23, 12);
const verified = (ageBand: PersonFacts["ageBand"]): PersonFacts => ({ ageBand, ageVerified: true });

function decider(bands: ReadonlyMap<string, PersonFacts>, now = NOW) {
  return conversationNoticeDecider({
    engine: createPolicyEngine(loadBundledPack("nl-default")),
    clock: () => now,
    ages: ageFactsFromVerified(NOOR, bands),
    resemblesContact: (_userId, name) => name === "L0tte",
    resemblesHelpService: (_userId, name) => name === "Kinder Telefoon",
  });
}

const query = (over: Partial<ConversationNoticeQuery> = {}): ConversationNoticeQuery => ({
  otherUserId: ALEX,
  otherDisplayName: "Alex",
  recorded: undefined,
  joinedAt: undefined,
  ...over,
});

// nl-default: a 13-15 who accepted a verified adult stranger sees the reminder for 7 days;
// an unverified reader who accepted an unverified account, for 3 days.
const teenAndAdult = new Map([
  [NOOR, verified("13-15")],
  [ALEX, verified("18+")],
]);

describe("conversation notices (real nl-default pack)", () => {
  it("keeps a calm reminder after Noor (13-15) accepted an adult's request, until the pack's window ends", () => {
    const acceptedAt = NOW - 24 * HOUR;
    const decision = decider(teenAndAdult)(
      query({ recorded: { origin: "accepted-request", acceptedAt } }),
    );
    expect(decision.effect).toBe("show-notices");
    expect(decision.notices.map((n) => n.id)).toEqual(["recently-accepted-unknown-adult"]);
    expect(decision.notices[0]?.copyKey).toBe("notice.recentlyAcceptedUnknownAdult.teen13");
    expect(decision.notices[0]?.until).toBe(acceptedAt + 168 * HOUR);
    expect(decision.help).toContain("kindertelefoon");
    expect(decision.reasons).toEqual(["conversation-notice/recently-accepted-stranger"]);
  });

  it("shows nothing once the window has passed", () => {
    const acceptedAt = NOW - 169 * HOUR;
    const decision = decider(teenAndAdult)(
      query({ recorded: { origin: "accepted-request", acceptedAt } }),
    );
    expect(decision.effect).toBe("none");
    expect(decision.notices).toEqual([]);
  });

  it("shows no reminder in a chat Noor started herself", () => {
    const decision = decider(teenAndAdult)(
      query({ recorded: { origin: "started-by-me", acceptedAt: NOW - HOUR } }),
    );
    expect(decision.effect).toBe("none");
  });

  it("reads a conversation with no recorded origin as an accepted request, from the join time", () => {
    const joinedAt = NOW - 2 * HOUR;
    const decision = decider(new Map())(query({ joinedAt }));
    expect(decision.effect).toBe("show-notices");
    // Both unverified in nl-default: 72 hours, counted from the join.
    expect(decision.notices[0]?.until).toBe(joinedAt + 72 * HOUR);
  });

  it("without a record or a join time, keeps the reminder up (counted from now)", () => {
    const decision = decider(new Map())(query());
    expect(decision.effect).toBe("show-notices");
    expect(decision.notices[0]?.until).toBe(NOW + 72 * HOUR);
  });

  it("passes the look-alike name facts, so an impersonation warning stays in the conversation", () => {
    const started = { origin: "started-by-me" as const, acceptedAt: NOW - HOUR };
    const decide = decider(teenAndAdult);
    expect(
      decide(query({ otherDisplayName: "Kinder Telefoon", recorded: started })).notices.map(
        (n) => n.id,
      ),
    ).toContain("name-resembles-help-service");
    expect(
      decide(query({ otherDisplayName: "L0tte", recorded: started })).notices.map((n) => n.id),
    ).toContain("name-resembles-contact");
  });
});
