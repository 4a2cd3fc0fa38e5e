// Services layer, reporting: which way a report travels. A named report goes
// through Matrix's report API; one that withholds the reporter only through
// the report intake, and carries nothing that names them.
import { describe, expect, it } from "vitest";
import {
  createReportBundle,
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  prepareReport,
  readReportReasons,
  type ModerationKeyPair,
} from "@safety-by-design/protocol";
import { fixedEnvironment } from "@safety-by-design/protocol/testing";
import { ReportOutbox } from "./outbox.ts";
import {
  createReportFiler,
  forIntake,
  INTAKE_PART_LIMIT,
  type ReportSubmission,
} from "./reportFiler.ts";
import { createMemoryReportStore } from "./reportStore.ts";
import { DELIVERED, message, NOOR, ROOM, scriptedTransport } from "./testKit.ts";

const submission = (includeIdentity: boolean): ReportSubmission => ({
  category: "child-sexual-abuse-material",
  note: "",
  explanation: "Beelden van misbruik",
  subject: {
    kind: "message",
    roomId: ROOM,
    reported: message(5),
    // Noor's own answer is in the context: it must not name her either.
    preceding: [message(3), message(4, NOOR, "nee")],
    contextConsent: true,
  },
  includeIdentity,
  goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
});

async function setUp(intake: boolean, team: ModerationKeyPair) {
  const transport = scriptedTransport([DELIVERED]);
  const outbox = await ReportOutbox.start({ store: createMemoryReportStore(), transport });
  const filer = createReportFiler({
    userId: NOOR,
    moderationPublicKey: team.publicKey,
    signingKey: await generateReporterSigningKeyPair(),
    outbox,
    intake,
  });
  return { transport, outbox, filer };
}

describe("filing a report", () => {
  it("sends a withheld report only to the intake, with no trace of the reporter in it", async () => {
    const team = await generateModerationKeyPair();
    const { transport, outbox, filer } = await setUp(true, team);
    expect(await filer.file(submission(false))).toMatchObject({ ok: true });
    await outbox.whenIdle();
    expect(transport.calls.map((c) => c.kind)).toEqual(["intake"]);
    const inbox = await readReportReasons(
      transport.calls.map((c) => c.reason),
      team,
    );
    const [report] = inbox.reports;
    expect(report?.opened).toMatchObject({ ok: true, signature: "absent", signerPublicKey: null });
    expect(JSON.stringify(report)).not.toContain(NOOR);
  });

  it("sends a named report through the report API", async () => {
    const team = await generateModerationKeyPair();
    const { transport, outbox, filer } = await setUp(true, team);
    await filer.file(submission(true));
    await outbox.whenIdle();
    expect(transport.calls.map((c) => c.kind)).toEqual(["event"]);
  });

  it("sends nothing when it would have to name a reporter who withheld their name", async () => {
    const team = await generateModerationKeyPair();
    const { transport, filer } = await setUp(false, team);
    expect(await filer.file(submission(false))).toMatchObject({
      ok: false,
      reason: "not-configured",
    });
    expect(transport.calls).toEqual([]);
  });

  it("cuts a large report into parts that each fit one room event", async () => {
    const team = await generateModerationKeyPair();
    const big = "x".repeat(65_000);
    const created = createReportBundle(
      {
        category: "harassment",
        explanation: "Steeds weer",
        subject: {
          kind: "message",
          roomId: ROOM,
          reported: message(9, undefined, big),
          preceding: [message(1, undefined, big), message(2, undefined, big)],
          contextConsent: true,
        },
        reporter: { userId: NOOR, includeIdentity: false },
        goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
      },
      fixedEnvironment(),
    );
    if (!created.ok) throw new Error(created.problems.join("; "));
    const prepared = await prepareReport(created.bundle, {
      moderationPublicKey: team.publicKey,
      signingKey: undefined,
    });
    if (!prepared.ok) throw new Error(prepared.problems.join("; "));
    const cut = forIntake(prepared.report);
    expect(cut.parts.length).toBeGreaterThan(3);
    expect(cut.parts.every((part) => part.length <= INTAKE_PART_LIMIT)).toBe(true);
    const inbox = await readReportReasons(cut.parts, team);
    expect(inbox.reports[0]?.opened).toMatchObject({ ok: true, bundle: created.bundle });
  });
});

describe("a report for a team with several keys, and the ages that go along (TEAM)", () => {
  const bands = {
    reporter: { group: "minor" as const, band: "13-15" as const },
    reporterWithheld: { group: "minor" as const, band: null },
    reported: { group: "adult" as const, band: "18+" as const },
  };

  async function filed(includeIdentity: boolean, keys: readonly ModerationKeyPair[]) {
    const transport = scriptedTransport([DELIVERED]);
    const outbox = await ReportOutbox.start({ store: createMemoryReportStore(), transport });
    const filer = createReportFiler({
      userId: NOOR,
      moderationPublicKey: keys.map((k) => k.publicKey),
      signingKey: await generateReporterSigningKeyPair(),
      outbox,
      intake: true,
    });
    expect(
      await filer.file({ ...submission(includeIdentity), moderatorBands: bands }),
    ).toMatchObject({ ok: true });
    await outbox.whenIdle();
    return transport.calls.map((c) => c.reason);
  }

  it("is opened by each of the team's keys", async () => {
    const keys = await Promise.all([1, 2, 3].map(() => generateModerationKeyPair()));
    const reasons = await filed(true, keys);
    for (const key of keys) {
      const inbox = await readReportReasons(reasons, key);
      expect(inbox.reports[0]?.opened).toMatchObject({ ok: true, signature: "valid" });
    }
    const stranger = await generateModerationKeyPair();
    expect((await readReportReasons(reasons, stranger)).reports[0]?.opened.ok).toBe(false);
  });

  it("carries the reporter's band when named, only the group when withheld, and the account's band", async () => {
    const team = await generateModerationKeyPair();
    const named = (await readReportReasons(await filed(true, [team]), team)).reports[0]?.opened;
    expect(named?.ok && named.bundle.bands).toEqual({
      reporter: bands.reporter,
      reported: bands.reported,
    });
    const withheld = (await readReportReasons(await filed(false, [team]), team)).reports[0]?.opened;
    expect(withheld?.ok && withheld.bundle.bands).toEqual({
      reporter: bands.reporterWithheld,
      reported: bands.reported,
    });
  });
});
