// Protocol, handoff: the package a moderator hands to the body the policy
// (Over 400 lines: a format and its strict parser belong together, like the report bundle's; the shared parsing pieces are in strictParse.ts.)
// engine advises (police, a hotline, a helpline), specified in
// docs/handoff-package.md with a JSON Schema beside it. A versioned JSON
// document with the notice fields of the EU Digital Services Act, Article
// 16(2), the report's category (the one vocabulary), the evidence with a
// SHA-256 digest of each item for the chain of custody, the times, and a
// human-readable summary; sealed to the body's public key (handoff/seal.ts).
//
// The digests prove integrity between the moderator and the body: they are
// computed on the moderator's device over evidence a reporter already chose
// to report, and are never compared with any list (no content scanning).

import { fromBase64UrlOfAnyLength, readySodium, toBase64Url } from "../codec.ts";
import { REPORT_CATEGORIES, type ReportBundle, type ReportCategory } from "../report/bundle.ts";
import {
  flag,
  matrixId,
  object as strictObject,
  oneOf,
  Problems,
  text,
  type Fields,
} from "../strictParse.ts";

export const HANDOFF_FORMAT = "org.safety-by-design.handoff";
export const HANDOFF_VERSION = 1;

export const MAX_HANDOFF_TEXT_LENGTH = 2_000;
export const MAX_HANDOFF_SUMMARY_LENGTH = 20_000;
export const MAX_HANDOFF_BODY_LENGTH = 65_536;
export const MAX_HANDOFF_NAME_LENGTH = 200;
/** 21 messages (reported + 20 context) and up to 10 media items. */
export const MAX_HANDOFF_EVIDENCE = 31;
export const MAX_HANDOFF_MEDIA = 10;
/** Per media item, before base64url: 8 MiB. */
export const MAX_HANDOFF_MEDIA_BYTES = 8 * 1024 * 1024;

/**
 * Why an item is in the package: the one reported, context the reporter
 * agreed to share, or a reported profile's messages the reporter's device
 * held aside unseen (a message request).
 */
export type HandoffEvidenceRole = "reported" | "context" | "held-aside";

export type HandoffEvidence =
  | {
      readonly kind: "message";
      readonly role: HandoffEvidenceRole;
      readonly eventId: string;
      /** null: the notifier's own message, when they withheld their identity. */
      readonly sender: string | null;
      readonly timestamp: number;
      /** null: the reporter's device could not decrypt it. */
      readonly body: string | null;
      readonly truncated: boolean;
      /** SHA-256 (lowercase hex) of the body's UTF-8 bytes; of no bytes when null. */
      readonly sha256: string;
    }
  | {
      readonly kind: "media";
      readonly role: HandoffEvidenceRole;
      readonly eventId: string;
      /** null: the notifier's own image, when they withheld their identity (RMEDIA). */
      readonly sender: string | null;
      readonly timestamp: number;
      /** e.g. image/jpeg; as the sender's client declared it. */
      readonly mimetype: string;
      readonly size: number;
      /** The decrypted bytes, base64url: inside the sealed package only. */
      readonly bytes: string;
      /** SHA-256 (lowercase hex) of the decrypted bytes. */
      readonly sha256: string;
    }
  | { readonly kind: "profile"; readonly role: "reported"; readonly userId: string };

/** DSA Art. 16(2)(c): the notifier, only if they gave their name and did not withhold it. */
export type HandoffNotifier =
  | { readonly kind: "withheld"; readonly basis: "dsa-art-16-2-c" }
  | {
      readonly kind: "identified";
      readonly userId: string;
      /** Only if the reporter gave it. */
      readonly name: string | null;
      /** The reporter's contact, only if they gave it. */
      readonly email: string | null;
    };

export type HandoffLocation =
  | { readonly kind: "room-events"; readonly roomId: string; readonly eventIds: readonly string[] }
  | { readonly kind: "user-profile"; readonly userId: string };

export type HandoffPackage = {
  readonly format: typeof HANDOFF_FORMAT;
  readonly version: typeof HANDOFF_VERSION;
  /** 32 lowercase hex characters, random. */
  readonly packageId: string;
  /** When the moderator handed it over (ms). */
  readonly handedOverAt: number;
  /** The body it is for: the engine's resource id and its name. */
  readonly recipient: { readonly bodyId: string; readonly name: string };
  /** The service handing over, and how the body reaches its moderation team. */
  readonly sender: { readonly service: string; readonly contact: string };
  readonly report: {
    readonly reportId: string;
    /** By the reporter's clock. */
    readonly createdAt: number;
    /** When the moderation team received it. */
    readonly receivedAt: number;
    /** SHA-256 of the sealed bundle's JSON bytes as the moderator opened them. */
    readonly bundleSha256: string;
  };
  readonly category: ReportCategory;
  readonly notice: {
    /** Art. 16(2)(a). */
    readonly explanation: string;
    /** Art. 16(2)(b). */
    readonly location: HandoffLocation;
    /** Art. 16(2)(c). */
    readonly notifier: HandoffNotifier;
    /** Art. 16(2)(d): whether confirmed, and the statement in the words the reporter saw. */
    readonly goodFaith: { readonly confirmed: boolean; readonly statement: string };
  };
  readonly evidence: readonly HandoffEvidence[];
  readonly moderatorNote: string | null;
  readonly summary: { readonly language: string; readonly text: string };
};

export type HandoffResult =
  | { readonly ok: true; readonly package: HandoffPackage }
  | { readonly ok: false; readonly problems: readonly string[] };

/** A reported image or other file, as the moderator's device decrypted it from the report. */
export type HandoffMediaInput = {
  readonly role: HandoffEvidenceRole;
  readonly eventId: string;
  /** null: the withheld notifier's own image (as their message's sender is). */
  readonly sender: string | null;
  readonly timestamp: number;
  readonly mimetype: string;
  readonly bytes: Uint8Array;
};

export type HandoffInput = {
  readonly bundle: ReportBundle;
  /** openSealedReport's digest of the bundle's bytes exactly as the reporter sealed them. */
  readonly bundleSha256: string;
  readonly receivedAt: number;
  readonly handedOverAt: number;
  readonly recipient: HandoffPackage["recipient"];
  readonly sender: HandoffPackage["sender"];
  /** The reporter's name and e-mail, only when they gave them (never for a withheld report). */
  readonly notifierContact?: { readonly name: string | null; readonly email: string | null };
  /** The good-faith statement in the words the reporter saw. */
  readonly goodFaithStatement: string;
  readonly moderatorNote: string | null;
  readonly media?: readonly HandoffMediaInput[];
  readonly summary: HandoffPackage["summary"];
  readonly randomBytes?: (length: number) => Uint8Array;
};

const encoder = new TextEncoder();

/** SHA-256 as lowercase hex (WebCrypto: in every browser and in Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // A copy: WebCrypto takes an ArrayBuffer-backed view, not a shared one.
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest("SHA-256", new Uint8Array(bytes)),
  );
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Builds the package from an opened report. The notifier is named only when
 * the bundle names them; a withheld reporter stays withheld whatever contact
 * is passed. Checked with the same parser the body runs.
 */
export async function buildHandoffPackage(input: HandoffInput): Promise<HandoffResult> {
  const { bundle } = input;
  const random =
    input.randomBytes ??
    ((length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length)));
  const packageId = Array.from(random(16), (b) => b.toString(16).padStart(2, "0")).join("");
  const evidence: HandoffEvidence[] = [];
  if (bundle.evidence.kind === "messages") {
    const messages = [
      { role: "reported" as const, message: bundle.evidence.reported },
      ...bundle.evidence.context.map((message) => ({ role: "context" as const, message })),
    ];
    for (const { role, message } of messages) {
      const body = message.kind === "undecryptable" ? null : message.body;
      evidence.push({
        kind: "message",
        role,
        eventId: message.eventId,
        sender: message.sender,
        timestamp: message.timestamp,
        body,
        truncated: message.truncated,
        sha256: await sha256Hex(encoder.encode(body ?? "")),
      });
    }
  } else {
    evidence.push({ kind: "profile", role: "reported", userId: bundle.evidence.userId });
    for (const message of bundle.evidence.unseen?.messages ?? []) {
      const body = message.kind === "undecryptable" ? null : message.body;
      evidence.push({
        kind: "message",
        role: "held-aside",
        eventId: message.eventId,
        sender: message.sender,
        timestamp: message.timestamp,
        body,
        truncated: message.truncated,
        sha256: await sha256Hex(encoder.encode(body ?? "")),
      });
    }
  }
  for (const media of input.media ?? []) {
    evidence.push(await mediaEvidence(media));
  }
  const reporter = bundle.notice.reporter;
  const notifier: HandoffNotifier =
    reporter.kind === "withheld"
      ? { kind: "withheld", basis: "dsa-art-16-2-c" }
      : {
          kind: "identified",
          userId: reporter.userId,
          name: input.notifierContact?.name ?? null,
          email: input.notifierContact?.email ?? null,
        };
  const candidate: HandoffPackage = {
    format: HANDOFF_FORMAT,
    version: HANDOFF_VERSION,
    packageId,
    handedOverAt: input.handedOverAt,
    recipient: input.recipient,
    sender: input.sender,
    report: {
      reportId: bundle.reportId,
      createdAt: bundle.createdAt,
      receivedAt: input.receivedAt,
      bundleSha256: input.bundleSha256,
    },
    category: bundle.category,
    notice: {
      explanation: bundle.notice.explanation,
      location: bundle.notice.location,
      notifier,
      goodFaith: {
        confirmed: bundle.notice.goodFaith.confirmed,
        statement: input.goodFaithStatement,
      },
    },
    evidence,
    moderatorNote: input.moderatorNote?.trim() ? input.moderatorNote.trim() : null,
    summary: input.summary,
  };
  return parseHandoffPackage(candidate);
}

/**
 * Media evidence for a package: a reported image (or file) as the device
 * decrypted it, with its digest. Issue 13's media path hands reported media
 * in through HandoffInput.media; this is what each item becomes.
 */
export async function mediaEvidence(media: HandoffMediaInput): Promise<HandoffEvidence> {
  const s = await readySodium();
  return {
    kind: "media",
    role: media.role,
    eventId: media.eventId,
    sender: media.sender,
    timestamp: media.timestamp,
    mimetype: media.mimetype,
    size: media.bytes.length,
    bytes: toBase64Url(s, media.bytes),
    sha256: await sha256Hex(media.bytes),
  };
}

// ---------------------------------------------------------------------------
// The strict parser: the body's side runs it over what it opened. Never
// throws; rebuilds every object; unknown fields are problems.

const HEX32 = /^[0-9a-f]{32}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const BODY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MIMETYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** As strictParse's object(), with an empty object for a non-object (the problem is listed). */
function object(value: unknown, path: string, keys: readonly string[], p: Problems): Fields {
  return strictObject(value, path, keys, p) ?? {};
}

function nullableText(value: unknown, path: string, max: number, p: Problems): string | null {
  return value === null ? null : text(value, path, 1, max, p);
}

function pattern(value: unknown, path: string, re: RegExp, what: string, p: Problems): string {
  if (typeof value !== "string" || !re.test(value)) {
    p.add(path, `must be ${what}`);
    return "";
  }
  return value;
}

function count(value: unknown, path: string, p: Problems): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    p.add(path, "must be a non-negative integer");
    return 0;
  }
  return value;
}

function kindOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (value as Fields)["kind"] : undefined;
}

function parseEvidenceItem(
  value: unknown,
  path: string,
  p: Problems,
  senderMayBeNull: boolean,
): HandoffEvidence {
  const kind = oneOf(kindOf(value), ["message", "media", "profile"] as const, `${path}.kind`, p);
  if (kind === "profile") {
    const o = object(value, path, ["kind", "role", "userId"], p);
    return {
      kind,
      role: oneOf(o["role"], ["reported"] as const, `${path}.role`, p),
      userId: matrixId(o["userId"], "@", `${path}.userId`, p),
    };
  }
  const common = ["kind", "role", "eventId", "sender", "timestamp", "sha256"];
  if (kind === "message") {
    const o = object(value, path, [...common, "body", "truncated"], p);
    return {
      kind,
      role: oneOf(o["role"], ["reported", "context", "held-aside"] as const, `${path}.role`, p),
      eventId: matrixId(o["eventId"], "$", `${path}.eventId`, p),
      sender:
        o["sender"] === null && senderMayBeNull
          ? null
          : matrixId(o["sender"], "@", `${path}.sender`, p),
      timestamp: count(o["timestamp"], `${path}.timestamp`, p),
      body:
        o["body"] === null ? null : text(o["body"], `${path}.body`, 0, MAX_HANDOFF_BODY_LENGTH, p),
      truncated: flag(o["truncated"], `${path}.truncated`, p),
      sha256: pattern(o["sha256"], `${path}.sha256`, SHA256, "64 lowercase hex characters", p),
    };
  }
  const o = object(value, path, [...common, "mimetype", "size", "bytes"], p);
  const size = count(o["size"], `${path}.size`, p);
  if (size > MAX_HANDOFF_MEDIA_BYTES)
    p.add(`${path}.size`, `must be at most ${MAX_HANDOFF_MEDIA_BYTES}`);
  const bytes = text(
    o["bytes"],
    `${path}.bytes`,
    0,
    Math.ceil((MAX_HANDOFF_MEDIA_BYTES * 4) / 3),
    p,
  );
  if (!BASE64URL.test(bytes) || bytes.length !== Math.ceil((size * 4) / 3)) {
    p.add(`${path}.bytes`, "must be unpadded base64url of `size` bytes");
  }
  return {
    kind,
    // Media of a held-aside request travels too (RMEDIA), as its messages do.
    role: oneOf(o["role"], ["reported", "context", "held-aside"] as const, `${path}.role`, p),
    eventId: matrixId(o["eventId"], "$", `${path}.eventId`, p),
    sender:
      o["sender"] === null && senderMayBeNull
        ? null
        : matrixId(o["sender"], "@", `${path}.sender`, p),
    timestamp: count(o["timestamp"], `${path}.timestamp`, p),
    mimetype: pattern(
      o["mimetype"],
      `${path}.mimetype`,
      MIMETYPE,
      "a media type (type/subtype)",
      p,
    ),
    size,
    bytes,
    sha256: pattern(o["sha256"], `${path}.sha256`, SHA256, "64 lowercase hex characters", p),
  };
}

function parseLocation(value: unknown, p: Problems): HandoffLocation {
  const path = "notice.location";
  const kind = oneOf(kindOf(value), ["room-events", "user-profile"] as const, `${path}.kind`, p);
  if (kind === "user-profile") {
    const o = object(value, path, ["kind", "userId"], p);
    return { kind, userId: matrixId(o["userId"], "@", `${path}.userId`, p) };
  }
  const o = object(value, path, ["kind", "roomId", "eventIds"], p);
  const ids = o["eventIds"];
  let eventIds: string[] = [];
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 21) {
    p.add(`${path}.eventIds`, "must be a list of 1–21 event IDs");
  } else {
    eventIds = ids.map((id, i) => matrixId(id, "$", `${path}.eventIds[${i}]`, p));
  }
  return { kind, roomId: matrixId(o["roomId"], "!", `${path}.roomId`, p), eventIds };
}

function parseNotifier(value: unknown, p: Problems): HandoffNotifier {
  const path = "notice.notifier";
  const kind = oneOf(kindOf(value), ["withheld", "identified"] as const, `${path}.kind`, p);
  if (kind === "withheld") {
    const o = object(value, path, ["kind", "basis"], p);
    return { kind, basis: oneOf(o["basis"], ["dsa-art-16-2-c"] as const, `${path}.basis`, p) };
  }
  const o = object(value, path, ["kind", "userId", "name", "email"], p);
  const email = nullableText(o["email"], `${path}.email`, 320, p);
  if (email !== null && email !== "" && !EMAIL.test(email)) {
    p.add(`${path}.email`, "must be an e-mail address");
  }
  return {
    kind,
    userId: matrixId(o["userId"], "@", `${path}.userId`, p),
    name: nullableText(o["name"], `${path}.name`, MAX_HANDOFF_NAME_LENGTH, p),
    email,
  };
}

/** Checks untrusted data against the package format (schema and consistency). Never throws. */
export function parseHandoffPackage(value: unknown): HandoffResult {
  const p = new Problems();
  try {
    const keys = [
      "format",
      "version",
      "packageId",
      "handedOverAt",
      "recipient",
      "sender",
      "report",
      "category",
      "notice",
      "evidence",
      "moderatorNote",
      "summary",
    ];
    const o = object(value, "package", keys, p);
    if (p.list.length > 0 && Object.keys(o).length === 0) return { ok: false, problems: p.list };
    if (o["format"] !== HANDOFF_FORMAT) p.add("format", `must be "${HANDOFF_FORMAT}"`);
    if (o["version"] !== HANDOFF_VERSION) {
      p.add("version", `must be ${HANDOFF_VERSION}`);
      return { ok: false, problems: p.list };
    }
    const recipient = object(o["recipient"], "recipient", ["bodyId", "name"], p);
    const sender = object(o["sender"], "sender", ["service", "contact"], p);
    const report = object(
      o["report"],
      "report",
      ["reportId", "createdAt", "receivedAt", "bundleSha256"],
      p,
    );
    const notice = object(
      o["notice"],
      "notice",
      ["explanation", "location", "notifier", "goodFaith"],
      p,
    );
    const goodFaith = object(
      notice["goodFaith"],
      "notice.goodFaith",
      ["confirmed", "statement"],
      p,
    );
    const summary = object(o["summary"], "summary", ["language", "text"], p);
    const rawEvidence = o["evidence"];
    let evidence: HandoffEvidence[] = [];
    if (
      !Array.isArray(rawEvidence) ||
      rawEvidence.length === 0 ||
      rawEvidence.length > MAX_HANDOFF_EVIDENCE
    ) {
      p.add("evidence", `must be a list of 1–${MAX_HANDOFF_EVIDENCE} items`);
    } else {
      const withheld = kindOf(notice["notifier"]) === "withheld";
      evidence = rawEvidence.map((item, i) =>
        parseEvidenceItem(item, `evidence[${i}]`, p, withheld),
      );
    }
    const parsed: HandoffPackage = {
      format: HANDOFF_FORMAT,
      version: HANDOFF_VERSION,
      packageId: pattern(o["packageId"], "packageId", HEX32, "32 lowercase hex characters", p),
      handedOverAt: count(o["handedOverAt"], "handedOverAt", p),
      recipient: {
        bodyId: pattern(recipient["bodyId"], "recipient.bodyId", BODY_ID, "a resource id", p),
        name: text(recipient["name"], "recipient.name", 1, MAX_HANDOFF_NAME_LENGTH, p),
      },
      sender: {
        service: text(sender["service"], "sender.service", 1, MAX_HANDOFF_NAME_LENGTH, p),
        contact: text(sender["contact"], "sender.contact", 1, 320, p),
      },
      report: {
        reportId: pattern(
          report["reportId"],
          "report.reportId",
          HEX32,
          "32 lowercase hex characters",
          p,
        ),
        createdAt: count(report["createdAt"], "report.createdAt", p),
        receivedAt: count(report["receivedAt"], "report.receivedAt", p),
        bundleSha256: pattern(
          report["bundleSha256"],
          "report.bundleSha256",
          SHA256,
          "64 lowercase hex characters",
          p,
        ),
      },
      category: oneOf(o["category"], REPORT_CATEGORIES, "category", p),
      notice: {
        explanation: text(
          notice["explanation"],
          "notice.explanation",
          1,
          MAX_HANDOFF_TEXT_LENGTH,
          p,
        ),
        location: parseLocation(notice["location"], p),
        notifier: parseNotifier(notice["notifier"], p),
        goodFaith: {
          confirmed: flag(goodFaith["confirmed"], "notice.goodFaith.confirmed", p),
          statement: text(
            goodFaith["statement"],
            "notice.goodFaith.statement",
            1,
            MAX_HANDOFF_TEXT_LENGTH,
            p,
          ),
        },
      },
      evidence,
      moderatorNote: nullableText(o["moderatorNote"], "moderatorNote", MAX_HANDOFF_TEXT_LENGTH, p),
      summary: {
        language: pattern(
          summary["language"],
          "summary.language",
          /^[a-z]{2}$/,
          "a language code",
          p,
        ),
        text: text(summary["text"], "summary.text", 1, MAX_HANDOFF_SUMMARY_LENGTH, p),
      },
    };
    checkConsistency(parsed, p);
    return p.list.length > 0 ? { ok: false, problems: p.list } : { ok: true, package: parsed };
  } catch {
    p.add("package", "could not be read");
    return { ok: false, problems: p.list };
  }
}

// The location names exactly the evidence; one reported item; media at most MAX_HANDOFF_MEDIA,
// each attached to a packaged message.
function checkConsistency(pkg: HandoffPackage, p: Problems): void {
  const { location } = pkg.notice;
  const messages = pkg.evidence.filter((e) => e.kind === "message");
  const profiles = pkg.evidence.filter((e) => e.kind === "profile");
  if (pkg.evidence.filter((e) => e.kind === "media").length > MAX_HANDOFF_MEDIA) {
    p.add("evidence", `must hold at most ${MAX_HANDOFF_MEDIA} media items`);
  }
  // As in the bundle: a picture or file belongs to one of the packaged messages.
  const packaged = new Set(messages.map((m) => m.eventId));
  for (const [i, item] of pkg.evidence.entries()) {
    if (item.kind === "media" && !packaged.has(item.eventId)) {
      p.add(`evidence[${i}].eventId`, "must be one of the messages the package carries");
    }
  }
  if (location.kind === "user-profile") {
    if (
      profiles.length !== 1 ||
      profiles[0]?.userId !== location.userId ||
      messages.some((m) => m.role !== "held-aside")
    ) {
      p.add("notice.location", "must be the one reported profile in the evidence");
    }
    return;
  }
  const ids = messages.map((m) => m.eventId);
  if (
    profiles.length > 0 ||
    messages[0]?.role !== "reported" ||
    messages.slice(1).some((m) => m.role !== "context") ||
    ids.length !== location.eventIds.length ||
    ids.some((id, i) => id !== location.eventIds[i])
  ) {
    p.add("notice.location", "must name the evidence's event IDs, reported first");
  }
}

/** The digests the package states that its content does not match (paths); empty when intact. */
export async function verifyHandoffDigests(pkg: HandoffPackage): Promise<readonly string[]> {
  const s = await readySodium();
  const wrong: string[] = [];
  for (const [i, item] of pkg.evidence.entries()) {
    if (item.kind === "profile") continue;
    const bytes =
      item.kind === "message"
        ? encoder.encode(item.body ?? "")
        : (fromBase64UrlOfAnyLength(s, item.bytes) ?? new Uint8Array());
    if ((await sha256Hex(bytes)) !== item.sha256) wrong.push(`evidence[${i}].sha256`);
  }
  return wrong;
}
