// Reported media against the real homeserver (RMEDIA, issue 13 acceptance 5;
// issue 18 acceptance 1 and 10). A stranger sends Noor a unique picture;
// Noor's device decrypts it and reports it twice: once naming herself (the
// copy goes up from her account) and once withholding her name (the copy goes
// up through the report intake, under the intake's account). Then:
// - the moderators open both reports and, with the keys sealed inside, download,
//   check and decrypt each copy to the picture's exact bytes;
// - the copies are ciphertext under new keys: Synapse's data folder (database
//   and media store) holds the picture's plaintext nowhere (the canary);
// - Synapse's own record of who uploaded each copy (local_media_repository,
//   read-only) names the intake for the withheld report, never Noor; for the
//   named one, Noor (so the check is not blind);
// - never lost: a report whose session ends while its photo is being uploaded
//   (the first upload fails, the app is closed) is on the device; the next
//   session uploads the photo once, seals and delivers it, and the moderators
//   open it to the picture's exact bytes.

import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { crc32, deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  readReportReasons,
  type ReportBundle,
} from "@safety-by-design/protocol";
import {
  MediaOutbox,
  prepareAttachment,
  type ChatSession,
  type PictureReencoder,
} from "@safety-by-design/client/actors";
import {
  createFetchReportTransport,
  createIndexedDbReportStore,
  createMemoryReportStore,
  createReportFiler,
  fetchReportMedia,
  ReportOutbox,
} from "@safety-by-design/client/headless";
import { startReportIntake, type ReportIntake } from "../../../tools/lib/reportIntakeService.ts";
import { freshAccount, signInNewDevice, startNewDevice, testHomeserver, until } from "./support.ts";

const homeserver = testHomeserver;

/** Node has no canvas: the picture goes as it is (media-canary.test.ts says why). */
const asItIs: PictureReencoder = async (source, type) => {
  const bytes = new Uint8Array(await source.arrayBuffer());
  return [
    { bytes, type, width: 2, height: 1 },
    { bytes, type, width: 2, height: 1 },
  ];
};

/** A 2×1 PNG with the canary in a tEXt chunk (a real picture, unique to this run). */
function canaryPng(canary: string): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("tEXt", Buffer.from(`Comment\0${canary}`, "latin1")),
      chunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255]))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

function filesBelow(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

const mediaIdOf = (mxc: string): string => mxc.slice(mxc.lastIndexOf("/") + 1);

describe("a reported picture", () => {
  let intake: ReportIntake;
  let stranger: ChatSession;
  let noor: ChatSession;
  let noorToken: string;
  let roomId: string;
  let eventId: string;
  const canary = `canary-reported-${randomUUID()}`;
  const picture = canaryPng(canary);
  const bundles: ReportBundle[] = [];
  let moderatorToken: string;
  let team: Awaited<ReturnType<typeof generateModerationKeyPair>>;

  beforeAll(async () => {
    const moderator = await freshAccount("moderation", { admin: true });
    moderatorToken = (await signInNewDevice(moderator)).accessToken;
    intake = await startReportIntake({
      homeserver,
      password: "intake-password-for-the-integration-tests",
      moderators: [`@${moderator.username}:${homeserver.serverName}`],
      port: 0,
    });
    team = await generateModerationKeyPair();
    stranger = await startNewDevice(await freshAccount("stranger"));
    const noorAccount = await freshAccount("noor");
    const credentials = await signInNewDevice(noorAccount);
    noorToken = credentials.accessToken;
    noor = await startNewDevice(noorAccount);
    roomId = await stranger.createEncryptedDirectChat(noor.userId);
    await until(
      () => noor.chats.find((c) => c.roomId === roomId && c.membership === "invite"),
      "noor's invite",
    );
    await noor.join(roomId);
    await until(() => stranger.chats.find((c) => c.roomId === roomId), "the stranger's room");
    const outbox = new MediaOutbox(
      stranger,
      (picked, kind) => prepareAttachment(picked, kind, asItIs),
      () => randomUUID(),
    );
    const file = Object.assign(new Blob([picture], { type: "image/png" }), { name: "x.png" });
    await outbox.enqueue({ roomId, file, kind: "image", caption: "", unsendCaveat: undefined })
      .done;
    const received = await until(
      () => noor.messages(roomId).find((m) => m.media !== undefined),
      "the picture on noor's side",
    );
    eventId = received.eventId;
  });

  afterAll(async () => {
    stranger.stop();
    noor.stop();
    await intake.close();
  });

  it("travels re-encrypted in both reports, and the moderators open it to the same bytes", async () => {
    const parts: string[] = [];
    const fetchTransport = createFetchReportTransport({
      homeserverUrl: homeserver.url,
      accessToken: noorToken,
      userId: noor.userId,
      intakeUrl: intake.url,
    });
    // The real transport; the test keeps a copy of each sealed part to open it as the team would.
    const transport = {
      ...fetchTransport,
      reportEvent: (room: string, event: string, reason: string) => {
        parts.push(reason);
        return fetchTransport.reportEvent(room, event, reason);
      },
      deliverToIntake: (part: string) => {
        parts.push(part);
        return fetchTransport.deliverToIntake?.(part) ?? Promise.reject(new Error("no intake"));
      },
    };
    const outbox = await ReportOutbox.start({ store: createMemoryReportStore(), transport });
    const filer = createReportFiler({
      userId: noor.userId,
      moderationPublicKey: team.publicKey,
      signingKey: await generateReporterSigningKeyPair(),
      outbox,
      intake: true,
    });
    // Noor's device decrypts what it received (the report sheet's read).
    const plain = await noor.downloadMedia(roomId, eventId, "file");
    expect(plain.bytes).toEqual(picture);
    const media = [
      { eventId, kind: "image" as const, mimetype: "image/png", name: "x.png", bytes: plain.bytes },
    ];
    const reported = {
      eventId,
      sender: stranger.userId,
      timestamp: Date.now(),
      kind: "text" as const,
      body: "x.png",
    };
    for (const includeIdentity of [true, false]) {
      const filed = await filer.file({
        category: includeIdentity ? "image-abuse" : "child-sexual-abuse-material",
        note: "",
        explanation: "Een foto",
        subject: { kind: "message", roomId, reported, preceding: [], contextConsent: false },
        includeIdentity,
        goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
        media,
      });
      expect(filed.ok).toBe(true);
    }
    await until(
      () =>
        outbox.getSnapshot().reports.length === 2 &&
        outbox.getSnapshot().reports.every((r) => r.state === "delivered")
          ? true
          : undefined,
      "both reports delivered",
    );
    outbox.stop();

    const inbox = await readReportReasons(parts, team);
    for (const report of inbox.reports) {
      if (!report.opened.ok) throw new Error(report.opened.problems.join("; "));
      bundles.push(report.opened.bundle);
    }
    expect(bundles).toHaveLength(2);
    for (const bundle of bundles) {
      const item = bundle.media?.[0];
      if (item === undefined) throw new Error("no media in the bundle");
      expect(item).toMatchObject({ eventId, kind: "image", mimetype: "image/png" });
      const bytes = await fetchReportMedia(item, {
        homeserverUrl: homeserver.url,
        accessToken: moderatorToken,
      });
      expect(bytes).toEqual(picture);
    }
    // Two reports, two copies, two keys.
    const [a, b] = bundles.map((bundle) => bundle.media?.[0]?.file);
    expect(a?.url).not.toBe(b?.url);
    expect(a?.key.k).not.toBe(b?.key.k);
  });

  it("is never lost: the app closed during the upload, the next session sends it with its photo", async () => {
    const parts: string[] = [];
    const databaseName = `report-media-never-lost-${randomUUID()}`;
    const signingKey = await generateReporterSigningKeyPair();
    const real = createFetchReportTransport({
      homeserverUrl: homeserver.url,
      accessToken: noorToken,
      userId: noor.userId,
    });
    let uploads = 0;
    const transport = {
      ...real,
      uploadMedia: (ciphertext: Uint8Array<ArrayBuffer>) => {
        uploads++;
        return real.uploadMedia?.(ciphertext) ?? Promise.reject(new Error("no upload"));
      },
      reportEvent: (room: string, event: string, reason: string) => {
        parts.push(reason);
        return real.reportEvent(room, event, reason);
      },
    };
    const plain = await noor.downloadMedia(roomId, eventId, "file");
    const submission = {
      category: "image-abuse" as const,
      note: "",
      explanation: "Een foto",
      subject: {
        kind: "message" as const,
        roomId,
        reported: {
          eventId,
          sender: stranger.userId,
          timestamp: Date.now(),
          kind: "text" as const,
          body: "x.png",
        },
        preceding: [],
        contextConsent: false,
      },
      includeIdentity: true,
      goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
      media: [
        {
          eventId,
          kind: "image" as const,
          mimetype: "image/png",
          name: "x.png",
          bytes: plain.bytes,
        },
      ],
    };

    // The first session: the upload breaks off (the app is being closed), then the session ends.
    const firstStore = createIndexedDbReportStore({ databaseName });
    const closing = await ReportOutbox.start({
      store: firstStore,
      transport: {
        ...transport,
        uploadMedia: () => Promise.reject(new Error("the app was closed during the upload")),
      },
    });
    const filed = await createReportFiler({
      userId: noor.userId,
      moderationPublicKey: team.publicKey,
      signingKey,
      outbox: closing,
      intake: false,
    }).file(submission);
    expect(filed.ok).toBe(true);
    await closing.whenIdle();
    expect(closing.getSnapshot().reports[0]).toMatchObject({ state: "queued", mediaToUpload: 1 });
    closing.stop();
    firstStore.close();
    expect(parts).toEqual([]);

    // The next session: the same device store, the real upload, the filer's sealer.
    const secondStore = createIndexedDbReportStore({ databaseName });
    const reopened = await ReportOutbox.start({ store: secondStore, transport });
    createReportFiler({
      userId: noor.userId,
      moderationPublicKey: team.publicKey,
      signingKey,
      outbox: reopened,
      intake: false,
    });
    await until(
      () => (reopened.getSnapshot().reports[0]?.state === "delivered" ? true : undefined),
      "the report delivered in the next session",
    );
    reopened.stop();
    secondStore.close();
    expect(uploads).toBe(1);

    const inbox = await readReportReasons(parts, team);
    const opened = inbox.reports[0]?.opened;
    if (opened?.ok !== true) throw new Error("the report did not open");
    const item = opened.bundle.media?.[0];
    if (item === undefined) throw new Error("no media in the bundle");
    expect(
      await fetchReportMedia(item, { homeserverUrl: homeserver.url, accessToken: moderatorToken }),
    ).toEqual(picture);
  });

  it("the intake's media upload answers clear errors and takes nothing it should not", async () => {
    const post = (headers: Record<string, string>, body: Uint8Array<ArrayBuffer>) =>
      fetch(`${intake.url}/v1/media`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream", ...headers },
        body,
      });
    const bytes = new Uint8Array(32);
    const missing = await post({}, bytes);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ errcode: "BAD_REQUEST" });
    const otherServer = await post(
      { "x-openid-token": "x", "x-matrix-server-name": "elsewhere.example" },
      bytes,
    );
    expect(otherServer.status).toBe(401);
    const unknown = await post(
      { "x-openid-token": "not-a-token", "x-matrix-server-name": homeserver.serverName },
      bytes,
    );
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ errcode: "UNKNOWN_TOKEN" });

    const small = await startReportIntake({
      homeserver,
      password: "intake-password-for-the-integration-tests",
      moderators: [],
      port: 0,
      maxMediaBytes: 16,
    });
    try {
      const tooLarge = await fetch(`${small.url}/v1/media`, {
        method: "POST",
        headers: {
          "content-type": "application/octet-stream",
          "x-openid-token": "any",
          "x-matrix-server-name": homeserver.serverName,
        },
        body: bytes,
      });
      expect(tooLarge.status).toBe(413);
      expect(await tooLarge.json()).toMatchObject({ errcode: "TOO_LARGE" });
    } finally {
      await small.close();
    }
  });

  // Only a local homeserver's storage can be searched (MATRIX_HOMESERVER_DATA_DIR when run by hand).
  it.runIf(homeserver.dataDir !== undefined)(
    "leaves the reported picture's plaintext nowhere in the homeserver's storage",
    () => {
      const files = filesBelow(homeserver.dataDir ?? "");
      expect(files.filter((f) => f.path.includes("media_store")).length).toBeGreaterThanOrEqual(3);
      const holding = (needle: Buffer) =>
        files.filter((f) => f.bytes.includes(needle)).map((f) => f.path);
      expect(holding(Buffer.from(canary, "latin1"))).toEqual([]);
      expect(holding(Buffer.from(picture))).toEqual([]);
    },
  );

  it.runIf(
    homeserver.dataDir !== undefined && existsSync(join(homeserver.dataDir, "homeserver.db")),
  )("is recorded as uploaded by the intake, never by Noor, when she withheld her name", () => {
    const db = new DatabaseSync(join(homeserver.dataDir ?? "", "homeserver.db"), {
      readOnly: true,
    });
    try {
      const uploader = (mxc: string): unknown =>
        db
          .prepare("SELECT user_id FROM local_media_repository WHERE media_id = ?")
          .get(mediaIdOf(mxc))?.["user_id"];
      const named = bundles.find((b) => b.notice.reporter.kind === "identified");
      const withheld = bundles.find((b) => b.notice.reporter.kind === "withheld");
      expect(uploader(withheld?.media?.[0]?.file.url ?? "")).toBe(intake.userId);
      expect(uploader(named?.media?.[0]?.file.url ?? "")).toBe(noor.userId);
    } finally {
      db.close();
    }
  });
});
