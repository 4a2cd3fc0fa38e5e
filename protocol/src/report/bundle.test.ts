// Protocol, reports: making a bundle from what the screen showed, and the strict parser.
import { describe, expect, it } from "vitest";
import {
  createReportBundle,
  MAX_CONTEXT_MESSAGES,
  MAX_MESSAGE_BODY_LENGTH,
  parseReportBundle,
  REPORT_CATEGORIES,
  type ReportBundle,
} from "./bundle.ts";
import { ALEX, fixedEnvironment, message, messageReport, NOOR, ROOM } from "./testKit.ts";

function created(input = messageReport()): ReportBundle {
  const result = createReportBundle(input, fixedEnvironment());
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.bundle;
}

describe("creating a report bundle", () => {
  it("packages the reported message, the consented context and the DSA notice", () => {
    const bundle = created();
    expect(bundle.reportId).toMatch(/^[0-9a-f]{32}$/);
    expect(bundle.createdAt).toBe(1_700_000_100_000);
    expect(bundle.category).toBe("asking-for-images");
    expect(bundle.evidence).toEqual({
      kind: "messages",
      roomId: ROOM,
      reported: { ...message(5), truncated: false },
      context: [1, 2, 3, 4].map((n) => ({
        ...message(n, n === 2 ? NOOR : ALEX, n === 2 ? "no" : `message ${n}`),
        truncated: false,
      })),
      contextConsent: true,
    });
    expect(bundle.notice).toEqual({
      explanation: "This person keeps asking me for photos.",
      location: {
        kind: "room-events",
        roomId: ROOM,
        eventIds: ["$event5", "$event1", "$event2", "$event3", "$event4"],
      },
      reporter: { kind: "identified", userId: NOOR },
      goodFaith: { confirmed: true, statementKey: "report.goodFaith.statement" },
    });
    expect(bundle.note).toBeNull();
  });

  it("gives every report its own ID", () => {
    expect(created().reportId).not.toBe(created().reportId);
  });

  it("shares no context without consent", () => {
    const input = messageReport();
    if (input.subject.kind !== "message") throw new Error("fixture");
    const bundle = created({ ...input, subject: { ...input.subject, contextConsent: false } });
    expect(bundle.evidence.kind === "messages" && bundle.evidence.context).toEqual([]);
    expect(bundle.notice.location).toEqual({
      kind: "room-events",
      roomId: ROOM,
      eventIds: ["$event5"],
    });
  });

  it(`keeps the ${MAX_CONTEXT_MESSAGES} messages closest to the reported one, without echoes or repeats`, () => {
    const preceding = [
      ...Array.from({ length: 30 }, (_, i) => message(i + 100)),
      { ...message(200), eventId: "~local-echo-txn" },
      message(129),
      message(5),
    ];
    const bundle = created(
      messageReport({
        subject: {
          kind: "message",
          roomId: ROOM,
          reported: message(5),
          preceding,
          contextConsent: true,
        },
      }),
    );
    if (bundle.evidence.kind !== "messages") throw new Error("fixture");
    expect(bundle.evidence.context.map((m) => m.eventId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `$event${i + 110}`),
    );
  });

  it("cuts an impossibly long body and says so, without splitting a character", () => {
    const body = "a".repeat(MAX_MESSAGE_BODY_LENGTH - 1) + "😀tail";
    const bundle = created(
      messageReport({
        subject: {
          kind: "message",
          roomId: ROOM,
          reported: message(5, ALEX, body),
          preceding: [],
          contextConsent: true,
        },
      }),
    );
    if (bundle.evidence.kind !== "messages") throw new Error("fixture");
    expect(bundle.evidence.reported.truncated).toBe(true);
    expect(bundle.evidence.reported.body).toBe("a".repeat(MAX_MESSAGE_BODY_LENGTH - 1));
  });

  it("records a withheld identity and carries no reporter ID (DSA 16(2)(c))", () => {
    const bundle = created(
      messageReport({
        category: "sexual-content-to-minor",
        reporter: { userId: NOOR, includeIdentity: false },
      }),
    );
    expect(bundle.notice.reporter).toEqual({ kind: "withheld", basis: "dsa-art-16-2-c" });
    expect(JSON.stringify(bundle.notice)).not.toContain(NOOR);
  });

  it("makes a profile report that points at the user", () => {
    const bundle = created(
      messageReport({ subject: { kind: "profile", userId: ALEX }, note: "  fake name  " }),
    );
    expect(bundle.evidence).toEqual({ kind: "profile", userId: ALEX });
    expect(bundle.notice.location).toEqual({ kind: "user-profile", userId: ALEX });
    expect(bundle.note).toBe("fake name");
  });

  it("refuses a report without an explanation, with a problem instead of a throw", () => {
    const result = createReportBundle(messageReport({ explanation: "  " }), fixedEnvironment());
    expect(result).toEqual({
      ok: false,
      problems: ["notice.explanation: must be 1–2000 characters"],
    });
  });
});

const DELETE = Symbol("delete");

/** Sets (or deletes) the value at a path of plain JSON data. */
function setPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let parent = root;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path.at(-1) ?? "";
  if (value === DELETE) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
}

describe("parsing an untrusted bundle", () => {
  const valid = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(created())) as Record<string, unknown>;

  it("accepts a bundle that went through JSON unchanged", () => {
    const bundle = created();
    expect(parseReportBundle(JSON.parse(JSON.stringify(bundle)))).toEqual({ ok: true, bundle });
  });

  it.each([
    ["nothing", undefined],
    ["null", null],
    ["a number", 42],
    ["a string", "report"],
    ["a list", [1, 2, 3]],
    ["an empty object", {}],
    ["a function", () => 1],
  ])("rejects %s without throwing", (_label, value) => {
    const result = parseReportBundle(value);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).not.toHaveLength(0);
  });

  it("rejects a hostile object whose getters throw", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("boom");
        },
      },
    );
    expect(parseReportBundle(hostile)).toEqual({
      ok: false,
      problems: ["bundle: could not be read"],
    });
  });

  it("rejects unknown fields, even __proto__", () => {
    const polluted = JSON.parse(
      JSON.stringify(created()).replace('{"version"', '{"__proto__":{"admin":true},"version"'),
    ) as unknown;
    const result = parseReportBundle(polluted);
    expect(result).toEqual({ ok: false, problems: ['bundle: unexpected field "__proto__"'] });
  });

  it("refuses a version 1 bundle with its reason alone: its categories were another list", () => {
    // "sextortion-or-threats" of version 1 is now sextortion or threat-or-violence, which route
    // differently; guessing would be a translation table with a wrong answer in it.
    const old = { ...valid(), version: 1, category: "sextortion-or-threats" };
    expect(parseReportBundle(old)).toEqual({
      ok: false,
      problems: [
        "version: 1 is the format before one category list (its categories cannot all be read as version 2's); this reader reads versions 2, 3 and 4 only",
      ],
    });
  });

  it("reads every category of the one list", () => {
    for (const category of REPORT_CATEGORIES) {
      const bundle = { ...valid(), category };
      expect(parseReportBundle(bundle), category).toEqual({ ok: true, bundle });
    }
  });

  it.each<[string, string, unknown, string]>([
    ["a future version", "version", 5, "version: must be 2, 3 or 4"],
    ["a short report ID", "reportId", "abc", "reportId: must be 32–32 characters"],
    ["an unknown category", "category", "rude", "category: must be one of"],
    ["a negative time", "createdAt", -1, "createdAt: must be a non-negative integer"],
    [
      "a sender that is not a user ID",
      "evidence.reported.sender",
      "alex",
      "evidence.reported.sender",
    ],
    ["a room ID with a newline", "evidence.roomId", "!a\n:b", "evidence.roomId"],
    [
      "context without consent",
      "evidence.contextConsent",
      false,
      "evidence.context: must be empty",
    ],
    [
      "too much context",
      "evidence.context",
      Array.from({ length: 21 }, (_, i) => ({ ...message(i + 50), truncated: false })),
      "evidence.context: must hold at most 20",
    ],
    ["a location elsewhere", "notice.location.eventIds", ["$other"], "notice.location: must name"],
    [
      "a body on an undecryptable message",
      "evidence.reported.kind",
      "undecryptable",
      "must be empty when undecryptable",
    ],
    [
      "a good faith that is not a boolean",
      "notice.goodFaith.confirmed",
      "yes",
      "notice.goodFaith.confirmed",
    ],
    ["an unknown reporter kind", "notice.reporter", { kind: "anonymous" }, "notice.reporter.kind"],
    ["a huge note", "note", "x".repeat(2001), "note: must be 1–2000 characters"],
    [
      "the same event twice",
      "evidence.context.0.eventId",
      "$event5",
      "must not hold the same event twice",
    ],
  ])("rejects %s", (_label, path, value, expected) => {
    const bundle = valid();
    setPath(bundle, path.split("."), value);
    const result = parseReportBundle(bundle);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.problems.join("\n")).toContain(expected);
  });

  it("never throws on thousands of random mutations", () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const junk = [
      null,
      0,
      -1,
      1e300,
      "",
      "x",
      [],
      {},
      true,
      NaN,
      "$",
      "@a:b",
      ["$x"],
      { kind: "profile" },
    ];
    const paths = (value: unknown, prefix: string[] = []): string[][] =>
      typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])])
        : [];
    const all = paths(valid());
    for (let i = 0; i < 3000; i++) {
      const bundle = valid();
      const path = all[Math.floor(random() * all.length)] ?? ["version"];
      setPath(bundle, path, random() < 0.2 ? DELETE : junk[Math.floor(random() * junk.length)]);
      expect(() => parseReportBundle(bundle)).not.toThrow();
    }
  });
});

describe("ages for the moderators (version 4's bands block)", () => {
  const created = (bands: Parameters<typeof createReportBundle>[0]["bands"]) =>
    createReportBundle({ ...messageReport(), bands }, fixedEnvironment());

  it("carries what the engine allowed, and nothing when nothing goes", () => {
    const both = created({
      reporter: { group: "minor", band: "13-15" },
      reported: { group: "adult", band: "18+" },
    });
    expect(both.ok && both.bundle.version).toBe(4);
    expect(both.ok && both.bundle.bands).toEqual({
      reporter: { group: "minor", band: "13-15" },
      reported: { group: "adult", band: "18+" },
    });
    const none = created({ reporter: null, reported: null });
    expect(none.ok && "bands" in none.bundle).toBe(false);
    const absent = created(undefined);
    expect(absent.ok && "bands" in absent.bundle).toBe(false);
  });

  it("reads version 2 and 3 bundles without it, and refuses it before version 4", () => {
    const made = created({ reporter: { group: "minor", band: null }, reported: null });
    if (!made.ok) throw new Error(made.problems.join("; "));
    const { bands, ...withoutBands } = made.bundle;
    expect(bands).toEqual({ reporter: { group: "minor", band: null }, reported: null });
    expect(parseReportBundle({ ...withoutBands, version: 3 }).ok).toBe(true);
    expect(parseReportBundle({ ...made.bundle, version: 3 })).toEqual({
      ok: false,
      problems: ["bands: must be absent before version 4"],
    });
  });

  it("refuses a band outside its group, an unknown band, an empty block and extra fields", () => {
    const made = created({ reporter: { group: "minor", band: "8-12" }, reported: null });
    if (!made.ok) throw new Error(made.problems.join("; "));
    const withBands = (bands: unknown) => parseReportBundle({ ...made.bundle, bands });
    expect(withBands({ reporter: { group: "adult", band: "13-15" }, reported: null }).ok).toBe(
      false,
    );
    expect(withBands({ reporter: { group: "minor", band: "18+" }, reported: null }).ok).toBe(false);
    expect(withBands({ reporter: { group: "minor", band: "12" }, reported: null }).ok).toBe(false);
    expect(withBands({ reporter: null, reported: null }).ok).toBe(false);
    expect(
      withBands({ reporter: { group: "minor", band: null, verified: true }, reported: null }).ok,
    ).toBe(false);
    expect(withBands({ reporter: null }).ok).toBe(false);
  });
});
