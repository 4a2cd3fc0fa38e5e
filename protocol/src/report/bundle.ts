// Protocol, reports: the evidence bundle a reporter's client packages for
// (Over 400 lines: a format and its strict parser belong together; the shared parsing pieces are in strictParse.ts.)
// the moderators (docs/protocol.md, "Report bundle"), and its strict parser.
// The homeserver cannot read an end-to-end encrypted message, so the
// reporter's device hands over what it decrypted, together with the DSA
// Article 16 notice fields. The parser runs on the moderator's device over
// untrusted data: it never throws, it returns problems. See
// docs/measures/reporting.md.

import {
  flag,
  ID_FORBIDDEN,
  MAX_MATRIX_ID_LENGTH,
  matrixId,
  object,
  oneOf,
  Problems,
  text,
  type Fields,
} from "../strictParse.ts";
import { parseEncryptedFile, type EncryptedFile } from "../media/attachment.ts";
import { parseReplyChannel, type ReplyChannel } from "./outcome.ts";

/**
 * The report categories of bundle version 2: the policy engine's
 * REPORT_CATEGORIES (policy-engine/src/model/ids.ts, where the list and its
 * reasons live), copied so this package depends on no engine. The report
 * sheet, the engine's routing, this bundle and the moderation screen use the
 * same ids; client/src/policy/decideReport.test.ts fails if the copies differ.
 */
export const REPORT_CATEGORIES = [
  "child-sexual-abuse-material",
  "sexual-content-to-minor",
  "asking-for-images",
  "grooming",
  "sextortion",
  "image-abuse",
  "threat-or-violence",
  "harassment",
  "impersonation",
  "scam-or-spam",
  "other",
] as const;

export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export function isReportCategory(value: unknown): value is ReportCategory {
  return REPORT_CATEGORIES.some((c) => c === value);
}

/**
 * 4: optional blocks a version 3 reader would refuse as unknown fields: the
 * ages the engine lets go to the moderators (`bands`), and the other helpers'
 * blocks below, each absent when not given (still read: a version 3 bundle is
 * a version 4 bundle without them).
 * 3: a message the reporter sent themselves carries no sender (null) when the
 * reporter withholds their identity, so the bundle cannot name them. 2: the
 * category is one of the one vocabulary above (still read: a version 2 bundle
 * is a version 3 bundle with every sender given). Version 1 carried the
 * report sheet's own seven categories, which the engine translated; it is
 * refused, not translated (docs/protocol.md, section 6).
 */
export const REPORT_BUNDLE_VERSION = 4;
export const READABLE_BUNDLE_VERSIONS: readonly number[] = [2, 3, 4];

/** At most this many messages before the reported one travel with a report. */
export const MAX_CONTEXT_MESSAGES = 20;
/**
 * Longest message body a bundle carries, in UTF-16 code units. No Matrix event
 * can exceed 65,536 bytes (the spec's PDU limit), so no real message is cut;
 * a longer body is truncated and marked, never dropped.
 */
export const MAX_MESSAGE_BODY_LENGTH = 65_536;
export const MAX_NOTE_LENGTH = 2_000;
export const MAX_EXPLANATION_LENGTH = 2_000;
export const MAX_STATEMENT_KEY_LENGTH = 200;
/** The Matrix spec limits user, room and event IDs to 255 bytes. */
export { MAX_MATRIX_ID_LENGTH };

export type EvidenceMessage = {
  readonly eventId: string;
  /**
   * null: the reporter's own message in a report that withholds the reporter
   * (DSA Art. 16(2)(c)); their user ID would name them.
   */
  readonly sender: string | null;
  /** origin_server_ts as the reporter's client saw it (set by the sender's server). */
  readonly timestamp: number;
  /** "undecryptable": the reporter's device had no key; the body is empty. */
  readonly kind: "text" | "undecryptable";
  readonly body: string;
  /** True when the body was longer than MAX_MESSAGE_BODY_LENGTH and was cut. */
  readonly truncated: boolean;
};

export type ReportEvidence =
  | {
      readonly kind: "messages";
      readonly roomId: string;
      readonly reported: EvidenceMessage;
      /** Messages before the reported one, oldest first; empty without consent. */
      readonly context: readonly EvidenceMessage[];
      /** Whether the reporter agreed to share context (even if there was none). */
      readonly contextConsent: boolean;
    }
  | {
      readonly kind: "profile";
      readonly userId: string;
      /** A reported request's messages, which the reporter never saw (absent: none). */
      readonly unseen?: UnseenMessages;
    };

/**
 * The newest messages of a request the reporter reported without ever seeing
 * it (their device held it aside): read and decrypted on the reporter's device
 * after declining, never shown to them. Oldest first, at most
 * MAX_CONTEXT_MESSAGES. A request is reported as its sender's profile, because
 * the homeserver no longer lets someone who declined report its events.
 */
export type UnseenMessages = {
  readonly roomId: string;
  readonly messages: readonly EvidenceMessage[];
};

/** DSA Art. 16(2)(b): the exact electronic location of the reported content. */
export type ReportLocation =
  | {
      readonly kind: "room-events";
      readonly roomId: string;
      /** The reported event first, then the context in bundle order. */
      readonly eventIds: readonly string[];
    }
  | { readonly kind: "user-profile"; readonly userId: string };

/**
 * DSA Art. 16(2)(c): the reporter's identity, or its lawful absence (allowed
 * for reports of child sexual abuse offences). The caller decides; the
 * bundle records which.
 */
export type ReporterIdentity =
  | { readonly kind: "identified"; readonly userId: string }
  | { readonly kind: "withheld"; readonly basis: "dsa-art-16-2-c" };

export type DsaNotice = {
  /** Art. 16(2)(a): why the reporter believes the content is illegal or harmful. */
  readonly explanation: string;
  readonly location: ReportLocation;
  readonly reporter: ReporterIdentity;
  /** Art. 16(2)(d): the bona fide statement, as shown to the reporter (translation key). */
  readonly goodFaith: { readonly confirmed: boolean; readonly statementKey: string };
};

// --- Reported media (RMEDIA, issue 13 acceptance 5) -------------------------
// An image or file among the reported messages travels re-encrypted: the
// reporter's device decrypted it, encrypted it again with a fresh key (never
// the sender's, which would let the sender recognise the upload), and
// uploaded the ciphertext; the key, IV and ciphertext digest exist only
// inside this sealed bundle. Absent: the report carries no media (older
// bundles, and reports of text).

/** At most this many images or files travel with one report. */
export const MAX_REPORT_MEDIA = 4;
export const MAX_MEDIA_NAME_LENGTH = 255;
const MAX_MIMETYPE_LENGTH = 255;
const MIMETYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** One reported image or file: which message it belongs to, and how to fetch and open it. */
export type ReportMediaItem = {
  /** The message (reported, context or unseen) it was attached to. */
  readonly eventId: string;
  readonly kind: "image" | "file";
  /** As the sender declared it; the moderator's device still checks the bytes. */
  readonly mimetype: string;
  /** Plaintext size in bytes. */
  readonly size: number;
  readonly name: string;
  /** The re-encrypted copy: its mxc URI and the fresh EncryptedFile v2 keys. */
  readonly file: EncryptedFile;
};
// --- end of reported media ---------------------------------------------------

// --- Reply channel (OUT, issue 18 acceptance 3) -----------------------------
// Where the moderators' outcome goes back to (outcome.ts): a random mailbox ID
// at the report intake and a fresh X25519 public key, both made for this one
// report on the reporter's device (which keeps the secret half). Nothing in it
// names the reporter, and no two reports share one, so it cannot link two
// reports either. Absent: no outcome can come back (older bundles).
export type { ReplyChannel };
// --- end of reply channel ----------------------------------------------------

// --- Ages for the moderators (TEAM, issue 18 acceptance 9) -------------------
// What the engine's report decision lets go about ages (its `moderatorBands`,
// the pack's `report.bandsToModerators`): the reporter's and the reported
// account's verified band, as a group (minor or adult) and, where the pack
// allows, the exact band. Only verified bands: an unverified claim is not a
// fact. null: not known or not shared. Absent: the bundle says nothing about
// ages (versions 2 and 3, or a pack that shares none).

export const REPORT_AGE_BANDS = ["8-12", "13-15", "16-17", "18+"] as const;
export type ReportAgeBand = (typeof REPORT_AGE_BANDS)[number];

/** A verified age as the moderators may see it. */
export type ReportBand = {
  readonly group: "minor" | "adult";
  /** null: only the group was shared. */
  readonly band: ReportAgeBand | null;
};

export type ReportBands = {
  readonly reporter: ReportBand | null;
  readonly reported: ReportBand | null;
};
// --- end of ages for the moderators -------------------------------------------

export type ReportBundle = {
  /** 4 when created; 2 or 3 when read from an older reporter's bundle. */
  readonly version: 2 | 3 | 4;
  /** 32 lowercase hex characters (128 random bits); moderators de-duplicate by it. */
  readonly reportId: string;
  /** Milliseconds since the epoch, by the reporter's clock. */
  readonly createdAt: number;
  readonly category: ReportCategory;
  readonly note: string | null;
  readonly evidence: ReportEvidence;
  readonly notice: DsaNotice;
  /** Reported media (RMEDIA): absent when the report carries none. */
  readonly media?: readonly ReportMediaItem[];
  /** Reply channel (OUT): where the outcome goes back to; absent when none was given. */
  readonly replyTo?: ReplyChannel;
  /** Ages for the moderators (TEAM, version 4): absent when nothing about ages goes. */
  readonly bands?: ReportBands;
};

export type BundleResult =
  | { readonly ok: true; readonly bundle: ReportBundle }
  | { readonly ok: false; readonly problems: readonly string[] };

/** What the UI has for a message; TimelineMessage from chatSession.ts fits. */
export type EvidenceMessageInput = {
  readonly eventId: string;
  readonly sender: string;
  readonly timestamp: number;
  readonly kind: "text" | "undecryptable";
  readonly body: string;
};

export type ReportBundleInput = {
  readonly category: ReportCategory;
  readonly note?: string | undefined;
  readonly explanation: string;
  readonly subject:
    | {
        readonly kind: "message";
        readonly roomId: string;
        readonly reported: EvidenceMessageInput;
        /** Messages before the reported one, oldest first; the last MAX_CONTEXT_MESSAGES are kept. */
        readonly preceding: readonly EvidenceMessageInput[];
        /** Without consent no context is shared, whatever `preceding` holds. */
        readonly contextConsent: boolean;
      }
    | {
        readonly kind: "profile";
        readonly userId: string;
        /** A reported request's messages the reporter never saw; the last MAX_CONTEXT_MESSAGES go. */
        readonly unseen?:
          | { readonly roomId: string; readonly messages: readonly EvidenceMessageInput[] }
          | undefined;
      };
  readonly reporter: { readonly userId: string; readonly includeIdentity: boolean };
  readonly goodFaith: { readonly confirmed: boolean; readonly statementKey: string };
  /** Reported media, already re-encrypted and uploaded (RMEDIA); absent or empty: none. */
  readonly media?: readonly ReportMediaItem[] | undefined;
  /** Reply channel (OUT): the report's own mailbox and reply key; absent: none. */
  readonly replyTo?: ReplyChannel | undefined;
  /** Ages for the moderators (TEAM): as the engine's decision allows; absent or both null: none. */
  readonly bands?: ReportBands | undefined;
};

export type BundleEnvironment = {
  readonly now: () => number;
  readonly randomBytes: (length: number) => Uint8Array;
};

const defaultEnvironment: BundleEnvironment = {
  now: () => Date.now(),
  randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
};

/**
 * Builds a bundle from what the reporter's device shows. Unsent local echoes
 * (no server event ID yet) and duplicates are left out of the context. The
 * result is checked by the same parser the moderator runs, so a bundle that
 * is created can always be opened.
 */
export function createReportBundle(
  input: ReportBundleInput,
  environment: BundleEnvironment = defaultEnvironment,
): BundleResult {
  const reportId = Array.from(environment.randomBytes(16), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
  const reporter: ReporterIdentity = input.reporter.includeIdentity
    ? { kind: "identified", userId: input.reporter.userId }
    : { kind: "withheld", basis: "dsa-art-16-2-c" };

  let evidence: ReportEvidence;
  let location: ReportLocation;
  if (input.subject.kind === "message") {
    const { roomId, reported } = input.subject;
    // A withheld reporter's own messages go without their user ID.
    const hide = (message: EvidenceMessage): EvidenceMessage =>
      !input.reporter.includeIdentity && message.sender === input.reporter.userId
        ? { ...message, sender: null }
        : message;
    const context = input.subject.contextConsent
      ? selectContext(input.subject.preceding, reported.eventId).map(hide)
      : [];
    evidence = {
      kind: "messages",
      roomId,
      reported: hide(toEvidenceMessage(reported)),
      context,
      contextConsent: input.subject.contextConsent,
    };
    location = {
      kind: "room-events",
      roomId,
      eventIds: [reported.eventId, ...context.map((m) => m.eventId)],
    };
  } else {
    const { unseen } = input.subject;
    const messages = unseen === undefined ? [] : selectContext(unseen.messages, "");
    evidence =
      unseen === undefined || messages.length === 0
        ? { kind: "profile", userId: input.subject.userId }
        : {
            kind: "profile",
            userId: input.subject.userId,
            unseen: { roomId: unseen.roomId, messages },
          };
    location = { kind: "user-profile", userId: input.subject.userId };
  }

  const note = input.note?.trim() ?? "";
  const candidate: ReportBundle = {
    version: REPORT_BUNDLE_VERSION,
    reportId,
    createdAt: environment.now(),
    category: input.category,
    note: note === "" ? null : note,
    evidence,
    notice: {
      explanation: input.explanation.trim(),
      location,
      reporter,
      goodFaith: {
        confirmed: input.goodFaith.confirmed,
        statementKey: input.goodFaith.statementKey,
      },
    },
    ...(input.media === undefined || input.media.length === 0 ? {} : { media: input.media }),
    ...(input.replyTo === undefined ? {} : { replyTo: input.replyTo }),
    ...(input.bands === undefined ||
    (input.bands.reporter === null && input.bands.reported === null)
      ? {}
      : { bands: input.bands }),
  };
  return parseReportBundle(candidate);
}

function selectContext(
  preceding: readonly EvidenceMessageInput[],
  reportedEventId: string,
): EvidenceMessage[] {
  const seen = new Set<string>([reportedEventId]);
  const usable: EvidenceMessage[] = [];
  for (const message of preceding) {
    // A local echo carries a transaction ID, not an event ID: nothing to locate.
    if (!isEventId(message.eventId) || seen.has(message.eventId)) continue;
    seen.add(message.eventId);
    usable.push(toEvidenceMessage(message));
  }
  return usable.slice(-MAX_CONTEXT_MESSAGES);
}

function toEvidenceMessage(message: EvidenceMessageInput): EvidenceMessage {
  const body = message.kind === "text" ? message.body : "";
  const truncated = body.length > MAX_MESSAGE_BODY_LENGTH;
  return {
    eventId: message.eventId,
    sender: message.sender,
    timestamp: message.timestamp,
    kind: message.kind,
    body: truncated ? cutAtCodePoint(body, MAX_MESSAGE_BODY_LENGTH) : body,
    truncated,
  };
}

// Never leave half a surrogate pair at the end of a cut body.
function cutAtCodePoint(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

// ---------------------------------------------------------------------------
// The strict parser. Every object is rebuilt from checked fields (nothing of
// the input is passed through), unknown fields are problems, every string
// has a bound. Problems name the path, e.g. "evidence.context[3].sender".

const REPORT_ID = /^[0-9a-f]{32}$/;

function timestamp(value: unknown, path: string, p: Problems): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    p.add(path, "must be a non-negative integer (milliseconds)");
    return 0;
  }
  return value;
}

function isEventId(value: string): boolean {
  return (
    value.startsWith("$") &&
    value.length >= 2 &&
    value.length <= MAX_MATRIX_ID_LENGTH &&
    !ID_FORBIDDEN.test(value)
  );
}

function parseMessage(
  value: unknown,
  path: string,
  p: Problems,
  senderMayBeNull: boolean,
): EvidenceMessage {
  const o = object(value, path, ["eventId", "sender", "timestamp", "kind", "body", "truncated"], p);
  if (o === null) {
    return { eventId: "", sender: "", timestamp: 0, kind: "text", body: "", truncated: false };
  }
  const kind = oneOf(o["kind"], ["text", "undecryptable"] as const, `${path}.kind`, p);
  const body = text(o["body"], `${path}.body`, 0, MAX_MESSAGE_BODY_LENGTH, p);
  if (kind === "undecryptable" && body !== "")
    p.add(`${path}.body`, "must be empty when undecryptable");
  return {
    eventId: matrixId(o["eventId"], "$", `${path}.eventId`, p),
    sender:
      o["sender"] === null && senderMayBeNull
        ? null
        : matrixId(o["sender"], "@", `${path}.sender`, p),
    timestamp: timestamp(o["timestamp"], `${path}.timestamp`, p),
    kind,
    body,
    truncated: flag(o["truncated"], `${path}.truncated`, p),
  };
}

// The stranger's messages: never the reporter's own, so every sender is given.
function parseUnseen(value: unknown, path: string, p: Problems): UnseenMessages {
  const o = object(value, path, ["roomId", "messages"], p);
  const raw = o?.["messages"];
  let messages: EvidenceMessage[] = [];
  if (!Array.isArray(raw) || raw.length === 0) {
    p.add(`${path}.messages`, "must be a list of at least one message");
  } else if (raw.length > MAX_CONTEXT_MESSAGES) {
    p.add(`${path}.messages`, `must hold at most ${MAX_CONTEXT_MESSAGES} messages`);
  } else {
    messages = raw.map((m, i) => parseMessage(m, `${path}.messages[${i}]`, p, false));
  }
  return { roomId: matrixId(o?.["roomId"], "!", `${path}.roomId`, p), messages };
}

function parseEvidence(value: unknown, p: Problems, senderMayBeNull: boolean): ReportEvidence {
  const path = "evidence";
  const kindOnly =
    typeof value === "object" && value !== null ? (value as Fields)["kind"] : undefined;
  const kind = oneOf(kindOnly, ["messages", "profile"] as const, `${path}.kind`, p);
  if (kind === "profile") {
    const o = object(value, path, ["kind", "userId", "unseen"], p);
    const userId = matrixId(o?.["userId"], "@", `${path}.userId`, p);
    if (o?.["unseen"] === undefined) return { kind, userId };
    return { kind, userId, unseen: parseUnseen(o["unseen"], `${path}.unseen`, p) };
  }
  const o = object(value, path, ["kind", "roomId", "reported", "context", "contextConsent"], p);
  const rawContext = o?.["context"];
  let context: EvidenceMessage[] = [];
  if (!Array.isArray(rawContext)) {
    p.add(`${path}.context`, "must be a list");
  } else if (rawContext.length > MAX_CONTEXT_MESSAGES) {
    p.add(`${path}.context`, `must hold at most ${MAX_CONTEXT_MESSAGES} messages`);
  } else {
    context = rawContext.map((m, i) =>
      parseMessage(m, `${path}.context[${i}]`, p, senderMayBeNull),
    );
  }
  const contextConsent = flag(o?.["contextConsent"], `${path}.contextConsent`, p);
  if (!contextConsent && context.length > 0) {
    p.add(`${path}.context`, "must be empty without the reporter's consent");
  }
  return {
    kind,
    roomId: matrixId(o?.["roomId"], "!", `${path}.roomId`, p),
    reported: parseMessage(o?.["reported"], `${path}.reported`, p, senderMayBeNull),
    context,
    contextConsent,
  };
}

function parseLocation(value: unknown, p: Problems): ReportLocation {
  const path = "notice.location";
  const kindOnly =
    typeof value === "object" && value !== null ? (value as Fields)["kind"] : undefined;
  const kind = oneOf(kindOnly, ["room-events", "user-profile"] as const, `${path}.kind`, p);
  if (kind === "user-profile") {
    const o = object(value, path, ["kind", "userId"], p);
    return { kind, userId: matrixId(o?.["userId"], "@", `${path}.userId`, p) };
  }
  const o = object(value, path, ["kind", "roomId", "eventIds"], p);
  const rawIds = o?.["eventIds"];
  let eventIds: string[] = [];
  if (!Array.isArray(rawIds) || rawIds.length === 0 || rawIds.length > MAX_CONTEXT_MESSAGES + 1) {
    p.add(`${path}.eventIds`, `must be a list of 1–${MAX_CONTEXT_MESSAGES + 1} event IDs`);
  } else {
    eventIds = rawIds.map((id, i) => matrixId(id, "$", `${path}.eventIds[${i}]`, p));
  }
  return { kind, roomId: matrixId(o?.["roomId"], "!", `${path}.roomId`, p), eventIds };
}

function parseReporter(value: unknown, p: Problems): ReporterIdentity {
  const path = "notice.reporter";
  const kindOnly =
    typeof value === "object" && value !== null ? (value as Fields)["kind"] : undefined;
  const kind = oneOf(kindOnly, ["identified", "withheld"] as const, `${path}.kind`, p);
  if (kind === "withheld") {
    const o = object(value, path, ["kind", "basis"], p);
    return { kind, basis: oneOf(o?.["basis"], ["dsa-art-16-2-c"] as const, `${path}.basis`, p) };
  }
  const o = object(value, path, ["kind", "userId"], p);
  return { kind, userId: matrixId(o?.["userId"], "@", `${path}.userId`, p) };
}

function parseNotice(value: unknown, p: Problems): DsaNotice {
  const o = object(value, "notice", ["explanation", "location", "reporter", "goodFaith"], p);
  const g = object(o?.["goodFaith"], "notice.goodFaith", ["confirmed", "statementKey"], p);
  return {
    explanation: text(o?.["explanation"], "notice.explanation", 1, MAX_EXPLANATION_LENGTH, p),
    location: parseLocation(o?.["location"], p),
    reporter: parseReporter(o?.["reporter"], p),
    goodFaith: {
      confirmed: flag(g?.["confirmed"], "notice.goodFaith.confirmed", p),
      statementKey: text(
        g?.["statementKey"],
        "notice.goodFaith.statementKey",
        1,
        MAX_STATEMENT_KEY_LENGTH,
        p,
      ),
    },
  };
}

// The notice's location must point at exactly the evidence it came with.
function checkConsistency(evidence: ReportEvidence, location: ReportLocation, p: Problems): void {
  if (evidence.kind === "profile") {
    if (location.kind !== "user-profile" || location.userId !== evidence.userId) {
      p.add("notice.location", "must be the reported user's profile");
    }
    return;
  }
  const expected = [evidence.reported.eventId, ...evidence.context.map((m) => m.eventId)];
  if (
    location.kind !== "room-events" ||
    location.roomId !== evidence.roomId ||
    location.eventIds.length !== expected.length ||
    location.eventIds.some((id, i) => id !== expected[i])
  ) {
    p.add("notice.location", "must name the evidence's room and event IDs, reported first");
  }
  if (new Set(expected).size !== expected.length) {
    p.add("evidence", "must not hold the same event twice");
  }
}

// Reported media (RMEDIA): each item belongs to a message the bundle carries.
function parseMedia(value: unknown, evidence: ReportEvidence, p: Problems): ReportMediaItem[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_REPORT_MEDIA) {
    p.add("media", `must be a list of 1–${MAX_REPORT_MEDIA} items`);
    return [];
  }
  const carried = new Set(
    evidence.kind === "messages"
      ? [evidence.reported.eventId, ...evidence.context.map((m) => m.eventId)]
      : (evidence.unseen?.messages ?? []).map((m) => m.eventId),
  );
  return value.map((raw, i): ReportMediaItem => {
    const path = `media[${i}]`;
    const o = object(raw, path, ["eventId", "kind", "mimetype", "size", "name", "file"], p);
    const eventId = matrixId(o?.["eventId"], "$", `${path}.eventId`, p);
    if (eventId !== "" && !carried.has(eventId)) {
      p.add(`${path}.eventId`, "must be one of the messages the bundle carries");
    }
    const mimetype = text(o?.["mimetype"], `${path}.mimetype`, 3, MAX_MIMETYPE_LENGTH, p);
    if (mimetype !== "" && !MIMETYPE.test(mimetype)) {
      p.add(`${path}.mimetype`, "must be a media type (type/subtype, lowercase)");
    }
    const size = o?.["size"];
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
      p.add(`${path}.size`, "must be a non-negative integer (bytes)");
    }
    const parsed = parseEncryptedFile(o?.["file"]);
    // Its url must be mxc:// (parseEncryptedFile refuses anything else): nothing else is fetched.
    if (!parsed.ok) p.add(`${path}.file`, `must be an EncryptedFile v2 (${parsed.reason})`);
    return {
      eventId,
      kind: oneOf(o?.["kind"], ["image", "file"] as const, `${path}.kind`, p),
      mimetype,
      size: typeof size === "number" ? size : 0,
      name: text(o?.["name"], `${path}.name`, 1, MAX_MEDIA_NAME_LENGTH, p),
      file: parsed.ok
        ? parsed.value
        : {
            url: "",
            key: { kty: "oct", key_ops: [], alg: "A256CTR", k: "", ext: true },
            iv: "",
            hashes: { sha256: "" },
            v: "v2",
          },
    };
  });
}

// Ages for the moderators (TEAM): a group, and a band only of that group.
function parseBand(value: unknown, path: string, p: Problems): ReportBand | null {
  if (value === null) return null;
  const o = object(value, path, ["group", "band"], p);
  const group = oneOf(o?.["group"], ["minor", "adult"] as const, `${path}.group`, p);
  const band =
    o?.["band"] === null ? null : oneOf(o?.["band"], REPORT_AGE_BANDS, `${path}.band`, p);
  if (band !== null && (band === "18+") !== (group === "adult")) {
    p.add(`${path}.band`, `must be a band of the group ${group}`);
  }
  return { group, band };
}

function parseBands(value: unknown, version: number, p: Problems): ReportBands {
  if (version < 4) p.add("bands", "must be absent before version 4");
  const o = object(value, "bands", ["reporter", "reported"], p);
  const bands = {
    reporter: parseBand(o?.["reporter"], "bands.reporter", p),
    reported: parseBand(o?.["reported"], "bands.reported", p),
  };
  if (bands.reporter === null && bands.reported === null) {
    p.add("bands", "must share at least one age (absent when none)");
  }
  return bands;
}

/** Checks untrusted data (e.g. just decrypted) against the bundle format. Never throws. */
export function parseReportBundle(value: unknown): BundleResult {
  const p = new Problems();
  try {
    const o = object(
      value,
      "bundle",
      [
        "version",
        "reportId",
        "createdAt",
        "category",
        "note",
        "evidence",
        "notice",
        "media",
        "replyTo",
        "bands",
      ],
      p,
    );
    if (o === null) return { ok: false, problems: p.list };
    // Read before the other fields, and alone: another version's fields mean other things.
    const version = o["version"];
    if (version !== 2 && version !== 3 && version !== 4) {
      p.add(
        "version",
        version === 1
          ? "1 is the format before one category list (its categories cannot all be read as version 2's); this reader reads versions 2, 3 and 4 only"
          : "must be 2, 3 or 4",
      );
      return { ok: false, problems: p.list };
    }
    const reportId = text(o["reportId"], "reportId", 32, 32, p);
    if (!REPORT_ID.test(reportId)) p.add("reportId", "must be 32 lowercase hex characters");
    const createdAt = timestamp(o["createdAt"], "createdAt", p);
    const category = oneOf(o["category"], REPORT_CATEGORIES, "category", p);
    const note = o["note"] === null ? null : text(o["note"], "note", 1, MAX_NOTE_LENGTH, p);
    const notice = parseNotice(o["notice"], p);
    // Only a version 3 or later bundle that withholds the reporter may leave a sender out.
    const evidence = parseEvidence(
      o["evidence"],
      p,
      version >= 3 && notice.reporter.kind === "withheld",
    );
    checkConsistency(evidence, notice.location, p);
    const media = o["media"] === undefined ? undefined : parseMedia(o["media"], evidence, p);
    // Reply channel (OUT): exactly { mailbox, publicKey }, or absent.
    const replyTo = o["replyTo"] === undefined ? undefined : parseReplyChannel(o["replyTo"]);
    if (o["replyTo"] !== undefined && replyTo === undefined) {
      p.add(
        "replyTo",
        "must be { mailbox: 32 lowercase hex, publicKey: an X25519 key, base64url }",
      );
    }
    // Ages for the moderators (TEAM): version 4 only.
    const bands = o["bands"] === undefined ? undefined : parseBands(o["bands"], version, p);
    if (p.list.length > 0) return { ok: false, problems: p.list };
    return {
      ok: true,
      bundle: {
        version,
        reportId,
        createdAt,
        category,
        note,
        evidence,
        notice,
        ...(media === undefined ? {} : { media }),
        ...(replyTo === undefined ? {} : { replyTo }),
        ...(bands === undefined ? {} : { bands }),
      },
    };
  } catch {
    // Unreachable for JSON data; a hostile object (a Proxy, a throwing getter) lands here.
    p.add("bundle", "could not be read");
    return { ok: false, problems: p.list };
  }
}
