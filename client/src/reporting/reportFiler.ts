// Services layer, reporting: files one report, from what the reporter saw to a
// stored, sealed entry in the outbox. bundle -> seal (signed when the
// reporter is named) -> parts -> outbox.enqueue, which resolves only once the
// report is on disk. The report sheet shows "queued" only after that.
//
// A report that withholds the reporter goes through the report intake, never
// the report API: the homeserver records who filed every report-API request
// and the moderators read those records (docs/measures/reporting.md,
// "Anonymity"). Its parts are cut again to fit a room event.
//
// A report with images or files (RMEDIA) is stored the same way, at the tap:
// the media is encrypted under fresh keys here and the report goes to the
// outbox with those copies, before any upload. The outbox uploads, seals
// (with the sealer this filer gives it) and delivers, across failures and
// reloads: a tapped report is never lost.

import {
  createReportBundle,
  parseReportPart,
  prepareReport,
  splitIntoParts,
  type PreparedReport,
  type PrepareResult,
  type BundleEnvironment,
  type ReportBundleInput,
  type ReportCategory,
  type ReporterSigningKeyPair,
  type ReportBand,
  type ReportMediaItem,
} from "@safety-by-design/protocol";
import type { OutboxSnapshot, ReportOutbox, ReportSealer, ReportStatus } from "./outbox.ts";
import type { ReportOutcomes } from "./reportOutcomes.ts";
import type { ReportChannel } from "./reportStore.ts";
import {
  DEFAULT_REPORT_MEDIA_LIMITS,
  encryptReportMedia,
  type ReportMediaLimits,
  type ReportMediaPlain,
} from "./reportMedia.ts";

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
  /**
   * Ages for the moderators (TEAM): the engine's report decision
   * (`moderatorBands`, verified bands only). The reporter's own goes as the
   * decision allows for a named or a withheld reporter. Absent: none goes.
   */
  readonly moderatorBands?: {
    readonly reporter: ReportBand | null;
    readonly reporterWithheld: ReportBand | null;
    readonly reported: ReportBand | null;
  };
  /**
   * Reported media (RMEDIA): the images and files of the shared messages, as
   * this device decrypted them. Re-encrypted with fresh keys at once; the
   * outbox uploads the copies after the report is stored, then seals it.
   */
  readonly media?: readonly ReportMediaPlain[];
};

export type FileResult =
  | { readonly ok: true; readonly status: ReportStatus }
  | {
      readonly ok: false;
      /**
       * not-configured: no moderation key, nothing was sent; invalid: the
       * bundle could not be made (a bug); not-stored: the device could not
       * store it, so it was not sent either. Reported media (RMEDIA):
       * media-too-large: over the deployment's caps, nothing was sent;
       * media-not-sent: this installation cannot upload reported media for
       * this channel, nothing was stored. (A failed upload is no failure to
       * file: the stored report retries it.)
       */
      readonly reason:
        "not-configured" | "invalid" | "not-stored" | "media-too-large" | "media-not-sent";
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
  /** Reported media's caps here (RMEDIA), for the sheet's words; absent: the defaults. */
  readonly mediaLimits?: ReportMediaLimits;
};

export type ReportFilerOptions = {
  readonly userId: string;
  /**
   * The team's current X25519 keys (one per moderator or team; any one opens
   * a report); undefined: reporting is not configured here.
   */
  readonly moderationPublicKey: Uint8Array | readonly Uint8Array[] | undefined;
  readonly signingKey: ReporterSigningKeyPair;
  readonly outbox: ReportOutbox;
  /** Whether a report intake is configured: without one, a report cannot withhold the reporter. */
  readonly intake: boolean;
  readonly environment?: BundleEnvironment;
  /** Reported media (RMEDIA): the deployment's caps per item and per report. */
  readonly mediaLimits?: ReportMediaLimits;
  /**
   * The outcome back to the reporter (OUT): a fresh reply channel per report,
   * its key stored on this device before the report is. Absent: reports carry
   * no reply channel (no intake to fetch an outcome from).
   */
  readonly replies?: Pick<ReportOutcomes, "createReply" | "keepReply"> | undefined;
};

/** A part through the intake becomes one room event (at most 65,536 bytes). */
export const INTAKE_PART_LIMIT = 60_000;

/** The same sealed report, cut into parts that fit a room event. */
export function forIntake(report: PreparedReport): PreparedReport {
  const payload = report.parts.map((part) => parseReportPart(part)?.chunk ?? "").join("");
  return { ...report, parts: splitIntoParts(report.reportId, payload, INTAKE_PART_LIMIT) };
}

/**
 * Seals a bundle for its channel: signed when the reporter is named (the
 * report API); unsigned and cut for a room event through the intake (a key
 * would name them).
 */
export function createReportSealer(keys: {
  readonly moderationPublicKey: Uint8Array | readonly Uint8Array[];
  readonly signingKey: ReporterSigningKeyPair;
}): ReportSealer {
  return async (bundle, channel): Promise<PrepareResult> => {
    const prepared = await prepareReport(bundle, {
      moderationPublicKey: keys.moderationPublicKey,
      signingKey: channel === "report-api" ? keys.signingKey : undefined,
    });
    return prepared.ok && channel === "intake"
      ? { ok: true, report: forIntake(prepared.report) }
      : prepared;
  };
}

export function createReportFiler(options: ReportFilerOptions): ReportFiler {
  const { outbox, moderationPublicKey } = options;
  const seal =
    moderationPublicKey === undefined
      ? undefined
      : createReportSealer({ moderationPublicKey, signingKey: options.signingKey });
  // Reports with media stored before a reload are sealed with this too.
  if (seal !== undefined) outbox.attachSealer(seal);
  return {
    canSend: moderationPublicKey !== undefined,
    getSnapshot: () => outbox.getSnapshot(),
    subscribe: (listener) => outbox.subscribe(listener),
    retry: (reportId) => outbox.retry(reportId),
    mediaLimits: options.mediaLimits ?? DEFAULT_REPORT_MEDIA_LIMITS,
    async file(submission) {
      if (seal === undefined) {
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
      // Named: the report API; withheld: the intake only.
      const channel: ReportChannel = submission.includeIdentity ? "report-api" : "intake";
      // Reported media (RMEDIA): encrypted now; the outbox uploads it after storing the report.
      const plainMedia = submission.media ?? [];
      let mediaItems: readonly ReportMediaItem[] = [];
      let ciphertexts: readonly Uint8Array<ArrayBuffer>[] = [];
      if (plainMedia.length > 0) {
        if (!outbox.canUploadMedia(channel)) {
          return {
            ok: false,
            reason: "media-not-sent",
            problems: ["no way to upload a reported image or file is configured"],
          };
        }
        const media = await encryptReportMedia(
          plainMedia,
          options.mediaLimits ?? DEFAULT_REPORT_MEDIA_LIMITS,
        );
        if (!media.ok) return { ok: false, reason: "media-too-large", problems: media.problems };
        mediaItems = media.items;
        ciphertexts = media.ciphertexts;
      }
      // A reply channel of its own (OUT); without one (no intake) the report still goes.
      const reply = await options.replies?.createReply().catch(() => undefined);
      const created = createReportBundle(
        {
          category: submission.category,
          note: submission.note,
          explanation: submission.explanation,
          subject: submission.subject,
          reporter: { userId: options.userId, includeIdentity: submission.includeIdentity },
          goodFaith: submission.goodFaith,
          media: mediaItems,
          replyTo: reply?.channel,
          bands:
            submission.moderatorBands === undefined
              ? undefined
              : {
                  reporter: submission.includeIdentity
                    ? submission.moderatorBands.reporter
                    : submission.moderatorBands.reporterWithheld,
                  reported: submission.moderatorBands.reported,
                },
        },
        options.environment,
      );
      if (!created.ok) return { ok: false, reason: "invalid", problems: created.problems };
      // The reply key is stored before the report is: an outcome must never come to a lost key.
      if (reply !== undefined) {
        try {
          await options.replies?.keepReply(created.bundle.reportId, reply);
        } catch (error) {
          return {
            ok: false,
            reason: "not-stored",
            problems: [
              error instanceof Error ? error.message : "the reply key could not be stored",
            ],
          };
        }
      }
      try {
        if (ciphertexts.length > 0) {
          return {
            ok: true,
            status: await outbox.enqueueWithMedia({ bundle: created.bundle, channel, ciphertexts }),
          };
        }
        const prepared = await seal(created.bundle, channel);
        if (!prepared.ok) return { ok: false, reason: "invalid", problems: prepared.problems };
        return { ok: true, status: await outbox.enqueue(prepared.report, channel) };
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
