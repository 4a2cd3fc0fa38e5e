// Integration (two real Synapses, federating): strangers come from other
// servers. Two homeservers with their own server names (127.0.0.2:8448 and
// 127.0.0.3:8448) federate over TLS on loopback aliases, with certificates
// from the project's local CA (tools/homeserver/homeserver.sh, federation
// mode). The minor is on server A and runs the client's own device
// protection; the others are on server B.
//
// - A stranger on B who invites the minor is held aside, and the decision
//   carries the "other server" fact.
// - An age presentation made on B (attested by the same age provider for B's
//   users) travels through Olm over federation and verifies on the minor's
//   device.
// - An encrypted message from B to A decrypts on A, and neither server's
//   storage (database, media, logs; PostgreSQL's files too with
//   HOMESERVER_DATABASE=postgres) holds its plaintext.
//
// The two instances are this file's own; against an external homeserver
// (MATRIX_HOMESERVER_URL) nothing can be provisioned and the file is skipped.

import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AGE_PRESENTATION_TYPE,
  createPresentation,
  createReportBundle,
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  prepareReport,
  readReportReasons,
  type AgeVerification,
  type IssuerKeyPair,
} from "@safety-by-design/protocol";
import {
  ChatSession,
  signInWithPassword,
  type ChatSessionOptions,
} from "@safety-by-design/client/actors";
import {
  createFetchReportTransport,
  createIndexedDbReportStore,
  reportOutboxDatabaseName,
  ReportOutbox,
  type DeviceProtection,
} from "@safety-by-design/client/headless";
import { loadOrCreateIssuer } from "../../../tools/lib/ageIssuer.ts";
import {
  registerAgeBand,
  startAgeIssuerService,
  type AgeIssuerService,
} from "../../../tools/lib/ageIssuerService.ts";
import {
  ensureAccount,
  homeserverScript,
  repoRoot,
  type Homeserver,
} from "../../../tools/lib/homeserver.ts";
import {
  rawInviteToDirectRoom,
  rawLogin,
  rawLogout,
  rawSendText,
} from "../../../tools/lib/rawMatrix.ts";
import { protectDevice } from "./protectedDevices.ts";
import { until } from "./support.ts";

type Server = {
  readonly instance: string;
  readonly clientPort: number;
  readonly address: string;
};

const SERVER_A: Server = { instance: "federation-a", clientPort: 8238, address: "127.0.0.2" };
const SERVER_B: Server = { instance: "federation-b", clientPort: 8239, address: "127.0.0.3" };
const FEDERATION_PORT = 8448;
const serverName = (server: Server): string => `${server.address}:${FEDERATION_PORT}`;

const external = (process.env["MATRIX_HOMESERVER_URL"] ?? "") !== "";

function homeserverCommand(server: Server, peer: Server, command: string): void {
  execFileSync("bash", [homeserverScript, command], {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      HOMESERVER_INSTANCE: server.instance,
      HOMESERVER_PORT: String(server.clientPort),
      HOMESERVER_FEDERATION_ADDRESS: server.address,
      HOMESERVER_FEDERATION_PORT: String(FEDERATION_PORT),
      HOMESERVER_FEDERATION_PEERS: serverName(peer),
    },
  });
}

const dataDir = (server: Server): string => join(repoRoot, ".local", "homeserver", server.instance);

/** What homeserver.sh wrote about a started instance (instance.json). */
function startedHomeserver(server: Server): Homeserver {
  const info = JSON.parse(readFileSync(join(dataDir(server), "instance.json"), "utf8")) as {
    homeserverUrl: string;
    serverName: string;
    registrationSharedSecret: string;
  };
  return {
    url: info.homeserverUrl,
    serverName: info.serverName,
    registrationSharedSecret: info.registrationSharedSecret,
    dataDir: dataDir(server),
  };
}

/** Every regular file below a folder, with its bytes (PostgreSQL's own are root's to read). */
function filesBelow(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true)
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

describe.skipIf(external)("two homeservers, federating over TLS", () => {
  const nlDefault = createPolicyEngine(loadBundledPack("nl-default"));
  let a: Homeserver;
  let b: Homeserver;
  let issuerDir = "";
  let issuer: IssuerKeyPair;
  const providers: AgeIssuerService[] = [];
  const sessions: ChatSession[] = [];
  const credentialsOf = new Map<ChatSession, { homeserverUrl: string; accessToken: string }>();
  const protections: DeviceProtection[] = [];

  async function account(
    homeserver: Homeserver,
    label: string,
    admin = false,
  ): Promise<{ username: string; password: string; userId: string }> {
    const username = `${label}-${randomUUID().slice(0, 8)}`;
    const password = randomBytes(12).toString("hex");
    const created = await ensureAccount(homeserver, {
      username,
      password,
      displayName: label,
      admin,
    });
    return { username, password, userId: created.userId };
  }

  async function device(
    homeserver: Homeserver,
    user: { username: string; password: string },
    options: Partial<ChatSessionOptions> = {},
  ): Promise<ChatSession> {
    const signedIn = await signInWithPassword(homeserver.url, user.username, user.password);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.failure.kind}`);
    const session = await ChatSession.start(signedIn.credentials, {
      storage: "memory",
      sdkLogLevel: "error",
      ...options,
    });
    sessions.push(session);
    credentialsOf.set(session, signedIn.credentials);
    return session;
  }

  async function protectedDevice(
    homeserver: Homeserver,
    provider: AgeIssuerService,
    user: { username: string; password: string },
  ): Promise<{ session: ChatSession; protection: DeviceProtection }> {
    const session = await device(homeserver, user);
    const protection = await protectDevice(session, {
      engine: nlDefault,
      issuer,
      ageIssuerUrl: provider.url,
      failed: (message, error) => {
        throw new Error(`${message}: ${String(error)}`);
      },
    });
    protections.push(protection);
    return { session, protection };
  }

  let minor: { username: string; password: string; userId: string };
  let minorDevice: { session: ChatSession; protection: DeviceProtection };
  const outcomes: { from: string; verification: AgeVerification }[] = [];
  let providerB: AgeIssuerService;

  beforeAll(async () => {
    for (const [server, peer] of [
      [SERVER_A, SERVER_B],
      [SERVER_B, SERVER_A],
    ] as const) {
      homeserverCommand(server, peer, "reset");
      homeserverCommand(server, peer, "start");
    }
    a = startedHomeserver(SERVER_A);
    b = startedHomeserver(SERVER_B);
    expect([a.serverName, b.serverName]).toEqual([serverName(SERVER_A), serverName(SERVER_B)]);

    // One age provider (one issuer key), answering for the users of each server.
    issuerDir = await mkdtemp(join(tmpdir(), "sbd-federation-issuer-"));
    issuer = await loadOrCreateIssuer(issuerDir);
    const providerA = await startAgeIssuerService({ issuer, issuerDir, homeserver: a, port: 0 });
    providerB = await startAgeIssuerService({ issuer, issuerDir, homeserver: b, port: 0 });
    providers.push(providerA, providerB);

    minor = await account(a, "noor");
    await registerAgeBand(issuerDir, minor.userId, "13-15");
    minorDevice = await protectedDevice(a, providerA, minor);
    minorDevice.protection.ages.observe((from, verification) => {
      outcomes.push({ from, verification });
    });
  }, 240_000);

  afterAll(async () => {
    for (const protection of protections) protection.stop();
    for (const session of sessions) session.stop();
    for (const provider of providers) await provider.close();
    if (issuerDir !== "") await rm(issuerDir, { recursive: true, force: true });
    for (const [server, peer] of [
      [SERVER_A, SERVER_B],
      [SERVER_B, SERVER_A],
    ] as const) {
      homeserverCommand(server, peer, "stop");
    }
  }, 120_000);

  it("a stranger on the other server who invites the minor is held aside, with the other-server fact", async () => {
    const strangerAccount = await account(b, "alex");
    const stranger = await rawLogin(b, strangerAccount.username, strangerAccount.password);
    expect(stranger.userId.endsWith(`:${serverName(SERVER_B)}`)).toBe(true);
    const roomId = await rawInviteToDirectRoom(stranger, minor.userId);
    await rawSendText(stranger, roomId, "hoi! zin om te kletsen?");

    const invitation = await until(
      () => minorDevice.session.invitations().find((i) => i.roomId === roomId),
      "the invitation, over federation, on the minor's device",
      60_000,
    );
    const decision = minorDevice.protection.gateway.presentInvitation(invitation);
    expect(decision.effect).not.toBe("normal");
    expect(decision.relationship).toBe("unverified-stranger");
    expect(decision.preview).toBe("hidden");
    expect(decision.notices.map((notice) => notice.id)).toContain("other-server");
    expect(
      minorDevice.session.chats.some(
        (chat) => chat.roomId === roomId && chat.membership === "join",
      ),
    ).toBe(false);
    await rawLogout(stranger);
  }, 120_000);

  it("an age presentation made on the other server verifies on the minor's device", async () => {
    const teenAccount = await account(b, "daan");
    await registerAgeBand(issuerDir, teenAccount.userId, "16-17");
    const teen = await protectedDevice(b, providerB, teenAccount);
    const own = teen.protection.ownAge;
    expect(own.status).toBe("verified");
    if (own.status !== "verified") return;

    const presentation = await createPresentation(
      own.credentials.holder,
      own.credentials.attestation,
      { audienceUserId: minor.userId, now: Date.now() },
    );
    const before = outcomes.length;
    const devices = await teen.session.toDevice.send(minor.userId, AGE_PRESENTATION_TYPE, {
      presentation,
      reply: true,
    });
    expect(devices).toBeGreaterThan(0);
    const seen = await until(
      () => outcomes.slice(before).find((outcome) => outcome.from === teen.session.userId),
      "the minor's device to judge the presentation from the other server",
      60_000,
    );
    expect(seen.verification).toMatchObject({ verified: true, band: "16-17" });
    expect(minorDevice.protection.ages.verifiedBand(teen.session.userId)).toMatchObject({
      band: "16-17",
    });
  }, 120_000);

  // Set by the next test, reported on by the one after it.
  const conversation = { roomId: "", eventId: "", canary: "" };
  let alice: ChatSession;
  let bob: ChatSession;

  it("an encrypted message across servers decrypts, and neither server stores its plaintext", async () => {
    alice = await device(b, await account(b, "alice"));
    bob = await device(a, await account(a, "bob"));
    const canary = `federation-canary-${randomUUID()}`;

    const roomId = await alice.createEncryptedDirectChat(bob.userId);
    await until(
      () => bob.chats.find((c) => c.roomId === roomId && c.membership === "invite"),
      "bob's invite over federation",
      60_000,
    );
    await bob.join(roomId);
    await until(() => alice.chats.find((c) => c.roomId === roomId), "alice's room", 60_000);
    const eventId = await alice.sendText(roomId, canary);
    Object.assign(conversation, { roomId, eventId, canary });
    const received = await until(
      () => bob.messages(roomId).find((m) => m.kind === "text" && m.body === canary),
      "the decrypted message on bob's side, on the other server",
      60_000,
    );
    expect(received.sender).toBe(alice.userId);

    for (const server of [SERVER_A, SERVER_B]) {
      const files = filesBelow(dataDir(server));
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((f) => f.bytes.includes(canary)).map((f) => f.path)).toEqual([]);
      expect(files.some((f) => f.bytes.includes("m.room.encrypted"))).toBe(true);
    }
  }, 180_000);

  it("a report about a user of the other server reaches this server's moderators, sealed", async () => {
    expect(conversation.eventId).not.toBe("");
    const moderatorAccount = await account(a, "moderation", true);
    const moderator = await signInWithPassword(
      a.url,
      moderatorAccount.username,
      moderatorAccount.password,
    );
    if (!moderator.ok) throw new Error("the moderator cannot sign in");
    const team = await generateModerationKeyPair();
    const bobKey = await generateReporterSigningKeyPair();

    const timeline = bob.messages(conversation.roomId).map((message) => ({
      ...message,
      kind: message.kind === "text" ? ("text" as const) : ("undecryptable" as const),
      body: message.kind === "text" ? message.body : "",
    }));
    const reported = timeline.find((message) => message.eventId === conversation.eventId);
    if (reported === undefined) throw new Error("the reported message is not in bob's timeline");
    const created = createReportBundle({
      category: "asking-for-images",
      explanation: "Iemand van een andere server vraagt om foto's.",
      subject: {
        kind: "message",
        roomId: conversation.roomId,
        reported,
        preceding: timeline.slice(0, timeline.indexOf(reported)),
        contextConsent: true,
      },
      reporter: { userId: bob.userId, includeIdentity: true },
      goodFaith: { confirmed: true, statementKey: "report.goodFaith.statement" },
    });
    if (!created.ok) throw new Error(created.problems.join("; "));
    const prepared = await prepareReport(created.bundle, {
      moderationPublicKey: team.publicKey,
      signingKey: bobKey,
    });
    if (!prepared.ok) throw new Error(prepared.problems.join("; "));

    const credentials = credentialsOf.get(bob);
    if (credentials === undefined) throw new Error("no credentials for bob");
    const store = createIndexedDbReportStore({
      indexedDB: new IDBFactory(),
      databaseName: reportOutboxDatabaseName(bob.userId),
    });
    const outbox = await ReportOutbox.start({
      store,
      transport: createFetchReportTransport({
        homeserverUrl: credentials.homeserverUrl,
        accessToken: credentials.accessToken,
      }),
    });
    await outbox.enqueue(prepared.report);
    await outbox.whenIdle();
    expect(outbox.getSnapshot().reports).toEqual([
      expect.objectContaining({ reportId: created.bundle.reportId, state: "delivered" }),
    ]);
    outbox.stop();
    store.close();

    // Server A's moderators see it; the reported sender is server B's user.
    const listText = await (
      await fetch(
        `${a.url}/_synapse/admin/v1/event_reports?limit=100&room_id=${encodeURIComponent(conversation.roomId)}`,
        { headers: { authorization: `Bearer ${moderator.credentials.accessToken}` } },
      )
    ).text();
    const { event_reports: reports } = JSON.parse(listText) as {
      event_reports: { event_id: string; user_id: string; sender: string; reason: unknown }[];
    };
    const forEvent = reports.filter((report) => report.event_id === conversation.eventId);
    expect(forEvent).toHaveLength(1);
    expect(forEvent[0]).toMatchObject({ user_id: bob.userId, sender: alice.userId });
    expect(alice.userId.endsWith(`:${serverName(SERVER_B)}`)).toBe(true);
    const inbox = await readReportReasons([forEvent[0]?.reason], team);
    expect(inbox.reports[0]?.opened).toMatchObject({ ok: true, bundle: created.bundle });
    expect(listText).not.toContain(conversation.canary);
    expect(listText).not.toContain("vraagt om foto");
  }, 120_000);
});
