// Services layer, reporting: hands an opened report to a receiving body (the
// police, a hotline) as a sealed handoff package (protocol/src/handoff,
// docs/handoff-package.md). Built on the moderator's device from what the
// report opened to, sealed to the body's public key from the deployment's
// configuration, and given back as a file for the moderator to deliver
// through the body's own channel. No network here: the moderator sends the
// file; the platform never learns more than the moderator already had.

import {
  buildHandoffPackage,
  moderationPublicKeyFromText,
  sealHandoffPackage,
  type HandoffMediaInput,
  type HandoffPackage,
} from "@safety-by-design/protocol";
import type { InboxReport } from "./moderationInbox.ts";

export type HandoffRequest = {
  readonly report: InboxReport;
  readonly recipient: { readonly bodyId: string; readonly name: string };
  /** The body's X25519 public key (base64url), from the deployment's configuration. */
  readonly recipientPublicKey: string | undefined;
  readonly sender: HandoffPackage["sender"];
  /** The good-faith statement in the words the reporter saw (Dutch: the bodies read Dutch). */
  readonly goodFaithStatement: string;
  readonly moderatorNote: string | null;
  /**
   * Writes the human-readable summary from the package it summarises (a
   * first pass builds the package without one; the sealed package has it).
   */
  readonly summary: (pkg: HandoffPackage) => string;
  /** Reported media decrypted on this device, when the report carries any (issue 13). */
  readonly media?: readonly HandoffMediaInput[];
  readonly now: number;
};

export type HandoffFile = {
  /** e.g. handoff-politie-1a2b3c4d.json */
  readonly fileName: string;
  /** The sealed file's JSON text. */
  readonly text: string;
  /** The package as sealed (for the moderator's own record and the summary shown). */
  readonly package: HandoffPackage;
};

export type HandoffOutcome =
  | { readonly ok: true; readonly file: HandoffFile }
  | {
      readonly ok: false;
      /** no-key: the deployment has no key for this body; unreadable: the report did not open. */
      readonly reason: "no-key" | "unreadable" | "invalid";
      readonly problems: readonly string[];
    };

export async function createHandoffFile(request: HandoffRequest): Promise<HandoffOutcome> {
  const { opened } = request.report;
  if (!opened.ok) return { ok: false, reason: "unreadable", problems: opened.problems };
  const key =
    request.recipientPublicKey === undefined
      ? undefined
      : await moderationPublicKeyFromText(request.recipientPublicKey);
  if (key === undefined) {
    return { ok: false, reason: "no-key", problems: [`no key for ${request.recipient.bodyId}`] };
  }
  // Built twice: once to summarise exactly what goes in, then with the summary.
  const input = {
    bundle: opened.bundle,
    bundleSha256: opened.bundleSha256,
    receivedAt: request.report.receivedAt,
    handedOverAt: request.now,
    recipient: request.recipient,
    sender: request.sender,
    goodFaithStatement: request.goodFaithStatement,
    moderatorNote: request.moderatorNote,
    ...(request.media === undefined ? {} : { media: request.media }),
  };
  const draft = await buildHandoffPackage({ ...input, summary: { language: "nl", text: "-" } });
  if (!draft.ok) return { ok: false, reason: "invalid", problems: draft.problems };
  const built = await buildHandoffPackage({
    ...input,
    randomBytes: (length) => hexBytes(draft.package.packageId).slice(0, length),
    summary: { language: "nl", text: request.summary(draft.package) },
  });
  if (!built.ok) return { ok: false, reason: "invalid", problems: built.problems };
  const sealed = await sealHandoffPackage(built.package, key);
  if (!sealed.ok) return { ok: false, reason: "invalid", problems: sealed.problems };
  return {
    ok: true,
    file: {
      fileName: `handoff-${request.recipient.bodyId}-${built.package.packageId.slice(0, 8)}.json`,
      text: `${JSON.stringify(sealed.file, null, 2)}\n`,
      package: built.package,
    },
  };
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}
