// Protocol, reports: fixtures for tests of reports, here and in packages
// that file or open them (exported as @safety-by-design/protocol/testing,
// never from the main entry): a typical report as the UI would file it, and a
// deterministic environment.

import type { EvidenceMessageInput, ReportBundleInput } from "./bundle.ts";

export const ROOM = "!dm:localhost";
export const NOOR = "@noor:localhost";
export const ALEX = "@alex:localhost";

export function message(n: number, sender = ALEX, body = `message ${n}`): EvidenceMessageInput {
  return {
    eventId: `$event${n}`,
    sender,
    timestamp: 1_700_000_000_000 + n * 1000,
    kind: "text",
    body,
  };
}

/** Noor reports Alex's message 5 with the four before it, naming herself. */
export function messageReport(overrides: Partial<ReportBundleInput> = {}): ReportBundleInput {
  return {
    category: "asking-for-images",
    explanation: "This person keeps asking me for photos.",
    subject: {
      kind: "message",
      roomId: ROOM,
      reported: message(5),
      preceding: [message(1), message(2, NOOR, "no"), message(3), message(4)],
      contextConsent: true,
    },
    reporter: { userId: NOOR, includeIdentity: true },
    goodFaith: { confirmed: true, statementKey: "report.goodFaith.statement" },
    ...overrides,
  };
}

let counter = 0;

/** A deterministic environment: fixed clock, distinct report IDs. */
export function fixedEnvironment(now = 1_700_000_100_000): {
  now: () => number;
  randomBytes: (length: number) => Uint8Array;
} {
  return {
    now: () => now,
    randomBytes: (length) => {
      counter++;
      return Uint8Array.from({ length }, (_, i) => (counter * 31 + i * 7) % 256);
    },
  };
}
