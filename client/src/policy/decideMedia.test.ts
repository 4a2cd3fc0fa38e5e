// The facts of media decisions, and the architectural guarantee behind the
// measure: the client's one media call site builds its requests from facts
// about people only, so no byte, name, caption, type, size or URL of an image
// or file can reach the engine.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import type { ContactSummary, ConversationOriginRecord } from "../matrix/sessionTypes.ts";
import { ageFactsFromVerified } from "./ageFacts.ts";
import {
  incomingMediaRequest,
  outgoingMediaRequest,
  type MediaFactsSource,
  type MediaRoomLookup,
} from "./decideMedia.ts";
import { TEST_NOW, member, roomSnapshot } from "./testKit.ts";

const NOOR = "@noor:hs";
const LOTTE = "@lotte:hs";
const ALEX = "@alex:hs";
const SAM = "@sam:hs";
const HOUR = 3_600_000;
const bands = new Map<string, PersonFacts>([
  [NOOR, { ageBand: "13-15", ageVerified: true }],
  [LOTTE, { ageBand: "13-15", ageVerified: true }],
  [ALEX, { ageBand: "18+", ageVerified: true }],
]);
const contacts: readonly ContactSummary[] = [
  { userId: LOTTE, displayName: "Lotte", roomId: "!dm-lotte" },
  { userId: ALEX, displayName: "Alex", roomId: "!dm-alex" },
];
const origins = new Map<string, ConversationOriginRecord>([
  ["!dm-lotte", { origin: "in-person", acceptedAt: TEST_NOW - 400 * 24 * HOUR }],
]);
const source: MediaFactsSource = {
  ages: ageFactsFromVerified(NOOR, bands),
  contacts: () => contacts,
  conversationOrigin: (roomId) => origins.get(roomId),
};
const group = roomSnapshot({
  roomId: "!group",
  membership: "join",
  members: [
    member(LOTTE, "Lotte"),
    member(ALEX, "Alex"),
    member(SAM, "Sam", { membership: "left" }),
  ],
});
const dmAlex = roomSnapshot({
  roomId: "!dm-alex",
  membership: "join",
  isDirect: true,
  members: [member(ALEX, "Alex")],
  joinedAt: TEST_NOW - 2 * HOUR,
});
const rooms = (roomId: string | undefined): MediaRoomLookup => ({
  room: [group, dmAlex].find((room) => room.roomId === roomId),
  joinedAt: (other) => (other === "!dm-alex" ? dmAlex.joinedAt : undefined),
});
const engine = createPolicyEngine(loadBundledPack("nl-default"));

describe("media facts", () => {
  it("a contact's start comes from their direct chat's origin record", () => {
    expect(incomingMediaRequest(source, rooms("!group"), LOTTE, "image")).toEqual({
      point: "media",
      direction: "incoming",
      self: { ageBand: "13-15", ageVerified: true },
      sender: {
        person: { ageBand: "13-15", ageVerified: true },
        isContact: true,
        origin: "in-person",
        acceptedAt: TEST_NOW - 400 * 24 * HOUR,
      },
      roomKind: "group",
      mediaKind: "image",
    });
  });

  it("without a record: origin unknown, since this account joined their chat (read as recently accepted)", () => {
    const request = incomingMediaRequest(source, rooms("!dm-alex"), ALEX, "image");
    expect(request.sender).toMatchObject({ origin: "unknown", acceptedAt: TEST_NOW - 2 * HOUR });
    expect(request.roomKind).toBe("direct");
    expect(engine.decide(request, TEST_NOW)).toMatchObject({
      effect: "tap-to-download",
      relationship: "recently-accepted",
    });
  });

  it("someone who is not a contact has no start at all", () => {
    expect(incomingMediaRequest(source, rooms("!group"), SAM, "file").sender).toEqual({
      person: { ageBand: "unverified", ageVerified: false },
      isContact: false,
      origin: "unknown",
      acceptedAt: null,
    });
  });

  it("outgoing: everyone joined or invited receives it, not who left", () => {
    const request = outgoingMediaRequest(source, rooms("!group"), "image");
    expect(request.recipients.map((recipient) => recipient.isContact)).toEqual([true, true]);
    expect(engine.decide(request, TEST_NOW)).toMatchObject({
      effect: "think-first",
      relationships: ["contact", "recently-accepted"],
    });
  });

  it("an unknown room has no recipients, and the engine fails closed (visibly)", () => {
    const request = outgoingMediaRequest(source, rooms(undefined), "image");
    expect(request.recipients).toEqual([]);
    expect(request.roomKind).toBe("group");
    expect(engine.decide(request, TEST_NOW)).toMatchObject({
      effect: "think-first",
      failedClosed: true,
    });
  });

  it("every request it builds is exactly the engine's facts (the engine accepts it as is)", () => {
    for (const kind of ["image", "video", "audio", "file"] as const) {
      for (const sender of [NOOR, LOTTE, ALEX, SAM]) {
        const request = incomingMediaRequest(source, rooms("!group"), sender, kind);
        expect(Object.keys(request).sort()).toEqual(
          ["direction", "mediaKind", "point", "roomKind", "self", "sender"].sort(),
        );
        expect(engine.decide(request, TEST_NOW).failedClosed).toBe(false);
      }
      expect(
        engine.decide(outgoingMediaRequest(source, rooms("!group"), kind), TEST_NOW).failedClosed,
      ).toBe(false);
    }
  });
});

describe("architecture: media requests are built from facts only", () => {
  const src = new URL("..", import.meta.url).pathname;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });
  const callSite = new URL("./decideMedia.ts", import.meta.url).pathname;
  const text = readFileSync(callSite, "utf8");

  it("has one call site: only decideMedia.ts builds a media request", () => {
    const building = files(src).filter((path) =>
      /point:\s*"media"/.test(readFileSync(path, "utf8")),
    );
    expect(building.map((path) => relative(src, path))).toEqual(["policy/decideMedia.ts"]);
  });

  it("the call site imports types only, and none that carries media content", () => {
    const imports = [...text.matchAll(/^import\s+(type\s+)?[\s\S]*?from\s+"([^"]+)";/gm)];
    expect(imports.length).toBeGreaterThan(0);
    for (const [statement, typeOnly, from] of imports) {
      expect(typeOnly, statement).toBe("type ");
      expect(
        ["@safety-by-design/policy-engine", "../matrix/sessionTypes.ts", "./ageFacts.ts"],
        statement,
      ).toContain(from);
    }
    // The timeline's media type (bytes, name, caption, declared type and size) never enters.
    expect(text).not.toMatch(/TimelineMedia|TimelineMessage|mediaTypes|mediaContent|mediaDownload/);
  });

  it("reads nothing of an event: no body, url, file, info, caption or bytes", () => {
    const code = text.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
    for (const field of [".body", ".url", ".file", ".info", ".caption", ".filename", ".mimetype"]) {
      expect(code, field).not.toContain(field);
    }
    expect(code).not.toMatch(/Uint8Array|ArrayBuffer|Blob|fetch\(|sha256|hash/i);
  });
});
