// Integration (real Synapse, Rust crypto in Node): age-gated contact,
// enforced on the minor's own device (issue 5, acceptance 5-7), and the
// sender side without a silent fail-open (issue 12, acceptance 8).
//
// The minor runs the client's own device protection (policy/deviceProtection.ts),
// with its attestation from the demo age provider over Matrix OpenID. The
// attackers do not: they call the Matrix API directly, or push hand-made age
// presentations through Olm, with no attestation, a forged one, an expired
// one, a replayed one and another user's. Whatever they send, the minor's
// device never shows them as verified and never as a normal chat; under the
// `baseline` control arm the same facts lead to no protection at all.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createPolicyEngine,
  loadBundledPack,
  type PolicyEngine,
} from "@safety-by-design/policy-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AGE_PRESENTATION_TYPE,
  CONTACT_ANSWER_TYPE,
  CONTACT_PROBE_TYPE,
  createHolderKeyPair,
  createIssuerKeyPair,
  createPresentation,
  type AgeAttestation,
  type AgePresentation,
  type AgeVerification,
  type IssuerKeyPair,
} from "@safety-by-design/protocol";
import type { ChatSession } from "@safety-by-design/client/actors";
import {
  ageFactsFromDevice,
  CONTACT_PROBE_TIMEOUT_MS,
  createPolicyGateway,
  HELP_SERVICE_NAMES,
  type DeviceProtection,
} from "@safety-by-design/client/headless";
import { issueAttestation, loadOrCreateIssuer } from "../../../tools/lib/ageIssuer.ts";
import {
  registerAgeBand,
  startAgeIssuerService,
  type AgeIssuerService,
} from "../../../tools/lib/ageIssuerService.ts";
import {
  rawInviteToDirectRoom,
  rawLogin,
  rawLogout,
  rawSendText,
  rawSendToDevice,
  type RawSession,
} from "../../../tools/lib/rawMatrix.ts";
import {
  freshAccount,
  startNewDevice,
  testHomeserver,
  until,
  type TestAccount,
} from "./support.ts";
import { protectDevice } from "./protectedDevices.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

let issuerDir: string;
let issuer: IssuerKeyPair;
let provider: AgeIssuerService;
const sessions: ChatSession[] = [];
const protections: DeviceProtection[] = [];

/** A device running our client's Matrix layer and device protection, in Node. */
async function protectedDevice(
  account: TestAccount,
  engine: PolicyEngine,
): Promise<{ session: ChatSession; protection: DeviceProtection }> {
  const session = await startNewDevice(account);
  sessions.push(session);
  const protection = await protectDevice(session, {
    engine,
    issuer,
    ageIssuerUrl: provider.url,
    failed: (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    },
  });
  protections.push(protection);
  return { session, protection };
}

/** Takes a device offline for good (and out of the clean-up lists). */
function stopDevice(device: { session: ChatSession; protection: DeviceProtection }): void {
  device.protection.stop();
  device.session.stop();
  protections.splice(protections.indexOf(device.protection), 1);
  sessions.splice(sessions.indexOf(device.session), 1);
}

async function accountWithBand(
  label: string,
  band: "8-12" | "13-15" | "16-17" | "18+" | undefined,
): Promise<TestAccount & { userId: string }> {
  const account = await freshAccount(label);
  const userId = `@${account.username}:${testHomeserver.serverName}`;
  if (band !== undefined) await registerAgeBand(issuerDir, userId, band);
  return { ...account, userId };
}

beforeAll(async () => {
  issuerDir = await mkdtemp(join(tmpdir(), "sbd-age-issuer-"));
  issuer = await loadOrCreateIssuer(issuerDir);
  provider = await startAgeIssuerService({
    issuer,
    issuerDir,
    homeserver: testHomeserver,
    port: 0,
  });
});

afterAll(async () => {
  for (const protection of protections) protection.stop();
  for (const session of sessions) session.stop();
  await provider.close();
  await rm(issuerDir, { recursive: true, force: true });
});

describe("the protected person's device, against a sender that bypasses our client", () => {
  const nlDefault = createPolicyEngine(loadBundledPack("nl-default"));
  const baseline = createPolicyEngine(loadBundledPack("baseline"));
  let minor: TestAccount & { userId: string };
  let minorDevice: { session: ChatSession; protection: DeviceProtection };
  /** Every verification outcome on the minor's device, per sender. */
  const outcomes: { from: string; verification: AgeVerification }[] = [];

  beforeAll(async () => {
    minor = await accountWithBand("noor", "13-15");
    minorDevice = await protectedDevice(minor, nlDefault);
    minorDevice.protection.ages.observe((from, verification) => {
      outcomes.push({ from, verification });
    });
  }, 60_000);

  it("holds its own verified band, issued for a holder key made on the device", () => {
    const own = minorDevice.protection.ownAge;
    expect(own.status).toBe("verified");
    if (own.status === "verified") {
      expect(own.band).toBe("13-15");
      expect(own.credentials.attestation.subject).toBe(minor.userId);
    }
  });

  /** Invites the minor and writes, with plain HTTP; returns the room. */
  async function rawContact(attacker: RawSession): Promise<string> {
    const roomId = await rawInviteToDirectRoom(attacker, minor.userId);
    await rawSendText(attacker, roomId, "hoi! zin om te kletsen?");
    await until(
      () => minorDevice.session.invitations().find((i) => i.roomId === roomId),
      "the invitation on the minor's device",
    );
    return roomId;
  }

  /** Sends a hand-made presentation through Olm and waits until the minor's device judged it. */
  async function pushPresentation(
    from: ChatSession,
    presentation: unknown,
  ): Promise<AgeVerification> {
    const before = outcomes.length;
    const devices = await from.toDevice.send(minor.userId, AGE_PRESENTATION_TYPE, {
      presentation,
      reply: true,
    });
    expect(devices).toBeGreaterThan(0);
    const seen = await until(
      () => outcomes.slice(before).find((outcome) => outcome.from === from.userId),
      "the minor's device to judge the presentation",
    );
    return seen.verification;
  }

  /** The minor's device treats `roomId` from `senderId` as an unverified stranger's request. */
  function expectHeldAsRequest(roomId: string, senderId: string): void {
    const invitation = minorDevice.session.invitations().find((i) => i.roomId === roomId);
    expect(invitation).toBeDefined();
    if (invitation === undefined) return;
    const decision = minorDevice.protection.gateway.presentInvitation(invitation);
    expect(decision.effect).not.toBe("normal");
    expect(decision.relationship).toBe("unverified-stranger");
    expect(decision.preview).toBe("hidden");
    expect(decision.notices.map((n) => n.id)).toContain("unverified-age");
    expect(minorDevice.protection.ages.verifiedBand(senderId)).toBeUndefined();
    // Never an accepted conversation: the device has not joined it.
    expect(
      minorDevice.session.chats.some(
        (chat) => chat.roomId === roomId && chat.membership === "join",
      ),
    ).toBe(false);
  }

  it("no attestation: a raw invite and message land as a held request, and a plaintext presentation is ignored", async () => {
    const account = await accountWithBand("alex-raw", "18+");
    const attacker = await rawLogin(testHomeserver, account.username, account.password);
    // A presentation sent without Olm: anyone could have written it, so it is never read.
    await rawSendToDevice(attacker, AGE_PRESENTATION_TYPE, minor.userId, {
      presentation: { claims: "13-15" },
      reply: true,
    });
    const roomId = await rawContact(attacker);
    expectHeldAsRequest(roomId, attacker.userId);
    expect(outcomes.some((o) => o.from === attacker.userId)).toBe(false);
    await rawLogout(attacker);
  }, 60_000);

  it("forged, expired, replayed and another user's presentations all leave the sender unverified", async () => {
    const attackerAccount = await accountWithBand("alex-olm", undefined);
    const teen = await accountWithBand("teen", "16-17");
    // The attacker has an Olm device (our Matrix layer), but no protection of ours around it.
    const attackerDevice = await startNewDevice(attackerAccount);
    sessions.push(attackerDevice);
    const teenDevice = await protectedDevice(teen, nlDefault);
    const now = Date.now();
    const attackerHolder = await createHolderKeyPair();

    // 1. Forged: a self-made issuer says "13-15".
    const fakeIssuer = await createIssuerKeyPair();
    const selfIssued = await issueAttestation(fakeIssuer, {
      userId: attackerDevice.userId,
      band: "13-15",
      holderKey: attackerHolder.publicKey,
    });
    const forgedIssuer = await pushPresentation(
      attackerDevice,
      await createPresentation(attackerHolder, selfIssued, { audienceUserId: minor.userId, now }),
    );
    expect(forgedIssuer.reason).toBe("unknown-issuer");

    // 2. Forged: a real attestation for the attacker (18+) with the band changed to 13-15.
    const real = await issueAttestation(issuer, {
      userId: attackerDevice.userId,
      band: "18+",
      holderKey: attackerHolder.publicKey,
    });
    const tampered: AgeAttestation = { ...real, band: "13-15" };
    const forgedBand = await pushPresentation(
      attackerDevice,
      await createPresentation(attackerHolder, tampered, { audienceUserId: minor.userId, now }),
    );
    expect(forgedBand.reason).toBe("forged-signature");

    // 3. Expired: issued 40 days ago for 30 days.
    const expired = await issueAttestation(issuer, {
      userId: attackerDevice.userId,
      band: "13-15",
      holderKey: attackerHolder.publicKey,
      now: now - 40 * DAY_MS,
      days: 30,
    });
    const tooOld = await pushPresentation(
      attackerDevice,
      await createPresentation(attackerHolder, expired, { audienceUserId: minor.userId, now }),
    );
    expect(tooOld.reason).toBe("expired");

    // 4. Another user's: the teen's genuine presentation to the minor, sent by the attacker.
    const teenOwn = teenDevice.protection.ownAge;
    expect(teenOwn.status).toBe("verified");
    if (teenOwn.status !== "verified") return;
    const teensPresentation: AgePresentation = await createPresentation(
      teenOwn.credentials.holder,
      teenOwn.credentials.attestation,
      { audienceUserId: minor.userId, now },
    );
    const stolen = await pushPresentation(attackerDevice, teensPresentation);
    expect(stolen.reason).toBe("wrong-subject");

    // 5. Replayed: the teen's presentation reaches the minor once (accepted), then again.
    const first = await pushPresentation(teenDevice.session, teensPresentation);
    expect(first).toMatchObject({ verified: true, band: "16-17" });
    const again = await pushPresentation(teenDevice.session, teensPresentation);
    expect(again.reason).toBe("replayed");

    // 6. Shown to someone else: a presentation made for another audience.
    const forSomeoneElse = await createPresentation(
      teenOwn.credentials.holder,
      teenOwn.credentials.attestation,
      { audienceUserId: attackerDevice.userId, now },
    );
    const misdirected = await pushPresentation(attackerDevice, forSomeoneElse);
    expect(misdirected.reason).toBe("wrong-subject");

    // After all that, the attacker's raw invite is still an unverified stranger's request.
    const attacker = await rawLogin(
      testHomeserver,
      attackerAccount.username,
      attackerAccount.password,
    );
    const roomId = await rawContact(attacker);
    expectHeldAsRequest(roomId, attackerDevice.userId);

    // The control arm: the same facts under `baseline` give no protection at all.
    const invitation = minorDevice.session.invitations().find((i) => i.roomId === roomId);
    if (invitation === undefined) throw new Error("the invitation went missing");
    const control = createPolicyGateway({
      engine: baseline,
      clock: () => Date.now(),
      ages: ageFactsFromDevice({
        ownBand: () => "13-15",
        peerBand: (userId) => minorDevice.protection.ages.verifiedBand(userId)?.band,
      }),
      relationships: minorDevice.session,
      helpServiceNames: HELP_SERVICE_NAMES,
    }).presentInvitation(invitation);
    expect(control.preview).toBe("shown");
    expect(control.notices).toEqual([]);
    expect(control.protectsMinor).toBe(false);
    expect(control.actions).toContain("accept");
    await rawLogout(attacker);
  }, 120_000);
});

describe("sender side: our client asks the minor's device before a chat starts", () => {
  it("stops a verified adult with deterrence and Stop it Now; lets a verified teen through", async () => {
    const engine = createPolicyEngine(loadBundledPack("nl-default"));
    const minor = await accountWithBand("noor", "13-15");
    const adult = await accountWithBand("alex", "18+");
    const peer = await accountWithBand("daan", "16-17");
    const unverified = await accountWithBand("mark", undefined);
    await protectedDevice(minor, engine);
    const adultDevice = await protectedDevice(adult, engine);
    const peerDevice = await protectedDevice(peer, engine);
    const unverifiedDevice = await protectedDevice(unverified, engine);

    const toAdult = await adultDevice.protection.gateway.startChat(minor.userId);
    expect(toAdult.effect).toBe("refused");
    expect(toAdult.notices.map((n) => n.id)).toContain("deterrence-adult-to-minor");
    expect(toAdult.help).toContain("stop-it-now");

    const toUnverified = await unverifiedDevice.protection.gateway.startChat(minor.userId);
    expect(toUnverified.effect).toBe("refused");
    expect(toUnverified.notices.map((n) => n.id)).toContain("deterrence-adult-to-minor");

    const toPeer = await peerDevice.protection.gateway.startChat(minor.userId);
    expect(toPeer.effect).toBe("allowed");
    // The peer presented its band with the probe: the minor's device now knows it.
    expect(toPeer.relationship).toBe("minor-stranger");

    // Adult to adult works normally.
    const adultToAdult = await unverifiedDevice.protection.gateway.startChat(adult.userId);
    expect(adultToAdult.effect).toBe("allowed");
  }, 120_000);

  it("when the minor's device is offline, the adult is never silently let through: a notice with Stop it Now", async () => {
    const engine = createPolicyEngine(loadBundledPack("nl-default"));
    const minor = await accountWithBand("noor-offline", "13-15");
    const adult = await accountWithBand("alex-offline", "18+");
    const unverified = await accountWithBand("mark-offline", undefined);
    // The minor's device exists (its keys are on the server), then goes offline.
    const minorDevice = await protectedDevice(minor, engine);
    stopDevice(minorDevice);
    const adultDevice = await protectedDevice(adult, engine);
    const unverifiedDevice = await protectedDevice(unverified, engine);

    for (const sender of [adultDevice, unverifiedDevice]) {
      const started = Date.now();
      const decision = await sender.protection.gateway.startChat(minor.userId);
      // It waited for an answer that never came.
      expect(Date.now() - started).toBeGreaterThanOrEqual(CONTACT_PROBE_TIMEOUT_MS - 100);
      expect(decision.effect).toBe("allowed-with-notice");
      expect(decision.relationship).toBe("unverified-stranger");
      expect(decision.notices.map((n) => n.id)).toEqual(["recipient-may-hold-aside"]);
      expect(decision.reasons).toEqual(["contact/recipient-did-not-answer"]);
      expect(decision.help).toContain("stop-it-now");
      expect(decision.failedClosed).toBe(false);
    }
  }, 120_000);

  it("a minor's device answers a flood of contact probes from one sender only 5 times", async () => {
    const engine = createPolicyEngine(loadBundledPack("nl-default"));
    const minor = await accountWithBand("noor-flooded", "13-15");
    await protectedDevice(minor, engine);
    // The prober has an Olm device but none of our protection around it.
    const prober = await startNewDevice(await accountWithBand("mallory-prober", undefined));
    sessions.push(prober);
    const answers: string[] = [];
    prober.toDevice.onEncrypted((message) => {
      if (message.type === CONTACT_ANSWER_TYPE) answers.push(String(message.content["probe_id"]));
    });
    for (let i = 0; i < 40; i++) {
      const devices = await prober.toDevice.send(minor.userId, CONTACT_PROBE_TYPE, {
        probe_id: `flood-${String(i)}`,
      });
      expect(devices).toBeGreaterThan(0);
    }
    await until(() => answers.length >= 5, "the first answers");
    // Time for any further answer to arrive: none does.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(answers).toHaveLength(5);
  }, 120_000);

  it("under baseline the minor's device protects no one, so the adult goes ahead", async () => {
    const minor = await accountWithBand("noor-baseline", "13-15");
    const adult = await accountWithBand("alex-baseline", "18+");
    await protectedDevice(minor, createPolicyEngine(loadBundledPack("baseline")));
    const adultDevice = await protectedDevice(
      adult,
      createPolicyEngine(loadBundledPack("nl-default")),
    );
    const decision = await adultDevice.protection.gateway.startChat(minor.userId);
    expect(decision.effect).toBe("allowed");
  }, 120_000);
});
