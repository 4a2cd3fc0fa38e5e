// p99 latency of `decide` per decision point on the realistic nl-default pack.
//
// Method: after warm-up, each timing sample times a batch of 100 consecutive
// calls with process.hrtime.bigint() and divides by 100 (a single call is
// close to the timer's resolution, so batching keeps the clock out of the
// figure). The batch cycles through a set of realistic requests so no single
// path is measured alone. p99 is taken over the per-call times of all samples.
// Output: one `BENCH policy-engine-p99-<point> <value> us` line per point,
// then `BENCH policy-engine-p99-worst <value> us`. Nothing else goes to stdout.

import {
  DECISION_POINTS,
  createPolicyEngine,
  loadBundledPack,
} from "@safety-by-design/policy-engine";
import type { DecisionPoint, DecisionRequest, PersonFacts } from "@safety-by-design/policy-engine";

const WARM_UP_CALLS = 50_000;
const SAMPLES = 2_000;
const BATCH = 100;
const NOW = Date.UTC(2026, 10, 23, 12);

const loaded = loadBundledPack("nl-default");
if (!loaded.ok) throw new Error(`nl-default did not load: ${JSON.stringify(loaded.problems)}`);
const engine = createPolicyEngine(loaded);

const band = (ageBand: PersonFacts["ageBand"]): PersonFacts => ({
  ageBand,
  ageVerified: ageBand !== "unverified",
});
const people = [band("8-12"), band("13-15"), band("16-17"), band("18+"), band("unverified")];
const pairs = people.flatMap((a) => people.map((b) => [a, b] as const));

const requests: Record<DecisionPoint, DecisionRequest[]> = {
  discovery: pairs.map(([viewer, subject], index) => ({
    point: "discovery",
    surface: index % 3 === 0 ? "suggestions" : "search",
    viewer,
    subject,
    subjectSettings: { findableByPeers: index % 2 === 0, suggestedToPeers: index % 4 === 0 },
    isContact: index % 5 === 0,
  })),
  contact: pairs.map(([sender, recipient], index) => ({
    point: "contact",
    sender,
    recipient,
    isContact: index % 6 === 0,
  })),
  "incoming-contact": pairs.map(([recipient, sender], index) => ({
    point: "incoming-contact",
    recipient,
    sender,
    isContact: index % 6 === 0,
    sharedRoomCount: index % 3,
    sameServer: index % 2 === 0,
    nameResemblesContact: index % 7 === 0,
    nameResemblesHelpService: index % 11 === 0,
  })),
  "conversation-notice": pairs.map(([self, other], index) => ({
    point: "conversation-notice",
    self,
    other,
    origin: index % 4 === 0 ? "in-person" : "accepted-request",
    acceptedAt: NOW - (index % 10) * 86_400_000,
    nameResemblesContact: index % 7 === 0,
    nameResemblesHelpService: false,
  })),
  disclosure: pairs.map(([self, audience], index) => ({
    point: "disclosure",
    self,
    audience,
    isContact: index % 4 === 0,
    conversationAccepted: index % 3 === 0,
  })),
  report: pairs.map(([reporter, reported], index) => ({
    point: "report",
    reporter,
    reported,
    isContact: index % 5 === 0,
    target: index % 2 === 0 ? "request" : "message",
    ...(index % 3 === 0
      ? {}
      : { category: index % 2 === 0 ? "sextortion" : "child-sexual-abuse-material" }),
    materialLocation: index % 4 === 0 ? "public-website" : "chat",
    hasPublicUrl: index % 8 === 0,
    nameResemblesContact: false,
    nameResemblesHelpService: index % 9 === 0,
  })),
  help: people.flatMap((person) =>
    (["general", "after-warning", "after-report", "after-deterrence"] as const).map((moment) => ({
      point: "help" as const,
      person,
      moment,
      reportCategory: "sextortion" as const,
      locale: moment === "general" ? "de-DE" : "nl-NL",
    })),
  ),
  "protective-setting-change": people.flatMap((person) =>
    (["findable-by-peers", "suggested-to-peers"] as const).flatMap((setting) =>
      [true, false].map((newValue) => ({
        point: "protective-setting-change" as const,
        person,
        setting,
        newValue,
      })),
    ),
  ),
  // Small rooms here (the per-decision figure); the 50-member room is timed on its own below.
  room: people.flatMap((self, index) =>
    (["invite", "join"] as const).map((membership) =>
      roomRequest(self, membership, 3 + (index % 5)),
    ),
  ),
  // Both directions, every relationship: contact, recently accepted, strangers of every band.
  media: pairs.map(([self, other], index): DecisionRequest => {
    const counterpart = {
      person: other,
      isContact: index % 3 !== 0,
      origin: index % 4 === 0 ? ("in-person" as const) : ("accepted-request" as const),
      acceptedAt: NOW - (index % 10) * 86_400_000,
    };
    return index % 2 === 0
      ? {
          point: "media",
          direction: "incoming",
          self,
          sender: counterpart,
          roomKind: "direct",
          mediaKind: "image",
        }
      : {
          point: "media",
          direction: "outgoing",
          self,
          recipients: [counterpart, { ...counterpart, isContact: true, origin: "in-person" }],
          roomKind: index % 3 === 0 ? "group" : "direct",
          mediaKind: index % 5 === 0 ? "file" : "image",
        };
  }),
};

/** A room of `size` others around `self`: a contact who invited, strangers of every band. */
function roomRequest(
  self: PersonFacts,
  membership: "invite" | "join",
  size: number,
): DecisionRequest {
  return {
    point: "room",
    self,
    membership,
    isDirect: false,
    membersKnown: true,
    members: Array.from({ length: size }, (_, index) => ({
      person: people[index % people.length] as PersonFacts,
      isContact: index === 0 || index % 4 === 1,
      sharedRoomCount: index % 3,
      sameServer: index % 5 !== 0,
      nameResemblesContact: index % 13 === 7,
      nameResemblesHelpService: index % 17 === 9,
      roles: index === 0 ? (["inviter", "creator"] as const) : [],
      acceptedHere: index % 6 === 2,
    })),
    profileSetBy: [0, size - 1],
    roomNameResemblesContact: false,
    roomNameResemblesHelpService: size % 2 === 0,
  };
}

let sink = 0;

function p99PerCallMicros(set: readonly DecisionRequest[]): number {
  let next = 0;
  for (let call = 0; call < WARM_UP_CALLS; call++) {
    sink += engine.decide(set[next] as DecisionRequest, NOW).reasons.length;
    next = (next + 1) % set.length;
  }
  const perCall = new Float64Array(SAMPLES);
  for (let sample = 0; sample < SAMPLES; sample++) {
    const start = process.hrtime.bigint();
    for (let call = 0; call < BATCH; call++) {
      sink += engine.decide(set[next] as DecisionRequest, NOW).reasons.length;
      next = (next + 1) % set.length;
    }
    perCall[sample] = Number(process.hrtime.bigint() - start) / BATCH / 1000;
  }
  perCall.sort();
  return perCall[Math.floor(SAMPLES * 0.99)] ?? Number.POSITIVE_INFINITY;
}

let worst = 0;
for (const point of DECISION_POINTS) {
  const micros = p99PerCallMicros(requests[point]);
  worst = Math.max(worst, micros);
  process.stdout.write(`BENCH policy-engine-p99-${point} ${micros.toFixed(3)} us\n`);
}
process.stdout.write(`BENCH policy-engine-p99-worst ${worst.toFixed(3)} us\n`);

// One decision over a 50-member room (target: 1 ms), the p99 of single calls.
const bigRooms = people.flatMap((self) =>
  (["invite", "join"] as const).map((membership) => roomRequest(self, membership, 50)),
);
const roomSamples = new Float64Array(SAMPLES);
for (let call = 0; call < 2_000; call++) {
  sink += engine.decide(bigRooms[call % bigRooms.length] as DecisionRequest, NOW).reasons.length;
}
for (let sample = 0; sample < SAMPLES; sample++) {
  const request = bigRooms[sample % bigRooms.length] as DecisionRequest;
  const start = process.hrtime.bigint();
  sink += engine.decide(request, NOW).reasons.length;
  roomSamples[sample] = Number(process.hrtime.bigint() - start) / 1000;
}
roomSamples.sort();
const roomP99 = roomSamples[Math.floor(SAMPLES * 0.99)] ?? Number.POSITIVE_INFINITY;
process.stdout.write(`BENCH policy-engine-room-50-members-p99 ${(roomP99 / 1000).toFixed(3)} ms\n`);
// Every decision has at least one reason, so the sink proves the calls were not optimised away.
if (sink === 0) throw new Error("benchmark made no decisions");
