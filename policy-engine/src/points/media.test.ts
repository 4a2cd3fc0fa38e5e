// The media point as a whole: the decision's shape per direction, fail
// closed, and the guarantee the measure rests on: no byte of an image or file
// (nor its hash, name, caption, type, size or URL) can reach the engine. A
// request carrying anything beyond the listed facts is refused, by the
// engine's own check and by the strict request schema alike.

import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPolicyEngine, decide } from "../index.ts";
import type { DecisionRequest, MediaDecision } from "../index.ts";
import { DecisionRequestSchema } from "../model/request-schema.ts";
import {
  HOUR,
  NOW,
  adult,
  child,
  nlDefault,
  strict,
  teen13,
  unverified,
} from "../../test/support/fixtures.ts";
import { adultOrUnverified, anyPerson, verifiedMinor } from "../../test/support/arbitraries.ts";
import {
  acceptedContact,
  incomingMedia,
  knownContact,
  outgoingMedia,
  strangerCounterpart,
} from "../../test/support/media.ts";

const engine = createPolicyEngine(nlDefault);
const raw = (request: unknown): MediaDecision =>
  decide(request as DecisionRequest, { pack: nlDefault, now: NOW }) as MediaDecision;

/** The only facts a media request may hold, per object. */
const FACTS = {
  incoming: ["direction", "mediaKind", "point", "roomKind", "self", "sender"],
  outgoing: ["direction", "mediaKind", "point", "recipients", "roomKind", "self"],
  counterpart: ["acceptedAt", "isContact", "origin", "person"],
  person: ["ageBand", "ageVerified"],
};

/** Things a careless or hostile call site could try to pass along with the facts. */
const PAYLOADS: readonly (readonly [string, () => unknown])[] = [
  ["a Uint8Array of the image", () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0])],
  ["an ArrayBuffer", () => new ArrayBuffer(16)],
  ["a data URL", () => "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ=="],
  ["an mxc URL", () => "mxc://example.org/abc"],
  ["a SHA-256 hash", () => "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"],
  ["a file name", () => "IMG_0042.jpg"],
  ["a size", () => 5_000_000],
  ["a nested object", () => ({ bytes: [1, 2, 3] })],
];
const FIELD_NAMES = ["body", "url", "file", "info", "thumbnail", "bytes", "hash", "mimetype"];

function expectRefused(request: unknown): void {
  expect(DecisionRequestSchema.safeParse(request).success).toBe(false);
  const decision = raw(request);
  expect(decision.failedClosed).toBe(true);
  expect(decision.errors[0]?.code).toBe("invalid-request");
}

describe("media: no byte of the media can reach the engine", () => {
  it("the request schema lists exactly the facts, nothing else", () => {
    const incoming = incomingMedia({ sender: strangerCounterpart(adult) });
    const outgoing = outgoingMedia();
    expect(Object.keys(incoming).sort()).toEqual(FACTS.incoming);
    expect(Object.keys(outgoing).sort()).toEqual(FACTS.outgoing);
    expect(Object.keys(incoming.sender).sort()).toEqual(FACTS.counterpart);
    expect(DecisionRequestSchema.safeParse(incoming).success).toBe(true);
    expect(DecisionRequestSchema.safeParse(outgoing).success).toBe(true);
    expect(raw(incoming).failedClosed).toBe(false);
  });

  it.each(PAYLOADS)("refuses %s in an extra field, at every level of the request", (_, payload) => {
    for (const field of FIELD_NAMES) {
      expectRefused({ ...incomingMedia(), [field]: payload() });
      expectRefused({ ...outgoingMedia(), [field]: payload() });
      const sender = { ...knownContact(), [field]: payload() };
      expectRefused(incomingMedia({ sender }));
      expectRefused(outgoingMedia({ recipients: [knownContact(), sender] }));
      expectRefused(incomingMedia({ self: { ...teen13, [field]: payload() } }));
    }
  });

  it.each(PAYLOADS)("refuses %s in place of a fact", (_, payload) => {
    for (const key of ["self", "sender", "roomKind", "mediaKind", "direction"]) {
      expectRefused({ ...incomingMedia(), [key]: payload() });
    }
    expectRefused(outgoingMedia({ recipients: [payload()] as never }));
    // (A number in acceptedAt is a time, a fact: only non-numbers are refused there.)
    const value = payload();
    if (typeof value !== "number") {
      expectRefused(incomingMedia({ sender: { ...knownContact(), acceptedAt: value as never } }));
    }
  });

  it("refuses the media itself, or a class instance, as the request or as a person", () => {
    expectRefused(new Uint8Array(64));
    const instance = Object.assign(Object.create({ kind: "image" }) as object, incomingMedia());
    expectRefused(instance);
    expectRefused(incomingMedia({ self: Object.assign(new Uint8Array(2), teen13) }));
  });

  it("refuses any extra field, whatever its name or value (property)", () => {
    const known = new Set([...FACTS.incoming, ...FACTS.outgoing]);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((key) => !known.has(key) && key !== "__proto__"),
        fc.anything(),
        fc.boolean(),
        (key, value, incoming) => {
          const base = incoming ? incomingMedia() : outgoingMedia();
          expectRefused({ ...base, [key]: value });
        },
      ),
    );
  });

  it("ignores only what no code can read as data: a non-enumerable or symbol-keyed property", () => {
    // Neither is serialised, hashed into the decision id or read by a rule; the decision is the
    // one for the listed facts alone.
    const hidden = incomingMedia();
    Object.defineProperty(hidden, "bytes", { value: new Uint8Array(4), enumerable: false });
    expect(raw(hidden)).toEqual(raw(incomingMedia()));
    expect(JSON.stringify(hidden)).toBe(JSON.stringify(incomingMedia()));
  });
});

describe("media: the decision per direction", () => {
  it("incoming from a stranger: tap first, then blurred; block, report and help one tap away", () => {
    const decision = engine.decide(incomingMedia({ sender: strangerCounterpart(adult) }), NOW);
    expect(decision).toMatchObject({
      point: "media",
      direction: "incoming",
      effect: "tap-to-download",
      relationship: "adult-stranger",
      blurred: true,
      until: null,
      actions: ["view", "block", "report", "get-help", "why"],
    });
    expect(decision.help.slice(0, 2)).toEqual(["helpwanted", "kindertelefoon"]);
  });

  it("incoming for an 8-12 from a stranger: not viewable, nothing to tap", () => {
    const decision = engine.decide(
      incomingMedia({ self: child, sender: strangerCounterpart(unverified) }),
      NOW,
    );
    expect(decision.effect).toBe("not-viewable");
    expect(decision.blurred).toBe(false);
    expect(decision.actions).not.toContain("view");
  });

  it("recently accepted: the decision says when it ends, and after that the photo shows", () => {
    const request = incomingMedia({ sender: acceptedContact(adult, 1) });
    const now = engine.decide(request, NOW);
    expect(now.effect).toBe("tap-to-download");
    expect(now.until).toBe(NOW - HOUR + 168 * HOUR);
    expect(engine.decide(request, now.until ?? 0).effect).toBe("show");
  });

  it("outgoing to someone accepted an hour ago: think first, may still send, unsend with caveat after", () => {
    const decision = engine.decide(outgoingMedia({ recipients: [acceptedContact(adult, 1)] }), NOW);
    expect(decision).toMatchObject({
      direction: "outgoing",
      effect: "think-first",
      relationships: ["recently-accepted"],
      unsend: true,
      unsendCaveat: { id: "media-unsend-caveat", copyKey: "notice.mediaUnsendCaveat.teen13" },
      actions: ["continue", "cancel", "get-help", "why"],
    });
    expect(decision.help).toContain("helpwanted");
  });

  it("outgoing to a contact: sent without a notice or help", () => {
    const decision = engine.decide(outgoingMedia({ recipients: [knownContact()] }), NOW);
    expect(decision).toMatchObject({ effect: "send", notices: [], help: [], actions: [] });
  });
});

describe("media: fail closed", () => {
  const broken = createPolicyEngine({ ok: false, problems: [{ path: "/media", message: "x" }] });

  it("a broken pack makes incoming media not viewable, with the policy-error notice", () => {
    const decision = broken.decide(incomingMedia({ sender: knownContact() }), NOW);
    expect(decision).toMatchObject({
      direction: "incoming",
      effect: "not-viewable",
      failedClosed: true,
      notices: [{ id: "policy-error" }],
    });
  });

  it("a broken pack asks to think first before sending, and still offers unsend with its caveat", () => {
    const decision = broken.decide(outgoingMedia(), NOW);
    expect(decision).toMatchObject({
      direction: "outgoing",
      effect: "think-first",
      unsend: true,
      unsendCaveat: { copyKey: "notice.mediaUnsendCaveat.teen13" },
      failedClosed: true,
    });
  });

  it("an outgoing request without recipients fails closed (nobody known to judge)", () => {
    expect(raw({ ...outgoingMedia(), recipients: [] })).toMatchObject({
      effect: "think-first",
      failedClosed: true,
    });
  });
});

describe("media: invariants of the protective packs (property)", () => {
  const protective = fc.constantFrom(nlDefault, strict);
  const time = fc.integer({ min: NOW - 60 * 24 * HOUR, max: NOW });
  const stranger = (person: fc.Arbitrary<typeof teen13>) =>
    fc.record({
      person,
      isContact: fc.constant(false),
      origin: fc.constantFrom("accepted-request", "started-by-me", "in-person", "unknown" as const),
      acceptedAt: fc.option(time, { nil: null }),
    });
  const kind = fc.constantFrom("image", "video", "audio", "file" as const);

  it("a minor never sees media from someone who is not a contact without tapping first; 8-12 not at all", () => {
    fc.assert(
      fc.property(
        protective,
        verifiedMinor,
        stranger(anyPerson),
        kind,
        (pack, self, sender, mediaKind) => {
          const decision = createPolicyEngine(pack).decide(
            incomingMedia({ self, sender, mediaKind, roomKind: "group" }),
            NOW,
          );
          expect(decision.effect).not.toBe("show");
          if (self.ageBand === "8-12") expect(decision.effect).toBe("not-viewable");
          expect(decision.actions).toEqual(expect.arrayContaining(["block", "report", "get-help"]));
          expect(decision.help).toContain("helpwanted");
        },
      ),
    );
  });

  it("a minor always thinks first before an image goes to an unknown adult, whoever else is in the room", () => {
    fc.assert(
      fc.property(
        protective,
        verifiedMinor,
        stranger(adultOrUnverified),
        fc.array(fc.constant(knownContact()), { maxLength: 3 }),
        (pack, self, adultStranger, contacts) => {
          const decision = createPolicyEngine(pack).decide(
            outgoingMedia({ self, recipients: [...contacts, adultStranger], roomKind: "group" }),
            NOW,
          );
          expect(decision.effect).toBe("think-first");
          expect(decision.unsend).toBe(true);
        },
      ),
    );
  });
});
