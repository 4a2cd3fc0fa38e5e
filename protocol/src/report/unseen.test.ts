// Protocol, reports: a reported request carries its messages that the
// reporter never saw (held aside on their device), as its sender's profile.
import { describe, expect, it } from "vitest";
import {
  createReportBundle,
  MAX_CONTEXT_MESSAGES,
  parseReportBundle,
  type ReportBundle,
} from "./bundle.ts";
import { ALEX, fixedEnvironment, message, messageReport, ROOM } from "./testKit.ts";

function requestReport(messages = [message(1), message(2)]) {
  return messageReport({
    category: "other",
    subject: { kind: "profile", userId: ALEX, unseen: { roomId: ROOM, messages } },
  });
}

function created(input = requestReport()): ReportBundle {
  const result = createReportBundle(input, fixedEnvironment());
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.bundle;
}

describe("a request's unseen messages", () => {
  it("travel with the profile report, located at the sender's profile", () => {
    const bundle = created();
    expect(bundle.evidence).toEqual({
      kind: "profile",
      userId: ALEX,
      unseen: {
        roomId: ROOM,
        messages: [1, 2].map((n) => ({ ...message(n), truncated: false })),
      },
    });
    expect(bundle.notice.location).toEqual({ kind: "user-profile", userId: ALEX });
  });

  it("are left out when there are none, so the bundle is a plain profile report", () => {
    expect(created(requestReport([])).evidence).toEqual({ kind: "profile", userId: ALEX });
  });

  it("keep the newest MAX_CONTEXT_MESSAGES, without local echoes or repeats", () => {
    const many = Array.from({ length: MAX_CONTEXT_MESSAGES + 5 }, (_, i) => message(i + 1));
    const withNoise = [...many, message(3), { ...message(99), eventId: "~local" }];
    const bundle = created(requestReport(withNoise));
    if (bundle.evidence.kind !== "profile") throw new Error("not a profile report");
    const ids = bundle.evidence.unseen?.messages.map((m) => m.eventId);
    expect(ids).toHaveLength(MAX_CONTEXT_MESSAGES);
    expect(ids?.at(-1)).toBe(`$event${MAX_CONTEXT_MESSAGES + 5}`);
  });

  it("are read strictly: every sender given, no empty list, no unknown field", () => {
    const bundle = created();
    const withNullSender = structuredClone(bundle) as unknown as {
      evidence: { unseen: { messages: { sender: string | null }[]; extra?: boolean } };
    };
    const first = withNullSender.evidence.unseen.messages[0];
    if (first === undefined) throw new Error("no message");
    first.sender = null;
    expect(parseReportBundle(withNullSender).ok).toBe(false);

    const empty = structuredClone(bundle) as unknown as {
      evidence: { unseen: { messages: unknown[] } };
    };
    empty.evidence.unseen.messages = [];
    expect(parseReportBundle(empty).ok).toBe(false);

    const extra = structuredClone(bundle) as unknown as {
      evidence: { unseen: { seen?: boolean } };
    };
    extra.evidence.unseen.seen = true;
    expect(parseReportBundle(extra).ok).toBe(false);

    expect(parseReportBundle(structuredClone(bundle))).toEqual({ ok: true, bundle });
  });
});
