// Services layer, reporting: a report with a photo is never lost (RMEDIA,
// non-negotiable 5). It is stored at the tap, before any upload; the outbox
// uploads each copy once, seals and delivers, across failures, a closed app
// and a withheld reporter (whose copy goes through the intake only).
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createReportBundle,
  decryptAttachment,
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  readReportReasons,
  type ModerationKeyPair,
  type ReportBundle,
} from "@safety-by-design/protocol";
import { ReportOutbox, type MediaReportDraft, type ReportOutboxOptions } from "./outbox.ts";
import { createReportSealer } from "./reportFiler.ts";
import { encryptReportMedia, PENDING_MEDIA_URL } from "./reportMedia.ts";
import { createMemoryReportStore, parseOutboxRecord, type ReportStore } from "./reportStore.ts";
import {
  DELIVERED,
  fixedEnvironment,
  ManualTime,
  messageReport,
  NOOR,
  scriptedTransport,
} from "./testKit.ts";
import type { MediaUploadResult, ReportTransport } from "./transport.ts";

const PHOTO = new TextEncoder().encode("the reported photo");
const FILE = new TextEncoder().encode("the reported file");

let team: ModerationKeyPair;
beforeAll(async () => {
  team = await generateModerationKeyPair();
});

/** A report of message 5 with its photo and message 4's file, as the filer stores it at the tap. */
async function draft(includeIdentity = true): Promise<MediaReportDraft> {
  const media = await encryptReportMedia([
    { eventId: "$event5", kind: "image", mimetype: "image/jpeg", name: "IMG.jpg", bytes: PHOTO },
    { eventId: "$event4", kind: "file", mimetype: "application/pdf", name: "a.pdf", bytes: FILE },
  ]);
  if (!media.ok) throw new Error("fixture");
  const created = createReportBundle(
    messageReport({
      reporter: { userId: NOOR, includeIdentity },
      media: media.items,
    }),
    fixedEnvironment(),
  );
  if (!created.ok) throw new Error(created.problems.join("; "));
  return {
    bundle: created.bundle,
    channel: includeIdentity ? "report-api" : "intake",
    ciphertexts: media.ciphertexts,
  };
}

type Upload = (ciphertext: Uint8Array<ArrayBuffer>) => Promise<MediaUploadResult>;

/** A scripted transport that also uploads (to the reporter's account and to the intake). */
function transport(named: Upload, intake?: Upload) {
  const delivery = scriptedTransport([DELIVERED]);
  const uploads: { channel: "named" | "intake"; ciphertext: Uint8Array }[] = [];
  let serial = 0;
  const ok =
    (channel: "named" | "intake", upload: Upload) => (ciphertext: Uint8Array<ArrayBuffer>) => {
      uploads.push({ channel, ciphertext });
      return upload(ciphertext);
    };
  const t: ReportTransport = {
    ...delivery,
    uploadMedia: ok("named", named),
    uploadMediaToIntake: ok("intake", intake ?? named),
  };
  return {
    transport: t,
    calls: delivery.calls,
    uploads,
    next: () => `mxc://localhost/copy${++serial}`,
  };
}

const OFFLINE_UPLOAD: MediaUploadResult = {
  ok: false,
  problem: { status: null, errcode: null, message: "fetch failed" },
};

async function start(
  store: ReportStore,
  t: ReportTransport,
  time: ManualTime,
  extra: Partial<ReportOutboxOptions> = {},
): Promise<ReportOutbox> {
  return ReportOutbox.start({
    store,
    transport: t,
    clock: time,
    timer: time,
    random: () => 0.5,
    lock: (_name, work) => work(),
    sealer: createReportSealer({
      moderationPublicKey: team.publicKey,
      signingKey: await generateReporterSigningKeyPair(),
    }),
    ...extra,
  });
}

async function openOne(reasons: readonly string[]): Promise<ReportBundle> {
  const inbox = await readReportReasons(reasons, team);
  expect(inbox.reports).toHaveLength(1);
  const opened = inbox.reports[0]?.opened;
  if (opened?.ok !== true) throw new Error("the report did not open");
  return opened.bundle;
}

describe("a report with a photo in the outbox (never lost)", () => {
  it("is stored before anything is uploaded, with the copies and never the plaintext", async () => {
    const time = new ManualTime();
    const store = createMemoryReportStore();
    let uploaded = false;
    const t = transport(() => {
      uploaded = true;
      return Promise.resolve(OFFLINE_UPLOAD);
    });
    // No sealer yet (reporting still starting): stored, waiting, nothing uploaded.
    const outbox = await start(store, t.transport, time, { sealer: undefined });
    const report = await draft();
    const status = await outbox.enqueueWithMedia(report);
    expect(status).toMatchObject({ state: "queued", mediaToUpload: 2 });
    await outbox.whenIdle();
    expect(uploaded).toBe(false);
    const stored = await store.get(report.bundle.reportId);
    expect(stored?.pendingMedia?.items.map((i) => i.url)).toEqual([null, null]);
    expect(stored?.pendingMedia?.bundle.media?.map((m) => m.file.url)).toEqual([
      PENDING_MEDIA_URL,
      PENDING_MEDIA_URL,
    ]);
    // What is kept is the copy under its fresh key, never the picture itself.
    const copy = stored?.pendingMedia?.items[0]?.ciphertext ?? new Uint8Array();
    expect(Buffer.from(copy).includes(Buffer.from(PHOTO))).toBe(false);
    // The stored record reads back as one (the IndexedDB store parses what it loads).
    expect(parseOutboxRecord(structuredClone(stored))).toEqual(stored);
    outbox.stop();
  });

  it("finishes on restart when the app was closed during the upload", async () => {
    const time = new ManualTime();
    const store = createMemoryReportStore();
    // The first session: the upload never answers (the app is closed meanwhile).
    const hanging = transport(() => new Promise<MediaUploadResult>(() => undefined));
    const closed = await start(store, hanging.transport, time);
    const report = await draft();
    await closed.enqueueWithMedia(report);
    await vi.waitFor(() => {
      expect(hanging.uploads).toHaveLength(1);
    });
    closed.stop();
    expect((await store.get(report.bundle.reportId))?.state).toBe("sending");

    const next = transport(() => Promise.resolve({ ok: true, url: next.next() }));
    const reopened = await start(store, next.transport, time);
    await reopened.whenIdle();
    expect(reopened.getSnapshot().reports[0]?.state).toBe("delivered");
    expect(next.uploads).toHaveLength(2);
    const bundle = await openOne(next.calls.map((c) => c.reason));
    expect(bundle.reportId).toBe(report.bundle.reportId);
    expect(bundle.media?.map((m) => m.file.url)).toEqual([
      "mxc://localhost/copy1",
      "mxc://localhost/copy2",
    ]);
    // The sealed keys open what was uploaded.
    const [photo] = bundle.media ?? [];
    const [uploadedPhoto] = next.uploads;
    if (photo === undefined || uploadedPhoto === undefined) throw new Error("no photo");
    expect(await decryptAttachment(new Uint8Array(uploadedPhoto.ciphertext), photo.file)).toEqual(
      PHOTO,
    );
    // Delivered: neither the copies nor the bundle stay on the device.
    const stored = await store.get(report.bundle.reportId);
    expect(stored?.pendingMedia).toBeUndefined();
    expect(stored?.parts).toEqual([]);
  });

  it("retries a failed upload with backoff, and never uploads a copy twice", async () => {
    const time = new ManualTime();
    const store = createMemoryReportStore();
    let fails = 2;
    const t = transport(() => {
      // The photo goes; the file fails twice (offline), then goes.
      if (t.uploads.length >= 2 && fails > 0) {
        fails--;
        return Promise.resolve(OFFLINE_UPLOAD);
      }
      return Promise.resolve({ ok: true, url: t.next() });
    });
    const outbox = await start(store, t.transport, time);
    const report = await draft();
    await outbox.enqueueWithMedia(report);
    await outbox.whenIdle();
    expect(outbox.getSnapshot().reports[0]).toMatchObject({
      state: "queued",
      mediaToUpload: 1,
      lastError: OFFLINE_UPLOAD.problem,
    });
    expect(time.pending()).toEqual([750]);
    expect(t.calls).toEqual([]);
    time.advance(750);
    await outbox.whenIdle();
    // Backoff doubles, as for a text report.
    expect(time.pending()).toEqual([1_500]);
    time.advance(1_500);
    await outbox.whenIdle();
    expect(outbox.getSnapshot().reports[0]?.state).toBe("delivered");
    // Photo once; file three times (two failed); the photo was never sent again.
    expect(t.uploads.map((u) => Buffer.from(u.ciphertext).toString("hex"))).toEqual([
      Buffer.from(report.ciphertexts[0] ?? []).toString("hex"),
      ...Array.from({ length: 3 }, () => Buffer.from(report.ciphertexts[1] ?? []).toString("hex")),
    ]);
    const bundle = await openOne(t.calls.map((c) => c.reason));
    expect(bundle.media?.map((m) => m.file.url)).toEqual([
      "mxc://localhost/copy1",
      "mxc://localhost/copy2",
    ]);
  });

  it("uploads a withheld reporter's copies only through the intake, and delivers there", async () => {
    const time = new ManualTime();
    const t = transport(
      () => Promise.reject(new Error("never from the reporter's account")),
      () => Promise.resolve({ ok: true, url: t.next() }),
    );
    const outbox = await start(createMemoryReportStore(), t.transport, time);
    await outbox.enqueueWithMedia(await draft(false));
    await outbox.whenIdle();
    expect(outbox.getSnapshot().reports[0]?.state).toBe("delivered");
    expect(t.uploads.map((u) => u.channel)).toEqual(["intake", "intake"]);
    expect(t.calls.every((c) => c.kind === "intake")).toBe(true);
    const bundle = await openOne(t.calls.map((c) => c.reason));
    expect(bundle.notice.reporter.kind).toBe("withheld");
  });

  it("stops at an upload the server refuses for good, and goes again when asked", async () => {
    const time = new ManualTime();
    let refuse = true;
    const t = transport(() =>
      Promise.resolve(
        refuse
          ? { ok: false, problem: { status: 413, errcode: "M_TOO_LARGE", message: "too large" } }
          : { ok: true, url: t.next() },
      ),
    );
    const outbox = await start(createMemoryReportStore(), t.transport, time);
    const report = await draft();
    await outbox.enqueueWithMedia(report);
    await outbox.whenIdle();
    expect(outbox.getSnapshot().reports[0]).toMatchObject({
      state: "failed-permanently",
      mediaToUpload: 2,
    });
    refuse = false;
    await outbox.retry(report.bundle.reportId);
    await outbox.whenIdle();
    expect(outbox.getSnapshot().reports[0]?.state).toBe("delivered");
  });

  it("waits for the sealer when it comes after the outbox started (a reload)", async () => {
    const time = new ManualTime();
    const store = createMemoryReportStore();
    const t = transport(() => Promise.resolve({ ok: true, url: t.next() }));
    const first = await start(store, t.transport, time, { sealer: undefined });
    await first.enqueueWithMedia(await draft());
    await first.whenIdle();
    first.stop();
    expect(t.uploads).toEqual([]);
    const second = await start(store, t.transport, time, { sealer: undefined });
    await second.whenIdle();
    expect(t.uploads).toEqual([]);
    second.attachSealer(
      createReportSealer({
        moderationPublicKey: team.publicKey,
        signingKey: await generateReporterSigningKeyPair(),
      }),
    );
    await second.whenIdle();
    expect(second.getSnapshot().reports[0]?.state).toBe("delivered");
    expect(t.uploads).toHaveLength(2);
  });
});
