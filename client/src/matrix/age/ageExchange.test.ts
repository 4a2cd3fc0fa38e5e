import { describe, expect, it } from "vitest";
import { AgeExchange, AGE_PRESENTATION_TYPE, type ToDeviceTransport } from "./ageExchange.ts";
import { issueAgeAttestation } from "./attestation.ts";
import type { AttestedAgeBand } from "./format.ts";
import { createHolderKeyPair, createIssuerKeyPair, type IssuerKeyPair } from "./keys.ts";
import { createPresentation } from "./presentation.ts";
import type { OwnAge } from "./wallet.ts";

const NOOR = "@noor:localhost";
const DAAN = "@daan:localhost";
const ALEX = "@alex:localhost";
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

type Delivered = { type: string; sender: string; content: Record<string, unknown> };

/**
 * A tiny network of devices: `send` delivers to the recipient's handlers on a
 * later tick (as a sync would) and returns how many devices got it. Users with
 * no device get nothing.
 */
class FakeNetwork {
  readonly #handlers = new Map<string, Set<(message: Delivered) => void>>();
  readonly sent: { from: string; to: string; type: string; content: Record<string, unknown> }[] =
    [];

  transportFor(userId: string): ToDeviceTransport {
    return {
      send: (to, type, content) => {
        this.sent.push({ from: userId, to, type, content });
        const handlers = this.#handlers.get(to);
        if (handlers === undefined || handlers.size === 0) return Promise.resolve(0);
        setTimeout(() => {
          for (const handler of handlers) handler({ type, sender: userId, content });
        }, 0);
        return Promise.resolve(1);
      },
      onEncrypted: (handler) => {
        const handlers = this.#handlers.get(userId) ?? new Set();
        handlers.add(handler);
        this.#handlers.set(userId, handlers);
        return () => handlers.delete(handler);
      },
    };
  }
}

async function verifiedOwnAge(
  issuer: IssuerKeyPair,
  userId: string,
  band: AttestedAgeBand,
): Promise<OwnAge> {
  const holder = await createHolderKeyPair();
  const attestation = await issueAgeAttestation(issuer, {
    subject: userId,
    holderKey: holder.publicKey,
    band,
    now: NOW,
    validForDays: 30,
  });
  return {
    status: "verified",
    band,
    credentials: { holder, attestation },
    validUntil: attestation.expiresAt * 1000,
  };
}

function memoryStorage(): Pick<Storage, "getItem" | "setItem"> & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
  };
}

function device(
  network: FakeNetwork,
  issuer: IssuerKeyPair,
  userId: string,
  own: OwnAge | undefined,
  options: { storage?: Pick<Storage, "getItem" | "setItem">; now?: () => number } = {},
): AgeExchange {
  let counter = 0;
  return new AgeExchange({
    selfUserId: userId,
    transport: network.transportFor(userId),
    trustedIssuers: [{ keyId: issuer.keyId, publicKey: issuer.publicKey }],
    ownAge: () => own ?? { status: "unverified", reason: "not-verified" },
    now: options.now ?? (() => NOW),
    storage: options.storage,
    randomId: () => `probe-${userId}-${++counter}`,
  });
}

/** Waits until `exchange` has judged one more presentation; returns its verification. */
function nextVerification(exchange: AgeExchange) {
  return new Promise<{ from: string; verified: boolean; reason: string }>((resolve) => {
    const stop = exchange.observe((from, verification) => {
      stop();
      resolve({ from, verified: verification.verified, reason: verification.reason });
    });
  });
}

describe("AgeExchange: bands travel device to device", () => {
  it("a presentation verifies on arrival, tells listeners, and passes on the reply request", async () => {
    const network = new FakeNetwork();
    const issuer = await createIssuerKeyPair();
    const daan = device(network, issuer, DAAN, await verifiedOwnAge(issuer, DAAN, "16-17"));
    const noor = device(network, issuer, NOOR, await verifiedOwnAge(issuer, NOOR, "13-15"));
    let changed = 0;
    noor.subscribe(() => changed++);
    const replies: boolean[] = [];
    noor.handlePresentations((_from, _verification, reply) => replies.push(reply));

    const judged = nextVerification(noor);
    expect(await daan.present(NOOR, { reply: true })).toBe("sent");
    expect(await judged).toEqual({ from: DAAN, verified: true, reason: "ok" });
    expect(noor.verifiedBand(DAAN)?.band).toBe("16-17");
    expect(changed).toBe(1);
    // The policy layer's handler runs right after the verification.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(replies).toEqual([true]);
  });

  it("an unverified device has nothing to present, and a user without devices gets nothing", async () => {
    const network = new FakeNetwork();
    const issuer = await createIssuerKeyPair();
    const mark = device(network, issuer, "@mark:localhost", undefined);
    device(network, issuer, NOOR, undefined);
    expect(await mark.present(NOOR, { reply: false })).toBe("nothing-to-present");
    const daan = device(network, issuer, DAAN, await verifiedOwnAge(issuer, DAAN, "16-17"));
    expect(await daan.present("@nobody:localhost", { reply: false })).toBe("no-devices");
  });

  it("a replayed presentation, another user's, or one from an untrusted issuer stays unverified", async () => {
    const network = new FakeNetwork();
    const issuer = await createIssuerKeyPair();
    const noor = device(network, issuer, NOOR, undefined);
    const daanAge = await verifiedOwnAge(issuer, DAAN, "16-17");
    if (daanAge.status !== "verified") throw new Error("setup");
    const daan = network.transportFor(DAAN);
    const alex = network.transportFor(ALEX);
    const presentation = await createPresentation(
      daanAge.credentials.holder,
      daanAge.credentials.attestation,
      { audienceUserId: NOOR, now: NOW },
    );

    let judged = nextVerification(noor);
    await daan.send(NOOR, AGE_PRESENTATION_TYPE, { presentation, reply: false });
    expect((await judged).verified).toBe(true);

    judged = nextVerification(noor);
    await daan.send(NOOR, AGE_PRESENTATION_TYPE, { presentation, reply: false });
    expect((await judged).reason).toBe("replayed");

    judged = nextVerification(noor);
    await alex.send(NOOR, AGE_PRESENTATION_TYPE, { presentation, reply: false });
    expect(await judged).toMatchObject({ from: ALEX, reason: "wrong-subject" });
    expect(noor.verifiedBand(ALEX)).toBeUndefined();

    const stranger = await verifiedOwnAge(await createIssuerKeyPair(), ALEX, "13-15");
    if (stranger.status !== "verified") throw new Error("setup");
    judged = nextVerification(noor);
    await alex.send(NOOR, AGE_PRESENTATION_TYPE, {
      presentation: await createPresentation(
        stranger.credentials.holder,
        stranger.credentials.attestation,
        { audienceUserId: NOOR, now: NOW },
      ),
    });
    expect((await judged).reason).toBe("unknown-issuer");

    judged = nextVerification(noor);
    await alex.send(NOOR, AGE_PRESENTATION_TYPE, { presentation: "x".repeat(100_000) });
    expect((await judged).reason).toBe("malformed");
    expect(noor.verifiedBand(ALEX)).toBeUndefined();
  });

  it("remembers bands and spent nonces across a reload, and forgets a band when it expires", async () => {
    const network = new FakeNetwork();
    const issuer = await createIssuerKeyPair();
    const storage = memoryStorage();
    let now = NOW;
    const first = device(network, issuer, NOOR, undefined, { storage, now: () => now });
    const daanAge = await verifiedOwnAge(issuer, DAAN, "16-17");
    if (daanAge.status !== "verified") throw new Error("setup");
    const presentation = await createPresentation(
      daanAge.credentials.holder,
      daanAge.credentials.attestation,
      { audienceUserId: NOOR, now: NOW },
    );
    const judged = nextVerification(first);
    await network.transportFor(DAAN).send(NOOR, AGE_PRESENTATION_TYPE, { presentation });
    expect((await judged).verified).toBe(true);
    first.stop();

    const reloaded = device(network, issuer, NOOR, undefined, { storage, now: () => now });
    expect(reloaded.verifiedBand(DAAN)?.band).toBe("16-17");
    const replay = nextVerification(reloaded);
    await network.transportFor(DAAN).send(NOOR, AGE_PRESENTATION_TYPE, { presentation });
    expect((await replay).reason).toBe("replayed");

    now = daanAge.validUntil + 1;
    expect(reloaded.verifiedBand(DAAN)).toBeUndefined();
  });
});

describe("AgeExchange: asking before a chat, and before showing someone in a search", () => {
  it("a contact probe gets the recipient device's answer, with the sender's band verified first", async () => {
    const network = new FakeNetwork();
    const issuer = await createIssuerKeyPair();
    const alex = device(network, issuer, ALEX, await verifiedOwnAge(issuer, ALEX, "18+"));
    const noor = device(network, issuer, NOOR, await verifiedOwnAge(issuer, NOOR, "13-15"));
    const seenBands: (string | undefined)[] = [];
    noor.handleProbes((from) => {
      seenBands.push(noor.verifiedBand(from)?.band);
      return { protectsMinor: true };
    });
    expect(await alex.probeContact(NOOR, { disclose: true, timeoutMs: 2000 })).toBe(
      "protects-minor",
    );
    expect(seenBands).toEqual(["18+"]);
    // Without disclosure the probe carries no presentation.
    const mark = device(network, issuer, "@mark:localhost", undefined);
    noor.handleProbes(() => ({ protectsMinor: false }));
    expect(await mark.probeContact(NOOR, { disclose: true, timeoutMs: 2000 })).toBe("open");
    expect(network.sent.filter((m) => m.from === "@mark:localhost")[0]?.content).not.toHaveProperty(
      "presentation",
    );
  });

  it("no answer: an offline recipient (timeout), no devices, or a stopped exchange", async () => {
    const network = new FakeNetwork();
    const issuer = await createIssuerKeyPair();
    const alex = device(network, issuer, ALEX, await verifiedOwnAge(issuer, ALEX, "18+"));
    expect(await alex.probeContact("@nobody:localhost", { disclose: true, timeoutMs: 50 })).toBe(
      "no-answer",
    );
    // A device that never answers: registered, but its exchange ignores contact probes.
    network.transportFor(NOOR).onEncrypted(() => undefined);
    expect(await alex.probeContact(NOOR, { disclose: false, timeoutMs: 50 })).toBe("no-answer");
    const pending = alex.probeContact(NOOR, { disclose: false, timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    alex.stop();
    expect(await pending).toBe("no-answer");
  });

  it("a search probe is answered only by a device whose user opted in, with a presentation", async () => {
    const network = new FakeNetwork();
    const issuer = await createIssuerKeyPair();
    const noor = device(network, issuer, NOOR, await verifiedOwnAge(issuer, NOOR, "13-15"));
    const daan = device(network, issuer, DAAN, await verifiedOwnAge(issuer, DAAN, "16-17"));
    let optedIn = false;
    daan.handleDiscoveryProbes(() => ({ answer: optedIn }));

    expect(await noor.probeDiscovery(DAAN, 100)).toBe("no-answer");
    expect(noor.verifiedBand(DAAN)).toBeUndefined();

    optedIn = true;
    expect(await noor.probeDiscovery(DAAN, 2000)).toEqual({ findableByPeers: true });
    expect(noor.verifiedBand(DAAN)?.band).toBe("16-17");
  });
});
