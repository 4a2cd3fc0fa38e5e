// The classroom's central log: consent per seat draws a pseudonym, every
// event lands in the run open for its own seat when it arrives (never in a
// finished or another seat's run), withdrawal deletes, and what is stored
// holds no seat and passes the same checks when read back.
import { describe, expect, it } from "vitest";
import { STUDY_SCENARIO_IDS } from "./scenarioIds.ts";
import type { StudyVocabulary } from "./events.ts";
import { parseSessionLog, seatName, serializeSessionLog, SessionLog } from "./sessionLog.ts";

const vocabulary: StudyVocabulary = {
  scenarioIds: new Set(STUDY_SCENARIO_IDS),
  packIds: new Set(["none", "nl-default", "baseline"]),
  copyKeys: new Set(),
};
const HELP = { kind: "help-opened", moment: "general" } as const;

function log(random: (bytes: Uint8Array) => void = counter()): SessionLog {
  let now = 1_000;
  return new SessionLog({
    vocabulary,
    consentTextVersion: "2026-11",
    now: () => (now += 10),
    randomBytes: random,
  });
}

function counter(): (bytes: Uint8Array) => void {
  let n = 0;
  return (bytes) => bytes.fill((n += 1));
}

const runsOf = (l: SessionLog, seat: string): string[] => {
  const participant = l.seatState(seat).participant;
  return l
    .records()
    .filter((r) => r.participant === participant)
    .map((r) => `${r.kind}:${r.scenario ?? "-"}:${String(r.run)}`);
};

describe("the session log", () => {
  it("names seats p01…p99 and p100 on", () => {
    expect([1, 9, 30, 100].map(seatName)).toEqual(["p01", "p09", "p30", "p100"]);
  });

  it("records nothing for a seat without consent", () => {
    const l = log();
    expect(l.record("p01", HELP)).toBe("no-consent");
    expect(l.startRun("p01", "threat-to-noor")).toBe("no-consent");
    expect(l.records()).toEqual([]);
  });

  it("keeps each seat's runs apart, and a later scenario never lands in a finished run", () => {
    const l = log();
    l.giveConsent("p01");
    l.giveConsent("p02");
    l.startRun("p01", "peer-daan-contacts-noor");
    l.startRun("p02", "threat-to-noor");
    l.record("p01", HELP);
    l.endRun("p01");
    l.record("p01", HELP);
    l.startRun("p01", "threat-to-noor");
    l.record("p01", HELP);
    l.record("p02", HELP);
    expect(runsOf(l, "p01")).toEqual([
      "scenario-started:peer-daan-contacts-noor:1",
      "help-opened:peer-daan-contacts-noor:1",
      "scenario-ended:peer-daan-contacts-noor:1",
      "help-opened:-:0",
      "scenario-started:threat-to-noor:2",
      "help-opened:threat-to-noor:2",
    ]);
    expect(runsOf(l, "p02")).toEqual([
      "scenario-started:threat-to-noor:1",
      "help-opened:threat-to-noor:1",
    ]);
  });

  it("refuses invalid events and counts them, without keeping anything of them", () => {
    const l = log();
    l.giveConsent("p01");
    expect(l.record("p01", { kind: "help-opened", moment: "Noor zegt hoi" })).toBe("invalid");
    expect(l.record("p01", { kind: "scenario-started" })).toBe("invalid");
    expect(l.droppedCount()).toBe(2);
    expect(JSON.stringify(l.stored())).not.toContain("Noor");
  });

  it("draws a fresh pseudonym per consent, even from a random source that repeats once", () => {
    let calls = 0;
    const l = log((bytes) => bytes.fill(calls++ < 2 ? 1 : 2));
    const first = l.giveConsent("p01");
    expect(l.giveConsent("p01")).toBe(first);
    expect(l.giveConsent("p02")).not.toBe(first);
  });

  it("withdrawal deletes the seat's records, keeps the withdrawn consent and forgets the link", () => {
    const l = log();
    const participant = l.giveConsent("p01");
    l.giveConsent("p02");
    l.record("p01", HELP);
    l.record("p02", HELP);
    expect(l.withdrawConsent("p01")).toEqual({ deleted: 1 });
    expect(l.hasConsent("p01")).toBe(false);
    expect(l.seatState("p01").participant).toBeUndefined();
    expect(l.records()).toHaveLength(1);
    expect(l.consents().find((c) => c.participant === participant)?.withdrawnAt).not.toBeNull();
    expect(l.record("p01", HELP)).toBe("no-consent");
  });

  it("stores pseudonyms and ids only, and reads back only what recording allows", () => {
    const l = log();
    l.giveConsent("p07");
    l.startRun("p07", "threat-to-noor");
    l.record("p07", HELP);
    const text = serializeSessionLog(l.stored());
    expect(text).not.toContain("p07");
    const back = parseSessionLog(text, vocabulary);
    expect(back).toEqual(l.stored());
    const tampered = text.replace('"general"', '"Stuur me een foto"');
    expect(parseSessionLog(tampered, vocabulary).records).toHaveLength(1);
    expect(parseSessionLog("not json", vocabulary)).toEqual({ consents: [], records: [] });
  });
});
