// Services layer, reporting: files one report, from what the reporter saw to a
// stored, sealed entry in the outbox. bundle -> seal (signed when the
// reporter is named) -> parts -> outbox.enqueue, which resolves only once the
// report is on disk. The report sheet shows "queued" only after that.
//
// A report that withholds the reporter goes through the report intake, never
// the report API: the homeserver records who filed every report-API request
// and the moderators read those records (docs/measures/reporting.md,
// "Anonymity"). Its parts are cut again to fit a room event.

import {
  createReportBundle,
  parseReportPart,
  prepareReport,
  splitIntoParts,
  type PreparedReport,
  type BundleEnvironment,
  type ReportBundleInput,
  type ReportCategory,
  type ReporterSigningKeyPair,
} from "@safety-by-design/protocol";
import type { OutboxSnapshot, ReportOutbox, ReportStatus } from "./outbox.ts";

/** What the reporter's sheet hands over: everything it showed, and their choices. */
export type ReportSubmission = {
  readonly category: ReportCategory;
  readonly note: string;
  /** DSA Art. 16(2)(a); for a one-tap report, the category in words. */
  readonly explanation: string;
  readonly subject: ReportBundleInput["subject"];
  /** False only when the engine allowed leaving the name out and the reporter did. */
  readonly includeIdentity: boolean;
  readonly goodFaith: ReportBundleInput["goodFaith"];
};

export type FileResult =
  | { readonly ok: true; readonly status: ReportStatus }
  | {
      readonly ok: false;
      /**
       * not-configured: no moderation key, nothing was sent; invalid: the
       * bundle could not be made (a bug); not-stored: the device could not
       * store it, so it was not sent either.
       */
      readonly reason: "not-configured" | "invalid" | "not-stored";
      readonly problems: readonly string[];
    };

export type ReportFiler = {
  /** False when this installation has no moderation key: reports cannot be sealed. */
  readonly canSend: boolean;
  file(submission: ReportSubmission): Promise<FileResult>;
  getSnapshot(): OutboxSnapshot;
  subscribe(listener: () => void): () => void;
  /** Tries a report again that the server refused (the reporter asked). */
  retry(reportId: string): Promise<void>;
};

export type ReportFilerOptions = {
  readonly userId: string;
  /** The team's X25519 key; undefined: reporting is not configured here. */
  readonly moderationPublicKey: Uint8Array | undefined;
  readonly signingKey: ReporterSigningKeyPair;
  readonly outbox: ReportOutbox;
  /** Whether a report intake is configured: without one, a report cannot withhold the reporter. */
  readonly intake: boolean;
  readonly environment?: BundleEnvironment;
};

/** A part through the intake becomes one room event (at most 65,536 bytes). */
export const INTAKE_PART_LIMIT = 60_000;

/** The same sealed report, cut into parts that fit a room event. */
export function forIntake(report: PreparedReport): PreparedReport {
  const payload = report.parts.map((part) => parseReportPart(part)?.chunk ?? "").join("");
  return { ...report, parts: splitIntoParts(report.reportId, payload, INTAKE_PART_LIMIT) };
}

export function createReportFiler(options: ReportFilerOptions): ReportFiler {
  const { outbox, moderationPublicKey } = options;
  return {
    canSend: moderationPublicKey !== undefined,
    getSnapshot: () => outbox.getSnapshot(),
    subscribe: (listener) => outbox.subscribe(listener),
    retry: (reportId) => outbox.retry(reportId),
    async file(submission) {
      if (moderationPublicKey === undefined) {
        return { ok: false, reason: "not-configured", problems: ["no moderation public key"] };
      }
      // Without the intake, the only way left would name the reporter: send nothing.
      if (!submission.includeIdentity && !options.intake) {
        return {
          ok: false,
          reason: "not-configured",
          problems: ["no report intake: a report without the reporter's name cannot be sent"],
        };
      }
      const created = createReportBundle(
        {
          category: submission.category,
          note: submission.note,
          explanation: submission.explanation,
          subject: submission.subject,
          reporter: { userId: options.userId, includeIdentity: submission.includeIdentity },
          goodFaith: submission.goodFaith,
        },
        options.environment,
      );
      if (!created.ok) return { ok: false, reason: "invalid", problems: created.problems };
      const prepared = await prepareReport(created.bundle, {
        moderationPublicKey,
        // A report that withholds the reporter carries no signature: a key would name them.
        signingKey: submission.includeIdentity ? options.signingKey : undefined,
      });
      if (!prepared.ok) return { ok: false, reason: "invalid", problems: prepared.problems };
      try {
        return {
          ok: true,
          status: submission.includeIdentity
            ? await outbox.enqueue(prepared.report)
            : await outbox.enqueue(forIntake(prepared.report), "intake"),
        };
      } catch (error) {
        return {
          ok: false,
          reason: "not-stored",
          problems: [error instanceof Error ? error.message : "the report could not be stored"],
        };
      }
    },
  };
}
