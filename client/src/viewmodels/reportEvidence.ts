// View-model layer: what the report sheet shares, read from the conversation
// as the reporter's device shows it and fixed when the sheet opens, so the
// sheet shares exactly what it showed. Someone the engine keeps back is
// named as the screen behind the sheet named them; their words travel sealed.

import type { EvidenceMessageInput } from "@safety-by-design/protocol";
import type { ConversationSnapshot, TimelineMessage } from "../matrix/sessionTypes.ts";

export type ReportSubject =
  | { readonly kind: "message"; readonly roomId: string; readonly eventId: string }
  /** A request from someone who is not a contact: their profile is reported. */
  | {
      readonly kind: "request";
      readonly roomId: string;
      readonly userId: string;
      readonly displayName: string | undefined;
      /**
       * The request's messages, read on this device after declining it
       * (RequestViewModel.blockAndReport). The reporter never saw them: the
       * sheet keeps them out of every snapshot and seals them into the report.
       */
      readonly unseen?: readonly TimelineMessage[] | undefined;
    }
  /** A person in a conversation (the conversation's options). */
  | { readonly kind: "profile"; readonly roomId: string; readonly userId: string };

/** What the sheet reads of the session: the decrypted conversation as the reporter sees it. */
export type ReportEvidenceSource = {
  readonly userId: string;
  conversation(roomId: string): ConversationSnapshot | undefined;
  /**
   * A person as the reporter's screen shows them (the room decision store):
   * `shown` false for someone the engine keeps back, whose name, ID and
   * messages the sheet must not show either (they still travel, sealed).
   */
  person(roomId: string, userId: string): { readonly label: string; readonly shown: boolean };
};

export type EvidenceRow = {
  readonly eventId: string;
  readonly senderUserId: string;
  readonly senderLabel: string;
  readonly mine: boolean;
  readonly timestamp: number;
  /** False: the reporter's device could not decrypt it; it travels without a body. */
  readonly readable: boolean;
  /** From someone the engine keeps back: the sheet shows a placeholder; the body travels sealed. */
  readonly keptBack: boolean;
  readonly body: string;
};

export type Evidence = {
  readonly found: boolean;
  readonly reportedUserId: string;
  readonly reportedDisplayName: string | undefined;
  readonly reportedLabel: string;
  readonly reportedShown: boolean;
  readonly reported: EvidenceRow | undefined;
  /**
   * The sent messages before the reported one, oldest first: the candidates
   * for context (the engine's report decision says how many of the last go).
   */
  readonly preceding: readonly TimelineMessage[];
};

/**
 * The reported message or person as the reporter's device shows them.
 * Unsent messages of one's own have no event ID yet and are left out.
 */
export function gatherEvidence(subject: ReportSubject, source: ReportEvidenceSource): Evidence {
  const conversation = source.conversation(subject.roomId);
  const members = new Map((conversation?.members ?? []).map((m) => [m.userId, m]));
  const person = (userId: string) => source.person(subject.roomId, userId);
  if (subject.kind !== "message") {
    const member = members.get(subject.userId);
    const shown = person(subject.userId);
    const displayName =
      subject.kind === "request" ? subject.displayName : (member?.name ?? undefined);
    return {
      found: true,
      reportedUserId: subject.userId,
      reportedDisplayName: displayName,
      reportedLabel: shown.label,
      reportedShown: shown.shown,
      reported: undefined,
      preceding: [],
    };
  }
  const messages = conversation?.messages ?? [];
  const index = messages.findIndex((m) => m.eventId === subject.eventId);
  const message = messages[index];
  if (message === undefined) {
    return {
      found: false,
      reportedUserId: "",
      reportedDisplayName: undefined,
      reportedLabel: "",
      reportedShown: false,
      reported: undefined,
      preceding: [],
    };
  }
  const reportedPerson = person(message.sender);
  return {
    found: true,
    reportedUserId: message.sender,
    reportedDisplayName: members.get(message.sender)?.name,
    reportedLabel: reportedPerson.label,
    reportedShown: reportedPerson.shown,
    reported: evidenceRow(message, subject.roomId, source),
    preceding: messages
      .slice(0, index)
      .filter((m) => m.sendState === "sent" && m.eventId.startsWith("$")),
  };
}

/** The last `count` of the messages before the reported one, as rows (none for 0). */
export function contextRows(
  evidence: Evidence,
  count: number,
  roomId: string,
  source: ReportEvidenceSource,
): readonly EvidenceRow[] {
  const { preceding } = evidence;
  return preceding
    .slice(Math.max(0, preceding.length - count))
    .map((message) => evidenceRow(message, roomId, source));
}

function evidenceRow(
  message: TimelineMessage,
  roomId: string,
  source: ReportEvidenceSource,
): EvidenceRow {
  const mine = message.sender === source.userId;
  const sender = source.person(roomId, message.sender);
  return {
    eventId: message.eventId,
    senderUserId: message.sender,
    senderLabel: sender.label,
    mine,
    timestamp: message.timestamp,
    readable: message.kind === "text",
    keptBack: !mine && !sender.shown,
    body: message.kind === "text" ? message.body : "",
  };
}

/**
 * The newest `count` of a request's unseen messages, as the report format
 * takes them (none for 0). What could not be decrypted, or was sent in the
 * clear into the encrypted room, travels without a body.
 */
export function unseenEvidence(
  messages: readonly TimelineMessage[],
  count: number,
): EvidenceMessageInput[] {
  if (count <= 0) return [];
  const sent = messages.filter((message) => message.eventId.startsWith("$"));
  return sent.slice(Math.max(0, sent.length - count)).map((message) => ({
    eventId: message.eventId,
    sender: message.sender,
    timestamp: message.timestamp,
    kind: message.kind === "text" ? "text" : "undecryptable",
    body: message.kind === "text" ? message.body : "",
  }));
}

/** A row as the report format takes it. */
export function toEvidenceInput(row: EvidenceRow): EvidenceMessageInput {
  return {
    eventId: row.eventId,
    sender: row.senderUserId,
    timestamp: row.timestamp,
    kind: row.readable ? "text" : "undecryptable",
    body: row.body,
  };
}
