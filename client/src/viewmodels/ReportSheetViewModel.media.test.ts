// View model of the report sheet, reported media (RMEDIA): what the sheet
// lists, that the photo travels re-encrypted with a fresh key inside the
// sealed bundle, and that a failed upload loses nothing (the outbox keeps it and tries again).
import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import {
  decryptAttachment,
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  readReportReasons,
} from "@safety-by-design/protocol";
import { describe, expect, it, vi } from "vitest";
import type { TimelineMedia } from "../matrix/mediaTypes.ts";
import type { ConversationSnapshot, TimelineMessage } from "../matrix/sessionTypes.ts";
import type { ShownPicture } from "../media/pictureDecoding.ts";
import { UNVERIFIED } from "../policy/ageFacts.ts";
import { reportDecider } from "../policy/decideReport.ts";
import { ReportOutbox } from "../reporting/outbox.ts";
import { createReportFiler } from "../reporting/reportFiler.ts";
import { createMemoryReportStore } from "../reporting/reportStore.ts";
import type { ReportMediaLimits } from "../reporting/reportMedia.ts";
import type { ReportTransport } from "../reporting/transport.ts";
import {
  ReportSheetViewModel,
  type ReportSheetDependencies,
  type ReportSubject,
} from "./ReportSheetViewModel.ts";

const NOOR = "@noor:localhost";
const STRANGER = "@stranger:localhost";
const ROOM = "!dm:localhost";
const PHOTO_BYTES = new TextEncoder().encode("the reported photo's plaintext");

const photo: TimelineMedia = {
  kind: "image",
  display: "picture",
  mimetype: "image/jpeg",
  size: PHOTO_BYTES.byteLength,
  width: 10,
  height: 10,
  name: "IMG_0001.jpg",
  problem: undefined,
};

function message(n: number, extra: Partial<TimelineMessage> = {}): TimelineMessage {
  return {
    eventId: `$event${n}`,
    sender: STRANGER,
    timestamp: 1_700_000_000_000 + n * 1000,
    kind: "text",
    body: `message ${n}`,
    sendState: "sent",
    ...extra,
  };
}

function conversation(): ConversationSnapshot {
  return {
    roomId: ROOM,
    name: "Stranger",
    encrypted: true,
    members: [],
    messages: [
      message(1),
      message(2, { body: "IMG_0001.jpg", media: photo }),
      message(3, { body: "broken", media: { ...photo, problem: "not-mxc" } }),
    ],
    canLoadOlder: false,
  };
}

type Options = {
  readonly visible?: boolean;
  /** How the conversation behind the sheet shows the photo; undefined: it does not. */
  readonly shown?: { readonly blurred: boolean };
  readonly upload?: NonNullable<ReportTransport["uploadMedia"]>;
  readonly subject?: ReportSubject;
  readonly limits?: ReportMediaLimits;
};

async function setUp(options: Options = {}) {
  const team = await generateModerationKeyPair();
  const reasons: string[] = [];
  const uploads: Uint8Array[] = [];
  const transport: ReportTransport = {
    uploadMedia:
      options.upload ??
      ((ciphertext) => {
        uploads.push(ciphertext);
        return Promise.resolve({ ok: true, url: `mxc://localhost/upload${uploads.length}` });
      }),
    reportEvent: (_r, _e, reason) => {
      reasons.push(reason);
      return Promise.resolve({ kind: "delivered" });
    },
    reportUser: (_u, reason) => {
      reasons.push(reason);
      return Promise.resolve({ kind: "delivered" });
    },
  };
  const outbox = await ReportOutbox.start({ store: createMemoryReportStore(), transport });
  const read = vi.fn<NonNullable<ReportSheetDependencies["media"]>["read"]>(() =>
    Promise.resolve({ bytes: new Uint8Array(PHOTO_BYTES), mimetype: "image/jpeg" }),
  );
  const picture = { width: 4, height: 3 } as ShownPicture;
  const preview = vi.fn<NonNullable<NonNullable<ReportSheetDependencies["media"]>["preview"]>>(() =>
    Promise.resolve(picture),
  );
  const released: ShownPicture[] = [];
  const sheet = new ReportSheetViewModel(
    options.subject ?? { kind: "message", roomId: ROOM, eventId: "$event2" },
    {
      reporting: createReportFiler({
        userId: NOOR,
        moderationPublicKey: team.publicKey,
        signingKey: await generateReporterSigningKeyPair(),
        outbox,
        intake: false,
        ...(options.limits === undefined ? {} : { mediaLimits: options.limits }),
      }),
      decide: reportDecider({
        engine: createPolicyEngine(loadBundledPack("nl-default")),
        clock: () => 1_700_000_100_000,
        ages: { self: () => UNVERIFIED, about: () => UNVERIFIED },
        isContact: () => false,
        resemblance: () => ({ contact: false, helpService: false }),
      }),
      source: {
        userId: NOOR,
        conversation: () => conversation(),
        person: () => ({ label: "Stranger", shown: true }),
      },
      explanation: (category) => `Reported as ${category}.`,
      actions: {
        block: () => Promise.resolve(),
        leave: () => Promise.resolve(),
        help: () => undefined,
        close: () => undefined,
      },
      readerBand: () => "unverified",
      media: {
        visible: () => options.visible ?? true,
        read,
        shown: () => options.shown,
        preview,
        release: (picture) => {
          released.push(picture);
        },
      },
    },
  );
  const opened = async () => {
    await outbox.whenIdle();
    const report = (await readReportReasons(reasons, team)).reports[0];
    if (report === undefined || !report.opened.ok) throw new Error("no report arrived");
    return report.opened.bundle;
  };
  return { sheet, read, uploads, opened, reasons, preview, picture, released, outbox };
}

describe("the report sheet with a photo (reported media)", () => {
  it("lists the reported photo, named when the engine lets the reporter see it", async () => {
    const { sheet, read } = await setUp();
    expect(sheet.getSnapshot().media).toEqual([
      {
        eventId: "$event2",
        kind: "image",
        name: "IMG_0001.jpg",
        size: PHOTO_BYTES.byteLength,
        mimetype: "image/jpeg",
        visible: true,
        preview: undefined,
        picture: undefined,
      },
    ]);
    // Nothing is read before the reporter files.
    expect(read).not.toHaveBeenCalled();
  });

  it("shows the same picture as the conversation behind it, blurred as it is there, and lets go of it", async () => {
    const { sheet, preview, picture, released, read } = await setUp({ shown: { blurred: true } });
    await vi.waitFor(() => {
      expect(sheet.getSnapshot().media[0]?.picture).toBe(picture);
    });
    expect(sheet.getSnapshot().media[0]?.preview).toEqual({ blurred: true });
    expect(preview).toHaveBeenCalledWith(ROOM, "$event2");
    expect(read).not.toHaveBeenCalled();
    sheet.dispose();
    expect(released).toEqual([picture]);
  });

  it("draws nothing the conversation does not already show (words only)", async () => {
    const { sheet, preview } = await setUp();
    expect(sheet.getSnapshot().media[0]?.preview).toBeUndefined();
    expect(preview).not.toHaveBeenCalled();
  });

  it("counts a photo the engine does not let the reporter see, without naming it", async () => {
    const { sheet } = await setUp({ visible: false });
    expect(sheet.getSnapshot().media.map((row) => row.visible)).toEqual([false]);
  });

  it("seals the photo re-encrypted with a fresh key, and the moderators can open it", async () => {
    const { sheet, uploads, opened } = await setUp();
    await sheet.file();
    expect(sheet.getSnapshot().phase).toBe("filed");
    const bundle = await opened();
    const item = bundle.media?.[0];
    expect(item).toMatchObject({
      eventId: "$event2",
      kind: "image",
      mimetype: "image/jpeg",
      name: "IMG_0001.jpg",
      size: PHOTO_BYTES.byteLength,
    });
    expect(item?.file.url).toBe("mxc://localhost/upload1");
    // What went to the server is ciphertext; the sealed keys open it.
    const [ciphertext] = uploads;
    if (item === undefined || ciphertext === undefined) throw new Error("no media");
    expect(Buffer.from(ciphertext).includes(Buffer.from(PHOTO_BYTES))).toBe(false);
    expect(await decryptAttachment(new Uint8Array(ciphertext), item.file)).toEqual(PHOTO_BYTES);
  });

  it("uses a new key for every report of the same photo", async () => {
    const first = await setUp();
    await first.sheet.file();
    const second = await setUp();
    await second.sheet.file();
    const a = (await first.opened()).media?.[0]?.file.key.k;
    const b = (await second.opened()).media?.[0]?.file.key.k;
    expect(a).toBeDefined();
    expect(a).not.toBe(b);
  });

  it("keeps the report when the upload fails: 'wordt verstuurd', then sent with its photo", async () => {
    let fail = true;
    let tries = 0;
    const { sheet, reasons, opened, outbox } = await setUp({
      upload: () => {
        tries++;
        return Promise.resolve(
          fail
            ? { ok: false, problem: { status: null, errcode: null, message: "offline" } }
            : { ok: true, url: "mxc://localhost/again" },
        );
      },
    });
    await sheet.file();
    // Stored at the tap: the sheet says it is on its way, not that it failed.
    expect(sheet.getSnapshot()).toMatchObject({ phase: "filed", mediaProblem: undefined });
    await outbox.whenIdle();
    expect(tries).toBe(1);
    expect(sheet.getSnapshot().status).toBe("queued");
    expect(reasons).toEqual([]);
    fail = false;
    await outbox.wake();
    expect((await opened()).media?.[0]?.file.url).toBe("mxc://localhost/again");
    expect(tries).toBe(2);
    expect(sheet.getSnapshot().status).toBe("delivered");
  });

  it("over the deployment's caps: stores nothing and says what may go along", async () => {
    const { sheet, reasons, uploads, outbox } = await setUp({
      limits: { maxItemBytes: 1024 * 1024, maxReportBytes: 1024 * 1024, maxItems: 3 },
    });
    expect(sheet.getSnapshot().mediaCaps).toEqual({ count: 3, megabytes: 1 });
    const big = await setUp({ limits: { maxItemBytes: 4, maxReportBytes: 4, maxItems: 3 } });
    await big.sheet.file();
    expect(big.sheet.getSnapshot()).toMatchObject({ phase: "failed", mediaProblem: "too-large" });
    expect(big.outbox.getSnapshot().reports).toEqual([]);
    expect(big.uploads).toEqual([]);
    await outbox.whenIdle();
    expect([reasons, uploads]).toEqual([[], []]);
  });

  it("files nothing when the photo cannot be read on this device", async () => {
    const { sheet, read, reasons } = await setUp();
    read.mockRejectedValueOnce(new Error("gone"));
    await sheet.file();
    expect(sheet.getSnapshot()).toMatchObject({ phase: "failed", mediaProblem: "not-read" });
    expect(reasons).toEqual([]);
  });

  it("takes a context photo only with the context, and never media with a problem", async () => {
    const { sheet } = await setUp({
      subject: { kind: "message", roomId: ROOM, eventId: "$event3" },
    });
    // $event3's own media is refused (not mxc://); $event2's photo goes as context.
    expect(sheet.getSnapshot().media.map((row) => row.eventId)).toEqual(["$event2"]);
    sheet.setIncludeContext(false);
    expect(sheet.getSnapshot().media).toEqual([]);
  });

  it("never names a held-aside request's photo, and seals it without showing it", async () => {
    const { sheet, opened, read } = await setUp({
      subject: {
        kind: "request",
        roomId: ROOM,
        userId: STRANGER,
        displayName: undefined,
        unseen: conversation().messages.slice(0, 2),
      },
    });
    expect(sheet.getSnapshot().media.map((row) => row.visible)).toEqual([false]);
    await sheet.file();
    expect(read).toHaveBeenCalledWith(ROOM, "$event2");
    expect((await opened()).media?.map((m) => m.eventId)).toEqual(["$event2"]);
  });
});
