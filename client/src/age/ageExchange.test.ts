// Services layer, age exchange: presentations and probes between devices over a fake network.
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  AGE_PRESENTATION_TYPE,
  CONTACT_ANSWER_TYPE,
  CONTACT_PROBE_TYPE,
  createHolderKeyPair,
  createIssuerKeyPair,
  createPresentation,
  DISCOVERY_ANSWER_TYPE,
  DISCOVERY_PROBE_TYPE,
  issueAgeAttestation,
  type AgeVerification,
  type AttestedAgeBand,
  type IssuerKeyPair,
} from "@safety-by-design/protocol";
import { AgeExchange, type ToDeviceTransport } from "./ageExchange.ts";
import type { AgeCredentials, OwnAge } from "./wallet.ts";

const ALEX = "@alex:localhost";
const NOOR = "@noor:localhost";
const LOTTE = "@lotte:localhost";
const MALLORY = "@mallory:localhost";
const SILENT = "@silent:localhost";
const NOBODY = "@nobody:localhost";
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const ANSWER_WAIT_MS = 5000;

type Message = {
  readonly type: string;
  readonly sender: string;
  readonly content: Record<string, unknown>;
};
type Sent = Message & { readonly to: string };

/**
 * A tiny homeserver: send() hands a copy of the content (a JSON round trip,
 * as encryption and sync do) to every handler the recipient registered,
 * asynchronously, and resolves with how many there were.
 */
function createNetwork() {
  const devices = new Map<string, Set<(message: Message) => void>>();
  const sent: Sent[] = [];
  const deliver = (to: string, message: Message): number => {
    const handlers = [...(devices.get(to) ?? [])];
    const copy = JSON.parse(JSON.stringify(message)) as Message;
    void Promise.resolve().then(() => {
      for (const handler of handlers) handler(copy);
    });
    return handlers.length;
  };
  const transport = (userId: string): ToDeviceTransport => ({
    send: (to, type, content) => {
      sent.push({ to, type, sender: userId, content });
      return Promise.resolve(deliver(to, { type, sender: userId, content }));
    },
    onEncrypted: (handler) => {
      const handlers = devices.get(userId) ?? new Set();
      handlers.add(handler);
      devices.set(userId, handlers);
      return () => {
        handlers.delete(handler);
      };
    },
  });
  return { sent, deliver, transport };
}
type Network = ReturnType<typeof createNetwork>;

function memoryStorage(): Pick<Storage, "getItem" | "setItem"> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
}

let issuer: IssuerKeyPair;
beforeAll(async () => {
  issuer = await createIssuerKeyPair();
});

async function credentials(
  userId: string,
  band: AttestedAgeBand,
  options: { by?: IssuerKeyPair; issuedAt?: number; validForDays?: number } = {},
): Promise<AgeCredentials> {
  const holder = await createHolderKeyPair();
  const attestation = await issueAgeAttestation(options.by ?? issuer, {
    subject: userId,
    holderKey: holder.publicKey,
    band,
    now: options.issuedAt ?? NOW - DAY,
    ...(options.validForDays === undefined ? {} : { validForDays: options.validForDays }),
  });
  return { holder, attestation };
}

function verified(own: AgeCredentials): OwnAge {
  return {
    status: "verified",
    band: own.attestation.band,
    credentials: own,
    validUntil: own.attestation.expiresAt * 1000,
  };
}

const UNVERIFIED: OwnAge = { status: "unverified", reason: "not-verified" };

type Device = {
  readonly exchange: AgeExchange;
  /** Every verification outcome on this device, in order. */
  readonly observed: { from: string; verification: AgeVerification }[];
  readonly presentations: ReturnType<typeof vi.fn<PresentationHandler>>;
  readonly changes: ReturnType<typeof vi.fn<() => void>>;
};
type PresentationHandler = (
  from: string,
  verification: AgeVerification,
  replyRequested: boolean,
) => void;

let ids = 0;
function device(
  network: Network,
  userId: string,
  options: {
    own?: OwnAge;
    trusted?: readonly IssuerKeyPair[];
    storage?: Pick<Storage, "getItem" | "setItem">;
    clock?: { now: number };
    transport?: ToDeviceTransport;
  } = {},
): Device {
  const clock = options.clock ?? { now: NOW };
  const exchange = new AgeExchange({
    selfUserId: userId,
    transport: options.transport ?? network.transport(userId),
    trustedIssuers: (options.trusted ?? [issuer]).map(({ keyId, publicKey }) => ({
      keyId,
      publicKey,
    })),
    ownAge: () => options.own ?? UNVERIFIED,
    now: () => clock.now,
    storage: options.storage,
    randomId: () => `probe-${String(++ids)}`,
  });
  const observed: Device["observed"] = [];
  exchange.observe((from, verification) => observed.push({ from, verification }));
  const presentations = vi.fn<PresentationHandler>();
  exchange.handlePresentations(presentations);
  const changes = vi.fn<() => void>();
  exchange.subscribe(changes);
  return { exchange, observed, presentations, changes };
}

/** Waits until `device` has verified (or refused) `count` presentations. */
async function outcomes(target: Device, count: number): Promise<AgeVerification[]> {
  await vi.waitFor(
    () => {
      expect(target.observed.length).toBeGreaterThanOrEqual(count);
    },
    { interval: 5 },
  );
  return target.observed.map((o) => o.verification);
}

function sentOf(network: Network, type: string, to?: string): Sent[] {
  return network.sent.filter((m) => m.type === type && (to === undefined || m.to === to));
}

describe("presenting a band", () => {
  it("lets the recipient verify and remember the band, and tells its subscribers", async () => {
    const network = createNetwork();
    const alexCredentials = await credentials(ALEX, "18+");
    const alex = device(network, ALEX, { own: verified(alexCredentials) });
    const noor = device(network, NOOR);
    const lotte = device(network, LOTTE);

    expect(noor.exchange.verifiedBand(ALEX)).toBeUndefined();
    expect(await alex.exchange.present(NOOR, { reply: false })).toBe("sent");
    const [verification] = await outcomes(noor, 1);

    expect(verification).toMatchObject({ verified: true, band: "18+", reason: "ok" });
    expect(noor.exchange.verifiedBand(ALEX)).toEqual({
      band: "18+",
      validUntil: alexCredentials.attestation.expiresAt * 1000,
    });
    expect(noor.changes).toHaveBeenCalledTimes(1);
    expect(noor.presentations).toHaveBeenCalledWith(ALEX, verification, false);
    // Only the audience got it.
    expect(lotte.observed).toEqual([]);
    expect(lotte.exchange.verifiedBand(ALEX)).toBeUndefined();
    expect(alex.exchange.verifiedBand(NOOR)).toBeUndefined();
  });

  it("passes the reply flag on, and only a literal true asks for a reply", async () => {
    const network = createNetwork();
    const alexCredentials = await credentials(ALEX, "18+");
    const alex = device(network, ALEX, { own: verified(alexCredentials) });
    const noor = device(network, NOOR);
    await alex.exchange.present(NOOR, { reply: true });
    await outcomes(noor, 1);
    expect(noor.presentations).toHaveBeenLastCalledWith(ALEX, expect.anything(), true);

    const presentation = await createPresentation(
      alexCredentials.holder,
      alexCredentials.attestation,
      { audienceUserId: NOOR, now: NOW },
    );
    network.deliver(NOOR, {
      type: AGE_PRESENTATION_TYPE,
      sender: ALEX,
      content: { presentation, reply: "true" },
    });
    await outcomes(noor, 2);
    expect(noor.presentations).toHaveBeenLastCalledWith(ALEX, expect.anything(), false);
  });

  it("has nothing to present without a verified band of its own, and sends nothing", async () => {
    const network = createNetwork();
    const mark = device(network, MALLORY, { own: UNVERIFIED });
    device(network, NOOR);
    expect(await mark.exchange.present(NOOR, { reply: true })).toBe("nothing-to-present");
    expect(network.sent).toEqual([]);
  });

  it("reports a recipient without devices", async () => {
    const network = createNetwork();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    expect(await alex.exchange.present(NOBODY, { reply: false })).toBe("no-devices");
  });

  it("stops telling a listener that unsubscribed", async () => {
    const network = createNetwork();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    const noor = device(network, NOOR);
    const listener = vi.fn();
    const unsubscribe = noor.exchange.subscribe(listener);
    unsubscribe();
    await alex.exchange.present(NOOR, { reply: false });
    await outcomes(noor, 1);
    expect(noor.changes).toHaveBeenCalledTimes(1);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe("presentations that must not verify", () => {
  /** Delivers `content` to Noor as if `sender` sent it and returns the outcome. */
  async function deliverToNoor(
    sender: string,
    content: Record<string, unknown>,
    options: { trusted?: readonly IssuerKeyPair[] } = {},
  ): Promise<{ noor: Device; verification: AgeVerification | undefined }> {
    const network = createNetwork();
    const noor = device(network, NOOR, options);
    network.deliver(NOOR, { type: AGE_PRESENTATION_TYPE, sender, content });
    const [verification] = await outcomes(noor, 1);
    return { noor, verification };
  }

  function expectNothingLearned(noor: Device, ...users: string[]): void {
    for (const user of users) expect(noor.exchange.verifiedBand(user)).toBeUndefined();
    expect(noor.changes).not.toHaveBeenCalled();
  }

  it("refuses a presentation made for someone else", async () => {
    const alex = await credentials(ALEX, "18+");
    const forLotte = await createPresentation(alex.holder, alex.attestation, {
      audienceUserId: LOTTE,
      now: NOW,
    });
    const { noor, verification } = await deliverToNoor(ALEX, { presentation: forLotte });
    expect(verification).toMatchObject({ verified: false, reason: "wrong-audience" });
    expectNothingLearned(noor, ALEX);
    expect(noor.presentations).toHaveBeenCalledWith(ALEX, verification, false);
  });

  it("refuses the same presentation delivered a second time", async () => {
    const network = createNetwork();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "13-15")) });
    const noor = device(network, NOOR);
    await alex.exchange.present(NOOR, { reply: false });
    await outcomes(noor, 1);
    const [first] = sentOf(network, AGE_PRESENTATION_TYPE, NOOR);
    if (first === undefined) throw new Error("nothing was sent");
    network.deliver(NOOR, first);
    const [accepted, replayed] = await outcomes(noor, 2);
    expect(accepted).toMatchObject({ verified: true });
    expect(replayed).toMatchObject({ verified: false, band: "unverified", reason: "replayed" });
    expect(noor.changes).toHaveBeenCalledTimes(1);
  });

  it("refuses a presentation of an expired attestation", async () => {
    const network = createNetwork();
    const expired = await credentials(ALEX, "18+", { issuedAt: NOW - 20 * DAY, validForDays: 10 });
    const alex = device(network, ALEX, { own: verified(expired) });
    const noor = device(network, NOOR);
    expect(await alex.exchange.present(NOOR, { reply: false })).toBe("sent");
    const [verification] = await outcomes(noor, 1);
    expect(verification).toMatchObject({ verified: false, reason: "expired" });
    expectNothingLearned(noor, ALEX);
  });

  it("refuses an attestation from an issuer the recipient does not trust", async () => {
    const network = createNetwork();
    const other = await createIssuerKeyPair();
    const alex = device(network, ALEX, {
      own: verified(await credentials(ALEX, "18+", { by: other })),
    });
    const noor = device(network, NOOR);
    await alex.exchange.present(NOOR, { reply: false });
    const [verification] = await outcomes(noor, 1);
    expect(verification).toMatchObject({ verified: false, reason: "unknown-issuer" });
    expectNothingLearned(noor, ALEX);
  });

  it("refuses another user's attestation (the sender is not the subject)", async () => {
    const network = createNetwork();
    // Mallory got hold of Alex's device keys and attestation.
    const mallory = device(network, MALLORY, {
      own: verified(await credentials(ALEX, "13-15")),
    });
    const noor = device(network, NOOR);
    expect(await mallory.exchange.present(NOOR, { reply: false })).toBe("sent");
    const [verification] = await outcomes(noor, 1);
    expect(verification).toMatchObject({ verified: false, reason: "wrong-subject" });
    expectNothingLearned(noor, ALEX, MALLORY);
  });

  const garbage: [string, Record<string, unknown>][] = [
    ["no presentation", {}],
    ["a string", { presentation: "I am 14, honest" }],
    ["a number", { presentation: 14 }],
    ["null", { presentation: null }],
    ["an empty object", { presentation: {} }],
    ["a band claim", { presentation: { band: "13-15" } }],
  ];
  for (const [name, content] of garbage) {
    it(`refuses garbage content: ${name}`, async () => {
      const { noor, verification } = await deliverToNoor(ALEX, content);
      expect(verification).toMatchObject({ verified: false, reason: "malformed" });
      expectNothingLearned(noor, ALEX);
    });
  }

  it("ignores messages that claim to come from this device's own user", async () => {
    const network = createNetwork();
    const noorCredentials = await credentials(NOOR, "13-15");
    const noor = device(network, NOOR, { own: verified(noorCredentials) });
    const probes = vi.fn(() => ({ protectsMinor: true }));
    noor.exchange.handleProbes(probes);
    const toSelf = await createPresentation(noorCredentials.holder, noorCredentials.attestation, {
      audienceUserId: NOOR,
      now: NOW,
    });
    // A presentation that would verify, and a probe, both "from" Noor herself…
    network.deliver(NOOR, {
      type: AGE_PRESENTATION_TYPE,
      sender: NOOR,
      content: { presentation: toSelf, reply: true },
    });
    network.deliver(NOOR, { type: CONTACT_PROBE_TYPE, sender: NOOR, content: { probe_id: "p" } });
    // …then one from Alex, which is handled.
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    await alex.exchange.present(NOOR, { reply: false });
    await outcomes(noor, 1);
    expect(noor.observed.map((o) => o.from)).toEqual([ALEX]);
    expect(noor.exchange.verifiedBand(NOOR)).toBeUndefined();
    expect(noor.presentations).toHaveBeenCalledTimes(1);
    expect(probes).not.toHaveBeenCalled();
    expect(sentOf(network, CONTACT_ANSWER_TYPE)).toEqual([]);
  });
});

describe("contact probes", () => {
  async function alexAndNoor(noorAnswers?: boolean) {
    const network = createNetwork();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    const noor = device(network, NOOR, { own: verified(await credentials(NOOR, "13-15")) });
    const probes = vi.fn<
      (from: string, verification: AgeVerification | undefined) => { protectsMinor: boolean }
    >(() => ({ protectsMinor: noorAnswers ?? false }));
    if (noorAnswers !== undefined) noor.exchange.handleProbes(probes);
    return { network, alex, noor, probes };
  }

  it('gives "protects-minor" when the recipient\'s handler says so, and discloses no band', async () => {
    const { network, alex, noor, probes } = await alexAndNoor(true);
    const answer = await alex.exchange.probeContact(NOOR, {
      disclose: false,
      timeoutMs: ANSWER_WAIT_MS,
    });
    expect(answer).toBe("protects-minor");
    expect(probes).toHaveBeenCalledWith(ALEX, undefined);
    const answers = sentOf(network, CONTACT_ANSWER_TYPE, ALEX);
    expect(answers).toHaveLength(1);
    expect(Object.keys(answers[0]?.content ?? {}).sort()).toEqual(["probe_id", "protects_minor"]);
    expect(alex.exchange.verifiedBand(NOOR)).toBeUndefined();
    expect(noor.observed).toEqual([]);
  });

  it('gives "open" when the recipient\'s handler does not protect a minor', async () => {
    const { alex } = await alexAndNoor(false);
    expect(await alex.exchange.probeContact(NOOR, { disclose: false, timeoutMs: 5000 })).toBe(
      "open",
    );
  });

  it('gives "open" from a device whose policy registered no handler', async () => {
    const { alex } = await alexAndNoor(undefined);
    expect(await alex.exchange.probeContact(NOOR, { disclose: false, timeoutMs: 5000 })).toBe(
      "open",
    );
  });

  it('gives "no-answer" at once when the user has no devices', async () => {
    const network = createNetwork();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    const answer = await alex.exchange.probeContact(NOBODY, {
      disclose: true,
      timeoutMs: 60_000,
    });
    expect(answer).toBe("no-answer");
  });

  it('gives "no-answer" when the recipient\'s device does not answer in time', async () => {
    const network = createNetwork();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    network.transport(SILENT).onEncrypted(() => undefined);
    const started = performance.now();
    const answer = await alex.exchange.probeContact(SILENT, { disclose: false, timeoutMs: 30 });
    expect(answer).toBe("no-answer");
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(sentOf(network, CONTACT_PROBE_TYPE, SILENT)).toHaveLength(1);
  });

  it('gives "no-answer" when sending the probe fails (the recipient still enforces)', async () => {
    const network = createNetwork();
    const failing: ToDeviceTransport = {
      send: () => Promise.reject(new Error("end-to-end encryption is not running")),
      onEncrypted: network.transport(ALEX).onEncrypted,
    };
    const alex = device(network, ALEX, {
      own: verified(await credentials(ALEX, "18+")),
      transport: failing,
    });
    device(network, NOOR);
    expect(await alex.exchange.probeContact(NOOR, { disclose: true, timeoutMs: 60_000 })).toBe(
      "no-answer",
    );
  });

  it("carries the sender's presentation when disclose is true, verified before the handler runs", async () => {
    const { network, alex, noor, probes } = await alexAndNoor(true);
    let bandWhenAsked: unknown;
    probes.mockImplementation(() => {
      bandWhenAsked = noor.exchange.verifiedBand(ALEX)?.band;
      return { protectsMinor: true };
    });
    await alex.exchange.probeContact(NOOR, { disclose: true, timeoutMs: ANSWER_WAIT_MS });
    expect(sentOf(network, CONTACT_PROBE_TYPE, NOOR)[0]?.content).toHaveProperty("presentation");
    expect(noor.exchange.verifiedBand(ALEX)?.band).toBe("18+");
    expect(bandWhenAsked).toBe("18+");
    expect(probes).toHaveBeenCalledWith(ALEX, expect.objectContaining({ verified: true }));
    expect(noor.changes).toHaveBeenCalledTimes(1);
  });

  it("carries no presentation when disclose is false", async () => {
    const { network, alex, noor } = await alexAndNoor(true);
    await alex.exchange.probeContact(NOOR, { disclose: false, timeoutMs: ANSWER_WAIT_MS });
    expect(sentOf(network, CONTACT_PROBE_TYPE, NOOR)[0]?.content).not.toHaveProperty(
      "presentation",
    );
    expect(noor.exchange.verifiedBand(ALEX)).toBeUndefined();
  });

  it("carries no presentation when the sender has nothing to present", async () => {
    const network = createNetwork();
    const mark = device(network, MALLORY, { own: UNVERIFIED });
    const noor = device(network, NOOR);
    noor.exchange.handleProbes(() => ({ protectsMinor: true }));
    expect(await mark.exchange.probeContact(NOOR, { disclose: true, timeoutMs: 5000 })).toBe(
      "protects-minor",
    );
    expect(sentOf(network, CONTACT_PROBE_TYPE, NOOR)[0]?.content).not.toHaveProperty(
      "presentation",
    );
  });

  it("does not answer a probe with a missing or over-long id", async () => {
    const { network, noor, probes } = await alexAndNoor(true);
    for (const probeId of [undefined, 7, "x".repeat(65)]) {
      network.deliver(NOOR, {
        type: CONTACT_PROBE_TYPE,
        sender: ALEX,
        content: probeId === undefined ? {} : { probe_id: probeId },
      });
    }
    network.deliver(NOOR, { type: CONTACT_PROBE_TYPE, sender: ALEX, content: { probe_id: "ok" } });
    await vi.waitFor(() => {
      expect(sentOf(network, CONTACT_ANSWER_TYPE)).toHaveLength(1);
    });
    expect(probes).toHaveBeenCalledTimes(1);
    expect(sentOf(network, CONTACT_ANSWER_TYPE)[0]?.content["probe_id"]).toBe("ok");
    expect(noor.exchange.verifiedBand(ALEX)).toBeUndefined();
  });

  it("ignores an answer to a probe it never sent", async () => {
    const { network, alex } = await alexAndNoor(true);
    network.transport(SILENT).onEncrypted(() => undefined);
    const pending = alex.exchange.probeContact(SILENT, { disclose: false, timeoutMs: 50 });
    network.deliver(ALEX, {
      type: CONTACT_ANSWER_TYPE,
      sender: SILENT,
      content: { probe_id: "not-mine", protects_minor: true },
    });
    expect(await pending).toBe("no-answer");
  });

  it('resolves pending probes with "no-answer" on stop(), and receives nothing after it', async () => {
    const network = createNetwork();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    network.transport(SILENT).onEncrypted(() => undefined);
    const pending = alex.exchange.probeContact(SILENT, { disclose: false, timeoutMs: 60_000 });
    await vi.waitFor(() => {
      expect(sentOf(network, CONTACT_PROBE_TYPE, SILENT)).toHaveLength(1);
    });
    alex.exchange.stop();
    expect(await pending).toBe("no-answer");
    const noor = device(network, NOOR, { own: verified(await credentials(NOOR, "13-15")) });
    expect(await noor.exchange.present(ALEX, { reply: false })).toBe("no-devices");
  });
});

describe("persistence across reloads", () => {
  async function noorReceivesFromAlex(options: { validForDays?: number } = {}) {
    const network = createNetwork();
    const storage = memoryStorage();
    const clock = { now: NOW };
    const alexCredentials = await credentials(ALEX, "18+", options);
    const alex = device(network, ALEX, { own: verified(alexCredentials), clock });
    const noor = device(network, NOOR, { storage, clock });
    await alex.exchange.present(NOOR, { reply: false });
    await outcomes(noor, 1);
    const [message] = sentOf(network, AGE_PRESENTATION_TYPE, NOOR);
    if (message === undefined) throw new Error("nothing was sent");
    noor.exchange.stop();
    return { network, storage, clock, alexCredentials, message };
  }

  it("remembers verified bands and keeps no presentation, attestation or key", async () => {
    const { network, storage, clock, alexCredentials } = await noorReceivesFromAlex();
    const reloaded = device(network, NOOR, { storage, clock });
    expect(reloaded.exchange.verifiedBand(ALEX)).toEqual({
      band: "18+",
      validUntil: alexCredentials.attestation.expiresAt * 1000,
    });
    const text = [...storage.items.values()].join("\n");
    expect(text).not.toContain(alexCredentials.attestation.id);
    expect(text).not.toContain(alexCredentials.holder.publicKey);
    expect(text).not.toContain(alexCredentials.attestation.signature);
  });

  it("still refuses a replay after a reload", async () => {
    const { network, storage, clock, message } = await noorReceivesFromAlex();
    const reloaded = device(network, NOOR, { storage, clock });
    network.deliver(NOOR, message);
    const [verification] = await outcomes(reloaded, 1);
    expect(verification).toMatchObject({ verified: false, reason: "replayed" });
    expect(reloaded.changes).not.toHaveBeenCalled();
  });

  it("keeps nothing without storage (memory only)", async () => {
    const { network, clock } = await noorReceivesFromAlex();
    const fresh = device(network, NOOR, { clock });
    expect(fresh.exchange.verifiedBand(ALEX)).toBeUndefined();
  });

  it("forgets a band when its attestation expires, also after a reload", async () => {
    const { network, storage, clock, alexCredentials } = await noorReceivesFromAlex({
      validForDays: 10,
    });
    const validUntil = alexCredentials.attestation.expiresAt * 1000;
    const reloaded = device(network, NOOR, { storage, clock });
    clock.now = validUntil - 1;
    expect(reloaded.exchange.verifiedBand(ALEX)?.band).toBe("18+");
    clock.now = validUntil;
    expect(reloaded.exchange.verifiedBand(ALEX)).toBeUndefined();
    expect(device(network, NOOR, { storage, clock }).exchange.verifiedBand(ALEX)).toBeUndefined();
  });

  it("starts empty from corrupted storage and still works", async () => {
    for (const text of [
      "not json",
      "null",
      JSON.stringify({ bands: { [ALEX]: { band: "21+", validUntil: NOW + DAY } }, nonces: "x" }),
      JSON.stringify({ bands: { [ALEX]: { band: "18+", validUntil: "later" } } }),
    ]) {
      const network = createNetwork();
      const storage = memoryStorage();
      storage.setItem(`sbd.age-peers.${NOOR}`, text);
      const noor = device(network, NOOR, { storage });
      expect(noor.exchange.verifiedBand(ALEX)).toBeUndefined();
      const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
      await alex.exchange.present(NOOR, { reply: false });
      const [verification] = await outcomes(noor, 1);
      expect(verification).toMatchObject({ verified: true });
      expect(device(network, NOOR, { storage }).exchange.verifiedBand(ALEX)?.band).toBe("18+");
    }
  });
});

describe("discovery probes (someone came up in a search)", () => {
  it("are answered only when the policy says so, with a presentation verified first", async () => {
    const network = createNetwork();
    const noor = device(network, NOOR, { own: verified(await credentials(NOOR, "13-15")) });
    const lotte = device(network, LOTTE, { own: verified(await credentials(LOTTE, "16-17")) });
    let answer = false;
    const asked = vi.fn(() => ({ answer, disclose: true }));
    lotte.exchange.handleDiscoveryProbes(asked);

    const quick = { disclose: false, timeoutMs: 50 };
    expect(await noor.exchange.probeDiscovery(LOTTE, quick)).toBe("no-answer");
    expect(asked).toHaveBeenCalledWith(NOOR);
    expect(sentOf(network, DISCOVERY_ANSWER_TYPE)).toEqual([]);
    expect(noor.exchange.verifiedBand(LOTTE)).toBeUndefined();

    answer = true;
    const patient = { disclose: false, timeoutMs: ANSWER_WAIT_MS };
    expect(await noor.exchange.probeDiscovery(LOTTE, patient)).toEqual({ findableByPeers: true });
    expect(noor.exchange.verifiedBand(LOTTE)?.band).toBe("16-17");
    // Without `disclose` the probe tells the searched person nothing about the searcher's band.
    expect(Object.keys(sentOf(network, DISCOVERY_PROBE_TYPE, LOTTE)[0]?.content ?? {})).toEqual([
      "probe_id",
    ]);
  });

  it("carry the searcher's band when it discloses, verified before the searched device decides", async () => {
    const network = createNetwork();
    const noor = device(network, NOOR, { own: verified(await credentials(NOOR, "13-15")) });
    const lotte = device(network, LOTTE, { own: verified(await credentials(LOTTE, "16-17")) });
    const bandWhenAsked: (string | undefined)[] = [];
    lotte.exchange.handleDiscoveryProbes((from) => {
      bandWhenAsked.push(lotte.exchange.verifiedBand(from)?.band);
      return { answer: true, disclose: true };
    });
    const options = { disclose: true, timeoutMs: ANSWER_WAIT_MS };
    expect(await noor.exchange.probeDiscovery(LOTTE, options)).toEqual({ findableByPeers: true });
    expect(bandWhenAsked).toEqual(["13-15"]);
    expect(noor.exchange.verifiedBand(LOTTE)?.band).toBe("16-17");
  });

  it("answer without a band when the searched device's disclosure withholds it", async () => {
    const network = createNetwork();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    const lotte = device(network, LOTTE, { own: verified(await credentials(LOTTE, "16-17")) });
    lotte.exchange.handleDiscoveryProbes(() => ({ answer: true, disclose: false }));
    const options = { disclose: true, timeoutMs: ANSWER_WAIT_MS };
    expect(await alex.exchange.probeDiscovery(LOTTE, options)).toEqual({ findableByPeers: true });
    expect(alex.exchange.verifiedBand(LOTTE)).toBeUndefined();
    expect(Object.keys(sentOf(network, DISCOVERY_ANSWER_TYPE, ALEX)[0]?.content ?? {})).toEqual([
      "probe_id",
      "findable_by_peers",
    ]);
  });

  it('give "no-answer" for a user without devices and on stop()', async () => {
    const network = createNetwork();
    const noor = device(network, NOOR);
    const options = { disclose: false, timeoutMs: 60_000 };
    expect(await noor.exchange.probeDiscovery(NOBODY, options)).toBe("no-answer");
    network.transport(SILENT).onEncrypted(() => undefined);
    const pending = noor.exchange.probeDiscovery(SILENT, options);
    await vi.waitFor(() => {
      expect(sentOf(network, DISCOVERY_PROBE_TYPE, SILENT)).toHaveLength(1);
    });
    noor.exchange.stop();
    expect(await pending).toBe("no-answer");
  });

  it("ignore an answer nobody asked for, and its presentation", async () => {
    const network = createNetwork();
    const noor = device(network, NOOR);
    const lotte = await credentials(LOTTE, "16-17");
    const presentation = await createPresentation(lotte.holder, lotte.attestation, {
      audienceUserId: NOOR,
      now: NOW,
    });
    network.deliver(NOOR, {
      type: DISCOVERY_ANSWER_TYPE,
      sender: LOTTE,
      content: { probe_id: "never-sent", findable_by_peers: true, presentation },
    });
    // A presentation that is handled afterwards shows the stray answer was processed first.
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    await alex.exchange.present(NOOR, { reply: false });
    await outcomes(noor, 1);
    expect(noor.observed.map((o) => o.from)).toEqual([ALEX]);
    expect(noor.exchange.verifiedBand(LOTTE)).toBeUndefined();
  });
});

describe("probe answers are rate-limited per sender (5 at once, then 1 per 10 s)", () => {
  /** Lets every message already delivered be handled, including verification. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  async function protectedNoor(clock = { now: NOW }) {
    const network = createNetwork();
    const noor = device(network, NOOR, { own: verified(await credentials(NOOR, "13-15")), clock });
    const asked = vi.fn(() => ({ protectsMinor: true }));
    noor.exchange.handleProbes(asked);
    const flood = (sender: string, count: number, content: Record<string, unknown> = {}) => {
      for (let i = 0; i < count; i++) {
        network.deliver(NOOR, {
          type: CONTACT_PROBE_TYPE,
          sender,
          content: { probe_id: `${sender}-${String(i)}-${String(clock.now)}`, ...content },
        });
      }
    };
    return { network, noor, asked, flood, clock };
  }

  it("answers 5 of a burst of 40 contact probes from one sender, then one more per 10 s", async () => {
    const { network, asked, flood, clock } = await protectedNoor();
    flood(MALLORY, 40);
    await settle();
    expect(sentOf(network, CONTACT_ANSWER_TYPE, MALLORY)).toHaveLength(5);
    expect(asked).toHaveBeenCalledTimes(5);

    clock.now += 9_000;
    flood(MALLORY, 3);
    await settle();
    expect(sentOf(network, CONTACT_ANSWER_TYPE, MALLORY)).toHaveLength(5);
    clock.now += 1_000;
    flood(MALLORY, 3);
    await settle();
    expect(sentOf(network, CONTACT_ANSWER_TYPE, MALLORY)).toHaveLength(6);
  });

  it("keeps each sender's budget apart: a flood does not silence the device for others", async () => {
    const { network, flood } = await protectedNoor();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    flood(MALLORY, 40);
    expect(
      await alex.exchange.probeContact(NOOR, { disclose: true, timeoutMs: ANSWER_WAIT_MS }),
    ).toBe("protects-minor");
    await settle();
    expect(sentOf(network, CONTACT_ANSWER_TYPE, MALLORY)).toHaveLength(5);
  });

  it("drops probes beyond the budget before verifying their presentations", async () => {
    const { noor, flood } = await protectedNoor();
    flood(MALLORY, 40, { presentation: { band: "13-15" } });
    await settle();
    expect(noor.observed.filter((o) => o.from === MALLORY)).toHaveLength(5);
  });

  it("counts discovery answers in the same budget", async () => {
    const { network, noor, flood } = await protectedNoor();
    noor.exchange.handleDiscoveryProbes(() => ({ answer: true, disclose: false }));
    flood(MALLORY, 3);
    for (let i = 0; i < 10; i++) {
      network.deliver(NOOR, {
        type: DISCOVERY_PROBE_TYPE,
        sender: MALLORY,
        content: { probe_id: `search-${String(i)}` },
      });
    }
    await settle();
    expect(sentOf(network, CONTACT_ANSWER_TYPE, MALLORY)).toHaveLength(3);
    expect(sentOf(network, DISCOVERY_ANSWER_TYPE, MALLORY)).toHaveLength(2);
  });

  it('gives a sender over its budget "no-answer", as from an offline device', async () => {
    const { network } = await protectedNoor();
    const alex = device(network, ALEX, { own: verified(await credentials(ALEX, "18+")) });
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push(await alex.exchange.probeContact(NOOR, { disclose: false, timeoutMs: 50 }));
    }
    expect(answers).toEqual([...Array<string>(5).fill("protects-minor"), "no-answer"]);
  });
});
