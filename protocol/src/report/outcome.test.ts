// Protocol, reports: the outcome opens with the report's own reply key only,
// nothing but a well-formed outcome of that report comes out, and a bundle's
// reply channel is strict and optional.
import { describe, expect, it } from "vitest";
import { createReportBundle, parseReportBundle } from "./bundle.ts";
import {
  createReplyKeyPair,
  openReportOutcome,
  parseReplyChannel,
  parseReportOutcome,
  parseStatusOutcome,
  sealReportOutcome,
  type ReportOutcome,
} from "./outcome.ts";

const reportId = "0123456789abcdef0123456789abcdef";
const forwarded: ReportOutcome = {
  version: 1,
  reportId,
  decision: "forwarded",
  forwardedTo: "politie",
  reason: null,
  decidedAt: 1_700_000_000_000,
};

describe("a report outcome", () => {
  it("opens with the report's reply key to exactly what was sealed, and with no other", async () => {
    const reply = await createReplyKeyPair();
    const other = await createReplyKeyPair();
    const sealed = await sealReportOutcome(forwarded, reply.channel);
    expect(sealed).not.toContain("politie");
    expect(sealed).not.toContain("forwarded");
    expect(await openReportOutcome(sealed, reply, reportId)).toEqual(forwarded);
    expect(await openReportOutcome(sealed, other, reportId)).toBeUndefined();
    expect(await openReportOutcome(`${sealed.slice(0, -3)}AAA`, reply, reportId)).toBeUndefined();
    expect(await openReportOutcome(42, reply, reportId)).toBeUndefined();
    expect(await openReportOutcome("x".repeat(5_000), reply, reportId)).toBeUndefined();
  });

  it("is refused when it is about another report (a mailbox answer cannot be moved)", async () => {
    const reply = await createReplyKeyPair();
    const sealed = await sealReportOutcome(forwarded, reply.channel);
    expect(await openReportOutcome(sealed, reply, "f".repeat(32))).toBeUndefined();
  });

  it("carries exactly what its decision needs, from the closed lists", () => {
    const handled = { ...forwarded, decision: "handled", forwardedTo: null };
    const noAction = { ...handled, decision: "no-action", reason: "no-rule-broken" };
    expect(parseReportOutcome(handled)).toEqual(handled);
    expect(parseReportOutcome(noAction)).toEqual(noAction);
    // A body without forwarding, forwarding without a body, a reason without "no action".
    expect(parseReportOutcome({ ...handled, forwardedTo: "politie" })).toBeUndefined();
    expect(parseReportOutcome({ ...forwarded, forwardedTo: null })).toBeUndefined();
    expect(parseReportOutcome({ ...handled, reason: "no-rule-broken" })).toBeUndefined();
    expect(parseReportOutcome({ ...noAction, reason: null })).toBeUndefined();
    // No free text: an unknown reason, a body id with spaces, an extra field.
    expect(parseReportOutcome({ ...noAction, reason: "Je overdrijft" })).toBeUndefined();
    expect(parseReportOutcome({ ...forwarded, forwardedTo: "de politie" })).toBeUndefined();
    expect(parseReportOutcome({ ...handled, note: "intern" })).toBeUndefined();
    expect(parseReportOutcome({ ...handled, version: 2 })).toBeUndefined();
    expect(parseReportOutcome({ ...handled, decidedAt: -1 })).toBeUndefined();
    expect(parseReportOutcome(null)).toBeUndefined();
  });

  it("never throws on a hostile object", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("boom");
        },
      },
    );
    expect(parseReportOutcome(hostile)).toBeUndefined();
  });

  it("refuses to seal what is not an outcome, or to a channel that is not one", async () => {
    const reply = await createReplyKeyPair();
    await expect(
      sealReportOutcome(
        { ...forwarded, decision: "gone" } as unknown as ReportOutcome,
        reply.channel,
      ),
    ).rejects.toThrow(TypeError);
    await expect(
      sealReportOutcome(forwarded, { mailbox: "nope", publicKey: reply.channel.publicKey }),
    ).rejects.toThrow(TypeError);
  });
});

describe("a reply channel", () => {
  it("is fresh per report: no mailbox or key is shared", async () => {
    const a = await createReplyKeyPair();
    const b = await createReplyKeyPair();
    expect(a.channel.mailbox).toMatch(/^[0-9a-f]{32}$/);
    expect(a.channel.mailbox).not.toBe(b.channel.mailbox);
    expect(a.channel.publicKey).not.toBe(b.channel.publicKey);
    expect(parseReplyChannel(a.channel)).toEqual(a.channel);
  });

  it("is strict: exactly a mailbox and a key", async () => {
    const { channel } = await createReplyKeyPair();
    expect(parseReplyChannel({ ...channel, userId: "@noor:localhost" })).toBeUndefined();
    expect(parseReplyChannel({ ...channel, mailbox: channel.mailbox.toUpperCase() })).toBe(
      undefined,
    );
    expect(parseReplyChannel({ ...channel, publicKey: "short" })).toBeUndefined();
    expect(parseReplyChannel("mailbox")).toBeUndefined();
  });

  it("travels in a bundle when given, and an older bundle without one still parses", async () => {
    const { channel } = await createReplyKeyPair();
    const input = {
      category: "harassment" as const,
      explanation: "Pesten",
      subject: { kind: "profile" as const, userId: "@mark:localhost" },
      reporter: { userId: "@noor:localhost", includeIdentity: false },
      goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
    };
    const withReply = createReportBundle({ ...input, replyTo: channel });
    const without = createReportBundle(input);
    if (!withReply.ok || !without.ok) throw new Error("bundle not created");
    expect(withReply.bundle.replyTo).toEqual(channel);
    expect(without.bundle).not.toHaveProperty("replyTo");
    const bad = parseReportBundle({ ...withReply.bundle, replyTo: { ...channel, extra: 1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join()).toContain("replyTo");
  });
});

describe("the outcome in the team's status", () => {
  it("is the closed vocabulary and whether it reached the reporter, nothing more", () => {
    const choice = { decision: "no-action", forwardedTo: null, reason: "already-handled" };
    expect(parseStatusOutcome({ ...choice, sentToReporter: false })).toEqual({
      ...choice,
      sentToReporter: false,
    });
    expect(parseStatusOutcome(choice)).toBeUndefined();
    expect(parseStatusOutcome({ ...choice, sentToReporter: true, text: "x" })).toBeUndefined();
    expect(parseStatusOutcome({ ...choice, reason: null, sentToReporter: true })).toBeUndefined();
  });
});
