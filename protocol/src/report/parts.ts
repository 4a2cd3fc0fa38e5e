// Protocol, reports: how a sealed report travels in the `reason` string of
// Matrix's report API, and how the moderator puts it back together
// (docs/protocol.md, "Report parts").
//
// Why numbered parts and not encrypted media. The limits, from Synapse's
// source (1.160, synapse/rest/client/reporting.py, synapse/handlers/reports.py,
// synapse/api/constants.py, synapse/app/_base.py):
//   - an event report's `reason` has no length check of its own; the whole
//     request body is capped by max_request_body_size = max(MAX_REQUEST_SIZE
//     = 200 * 65,536 bytes = 12.5 MiB, max_upload_size);
//   - a user (profile) report's `reason` is refused above 1,000 characters
//     (ReportsHandler.report_user: `len(reason) > 1000` -> 400 M_BAD_JSON).
// Splitting keeps the evidence inside the report record itself, which the
// server keeps until an admin deletes the report. Media would add a second
// request (and an orphaned upload when the report fails), depend on the
// media repository being enabled and on its retention policy, and leave the
// report pointing at something a purge can silently remove. Parts need
// nothing the report API does not already give.
//
// An event report's parts stay under 1,000,000 characters, so a request
// also passes a reverse proxy with nginx's default 1 MiB body limit; almost
// every event report is one part. A profile report is a few parts of at most
// 1,000 characters. Each part is a separate report on the same target:
//   sbd-report/1 <reportId> <i>/<n> <base64url chunk of the sealed report>
// The report ID outside the box lets the moderator group parts; it is
// checked against the one inside the box when the report is opened. The
// outbox stores the parts once sealed, so a part sent twice is byte for
// byte the same and de-duplicates.

import { fromBase64UrlOfAnyLength, readySodium, toBase64Url } from "../codec.ts";
import type { ReportBundle, ReportCategory } from "./bundle.ts";
import {
  MAX_SEALED_REPORT_BYTES,
  openSealedReport,
  sealReportBundle,
  type ModerationKeyPair,
  type OpenedReport,
  type ReporterSigningKeyPair,
} from "./seal.ts";

export const REPORT_PART_PREFIX = "sbd-report/1";
/** Synapse refuses a longer user report reason (synapse/handlers/reports.py). */
export const USER_REPORT_REASON_LIMIT = 1_000;
/** Our own cap per event report part, below common reverse-proxy body limits (1 MiB). */
export const EVENT_REPORT_REASON_LIMIT = 1_000_000;

export type ReportTarget =
  | { readonly kind: "event"; readonly roomId: string; readonly eventId: string }
  | { readonly kind: "user"; readonly userId: string };

/** A sealed report, ready for the outbox: nothing in it but the parts is secret. */
export type PreparedReport = {
  readonly reportId: string;
  readonly createdAt: number;
  /** Kept on the reporter's device to label the status; never sent in clear. */
  readonly category: ReportCategory;
  readonly target: ReportTarget;
  /** The `reason` strings, in order; each is one report request. */
  readonly parts: readonly string[];
};

export type PrepareResult =
  | { readonly ok: true; readonly report: PreparedReport }
  | { readonly ok: false; readonly problems: readonly string[] };

export function reasonLimit(target: ReportTarget): number {
  return target.kind === "event" ? EVENT_REPORT_REASON_LIMIT : USER_REPORT_REASON_LIMIT;
}

export function targetOf(bundle: ReportBundle): ReportTarget {
  return bundle.evidence.kind === "messages"
    ? { kind: "event", roomId: bundle.evidence.roomId, eventId: bundle.evidence.reported.eventId }
    : { kind: "user", userId: bundle.evidence.userId };
}

/** Seals a bundle and cuts it into report reasons that fit its target's limit. */
export async function prepareReport(
  bundle: ReportBundle,
  keys: {
    /** Every current moderator key (a team box any one of them opens); one key is a team of one. */
    readonly moderationPublicKey: Uint8Array | readonly Uint8Array[];
    readonly signingKey: ReporterSigningKeyPair | undefined;
  },
): Promise<PrepareResult> {
  const sealed = await sealReportBundle(bundle, keys.moderationPublicKey, keys.signingKey);
  if (!sealed.ok) return sealed;
  const target = targetOf(bundle);
  const payload = toBase64Url(await readySodium(), sealed.sealed);
  return {
    ok: true,
    report: {
      reportId: bundle.reportId,
      createdAt: bundle.createdAt,
      category: bundle.category,
      target,
      parts: splitIntoParts(bundle.reportId, payload, reasonLimit(target)),
    },
  };
}

function header(reportId: string, index: number, total: number): string {
  return `${REPORT_PART_PREFIX} ${reportId} ${index}/${total} `;
}

/** Cuts `payload` so that every reason, header included, is at most `limit` characters. */
export function splitIntoParts(reportId: string, payload: string, limit: number): string[] {
  // The header grows with the number of digits in n: settle n first.
  let total = 1;
  for (;;) {
    const room = limit - header(reportId, total, total).length;
    if (room < 1) throw new Error(`a reason limit of ${limit} leaves no room for data`);
    const needed = Math.max(1, Math.ceil(payload.length / room));
    if (needed <= total) break;
    total = needed;
  }
  const room = limit - header(reportId, total, total).length;
  const parts: string[] = [];
  for (let i = 0; i < total; i++) {
    parts.push(header(reportId, i + 1, total) + payload.slice(i * room, (i + 1) * room));
  }
  return parts;
}

export type ReportPart = {
  readonly reportId: string;
  readonly index: number;
  readonly total: number;
  readonly chunk: string;
};

const PART = /^sbd-report\/1 ([0-9a-f]{32}) ([1-9][0-9]{0,5})\/([1-9][0-9]{0,5}) ([A-Za-z0-9_-]+)$/;
// The most parts a valid report can need (the largest sealed report, the smallest limit).
const MAX_PARTS = Math.ceil(
  Math.ceil((MAX_SEALED_REPORT_BYTES * 4) / 3) / (USER_REPORT_REASON_LIMIT - 60),
);

/** One reason string as a part of a sealed report; undefined for anything else. */
export function parseReportPart(reason: unknown): ReportPart | undefined {
  if (typeof reason !== "string") return undefined;
  const match = PART.exec(reason);
  if (match === null) return undefined;
  const [, reportId, index, total, chunk] = match;
  if (reportId === undefined || index === undefined || total === undefined || chunk === undefined)
    return undefined;
  const i = Number(index);
  const n = Number(total);
  if (i > n || n > MAX_PARTS) return undefined;
  return { reportId, index: i, total: n, chunk };
}

export type ReceivedReport = {
  readonly reportId: string;
  /** Opened and checked; a report whose inner ID differs from its parts' is a problem. */
  readonly opened: OpenedReport;
};

export type ModerationInbox = {
  /** One entry per report ID, however often its parts arrived. */
  readonly reports: readonly ReceivedReport[];
  /** Report IDs still missing parts (not yet delivered, or lost). */
  readonly incomplete: readonly {
    readonly reportId: string;
    readonly received: number;
    readonly total: number;
  }[];
  /** Reasons that are not ours (reports from other clients): shown as they are. */
  readonly unrecognised: number;
};

/**
 * The moderator's side: groups report reasons (e.g. from Synapse's admin API
 * `GET /_synapse/admin/v1/event_reports`) by report ID, drops duplicate parts,
 * and opens every complete report with whichever of the moderator's keys
 * opens it. A report ID seen twice is one report.
 */
export async function readReportReasons(
  reasons: readonly unknown[],
  moderatorKeyPairs: ModerationKeyPair | readonly ModerationKeyPair[],
): Promise<ModerationInbox> {
  const groups = new Map<string, { total: number; chunks: Map<number, string>; clash: boolean }>();
  let unrecognised = 0;
  for (const reason of reasons) {
    const part = parseReportPart(reason);
    if (part === undefined) {
      unrecognised++;
      continue;
    }
    const group = groups.get(part.reportId) ?? {
      total: part.total,
      chunks: new Map<number, string>(),
      clash: false,
    };
    groups.set(part.reportId, group);
    const known = group.chunks.get(part.index);
    // Identical repeats are retries; anything else is tampering or a bug.
    if (group.total !== part.total || (known !== undefined && known !== part.chunk)) {
      group.clash = true;
    }
    group.chunks.set(part.index, part.chunk);
  }

  const s = await readySodium();
  const reports: ReceivedReport[] = [];
  const incomplete: { reportId: string; received: number; total: number }[] = [];
  for (const [reportId, group] of groups) {
    if (group.clash) {
      reports.push({
        reportId,
        opened: { ok: false, problems: ["parts of this report disagree with each other"] },
      });
      continue;
    }
    if (group.chunks.size < group.total) {
      incomplete.push({ reportId, received: group.chunks.size, total: group.total });
      continue;
    }
    const payload = Array.from({ length: group.total }, (_, i) => group.chunks.get(i + 1)).join("");
    const sealed = fromBase64UrlOfAnyLength(s, payload);
    let opened: OpenedReport =
      sealed === undefined
        ? { ok: false, problems: ["the parts are not base64url"] }
        : await openSealedReport(sealed, moderatorKeyPairs);
    if (opened.ok && opened.bundle.reportId !== reportId) {
      opened = { ok: false, problems: ["the report ID inside the box differs from its parts'"] };
    }
    reports.push({ reportId, opened });
  }
  return { reports, incomplete, unrecognised };
}
