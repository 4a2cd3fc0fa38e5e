// View-model layer: a report opened on the moderator's device, in the shape
// the moderation screen shows: the sealed bundle's evidence and DSA notice,
// and the engine's routing advice. The view never walks the report format.

import type {
  EvidenceMessage,
  ReportBand,
  ReportBands,
  ReportBundle,
} from "@safety-by-design/protocol";
import type { HelpResourceId } from "../help/resources.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import type { ModerationRouting } from "../policy/decideModerationRouting.ts";

/** One message of the evidence, as the reporter's device decrypted it. */
export type ModerationEvidenceMessage = {
  readonly eventId: string;
  /** undefined: the reporter's own message, in a report that leaves their name out. */
  readonly sender: string | undefined;
  readonly timestamp: number;
  /** undefined: the reporter's device could not decrypt it (it travelled without a body). */
  readonly body: string | undefined;
  /** The body was cut to the report format's limit. */
  readonly truncated: boolean;
};

/** What was reported: messages in a room (with the context the reporter agreed to), or a profile. */
export type ModerationEvidence =
  | {
      readonly kind: "messages";
      readonly roomId: string;
      readonly reported: ModerationEvidenceMessage;
      readonly context: readonly ModerationEvidenceMessage[];
      /** Whether the reporter agreed to share context (even when there was none). */
      readonly contextConsent: boolean;
    }
  | {
      readonly kind: "profile";
      readonly userId: string;
      /** A reported request's messages the reporter's device held aside: the reporter never saw them. */
      readonly unseen: readonly ModerationEvidenceMessage[];
    };

/** TEAM: a verified age as the moderator sees it: minor or adult, and the band if it went along. */
export type ModerationBand = {
  readonly group: "minor" | "adult";
  readonly band: "8-12" | "13-15" | "16-17" | "18+" | undefined;
};

/** TEAM: the ages a report carries; each undefined: not known (not verified, or not shared). */
export type ModerationBands = {
  readonly reporter: ModerationBand | undefined;
  readonly reported: ModerationBand | undefined;
};

/** TEAM: the bundle's ages block (absent before version 4) in the screen's shape. */
export function bandsOf(bands: ReportBands | undefined): ModerationBands {
  const one = (band: ReportBand | null | undefined): ModerationBand | undefined =>
    band === null || band === undefined
      ? undefined
      : { group: band.group, band: band.band ?? undefined };
  return { reporter: one(bands?.reporter), reported: one(bands?.reported) };
}

/**
 * A report that opened on this device, as the screen shows it: the sealed
 * bundle's evidence and DSA notice (Art. 16(2)), its signature, and the
 * engine's routing advice. The view never reads the report format itself.
 */
export type ModerationOpenedReport = {
  readonly kind: "opened";
  /** By the reporter's clock. */
  readonly createdAt: number;
  readonly evidence: ModerationEvidence;
  readonly note: string | undefined;
  /** Art. 16(2)(a): why the reporter believes it is illegal or harmful. */
  readonly explanation: string;
  /** Art. 16(2)(b): where the content is. */
  readonly location:
    | { readonly kind: "events"; readonly roomId: string; readonly eventIds: readonly string[] }
    | { readonly kind: "profile"; readonly userId: string };
  /** Art. 16(2)(c): the reporter's Matrix ID; undefined when they left their name out. */
  readonly reporter: string | undefined;
  /** Leaving the name out is lawful for this category (the engine's routing says). */
  readonly withholdingAllowed: boolean;
  /** Art. 16(2)(d): the reporter confirmed the good-faith statement. */
  readonly goodFaithConfirmed: boolean;
  readonly signerPublicKey: string | null;
  /** TEAM: the ages the reporter's engine let go with the report (verified only). */
  readonly bands: ModerationBands;
  readonly routing: {
    /** The engine could not apply the policy: the advice is the protective fallback. */
    readonly failedClosed: boolean;
    /** Organisations to advise for the material where it was reported: in a chat. */
    readonly adviceForChat: readonly HelpResourceId[];
    /** The same, were the material also found on a public website. */
    readonly adviceForPublicWebsite: readonly HelpResourceId[];
    /**
     * The rules that decided, as words for moderators (TEAM: never the
     * engine's rule ids, which are wire format); a rule without words is
     * "another rule".
     */
    readonly rules: readonly MessageKey[];
  };
};

/** TEAM: the report point's rules in a moderator's words (moderation.nl.ts). */
export const ROUTING_RULE_WORDS: Readonly<Partial<Record<string, MessageKey>>> = {
  "report/moderators-always": "moderation.rule.moderatorsAlways",
  "report/default-category-from-context": "moderation.rule.defaultCategory",
  "report/advice-for-material-in-chats": "moderation.rule.adviceChats",
  "report/advice-for-public-websites": "moderation.rule.adviceWebsites",
  "report/peers-not-criminalised": "moderation.rule.peers",
  "report/dsa-article-16-fields": "moderation.rule.dsaFields",
  "report/reporter-identity-optional-for-child-sexual-abuse": "moderation.rule.identityOptional",
  "report/after-report-actions": "moderation.rule.afterActions",
  "report/evidence-window": "moderation.rule.evidenceWindow",
  "report/evidence-from-held-aside-request": "moderation.rule.heldAside",
};

/** The bundle and the engine's routing, in the shape the screen shows. */
export function openedReport(
  bundle: ReportBundle,
  signerPublicKey: string | null,
  routing: ModerationRouting,
): ModerationOpenedReport {
  const { evidence, notice } = bundle;
  return {
    kind: "opened",
    createdAt: bundle.createdAt,
    evidence:
      evidence.kind === "messages"
        ? {
            kind: "messages",
            roomId: evidence.roomId,
            reported: evidenceMessage(evidence.reported),
            context: evidence.context.map(evidenceMessage),
            contextConsent: evidence.contextConsent,
          }
        : {
            kind: "profile",
            userId: evidence.userId,
            unseen: (evidence.unseen?.messages ?? []).map(evidenceMessage),
          },
    note: bundle.note ?? undefined,
    explanation: notice.explanation,
    location:
      notice.location.kind === "room-events"
        ? { kind: "events", roomId: notice.location.roomId, eventIds: notice.location.eventIds }
        : { kind: "profile", userId: notice.location.userId },
    reporter: notice.reporter.kind === "identified" ? notice.reporter.userId : undefined,
    withholdingAllowed: routing.reporterIdentityOptional,
    goodFaithConfirmed: notice.goodFaith.confirmed,
    signerPublicKey,
    bands: bandsOf(bundle.bands),
    routing: {
      failedClosed: routing.failedClosed,
      adviceForChat: routing.adviceForChat,
      adviceForPublicWebsite: routing.adviceForPublicWebsite,
      rules: [
        ...new Set(routing.reasons.map((id) => ROUTING_RULE_WORDS[id] ?? "moderation.rule.other")),
      ],
    },
  };
}

function evidenceMessage(message: EvidenceMessage): ModerationEvidenceMessage {
  return {
    eventId: message.eventId,
    sender: message.sender ?? undefined,
    timestamp: message.timestamp,
    body: message.kind === "undecryptable" ? undefined : message.body,
    truncated: message.truncated,
  };
}
