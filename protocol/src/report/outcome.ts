// Protocol, reports: the outcome a moderator sends back to the reporter
// (docs/protocol.md, "Report outcome"; DSA Art. 16(5) and 17: the person who
// reported is told what was decided). Every report carries a reply channel of
// its own (`replyTo` in the bundle: a random mailbox ID and a fresh X25519
// public key made for that one report), so the reporter's device can be told
// without anyone learning who the reporter is: the outcome is sealed to the
// reply key with a sealed box and left in the mailbox at the report intake.
//
// Closed vocabulary only: a decision, the body it went to (the id of a body
// the engine advised) and, for "no action", one reason from a fixed list. No
// free text ever reaches the child; the team's own notes stay in the team's
// status. The parser runs on the reporter's device over what it opened: it
// never throws, it returns undefined.

import { fromBase64Url, fromBase64UrlOfAnyLength, readySodium, toBase64Url } from "../codec.ts";

export const REPORT_OUTCOME_VERSION = 1;

export const OUTCOME_DECISIONS = ["handled", "forwarded", "no-action"] as const;
export type OutcomeDecision = (typeof OUTCOME_DECISIONS)[number];

/** Why nothing was done, from a fixed list the reporter's app words (never the team's own text). */
export const NO_ACTION_REASONS = [
  "no-rule-broken",
  "not-enough-information",
  "already-handled",
] as const;
export type NoActionReason = (typeof NO_ACTION_REASONS)[number];

/** A body id as the engine names it (policy-engine HELP_RESOURCE_IDS; handoff's BODY_ID). */
const BODY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const REPORT_ID = /^[0-9a-f]{32}$/;
/** 128 random bits, lowercase hex: the mailbox is a capability, so it must not be guessable. */
export const MAILBOX_ID = /^[0-9a-f]{32}$/;
/** The reply key's public half, X25519, base64url without padding (43 characters). */
export const REPLY_PUBLIC_KEY_LENGTH = 43;
/** A sealed outcome is a few hundred characters; anything far longer is not one. */
export const MAX_SEALED_OUTCOME_LENGTH = 2_000;
/**
 * How long a mailbox lives (days): the intake deletes an outcome nobody
 * fetched this long after it was left, and the reporter's device drops a
 * reply key this long after the report: no ciphertext and no secret is kept
 * forever. A deployment may set its own (tools/lib/reportingDeployment.ts).
 */
export const OUTCOME_MAILBOX_RETENTION_DAYS = 90;

export type ReportOutcome = {
  readonly version: typeof REPORT_OUTCOME_VERSION;
  readonly reportId: string;
  readonly decision: OutcomeDecision;
  /** Set exactly when the decision is "forwarded": the body the engine advised. */
  readonly forwardedTo: string | null;
  /** Set exactly when the decision is "no-action". */
  readonly reason: NoActionReason | null;
  /** When the moderator decided (ms since the epoch, their clock). */
  readonly decidedAt: number;
};

/** What a bundle carries so the outcome can come back (bundle.ts, `replyTo`). */
export type ReplyChannel = {
  /** 32 lowercase hex characters. */
  readonly mailbox: string;
  /** X25519 public key, base64url. */
  readonly publicKey: string;
};

/** The reporter's half, kept on their device beside the outbox. */
export type ReplyKeyPair = {
  readonly channel: ReplyChannel;
  readonly secretKey: Uint8Array;
};

const encoder = new TextEncoder();

/** A fresh reply channel for one report: never reused, so two reports cannot be linked. */
export async function createReplyKeyPair(
  randomBytes: (length: number) => Uint8Array = (length) =>
    globalThis.crypto.getRandomValues(new Uint8Array(length)),
): Promise<ReplyKeyPair> {
  const s = await readySodium();
  const pair = s.crypto_box_keypair();
  const mailbox = Array.from(randomBytes(16), (b) => b.toString(16).padStart(2, "0")).join("");
  return {
    channel: { mailbox, publicKey: toBase64Url(s, pair.publicKey) },
    secretKey: pair.privateKey,
  };
}

export function isMailboxId(value: unknown): value is string {
  return typeof value === "string" && MAILBOX_ID.test(value);
}

/** Strict: exactly `{ mailbox, publicKey }`, each well-formed; undefined otherwise. */
export function parseReplyChannel(value: unknown): ReplyChannel | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  if (Object.keys(o).some((k) => k !== "mailbox" && k !== "publicKey")) return undefined;
  const { mailbox, publicKey } = o;
  if (
    !isMailboxId(mailbox) ||
    typeof publicKey !== "string" ||
    publicKey.length !== REPLY_PUBLIC_KEY_LENGTH ||
    !/^[A-Za-z0-9_-]+$/.test(publicKey)
  ) {
    return undefined;
  }
  return { mailbox, publicKey };
}

/** Strict: exactly the known fields, each checked, and consistent with the decision. */
export function parseReportOutcome(value: unknown): ReportOutcome | undefined {
  try {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const o = value as Record<string, unknown>;
    const keys = ["version", "reportId", "decision", "forwardedTo", "reason", "decidedAt"];
    if (Object.keys(o).length !== keys.length || Object.keys(o).some((k) => !keys.includes(k))) {
      return undefined;
    }
    const { reportId, decision, forwardedTo, reason, decidedAt } = o;
    const knownDecision = OUTCOME_DECISIONS.find((d) => d === decision);
    const knownReason = NO_ACTION_REASONS.find((r) => r === reason);
    if (
      o["version"] !== REPORT_OUTCOME_VERSION ||
      typeof reportId !== "string" ||
      !REPORT_ID.test(reportId) ||
      knownDecision === undefined ||
      typeof decidedAt !== "number" ||
      !Number.isSafeInteger(decidedAt) ||
      decidedAt < 0
    ) {
      return undefined;
    }
    // Each decision carries exactly what it needs: a body when forwarded, a reason when not acted on.
    const forwarded = typeof forwardedTo === "string" && BODY_ID.test(forwardedTo);
    if (knownDecision === "forwarded" ? !forwarded : forwardedTo !== null) return undefined;
    if (knownDecision === "no-action" ? knownReason === undefined : reason !== null) {
      return undefined;
    }
    return {
      version: REPORT_OUTCOME_VERSION,
      reportId,
      decision: knownDecision,
      forwardedTo: forwarded ? forwardedTo : null,
      reason: knownReason ?? null,
      decidedAt,
    };
  } catch {
    // A hostile object (a Proxy, a throwing getter) lands here.
    return undefined;
  }
}

/** The outcome sealed to the reporter's reply key, as base64url text for the mailbox. */
export async function sealReportOutcome(
  outcome: ReportOutcome,
  replyTo: ReplyChannel,
): Promise<string> {
  const checked = parseReportOutcome(outcome);
  const channel = parseReplyChannel(replyTo);
  if (checked === undefined) throw new TypeError("not a report outcome");
  if (channel === undefined) throw new TypeError("not a reply channel");
  const s = await readySodium();
  const publicKey = fromBase64Url(s, channel.publicKey, 32);
  if (publicKey === undefined) throw new TypeError("not a reply key");
  return toBase64Url(s, s.crypto_box_seal(encoder.encode(JSON.stringify(checked)), publicKey));
}

/**
 * Opens what the mailbox held with the report's reply key; undefined for
 * anything else, and for an outcome about another report (a mailbox answer
 * cannot be moved to another report's entry). Never throws.
 */
export async function openReportOutcome(
  sealed: unknown,
  reply: ReplyKeyPair,
  reportId: string,
): Promise<ReportOutcome | undefined> {
  if (typeof sealed !== "string" || sealed.length > MAX_SEALED_OUTCOME_LENGTH) return undefined;
  try {
    const s = await readySodium();
    const bytes = fromBase64UrlOfAnyLength(s, sealed);
    const publicKey = fromBase64Url(s, reply.channel.publicKey, 32);
    if (bytes === undefined || publicKey === undefined || bytes.length < 49) return undefined;
    const plain = s.crypto_box_seal_open(bytes, publicKey, reply.secretKey);
    const outcome = parseReportOutcome(
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plain)) as unknown,
    );
    return outcome?.reportId === reportId ? outcome : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The moderator's choice as the team's shared status carries it (status.ts,
 * `outcome`): the decision in the same closed vocabulary, and whether it was
 * left in the reporter's mailbox (false: not yet, a moderator can send it again).
 */
export type StatusOutcome = {
  readonly decision: OutcomeDecision;
  readonly forwardedTo: string | null;
  readonly reason: NoActionReason | null;
  readonly sentToReporter: boolean;
};

/** Strict, like the outcome itself; undefined for anything else. Never throws. */
export function parseStatusOutcome(value: unknown): StatusOutcome | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const { sentToReporter, ...choice } = value as Record<string, unknown>;
  if (typeof sentToReporter !== "boolean") return undefined;
  // The same checks as an outcome's, on a stand-in report.
  const checked = parseReportOutcome({
    ...choice,
    version: REPORT_OUTCOME_VERSION,
    reportId: "0".repeat(32),
    decidedAt: 0,
  });
  if (checked === undefined || Object.keys(choice).length !== 3) return undefined;
  const { decision, forwardedTo, reason } = checked;
  return { decision, forwardedTo, reason, sentToReporter };
}
