// Services layer, reporting: a session's reporting, across a reload, on fake IndexedDB.
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import {
  generateModerationKeyPair,
  keyToText,
  readReportReasons,
} from "@safety-by-design/protocol";
import { startReporting, unavailableReporting } from "./reportingSession.ts";
import type { KeyValueStorage } from "./reporterSigningKey.ts";
import { DELIVERED, message, NOOR, OFFLINE, ROOM, scriptedTransport } from "./testKit.ts";
import type { ReportSubmission } from "./reportFiler.ts";

function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
  };
}

const submission: ReportSubmission = {
  category: "asking-for-images",
  note: "",
  explanation: "Asking for photos or videos",
  subject: {
    kind: "message",
    roomId: ROOM,
    reported: message(5),
    preceding: [message(3), message(4)],
    contextConsent: true,
  },
  includeIdentity: true,
  goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
};

describe("reporting for a session", () => {
  it("keeps a report filed while offline and delivers it after the next start (a reload)", async () => {
    const team = await generateModerationKeyPair();
    const indexedDB = new IDBFactory();
    const keyStorage = memoryStorage();
    const common = {
      userId: NOOR,
      homeserverUrl: "http://hs.invalid",
      accessToken: "token",
      moderationPublicKey: await keyToText(team.publicKey),
      keyStorage,
      indexedDB,
    };

    const offline = scriptedTransport([OFFLINE]);
    const first = await startReporting({ ...common, transport: offline });
    expect(first.canSend).toBe(true);
    const filed = await first.file(submission);
    if (!filed.ok) throw new Error(filed.problems.join("; "));
    // Sealing and IndexedDB take their time on a loaded machine: poll well past Vitest's 1 s default.
    await expect.poll(() => offline.calls.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(first.getSnapshot().reports[0]?.state).toBe("queued");
    first.stop();

    const online = scriptedTransport([DELIVERED]);
    const second = await startReporting({ ...common, transport: online });
    await expect
      .poll(() => second.getSnapshot().reports.find((r) => r.reportId === filed.status.reportId), {
        timeout: 15_000,
      })
      .toMatchObject({ state: "delivered" });
    const inbox = await readReportReasons(
      online.calls.map((c) => c.reason),
      team,
    );
    const opened = inbox.reports[0]?.opened;
    expect(opened?.ok && opened.signature).toBe("valid");
    expect(opened?.ok && opened.bundle.category).toBe("asking-for-images");
    second.stop();
  });

  it("files nothing without a moderation key", async () => {
    const transport = scriptedTransport([DELIVERED]);
    const reporting = await startReporting({
      userId: NOOR,
      homeserverUrl: "http://hs.invalid",
      accessToken: "token",
      moderationPublicKey: undefined,
      keyStorage: memoryStorage(),
      indexedDB: new IDBFactory(),
      transport,
    });
    expect(reporting.canSend).toBe(false);
    expect(await reporting.file(submission)).toMatchObject({ ok: false, reason: "not-configured" });
    expect(reporting.getSnapshot().reports).toEqual([]);
    expect(transport.calls).toEqual([]);
    reporting.stop();

    const off = unavailableReporting();
    expect(off.canSend).toBe(false);
    expect(await off.file(submission)).toMatchObject({ ok: false });
  });
});
