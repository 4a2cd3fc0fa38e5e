// Integration (real Synapse, Rust crypto in Node): "Find people" through the
// discovery gatekeeper (issue 12, acceptance 3 and 6).
//
// Opting in is a registration with the gatekeeper, never a room: nobody can
// list who opted in from the homeserver, nobody gains a room to post into, and
// opting in makes no one a "shared room" of anyone. The gatekeeper answers a
// search only with people whose own engine allowed the searcher's verified
// band; a verified adult and an unverified account get no minors, whether
// they use our client or call the gatekeeper and the Matrix API by hand. The
// opted-in teen's device answers a probe only when its own engine lets the
// searcher find them, with its band only when disclosure allows.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createPolicyEngine,
  loadBundledPack,
  type PolicyEngine,
} from "@safety-by-design/policy-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPresentation, type IssuerKeyPair } from "@safety-by-design/protocol";
import { discoveryServiceAudience, type ChatSession } from "@safety-by-design/client/actors";
import type { DeviceProtection, FindResult, PersonShown } from "@safety-by-design/client/headless";
import { createPersonaAgeCredentials, loadOrCreateIssuer } from "../../../tools/lib/ageIssuer.ts";
import {
  registerAgeBand,
  startAgeIssuerService,
  type AgeIssuerService,
} from "../../../tools/lib/ageIssuerService.ts";
import {
  startDiscoveryService,
  type DiscoveryService,
} from "../../../tools/lib/discoveryService.ts";
import { rawLogin, rawLogout, type RawSession } from "../../../tools/lib/rawMatrix.ts";
import { protectDevice } from "./protectedDevices.ts";
import { freshAccount, startNewDevice, testHomeserver, type TestAccount } from "./support.ts";

type Band = "13-15" | "16-17" | "18+";
type Account = TestAccount & { readonly userId: string; readonly band: Band | undefined };
type Device = { readonly session: ChatSession; readonly protection: DeviceProtection };

let issuerDir: string;
let issuer: IssuerKeyPair;
let provider: AgeIssuerService;
let gatekeeper: DiscoveryService;
const nlDefault = createPolicyEngine(loadBundledPack("nl-default"));
const devices: Device[] = [];
/** What any device reported as failed (e.g. renewing a registration); must stay empty. */
const failures: string[] = [];

async function account(label: string, band: Band | undefined): Promise<Account> {
  const created = await freshAccount(label);
  const userId = `@${created.username}:${testHomeserver.serverName}`;
  if (band !== undefined) await registerAgeBand(issuerDir, userId, band);
  return { ...created, userId, band };
}

/** A device running our client's Matrix layer and device protection, with the gatekeeper. */
async function protectedDevice(of: Account, engine: PolicyEngine = nlDefault): Promise<Device> {
  const session = await startNewDevice(of);
  const protection = await protectDevice(session, {
    engine,
    issuer,
    ageIssuerUrl: provider.url,
    discoveryServiceUrl: gatekeeper.url,
    failed: (message, error) => {
      failures.push(`${of.userId}: ${message}: ${String(error)}`);
    },
  });
  const device = { session, protection };
  devices.push(device);
  return device;
}

function people(result: FindResult): readonly PersonShown[] {
  if (result.kind !== "found") throw new Error(`expected people, got ${result.kind}`);
  return result.people;
}

/** Plain Matrix client-server calls, as anyone with curl could make. */
async function matrix(
  session: RawSession,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${testHomeserver.url}/_matrix/client/v3${path}`, {
    method,
    headers: { authorization: `Bearer ${session.accessToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${String(response.status)}`);
  return (await response.json()) as Record<string, unknown>;
}

async function joinedRooms(session: RawSession): Promise<string[]> {
  return (await matrix(session, "GET", "/joined_rooms"))["joined_rooms"] as string[];
}

async function openIdToken(session: RawSession): Promise<string> {
  const token = await matrix(
    session,
    "POST",
    `/user/${encodeURIComponent(session.userId)}/openid/request_token`,
    {},
  );
  return token["access_token"] as string;
}

/** The gatekeeper's search, called by hand with any body a modified client might send. */
async function rawSearch(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${gatekeeper.url}/v1/search`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ matrix_server_name: testHomeserver.serverName, ...body }),
  });
}

const ALL_BANDS = ["8-12", "13-15", "16-17", "18+"];

let daan: Account;
let noor: Account;
let alex: Account;
let mark: Account;
let daanDevice: Device;
let noorDevice: Device;
let alexDevice: Device;
let markDevice: Device;

beforeAll(async () => {
  issuerDir = await mkdtemp(join(tmpdir(), "sbd-discovery-issuer-"));
  issuer = await loadOrCreateIssuer(issuerDir);
  provider = await startAgeIssuerService({
    issuer,
    issuerDir,
    homeserver: testHomeserver,
    port: 0,
  });
  gatekeeper = await startDiscoveryService({
    homeserver: testHomeserver,
    trustedIssuers: [{ keyId: issuer.keyId, publicKey: issuer.publicKey }],
    port: 0,
  });
  // One after the other: the demo provider's register file is rewritten per account.
  daan = await account("daan", "16-17");
  noor = await account("noor", "13-15");
  alex = await account("alex", "18+");
  mark = await account("mark", undefined);
  daanDevice = await protectedDevice(daan);
  noorDevice = await protectedDevice(noor);
  alexDevice = await protectedDevice(alex);
  markDevice = await protectedDevice(mark);
  for (const [device, band] of [
    [daanDevice, "16-17"],
    [noorDevice, "13-15"],
    [alexDevice, "18+"],
  ] as const) {
    expect(device.protection.ownAge).toMatchObject({ status: "verified", band });
  }
  expect(markDevice.protection.ownAge.status).toBe("unverified");
}, 120_000);

afterAll(async () => {
  for (const { protection, session } of devices) {
    protection.stop();
    session.stop();
  }
  await gatekeeper.close();
  await provider.close();
  await rm(issuerDir, { recursive: true, force: true });
});

describe("Find people through the discovery gatekeeper (nl-default)", () => {
  it("Daan (16-17) opts in: his device registers with the gatekeeper and joins no room", async () => {
    const raw = await rawLogin(testHomeserver, daan.username, daan.password);
    try {
      const before = await joinedRooms(raw);
      expect(daanDevice.protection.people.availability()).toBe("available");
      expect(daanDevice.protection.people.findableChange(true).effect).toBe(
        "allow-with-information",
      );
      await daanDevice.protection.people.setFindable(true);
      expect(daanDevice.protection.people.settings().findableByPeers).toBe(true);
      expect(await joinedRooms(raw)).toEqual(before);
    } finally {
      await rawLogout(raw);
    }
  });

  it("Noor (13-15) finds him: the gatekeeper lists him, his device answers, her engine shows him", async () => {
    const found = people(await noorDevice.protection.people.find("daan"));
    expect(found.map((person) => person.userId)).toEqual([daan.userId]);
    // Each showed the other its band, device to device, because both engines allowed it.
    expect(noorDevice.protection.ages.verifiedBand(daan.userId)?.band).toBe("16-17");
    expect(daanDevice.protection.ages.verifiedBand(noor.userId)?.band).toBe("13-15");
  });

  it("a verified adult finds neither Daan nor Noor, and learns no band", async () => {
    expect(people(await alexDevice.protection.people.find("daan"))).toEqual([]);
    expect(people(await alexDevice.protection.people.find("noor"))).toEqual([]);
    expect(alexDevice.protection.ages.verifiedBand(daan.userId)).toBeUndefined();
  });

  it("an unverified account finds nobody and cannot be found", async () => {
    const finder = markDevice.protection.people;
    expect(finder.availability()).toBe("not-verified");
    await expect(finder.find("daan")).rejects.toThrow("not-verified");
    await expect(finder.setFindable(true)).rejects.toThrow();
    expect(finder.settings().findableByPeers).toBe(false);
    expect(people(await noorDevice.protection.people.find("mark"))).toEqual([]);
    expect(people(await alexDevice.protection.people.find("mark"))).toEqual([]);
  });

  it("Daan's device answers no probe from an adult or an unverified account, even sent by hand", async () => {
    // The gatekeeper never names him to them; a modified client that probes his ID anyway
    // (with its own presentation) gets silence: his engine does not let them find him.
    for (const searcher of [alexDevice, markDevice]) {
      const answer = await searcher.protection.ages.probeDiscovery(daan.userId, {
        disclose: true,
        timeoutMs: 4000,
      });
      expect(answer).toBe("no-answer");
    }
    expect(alexDevice.protection.ages.verifiedBand(daan.userId)).toBeUndefined();
    expect(markDevice.protection.ages.verifiedBand(daan.userId)).toBeUndefined();
  });
});

describe("a raw-HTTP attacker cannot list who opted in, nor post to them", () => {
  it("the gatekeeper gives an attacker without a valid presentation nothing", async () => {
    const raw = await rawLogin(testHomeserver, mark.username, mark.password);
    try {
      const token = await openIdToken(raw);
      for (const term of ["daan", "da", "noor"]) {
        const answer = await rawSearch({ openid_token: token, term, viewable_bands: ALL_BANDS });
        expect(answer.status).toBe(403);
        expect(JSON.stringify(await answer.json())).not.toContain(daan.userId);
      }
      const forgedToken = await rawSearch({
        openid_token: "not-a-token",
        term: "daan",
        viewable_bands: ALL_BANDS,
      });
      expect(forgedToken.status).toBe(401);
    } finally {
      await rawLogout(raw);
    }
  });

  it("a verified adult calling the gatekeeper by hand, claiming to see every band, gets no minor", async () => {
    const raw = await rawLogin(testHomeserver, alex.username, alex.password);
    try {
      // Alex holds a genuine 18+ attestation, as any verified adult would.
      const credentials = await createPersonaAgeCredentials(issuer, {
        userId: alex.userId,
        band: "18+",
      });
      if (credentials === undefined) throw new Error("no credentials for an 18+ persona");
      for (const term of ["daan", "noor", "da", "no"]) {
        const presentation = await createPresentation(credentials.holder, credentials.attestation, {
          audienceUserId: discoveryServiceAudience(testHomeserver.serverName),
          now: Date.now(),
        });
        const answer = await rawSearch({
          openid_token: await openIdToken(raw),
          presentation,
          term,
          viewable_bands: ALL_BANDS,
        });
        expect(answer.status).toBe(200);
        const { results } = (await answer.json()) as { results: { band: string }[] };
        expect(results.filter((result) => result.band !== "18+")).toEqual([]);
      }
    } finally {
      await rawLogout(raw);
    }
  });

  it("the homeserver lists no one who opted in, and no public room makes anyone a shared room", async () => {
    const attacker = await rawLogin(testHomeserver, alex.username, alex.password);
    const daanRaw = await rawLogin(testHomeserver, daan.username, daan.password);
    try {
      // The user directory lists only people one shares a room with: Daan is not among them.
      const directory = (await matrix(attacker, "POST", "/user_directory/search", {
        search_term: "daan",
        limit: 50,
      })) as { results: { user_id: string }[] };
      expect(directory.results.map((result) => result.user_id)).not.toContain(daan.userId);

      // No public room holds Daan: nothing to join, list or post into.
      const { chunk } = (await matrix(attacker, "GET", "/publicRooms?limit=500")) as {
        chunk: { room_id: string }[];
      };
      const daanRooms = new Set(await joinedRooms(daanRaw));
      expect(chunk.filter((room) => daanRooms.has(room.room_id))).toEqual([]);
      expect(daanRooms.size).toBe(0);

      // So an adult who contacts him has no shared room with him on his device.
      expect(daanDevice.session.sharedRoomCount(alex.userId)).toBe(0);
      expect(daanDevice.session.sharedRoomCount(noor.userId)).toBe(0);
      expect(daanDevice.session.chats).toEqual([]);
    } finally {
      await rawLogout(attacker);
      await rawLogout(daanRaw);
    }
  });
});

describe("opting out", () => {
  it("Daan opts out: the gatekeeper forgets him and Noor no longer finds him", async () => {
    await daanDevice.protection.people.setFindable(false);
    expect(daanDevice.protection.people.settings().findableByPeers).toBe(false);
    expect(people(await noorDevice.protection.people.find("daan"))).toEqual([]);
  });

  it("no device reported a failure along the way", () => {
    expect(failures).toEqual([]);
  });
});
