import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import { ageFactsFromVerified } from "./ageFacts.ts";
import {
  CONTACT_PROBE_TIMEOUT_MS,
  ageGating,
  type AgeGating,
  type ContactProbe,
  type ProbeAnswer,
} from "./ageGating.ts";

const ALEX = "@alex:localhost"; // 18+
const BOB = "@bob:localhost"; // 18+, verified by the test that needs it
const NOOR = "@noor:localhost"; // 13-15
const LOTTE = "@lotte:localhost"; // 13-15
const SAM = "@sam:localhost"; // 8-12
const MARK = "@mark:localhost"; // no attestation
const STRANGER = "@stranger:elsewhere.example"; // nothing known
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

const band = (ageBand: PersonFacts["ageBand"]): PersonFacts => ({ ageBand, ageVerified: true });
const OWN_BANDS = new Map<string, PersonFacts>([
  [ALEX, band("18+")],
  [NOOR, band("13-15")],
  [LOTTE, band("13-15")],
  [SAM, band("8-12")],
]);

type Setup = {
  readonly gating: AgeGating;
  readonly probe: ReturnType<typeof vi.fn<ContactProbe>>;
  /** What this device has verified; a test may add to it (a presentation arrived). */
  readonly verified: Map<string, PersonFacts>;
};

function setup(
  self: string,
  options: {
    answer?: ProbeAnswer;
    pack?: "nl-default" | "baseline" | "strict";
    contacts?: readonly string[];
    accepted?: readonly string[];
  } = {},
): Setup {
  // At first this device knows only its own user's band; a test adds what it
  // has verified about others. "The recipient's band is unknown" means: not in it.
  const known = new Map<string, PersonFacts>();
  const own = OWN_BANDS.get(self);
  if (own !== undefined) known.set(self, own);
  const contacts = options.contacts ?? [];
  const probe = vi.fn<ContactProbe>(() => Promise.resolve(options.answer ?? "no-answer"));
  return {
    verified: known,
    probe,
    gating: ageGating({
      engine: createPolicyEngine(loadBundledPack(options.pack ?? "nl-default")),
      clock: () => NOW,
      ages: ageFactsFromVerified(self, known),
      isContact: (userId) => contacts.includes(userId),
      sharesAcceptedConversation: (userId) => (options.accepted ?? []).includes(userId),
      probe,
    }),
  };
}

describe("startChat: an adult and a recipient whose band is unknown", () => {
  it('refuses with the deterrence notice and Stop it Now when the recipient\'s device answers "protects-minor"', async () => {
    const { gating, probe } = setup(ALEX, { answer: "protects-minor" });
    const decision = await gating.startChat(STRANGER);
    expect(decision.effect).toBe("refused");
    expect(decision.relationship).toBe("minor-stranger");
    expect(decision.notices.map((n) => n.id)).toContain("deterrence-adult-to-minor");
    expect(decision.help).toContain("stop-it-now");
    expect(decision.failedClosed).toBe(false);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(probe).toHaveBeenCalledWith(STRANGER, {
      disclose: true,
      timeoutMs: CONTACT_PROBE_TIMEOUT_MS,
    });
  });

  it("refuses an account without a verified age the same way", async () => {
    const { gating } = setup(MARK, { answer: "protects-minor" });
    const decision = await gating.startChat(STRANGER);
    expect(decision.effect).toBe("refused");
    expect(decision.help).toContain("stop-it-now");
  });

  it('allows the chat when the recipient\'s device answers "open"', async () => {
    const { gating, probe } = setup(ALEX, { answer: "open" });
    const decision = await gating.startChat(STRANGER);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(decision.effect).toBe("allowed");
    expect(decision.relationship).toBe("unverified-stranger");
    expect(decision.notices).toEqual([]);
    expect(decision.help).toEqual([]);
  });

  it("never fails open when the recipient's device does not answer (offline): a notice with Stop it Now, then the adult may go on", async () => {
    for (const sender of [ALEX, MARK]) {
      const { gating, probe } = setup(sender, { answer: "no-answer" });
      const decision = await gating.startChat(STRANGER);
      expect(probe).toHaveBeenCalledTimes(1);
      expect(decision.effect).toBe("allowed-with-notice");
      expect(decision.relationship).toBe("unverified-stranger");
      expect(decision.notices.map((n) => n.id)).toEqual(["recipient-may-hold-aside"]);
      expect(decision.notices[0]?.copyKey).toBe("notice.deterrence.recipientMayHoldAside");
      expect(decision.help).toContain("stop-it-now");
      expect(decision.actions).toEqual(["continue", "cancel", "get-help", "why"]);
      expect(decision.reasons).toEqual(["contact/recipient-did-not-answer"]);
      expect(decision.failedClosed).toBe(false);
    }
  });

  it("decides again with what arrived during the probe: a verified minor's band wins over the answer", async () => {
    const { gating, probe, verified } = setup(ALEX);
    probe.mockImplementation((userId) => {
      // The recipient's device presented its band along with an "open" answer.
      verified.set(userId, band("13-15"));
      return Promise.resolve("open");
    });
    const decision = await gating.startChat(STRANGER);
    expect(decision.effect).toBe("refused");
    expect(decision.relationship).toBe("minor-stranger");
    expect(decision.help).toContain("stop-it-now");
  });
});

describe("startChat: when there is no probe", () => {
  it("does not probe a recipient whose band this device knows", async () => {
    const { gating, probe, verified } = setup(ALEX, { answer: "protects-minor" });
    verified.set(BOB, band("18+"));
    const decision = await gating.startChat(BOB);
    expect(probe).not.toHaveBeenCalled();
    expect(decision.effect).toBe("allowed");
    expect(decision.relationship).toBe("peer-stranger");
  });

  it("does not probe a contact, even one whose band is unknown", async () => {
    const { gating, probe } = setup(ALEX, { answer: "protects-minor", contacts: [STRANGER] });
    const decision = await gating.startChat(STRANGER);
    expect(probe).not.toHaveBeenCalled();
    expect(decision.effect).toBe("allowed");
    expect(decision.relationship).toBe("contact");
  });

  it("does not probe when the first decision already refuses", async () => {
    // An adult and a verified minor.
    const adult = setup(ALEX, { answer: "open" });
    adult.verified.set(NOOR, band("13-15"));
    expect((await adult.gating.startChat(NOOR)).effect).toBe("refused");
    expect(adult.probe).not.toHaveBeenCalled();
    // A child and anyone unknown (nl-default keeps 8-12s to peers and contacts).
    const child = setup(SAM, { answer: "open" });
    const decision = await child.gating.startChat(STRANGER);
    expect(decision.effect).toBe("refused");
    expect(decision.notices.map((n) => n.id)).toEqual(["contact-not-available"]);
    expect(child.probe).not.toHaveBeenCalled();
  });

  it("decides without asking when no probe is wired in, as with no answer (fail closed)", async () => {
    const engine = createPolicyEngine(loadBundledPack("nl-default"));
    const gating = ageGating({
      engine,
      clock: () => NOW,
      ages: ageFactsFromVerified(ALEX, new Map([[ALEX, band("18+")]])),
      isContact: () => false,
      sharesAcceptedConversation: () => false,
    });
    const decision = await gating.startChat(STRANGER);
    expect(decision.effect).toBe("allowed-with-notice");
    expect(decision.notices.map((n) => n.id)).toEqual(["recipient-may-hold-aside"]);
  });
});

describe("startChat: the disclose flag is the disclosure decision", () => {
  it("an adult discloses their band with the probe", async () => {
    const { gating, probe } = setup(ALEX, { answer: "open" });
    expect(gating.disclosure(STRANGER).effect).toBe("disclose");
    await gating.startChat(STRANGER);
    expect(probe.mock.calls[0]?.[1].disclose).toBe(true);
  });

  it("a 13-15 withholds it from an unverified stranger", async () => {
    const { gating, probe } = setup(NOOR, { answer: "open" });
    expect(gating.disclosure(STRANGER).effect).toBe("withhold");
    const decision = await gating.startChat(STRANGER);
    expect(probe.mock.calls[0]?.[1].disclose).toBe(false);
    // A teen reaching an unknown person is cautioned, not stopped.
    expect(decision.effect).toBe("allowed-with-notice");
    expect(decision.notices.map((n) => n.id)).toEqual(["contacting-unknown-adult"]);
  });

  it("a 13-15 reaching another protected minor is allowed without the unknown-adult caution", async () => {
    const { gating } = setup(NOOR, { answer: "protects-minor" });
    const decision = await gating.startChat(STRANGER);
    expect(decision.effect).toBe("allowed");
    expect(decision.relationship).toBe("minor-stranger");
  });

  it("nobody without a verified band discloses", async () => {
    const { gating, probe } = setup(MARK, { answer: "open" });
    await gating.startChat(STRANGER);
    expect(probe.mock.calls[0]?.[1].disclose).toBe(false);
  });
});

describe("disclosure", () => {
  it("shows a teen's band to a contact, and to a younger minor only in an accepted conversation", () => {
    const { gating, verified } = setup(NOOR, { contacts: [STRANGER], accepted: [] });
    expect(gating.disclosure(STRANGER).effect).toBe("disclose");
    verified.set(SAM, band("8-12"));
    expect(gating.disclosure(SAM).effect).toBe("withhold");
    const accepted = setup(NOOR, { accepted: [SAM] });
    accepted.verified.set(SAM, band("8-12"));
    expect(accepted.gating.disclosure(SAM).effect).toBe("disclose");
  });

  it("never shows a teen's band to a verified adult stranger", () => {
    const { gating, verified } = setup(LOTTE, { accepted: [ALEX] });
    verified.set(ALEX, band("18+"));
    expect(gating.disclosure(ALEX).effect).toBe("withhold");
  });
});

describe('the "baseline" control arm', () => {
  it('lets the adult through even when the recipient\'s device answers "protects-minor"', async () => {
    const { gating } = setup(ALEX, { pack: "baseline", answer: "protects-minor" });
    const decision = await gating.startChat(STRANGER);
    expect(decision.effect).toBe("allowed");
    expect(decision.notices).toEqual([]);
    expect(decision.help).toEqual([]);
  });

  it("lets the adult through without a notice when the recipient's device does not answer", async () => {
    const { gating } = setup(ALEX, { pack: "baseline", answer: "no-answer" });
    const decision = await gating.startChat(STRANGER);
    expect(decision.effect).toBe("allowed");
    expect(decision.notices).toEqual([]);
  });

  it("lets an adult through to a verified minor and shows no bands", async () => {
    const { gating, verified } = setup(ALEX, { pack: "baseline" });
    verified.set(NOOR, band("13-15"));
    expect((await gating.startChat(NOOR)).effect).toBe("allowed");
    expect(gating.disclosure(NOOR).effect).toBe("withhold");
  });
});
