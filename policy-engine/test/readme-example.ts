import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import type { PersonFacts } from "@safety-by-design/policy-engine";

// Load a pack once: bundled, or parsePack(text) with text the caller read.
// An invalid pack gives an engine that fails closed; engine.problems says why.
const engine = createPolicyEngine(loadBundledPack("nl-default"));

// Facts about people and their relationship; never message content.
const noor: PersonFacts = { ageBand: "13-15", ageVerified: true };
const alex: PersonFacts = { ageBand: "18+", ageVerified: true };

export function presentAlexsFirstMessageToNoor(now: number) {
  const decision = engine.decide(
    {
      point: "incoming-contact",
      recipient: noor,
      sender: alex,
      isContact: false,
      sharedRoomCount: 0,
      sameServer: false,
      nameResemblesContact: false,
      nameResemblesHelpService: false,
    },
    now,
  );
  return {
    inbox: decision.effect, // "request": not the chat list
    preview: decision.preview, // "hidden"
    copyKeys: decision.notices.map((notice) => notice.copyKey), // translated by the client
    help: decision.help, // ["kindertelefoon", "helpwanted"]
    canAccept: decision.actions.includes("accept-after-reading"),
    why: decision.reasons, // rule ids, for "why am I seeing this?"
  };
}
