// The client depends on the `PolicyEngine` type, not on this implementation.
// A consumer written against the type must work with any engine.

import { describe, expect, it } from "vitest";
import { assertNever, createPolicyEngine } from "../src/index.ts";
import type { IncomingContactRequest, PolicyEngine } from "../src/index.ts";
import { NOW, adult, incomingRequest, nlDefault, teen13, teen16 } from "./support/fixtures.ts";
import { mostProtectiveEngine } from "./support/most-protective-engine.ts";

type InboxPlacement = "chat-list" | "requests" | "filtered-requests" | "declined";

/** What a client view model would do: ask whichever engine it was given, and place the conversation. */
function placeIncoming(engine: PolicyEngine, request: IncomingContactRequest, now: number) {
  const decision = engine.decide(request, now);
  let placement: InboxPlacement;
  switch (decision.effect) {
    case "normal":
      placement = "chat-list";
      break;
    case "request":
      placement = "requests";
      break;
    case "filtered":
      placement = "filtered-requests";
      break;
    case "declined":
      placement = "declined";
      break;
    default:
      return assertNever(decision.effect, "incoming presentation");
  }
  return {
    placement,
    showPreview: decision.preview === "shown",
    canAccept: decision.actions.some(
      (action) => action === "accept" || action === "accept-after-reading",
    ),
    packLabel: `${engine.pack.id}@${engine.pack.version}`,
  };
}

describe("pluggable engines", () => {
  const engines: readonly PolicyEngine[] = [createPolicyEngine(nlDefault), mostProtectiveEngine];

  it("the same consumer works with the default engine and an independent one", () => {
    const fromStranger = incomingRequest({ recipient: teen13, sender: adult });
    const [byDefault, byTable] = engines.map((engine) => placeIncoming(engine, fromStranger, NOW));
    expect(byDefault).toEqual({
      placement: "requests",
      showPreview: false,
      canAccept: true,
      packLabel: "nl-default@1.2.0",
    });
    expect(byTable).toEqual({
      placement: "declined",
      showPreview: false,
      canAccept: false,
      packLabel: "most-protective@1.0.0",
    });
  });

  it("engines disagree only where their policies do", () => {
    const friend = incomingRequest({ recipient: teen13, sender: teen16, isContact: true });
    expect(placeIncoming(engines[0] as PolicyEngine, friend, NOW).placement).toBe("chat-list");
    expect(placeIncoming(mostProtectiveEngine, friend, NOW).placement).toBe("declined");
  });
});
