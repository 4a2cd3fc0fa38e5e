// Services layer, reporting: the outcome back on the reporter's device. A
// fresh reply channel per report, kept durably before the report; an outcome
// is stored before the intake may delete it; nothing that does not open with
// the report's own key is taken; fetching carries no credentials.
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import {
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  readReportReasons,
  sealReportOutcome,
  type ReportOutcome,
} from "@safety-by-design/protocol";
import { ReportOutbox } from "./outbox.ts";
import { createReportFiler } from "./reportFiler.ts";
import { createMemoryReportStore } from "./reportStore.ts";
import { DELIVERED, message, NOOR, ROOM, scriptedTransport } from "./testKit.ts";
import {
  createFetchOutcomeMailbox,
  createIndexedDbReplyStore,
  createMemoryReplyStore,
  createReportOutcomes,
  parseReplyRecord,
  type OutcomeMailbox,
  type ReplyStore,
} from "./reportOutcomes.ts";

const REPORT = "0123456789abcdef0123456789abcdef";
const outcome = (over: Partial<ReportOutcome> = {}): ReportOutcome => ({
  version: 1,
  reportId: REPORT,
  decision: "forwarded",
  forwardedTo: "politie",
  reason: null,
  decidedAt: 1_000,
  ...over,
});

/** A mailbox in memory, recording what was asked. */
function fakeMailbox() {
  const held = new Map<string, string>();
  const box = {
    held,
    fetch: vi.fn((mailbox: string) =>
      Promise.resolve(
        held.has(mailbox)
          ? { kind: "sealed" as const, sealed: held.get(mailbox) ?? "" }
          : { kind: "empty" as const },
      ),
    ),
    acknowledge: vi.fn((mailbox: string) => {
      held.delete(mailbox);
      return Promise.resolve(true);
    }),
  } satisfies OutcomeMailbox & { held: Map<string, string> };
  return box;
}

describe("the outcomes on the reporter's device", () => {
  it("stores the outcome that opens with the report's key, then lets the intake delete it", async () => {
    const box = fakeMailbox();
    const store = createMemoryReplyStore();
    const outcomes = createReportOutcomes({ store, mailbox: box, now: () => 5_000 });
    const reply = await outcomes.createReply();
    await outcomes.keepReply(REPORT, reply);
    expect(outcomes.getSnapshot().withReply.has(REPORT)).toBe(true);

    await outcomes.check();
    expect(outcomes.getSnapshot().byReport.size).toBe(0);

    box.held.set(reply.channel.mailbox, await sealReportOutcome(outcome(), reply.channel));
    await outcomes.check();
    expect(outcomes.getSnapshot().byReport.get(REPORT)).toEqual({
      outcome: outcome(),
      receivedAt: 5_000,
      seen: false,
    });
    expect(outcomes.getSnapshot().unseen).toBe(1);
    expect(box.acknowledge).toHaveBeenCalledWith(reply.channel.mailbox);
    expect(box.held.size).toBe(0);

    await outcomes.markSeen();
    expect(outcomes.getSnapshot().unseen).toBe(0);
  });

  it("never lets the intake delete an outcome it could not store", async () => {
    const box = fakeMailbox();
    const inner = createMemoryReplyStore();
    let failing = false;
    const store: ReplyStore = {
      put: (record) => (failing ? Promise.reject(new Error("disk full")) : inner.put(record)),
      list: () => inner.list(),
    };
    const outcomes = createReportOutcomes({ store, mailbox: box });
    const reply = await outcomes.createReply();
    await outcomes.keepReply(REPORT, reply);
    box.held.set(reply.channel.mailbox, await sealReportOutcome(outcome(), reply.channel));
    failing = true;
    await outcomes.check();
    expect(box.acknowledge).not.toHaveBeenCalled();
    expect(box.held.size).toBe(1);
    failing = false;
    await outcomes.check();
    expect(box.held.size).toBe(0);
    expect(outcomes.getSnapshot().byReport.has(REPORT)).toBe(true);
  });

  it("takes nothing that does not open with this report's own key", async () => {
    const box = fakeMailbox();
    const outcomes = createReportOutcomes({ store: createMemoryReplyStore(), mailbox: box });
    const mine = await outcomes.createReply();
    const other = await outcomes.createReply();
    await outcomes.keepReply(REPORT, mine);
    // Sealed to another key, and an outcome of another report sealed to mine.
    box.held.set(mine.channel.mailbox, await sealReportOutcome(outcome(), other.channel));
    await outcomes.check();
    box.held.set(
      mine.channel.mailbox,
      await sealReportOutcome(outcome({ reportId: "f".repeat(32) }), mine.channel),
    );
    await outcomes.check();
    expect(outcomes.getSnapshot().byReport.size).toBe(0);
    expect(box.acknowledge).not.toHaveBeenCalled();
  });

  it("makes a fresh reply channel per report, and keeps it across a reload", async () => {
    const indexedDB = new IDBFactory();
    const first = createIndexedDbReplyStore({ databaseName: "replies", indexedDB });
    const outcomes = createReportOutcomes({ store: first, mailbox: fakeMailbox() });
    const a = await outcomes.createReply();
    const b = await outcomes.createReply();
    expect(a.channel.mailbox).not.toBe(b.channel.mailbox);
    expect(a.channel.publicKey).not.toBe(b.channel.publicKey);
    await outcomes.keepReply(REPORT, a);
    first.close();
    const second = createIndexedDbReplyStore({ databaseName: "replies", indexedDB });
    const [record] = await second.list();
    expect(record?.mailbox).toBe(a.channel.mailbox);
    expect(record?.secretKey).toEqual(a.secretKey);
    second.close();
  });
});

describe("a mailbox expires on the reporter's device too", () => {
  const DAY = 24 * 60 * 60 * 1000;

  it("drops the reply key once the mailbox expired, and stops asking", async () => {
    let now = 10 * DAY;
    const box = fakeMailbox();
    const store = createMemoryReplyStore();
    const outcomes = createReportOutcomes({
      store,
      mailbox: box,
      now: () => now,
      retentionMs: 90 * DAY,
    });
    await outcomes.keepReply(REPORT, await outcomes.createReply());
    now += 90 * DAY - 1;
    await outcomes.check();
    expect(box.fetch).toHaveBeenCalledTimes(1);
    expect((await store.list())[0]?.secretKey).toHaveLength(32);

    now += 1;
    await outcomes.check();
    expect(box.fetch).toHaveBeenCalledTimes(1);
    expect((await store.list())[0]?.secretKey).toBeNull();
    expect(outcomes.getSnapshot().withReply.has(REPORT)).toBe(false);
    await outcomes.check();
    expect(box.fetch).toHaveBeenCalledTimes(1);
  });

  it("keeps an outcome that came readable after the key is dropped", async () => {
    let now = 0;
    const box = fakeMailbox();
    const store = createMemoryReplyStore();
    const outcomes = createReportOutcomes({
      store,
      mailbox: box,
      now: () => now,
      retentionMs: DAY,
    });
    const reply = await outcomes.createReply();
    await outcomes.keepReply(REPORT, reply);
    box.held.set(reply.channel.mailbox, await sealReportOutcome(outcome(), reply.channel));
    await outcomes.check();
    now = 2 * DAY;
    await outcomes.check();
    expect((await store.list())[0]?.secretKey).toBeNull();
    expect(outcomes.getSnapshot().byReport.get(REPORT)?.outcome).toEqual(outcome());
  });

  it("counts a key kept before its start was recorded from the first check", async () => {
    let now = 50 * DAY;
    // A record as an older version stored it: no keptAt.
    const held = new Map<string, unknown>();
    const store: ReplyStore = {
      put: (record) => {
        held.set(record.reportId, record);
        return Promise.resolve();
      },
      list: () => Promise.resolve([...held.values()].flatMap((v) => parseReplyRecord(v) ?? [])),
    };
    const reply = await createReportOutcomes({ store, mailbox: undefined }).createReply();
    held.set(REPORT, {
      reportId: REPORT,
      mailbox: reply.channel.mailbox,
      publicKey: reply.channel.publicKey,
      secretKey: reply.secretKey,
      outcome: null,
      receivedAt: null,
      seen: false,
      acknowledged: false,
    });
    const outcomes = createReportOutcomes({
      store,
      mailbox: undefined,
      now: () => now,
      retentionMs: 90 * DAY,
    });
    await outcomes.check();
    expect((await store.list())[0]?.keptAt).toBe(50 * DAY);
    now += 90 * DAY;
    await outcomes.check();
    expect((await store.list())[0]?.secretKey).toBeNull();
  });
});

describe("the outcome mailbox over HTTP", () => {
  it("asks with no credentials, no referrer and no account, and reads the answers", async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const answers = [
      new Response(JSON.stringify({ sealed: "abc" }), { status: 200 }),
      new Response(JSON.stringify({ errcode: "NOT_FOUND" }), { status: 404 }),
      new Response("", { status: 502 }),
      new Response("{}", { status: 200 }),
    ];
    const box = createFetchOutcomeMailbox({
      intakeUrl: "http://127.0.0.1:9/intake/",
      fetch: (url, init) => {
        calls.push({ url, init });
        const answer = answers.shift();
        return answer === undefined
          ? Promise.reject(new Error("offline"))
          : Promise.resolve(answer);
      },
    });
    const mailbox = "ab".repeat(16);
    expect(await box.fetch(mailbox)).toEqual({ kind: "sealed", sealed: "abc" });
    expect(await box.fetch(mailbox)).toEqual({ kind: "empty" });
    expect(await box.fetch(mailbox)).toEqual({ kind: "unreachable" });
    expect(await box.acknowledge(mailbox)).toBe(true);
    expect(await box.acknowledge(mailbox)).toBe(false);
    expect(calls[0]?.url).toBe(`http://127.0.0.1:9/intake/v1/outcomes/${mailbox}`);
    for (const { init } of calls) {
      expect(init?.credentials).toBe("omit");
      expect(init?.referrerPolicy).toBe("no-referrer");
      expect(init?.headers).toBeUndefined();
    }
    expect(calls[3]?.init?.method).toBe("DELETE");
  });
});

describe("filing a report with a reply channel", () => {
  async function setUp(store: ReplyStore) {
    const team = await generateModerationKeyPair();
    const transport = scriptedTransport([DELIVERED]);
    const outbox = await ReportOutbox.start({ store: createMemoryReportStore(), transport });
    const outcomes = createReportOutcomes({ store, mailbox: fakeMailbox() });
    const filer = createReportFiler({
      userId: NOOR,
      moderationPublicKey: team.publicKey,
      signingKey: await generateReporterSigningKeyPair(),
      outbox,
      intake: true,
      replies: outcomes,
    });
    const file = () =>
      filer.file({
        category: "harassment",
        note: "",
        explanation: "Pesten",
        subject: {
          kind: "message",
          roomId: ROOM,
          reported: message(5),
          preceding: [],
          contextConsent: false,
        },
        includeIdentity: false,
        goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
      });
    return { team, transport, outbox, outcomes, file };
  }

  it("seals the report's own mailbox and key into the bundle, after keeping the secret half", async () => {
    const store = createMemoryReplyStore();
    const { team, transport, outbox, file } = await setUp(store);
    const filed = await file();
    if (!filed.ok) throw new Error(filed.problems.join("; "));
    await outbox.whenIdle();
    const [kept] = await store.list();
    expect(kept?.reportId).toBe(filed.status.reportId);
    const inbox = await readReportReasons(
      transport.calls.map((c) => c.reason),
      team,
    );
    const opened = inbox.reports[0]?.opened;
    if (opened?.ok !== true) throw new Error("the report did not open");
    expect(opened.bundle.replyTo).toEqual({ mailbox: kept?.mailbox, publicKey: kept?.publicKey });
    expect(JSON.stringify(opened.bundle.replyTo)).not.toContain("noor");
  });

  it("files nothing when the reply key cannot be stored", async () => {
    const { transport, outbox, file } = await setUp({
      put: () => Promise.reject(new Error("disk full")),
      list: () => Promise.resolve([]),
    });
    expect(await file()).toMatchObject({ ok: false, reason: "not-stored" });
    await outbox.whenIdle();
    expect(transport.calls).toEqual([]);
  });
});
