// The study log records only with consent, forgets a participant who
// withdraws, and can hold nothing but closed-vocabulary values: message text,
// names and Matrix IDs fed through any of its surfaces never reach the stored
// log or an export.

import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { createStudyVocabulary, type StudyEventInput } from "./events.ts";
import { exportStudyCsv, exportStudyJson } from "./export.ts";
import { NO_STUDY } from "./recorder.ts";
import {
  createMemoryStudyStore,
  createStorageStudyStore,
  type StudyStorage,
  type StudyStore,
} from "./store.ts";
import { StudyLog } from "./studyLog.ts";

const loaded = loadBundledPack("nl-default");
if (!loaded.ok) throw new Error("nl-default does not load");
const pack = loaded.pack;
const engine = createPolicyEngine(pack);
const T0 = 1_750_000_000_000;

const incoming = engine.decide(
  {
    point: "incoming-contact",
    recipient: { ageBand: "13-15", ageVerified: true },
    sender: { ageBand: "18+", ageVerified: true },
    isContact: false,
    sharedRoomCount: 0,
    sameServer: true,
    nameResemblesContact: false,
    nameResemblesHelpService: false,
  },
  T0,
);
const report = engine.decide(
  {
    point: "report",
    reporter: { ageBand: "13-15", ageVerified: true },
    reported: { ageBand: "18+", ageVerified: true },
    isContact: false,
    target: "request",
    materialLocation: "chat",
    hasPublicUrl: false,
    nameResemblesContact: false,
    nameResemblesHelpService: false,
  },
  T0,
);
const notice = incoming.notices[0];
if (notice === undefined) throw new Error("expected a notice");

const vocabulary = createStudyVocabulary({
  scenarioIds: ["stranger-request", "known-friend"],
  packs: [pack],
});

/** One valid event of every kind a view model records. */
const VALID_EVENTS: readonly StudyEventInput[] = [
  {
    kind: "notice-shown",
    decisionId: incoming.decisionId,
    packId: "nl-default",
    noticeId: notice.id,
    copyKey: notice.copyKey,
  },
  { kind: "why-opened", decisionId: incoming.decisionId, packId: "nl-default" },
  { kind: "help-opened", moment: "after-warning" },
  { kind: "help-resource-opened", moment: "after-warning", resource: "kindertelefoon" },
  {
    kind: "request-answered",
    decisionId: incoming.decisionId,
    packId: "nl-default",
    choice: "blocked",
  },
  { kind: "action-chosen", decisionId: incoming.decisionId, packId: "nl-default", action: "block" },
  {
    kind: "report-filed",
    decisionId: report.decisionId,
    packId: "nl-default",
    category: "grooming",
    target: "request",
  },
];

/** What a chat holds that must never reach the study: content and identifiers. */
const HOSTILE = [
  "Hoi Noor, hoe oud ben je? Stuur je een foto van jezelf?",
  "@alex:localhost",
  "@noor:localhost",
  "!abc:localhost",
  "!AbCdEfGhIjKlMnOp:matrix.org",
  "$event123:localhost",
  "#klas-3b:localhost",
  "Alex 💜",
  "Noor de Vries",
  "alex",
  "noor",
  "noor.devries@example.com",
  "https://example.com/meet-me?u=noor",
  "mxc://localhost/AbCdEf",
  "+31 6 12345678",
  "<script>alert(1)</script>",
  '=HYPERLINK("https://evil.example")',
  'line one\r\nline two, "quoted"',
  "nl-default@1.0.0/incoming-contact/@alex:localhost",
];
/** Fragments that betray any of the above, even partly copied. */
const FRAGMENTS = [
  "alex",
  "Alex",
  "noor",
  "Noor",
  "localhost",
  "example",
  "matrix.org",
  "http",
  "mxc:",
  "script",
  "HYPERLINK",
  "Hoi",
  "foto",
  "💜",
  "+31",
  "line one",
];

function newLog(
  store: StudyStore = createMemoryStudyStore(),
  now: () => number = (() => {
    let t = T0;
    return () => (t += 1000);
  })(),
): StudyLog {
  let counter = 0;
  return new StudyLog({
    store,
    vocabulary,
    consentTextVersion: "2025-06",
    now,
    randomBytes: (bytes) => {
      counter += 1;
      bytes.fill(counter);
    },
  });
}

function expectClean(text: string | null): void {
  expect(text).not.toBeNull();
  for (const value of [...HOSTILE, ...FRAGMENTS]) {
    expect(text, `leaked ${JSON.stringify(value)}`).not.toContain(value);
  }
}

/** A deterministic PRNG, so a failing case can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

describe("consent", () => {
  it("records nothing before consent is given", () => {
    const store = createMemoryStudyStore();
    const log = newLog(store);
    for (const event of VALID_EVENTS) expect(log.record(event)).toBe("no-consent");
    expect(log.startScenario("stranger-request")).toBe("no-consent");
    expect(log.records()).toEqual([]);
    expect(store.raw()).toBeNull();
  });

  it("records with consent, stamped with participant, scenario, run, order and time", () => {
    const log = newLog();
    const participant = log.giveConsent();
    expect(participant).toMatch(/^p-[0-9a-f]{16}$/);
    expect(log.consent()).toEqual({
      participant,
      textVersion: "2025-06",
      givenAt: T0 + 1000,
      withdrawnAt: null,
    });
    expect(log.startScenario("stranger-request")).toBe("recorded");
    log.recorder.record(VALID_EVENTS[0] as StudyEventInput);
    expect(log.records()).toEqual([
      {
        kind: "scenario-started",
        participant,
        scenario: "stranger-request",
        run: 1,
        seq: 1,
        at: T0 + 2000,
      },
      {
        ...VALID_EVENTS[0],
        participant,
        scenario: "stranger-request",
        run: 1,
        seq: 2,
        at: T0 + 3000,
      },
    ]);
  });

  it("withdrawal deletes every record of that participant, from memory and storage", () => {
    const store = createMemoryStudyStore();
    const log = newLog(store);
    const first = log.giveConsent();
    log.startScenario("stranger-request");
    for (const event of VALID_EVENTS) expect(log.record(event)).toBe("recorded");
    const second = log.giveConsent();
    log.startScenario("known-friend");
    log.record(VALID_EVENTS[2]);
    expect(store.raw()).toContain(first);

    log.withdrawConsent(first);
    expect(log.records().every((r) => r.participant === second)).toBe(true);
    expect(log.records()).toHaveLength(2);
    const stored = JSON.parse(store.raw() ?? "") as { records: { participant: string }[] };
    expect(stored.records.map((r) => r.participant)).toEqual([second, second]);
    // Only the consent record stays, marked withdrawn.
    expect(log.consents().find((c) => c.participant === first)?.withdrawnAt).toBeTypeOf("number");
    // A fresh log on the same storage sees the same.
    expect(newLog(store).records()).toEqual(log.records());
  });

  it("stops recording the current participant when they withdraw", () => {
    const store = createMemoryStudyStore();
    const log = newLog(store);
    const participant = log.giveConsent();
    log.record(VALID_EVENTS[2]);
    log.withdrawConsent();
    expect(log.consent()).toBeUndefined();
    expect(log.record(VALID_EVENTS[2])).toBe("no-consent");
    expect(log.records()).toEqual([]);
    expect(JSON.parse(store.raw() ?? "")).toMatchObject({
      current: null,
      records: [],
      consents: [{ participant, withdrawnAt: expect.any(Number) as number }],
    });
  });

  it("deleteAll forgets every participant", () => {
    const store = createMemoryStudyStore();
    const log = newLog(store);
    log.giveConsent();
    log.record(VALID_EVENTS[2]);
    log.deleteAll();
    expect(newLog(store).records()).toEqual([]);
    expect(newLog(store).consents()).toEqual([]);
  });
});

describe("the log", () => {
  it("keeps scenario runs apart and numbers them per participant", () => {
    const log = newLog();
    log.giveConsent();
    log.record(VALID_EVENTS[2]);
    log.startScenario("stranger-request");
    log.startScenario("known-friend");
    log.endScenario();
    expect(log.endScenario()).toBe("no-scenario");
    expect(log.records().map((r) => [r.kind, r.scenario, r.run])).toEqual([
      ["help-opened", null, 0],
      ["scenario-started", "stranger-request", 1],
      ["scenario-ended", "stranger-request", 1],
      ["scenario-started", "known-friend", 2],
      ["scenario-ended", "known-friend", 2],
    ]);
  });

  it("is bounded", () => {
    let counter = 0;
    const log = new StudyLog({
      store: createMemoryStudyStore(),
      vocabulary,
      consentTextVersion: "2025-06",
      now: () => T0,
      randomBytes: (bytes) => bytes.fill((counter += 1)),
      maxRecords: 3,
    });
    log.giveConsent();
    for (let i = 0; i < 3; i += 1) expect(log.record(VALID_EVENTS[2])).toBe("recorded");
    expect(log.record(VALID_EVENTS[2])).toBe("log-full");
    expect(log.records()).toHaveLength(3);
    expect(log.droppedCount()).toBe(1);
  });

  it("drops an event the device cannot store, without throwing", () => {
    let text: string | null = null;
    let full = false;
    const storage: StudyStorage = {
      getItem: () => text,
      setItem: (_key, value) => {
        if (full) throw new DOMException("quota", "QuotaExceededError");
        text = value;
      },
      removeItem: () => undefined,
    };
    const log = newLog(createStorageStudyStore(storage));
    log.giveConsent();
    expect(log.record(VALID_EVENTS[2])).toBe("recorded");
    full = true;
    expect(log.record(VALID_EVENTS[3])).toBe("not-saved");
    expect(log.records()).toHaveLength(1);
  });

  it("ignores events when no study runs", () => {
    expect(() => {
      NO_STUDY.record(VALID_EVENTS[0] as StudyEventInput);
    }).not.toThrow();
  });
});

describe("no content or identifier reaches the log", () => {
  /** Every way a hostile string can be offered to one valid event. */
  function hostileVariants(event: StudyEventInput, hostile: string): unknown[] {
    const fields = event as unknown as Record<string, unknown>;
    const decisionIds =
      "decisionId" in fields
        ? [
            { ...fields, decisionId: `nl-default@1.0.0/incoming-contact/${hostile}` },
            { ...fields, decisionId: `${hostile}@1.0.0/incoming-contact/0123456789abcdef` },
            { ...fields, packId: hostile, decisionId: `${hostile}@1.0.0/report/0123456789abcdef` },
          ]
        : [];
    return [
      // each field replaced, also by a value of the wrong type
      ...Object.keys(fields).flatMap((key) => [
        { ...fields, [key]: hostile },
        { ...fields, [key]: [hostile] },
        { ...fields, [key]: { toString: () => hostile } },
      ]),
      // decision ids that embed it
      ...decisionIds,
      // not an event at all
      hostile,
      [hostile],
    ];
  }

  it("drops every event with a hostile value in any field", () => {
    const log = newLog();
    log.giveConsent();
    log.startScenario("stranger-request");
    for (const event of VALID_EVENTS) {
      for (const hostile of HOSTILE) {
        for (const variant of hostileVariants(event, hostile)) {
          expect(log.record(variant), JSON.stringify(variant)).toBe("invalid");
        }
      }
    }
    expect(log.records()).toHaveLength(1); // scenario-started
  });

  it("keeps a valid event but none of the extra fields a caller adds", () => {
    const store = createMemoryStudyStore();
    const log = newLog(store);
    log.giveConsent();
    for (const event of VALID_EVENTS) {
      for (const hostile of HOSTILE) {
        const withExtras = {
          ...event,
          body: hostile,
          sender: hostile,
          displayName: hostile,
          roomId: hostile,
          userId: hostile,
          [hostile]: hostile,
        };
        expect(log.record(withExtras)).toBe("recorded");
      }
    }
    const stored = log.records().at(-1) ?? {};
    expect(Object.keys(stored).sort()).toEqual(
      [
        ...Object.keys(VALID_EVENTS.at(-1) ?? {}),
        "participant",
        "scenario",
        "run",
        "seq",
        "at",
      ].sort(),
    );
    expectClean(store.raw());
    expectClean(exportStudyCsv(log.records()));
    expectClean(exportStudyJson({ records: log.records(), consents: log.consents() }, T0));
  });

  it("refuses hostile scenario ids, consent versions, vocabularies, clocks and participants", () => {
    const store = createMemoryStudyStore();
    const log = newLog(store);
    log.giveConsent();
    for (const hostile of HOSTILE) {
      expect(log.startScenario(hostile)).toBe("invalid");
      log.withdrawConsent(hostile);
      expect(
        () =>
          new StudyLog({
            store: createMemoryStudyStore(),
            vocabulary,
            consentTextVersion: hostile,
            now: () => T0,
            randomBytes: () => undefined,
          }),
      ).toThrow(TypeError);
      // Scenario ids are the researcher's (a slug such as "alex" may name a
      // scripted persona); anything that is not a slug is refused.
      if (!/^[a-z0-9-]+$/.test(hostile)) {
        expect(() => createStudyVocabulary({ scenarioIds: [hostile], packs: [pack] })).toThrow(
          TypeError,
        );
      }
    }
    const badClock = newLog(createMemoryStudyStore(), () => HOSTILE[1] as unknown as number);
    badClock.giveConsent();
    expect(badClock.record(VALID_EVENTS[2])).toBe("invalid");
    expect(log.consent()?.withdrawnAt).toBeNull();
    log.record(VALID_EVENTS[2]);
    expectClean(store.raw());
  });

  it("drops hostile values planted in storage when reading it back", () => {
    const store = createMemoryStudyStore();
    const log = newLog(store);
    const participant = log.giveConsent();
    log.startScenario("stranger-request");
    for (const event of VALID_EVENTS) log.record(event);
    const stored = JSON.parse(store.raw() ?? "") as {
      current: Record<string, unknown>;
      consents: Record<string, unknown>[];
      records: Record<string, unknown>[];
    };
    const planted = HOSTILE.flatMap((hostile) => [
      ...stored.records.flatMap((record) =>
        Object.keys(record).map((key) => ({ ...record, [key]: hostile })),
      ),
      ...stored.consents.flatMap((consent) =>
        Object.keys(consent).map((key) => ({ ...consent, [key]: hostile })),
      ),
    ]);
    const tampered = {
      ...stored,
      current: { ...stored.current, scenario: HOSTILE[1] },
      consents: [...stored.consents, ...planted.filter((p) => "givenAt" in p)],
      records: [...stored.records, ...planted.filter((p) => "seq" in p)],
    };
    const reread = createMemoryStudyStore(JSON.stringify(tampered));
    const reopened = newLog(reread);
    expect(reopened.records()).toEqual(log.records());
    expect(reopened.consents()).toEqual(log.consents());
    expect(reopened.consent()).toBeUndefined(); // the planted "current" was dropped
    expectClean(exportStudyCsv(reopened.records()));
    expectClean(
      exportStudyJson({ records: reopened.records(), consents: reopened.consents() }, T0),
    );
    expect(participant).toMatch(/^p-/);
  });

  it("holds for random mixes of valid and hostile values (2,000 seeded cases)", () => {
    const random = prng(20250601);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const store = createMemoryStudyStore();
    const log = newLog(store);
    log.giveConsent();
    log.startScenario(pick(["stranger-request", "known-friend"]));
    const validValues = new Set<unknown>(["scenario-started"]);
    for (const event of VALID_EVENTS) for (const v of Object.values(event)) validValues.add(v);
    let recorded = 0;
    for (let i = 0; i < 2000; i += 1) {
      const base = pick(VALID_EVENTS) as unknown as Record<string, unknown>;
      const event: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(base)) {
        event[key] = random() < 0.1 ? pick(HOSTILE) : value;
      }
      if (random() < 0.3) event[pick(["body", "sender", "name", pick(HOSTILE)])] = pick(HOSTILE);
      if (log.record(event) === "recorded") recorded += 1;
    }
    expect(recorded).toBeGreaterThan(500);
    for (const record of log.records()) {
      const { participant, scenario, run, seq, at, ...event } = record;
      expect(participant).toMatch(/^p-[0-9a-f]{16}$/);
      expect(["stranger-request", "known-friend"]).toContain(scenario);
      expect([run, seq, at].every(Number.isSafeInteger)).toBe(true);
      for (const value of Object.values(event))
        expect(validValues.has(value), JSON.stringify(record)).toBe(true);
    }
    expectClean(store.raw());
    expectClean(exportStudyCsv(log.records()));
    expectClean(exportStudyJson({ records: log.records(), consents: log.consents() }, T0));
  });
});
