// Protocol, reports: sealed reports in report reasons, and the moderator reading them back.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createReportBundle,
  MAX_CONTEXT_MESSAGES,
  MAX_EXPLANATION_LENGTH,
  MAX_MATRIX_ID_LENGTH,
  MAX_MESSAGE_BODY_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_STATEMENT_KEY_LENGTH,
  type EvidenceMessageInput,
  type ReportBundle,
  type ReportBundleInput,
} from "./bundle.ts";
import {
  EVENT_REPORT_REASON_LIMIT,
  parseReportPart,
  prepareReport,
  readReportReasons,
  splitIntoParts,
  USER_REPORT_REASON_LIMIT,
  type PreparedReport,
} from "./parts.ts";
import {
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  MAX_BUNDLE_BYTES,
  type ModerationKeyPair,
  type ReporterSigningKeyPair,
} from "./seal.ts";
import { fixedEnvironment, messageReport } from "./testKit.ts";

/** Synapse's cap on any request body: MAX_REQUEST_SIZE = 200 * MAX_PDU_SIZE (65,536). */
const SYNAPSE_MAX_REQUEST_BYTES = 200 * 65_536;
const NGINX_DEFAULT_BODY_BYTES = 1024 * 1024;

// JSON escapes a control character as \u00XX: six bytes for one character,
// the worst case of every string in the bundle.
const worst = (length: number): string => "\u0001".repeat(length);
const id = (sigil: string, n: number, server = ":s"): string =>
  `${sigil}${String(n).padStart(MAX_MATRIX_ID_LENGTH - 1 - server.length, "x")}${server}`;

function bundleOf(input: ReportBundleInput): ReportBundle {
  const result = createReportBundle(input, fixedEnvironment());
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.bundle;
}

/** The largest bundle the format allows: 20 + 1 messages, every field at its limit. */
function largestMessageBundle(): ReportBundle {
  const room = id("!", 0);
  const sender = id("@", 0);
  const message = (n: number): EvidenceMessageInput => ({
    eventId: id("$", n, ""),
    sender,
    timestamp: Number.MAX_SAFE_INTEGER,
    kind: "text",
    body: worst(MAX_MESSAGE_BODY_LENGTH),
  });
  return bundleOf({
    // The longest category id.
    category: "child-sexual-abuse-material",
    note: `n${worst(MAX_NOTE_LENGTH - 2)}n`,
    explanation: `e${worst(MAX_EXPLANATION_LENGTH - 2)}e`,
    subject: {
      kind: "message",
      roomId: room,
      reported: message(0),
      preceding: Array.from({ length: MAX_CONTEXT_MESSAGES }, (_, i) => message(i + 1)),
      contextConsent: true,
    },
    reporter: { userId: id("@", 1), includeIdentity: true },
    goodFaith: { confirmed: true, statementKey: "k".repeat(MAX_STATEMENT_KEY_LENGTH) },
  });
}

function largestProfileBundle(): ReportBundle {
  return bundleOf({
    category: "other",
    note: `n${worst(MAX_NOTE_LENGTH - 2)}n`,
    explanation: `e${worst(MAX_EXPLANATION_LENGTH - 2)}e`,
    subject: { kind: "profile", userId: id("@", 2) },
    reporter: { userId: id("@", 1), includeIdentity: true },
    goodFaith: { confirmed: true, statementKey: "k".repeat(MAX_STATEMENT_KEY_LENGTH) },
  });
}

async function prepared(
  bundle: ReportBundle,
  team: ModerationKeyPair,
  signer: ReporterSigningKeyPair,
): Promise<PreparedReport> {
  const result = await prepareReport(bundle, {
    moderationPublicKey: team.publicKey,
    signingKey: signer,
  });
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.report;
}

describe("delivering a sealed report in report reasons", () => {
  let team: ModerationKeyPair;
  let noor: ReporterSigningKeyPair;

  beforeAll(async () => {
    team = await generateModerationKeyPair();
    noor = await generateReporterSigningKeyPair();
  });

  it("sends a typical message report as one event report", async () => {
    const bundle = bundleOf(messageReport());
    const report = await prepared(bundle, team, noor);
    expect(report.target).toEqual({ kind: "event", roomId: "!dm:localhost", eventId: "$event5" });
    expect(report.parts).toHaveLength(1);
    expect(report.parts[0]).toMatch(
      new RegExp(`^sbd-report/1 ${bundle.reportId} 1/1 [A-Za-z0-9_-]+$`),
    );
    const inbox = await readReportReasons(report.parts, team);
    expect(inbox.reports).toEqual([
      {
        reportId: bundle.reportId,
        opened: expect.objectContaining({ ok: true, bundle }) as unknown,
      },
    ]);
  });

  it("sends a typical profile report in parts within Synapse's 1,000-character limit", async () => {
    const bundle = bundleOf(
      messageReport({ subject: { kind: "profile", userId: "@alex:localhost" } }),
    );
    const report = await prepared(bundle, team, noor);
    expect(report.target).toEqual({ kind: "user", userId: "@alex:localhost" });
    expect(report.parts.length).toBeLessThanOrEqual(2);
    for (const part of report.parts)
      expect(part.length).toBeLessThanOrEqual(USER_REPORT_REASON_LIMIT);
    const inbox = await readReportReasons(report.parts, team);
    expect(inbox.reports[0]?.opened).toMatchObject({ ok: true, bundle, signature: "valid" });
  });

  it("fits the largest allowed message report: 21 maximal messages, every field at its limit", async () => {
    const bundle = largestMessageBundle();
    const bundleBytes = new TextEncoder().encode(JSON.stringify(bundle)).length;
    expect(bundleBytes).toBeGreaterThan(8_000_000);
    expect(bundleBytes).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);

    const report = await prepared(bundle, team, noor);
    expect(report.parts.length).toBe(12);
    for (const part of report.parts) {
      expect(part.length).toBeLessThanOrEqual(EVENT_REPORT_REASON_LIMIT);
      const requestBytes = new TextEncoder().encode(JSON.stringify({ reason: part })).length;
      expect(requestBytes).toBeLessThanOrEqual(NGINX_DEFAULT_BODY_BYTES);
      expect(requestBytes).toBeLessThanOrEqual(SYNAPSE_MAX_REQUEST_BYTES);
    }

    // Arriving out of order and with a retried part twice, it still opens to exactly the bundle.
    const arrived = [...report.parts].reverse().concat(report.parts[3] ?? "");
    const inbox = await readReportReasons(arrived, team);
    expect(inbox.incomplete).toEqual([]);
    expect(inbox.reports).toHaveLength(1);
    const opened = inbox.reports[0]?.opened;
    expect(opened?.ok && opened.signature).toBe("valid");
    expect(opened?.ok && opened.bundle).toEqual(bundle);
  }, 60_000);

  it("fits the largest allowed profile report in 1,000-character user reports", async () => {
    const bundle = largestProfileBundle();
    const report = await prepared(bundle, team, noor);
    expect(report.parts.length).toBeGreaterThan(1);
    expect(report.parts.length).toBeLessThanOrEqual(40);
    for (const part of report.parts)
      expect(part.length).toBeLessThanOrEqual(USER_REPORT_REASON_LIMIT);
    const inbox = await readReportReasons(report.parts, team);
    expect(inbox.reports[0]?.opened).toMatchObject({ ok: true, bundle, signature: "valid" });
  });
});

describe("the moderator's inbox", () => {
  let team: ModerationKeyPair;
  let noor: ReporterSigningKeyPair;

  beforeAll(async () => {
    team = await generateModerationKeyPair();
    noor = await generateReporterSigningKeyPair();
  });

  it("counts one report however often it was delivered", async () => {
    const report = await prepared(bundleOf(messageReport()), team, noor);
    const inbox = await readReportReasons(
      [...report.parts, ...report.parts, ...report.parts],
      team,
    );
    expect(inbox.reports).toHaveLength(1);
  });

  it("waits for missing parts and leaves other clients' reasons alone", async () => {
    const reportId = "0123456789abcdef0123456789abcdef";
    const parts = splitIntoParts(reportId, "A".repeat(5000), 1000);
    expect(parts).toHaveLength(6);
    const inbox = await readReportReasons([parts[0], parts[2], "spam!!", 42, null], team);
    expect(inbox).toEqual({
      reports: [],
      incomplete: [{ reportId, received: 2, total: 6 }],
      unrecognised: 3,
    });
  });

  it("refuses parts that disagree, and a box whose report ID differs from its parts'", async () => {
    const report = await prepared(bundleOf(messageReport()), team, noor);
    const [part] = report.parts;
    const forged = `${part?.slice(0, -4) ?? ""}AAAA`;
    const clash = await readReportReasons([part, forged], team);
    expect(clash.reports[0]?.opened).toEqual({
      ok: false,
      problems: ["parts of this report disagree with each other"],
    });

    const relabelled = (part ?? "").replace(report.reportId, "f".repeat(32));
    const inbox = await readReportReasons([relabelled], team);
    expect(inbox.reports[0]?.opened).toEqual({
      ok: false,
      problems: ["the report ID inside the box differs from its parts'"],
    });
  });

  it.each([
    "sbd-report/1 0123456789abcdef0123456789abcdef 2/1 AAAA",
    "sbd-report/1 0123456789abcdef0123456789abcdef 0/1 AAAA",
    "sbd-report/1 0123456789ABCDEF0123456789abcdef 1/1 AAAA",
    "sbd-report/1 0123456789abcdef0123456789abcdef 1/1 AA AA",
    "sbd-report/2 0123456789abcdef0123456789abcdef 1/1 AAAA",
    "sbd-report/1 0123456789abcdef0123456789abcdef 1/9999999 AAAA",
  ])("does not take %j for a part", (reason) => {
    expect(parseReportPart(reason)).toBeUndefined();
  });
});
