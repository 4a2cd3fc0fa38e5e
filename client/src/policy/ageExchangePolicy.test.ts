import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { ContactSummary } from "../matrix/sessionTypes.ts";
import { ageFactsFromVerified } from "./ageFacts.ts";
import {
  applyAgeExchangePolicy,
  type AgeExchangePort,
  type ContactsSource,
} from "./ageExchangePolicy.ts";
import { discoveryProbeResponder } from "./discovery.ts";
import { createPolicyGateway } from "./policyGateway.ts";

const ALEX = "@alex:localhost";
const BOB = "@bob:localhost";
const NOOR = "@noor:localhost";
const LOTTE = "@lotte:localhost";
const SAM = "@sam:localhost";
const MARK = "@mark:localhost";
const STRANGER = "@stranger:localhost";
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const FAILED_MESSAGE = "presenting the age band failed";

const band = (ageBand: PersonFacts["ageBand"]): PersonFacts => ({ ageBand, ageVerified: true });

type PresentationHandler = Parameters<AgeExchangePort["handlePresentations"]>[0];
type ProbeHandler = Parameters<AgeExchangePort["handleProbes"]>[0];
type DiscoveryProbeHandler = Parameters<AgeExchangePort["handleDiscoveryProbes"]>[0];

/** The age exchange as the policy sees it; the test plays the network. */
function fakeExchange(verified: ReadonlyMap<string, PersonFacts>) {
  let onPresentation: PresentationHandler | undefined;
  let onProbe: ProbeHandler | undefined;
  let onDiscoveryProbe: DiscoveryProbeHandler | undefined;
  const present = vi.fn<AgeExchangePort["present"]>(() => Promise.resolve("sent"));
  const port: AgeExchangePort = {
    // The exchange knows a band for someone exactly when the facts do.
    verifiedBand: (userId) => verified.get(userId),
    present,
    handlePresentations: (handler) => {
      onPresentation = handler;
    },
    handleProbes: (handler) => {
      onProbe = handler;
    },
    handleDiscoveryProbes: (handler) => {
      onDiscoveryProbe = handler;
    },
  };
  return {
    port,
    present,
    presentationArrives(from: string, replyRequested: boolean): void {
      if (onPresentation === undefined) throw new Error("no presentation handler registered");
      onPresentation(from, { verified: false, band: "unverified" }, replyRequested);
    },
    probeArrives(from: string): boolean {
      if (onProbe === undefined) throw new Error("no probe handler registered");
      return onProbe(from).protectsMinor;
    },
    searchProbeArrives(from: string): { answer: boolean; disclose: boolean } {
      if (onDiscoveryProbe === undefined) throw new Error("no discovery probe handler registered");
      const { answer, disclose } = onDiscoveryProbe(from);
      return { answer, disclose };
    },
  };
}

function contactList(initial: readonly string[]) {
  const contacts: ContactSummary[] = [];
  const listeners = new Set<() => void>();
  const settings = { findableByPeers: false, suggestedToPeers: false };
  const set = (userIds: readonly string[]): void => {
    contacts.splice(
      0,
      contacts.length,
      ...userIds.map((userId) => ({ userId, displayName: undefined, roomId: `!dm-${userId}` })),
    );
  };
  set(initial);
  const source: ContactsSource = {
    contacts: () => contacts,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    contacts,
    source,
    settings,
    listeners,
    /** The contact list changed (a sync): the source tells its listeners. */
    change(userIds: readonly string[]): void {
      set(userIds);
      for (const listener of listeners) listener();
    },
  };
}

/**
 * The device of `self` (whose own band is in `bands`, if any) with a real
 * gateway on the real engine; `bands` is also what the device has verified
 * about others, and a test may add to it.
 */
function setup(
  self: string,
  options: {
    bands?: readonly (readonly [string, PersonFacts])[];
    contacts?: readonly string[];
    pack?: "nl-default" | "baseline";
  } = {},
) {
  const verified = new Map<string, PersonFacts>(options.bands ?? []);
  const contacts = contactList(options.contacts ?? []);
  const engine = createPolicyEngine(loadBundledPack(options.pack ?? "nl-default"));
  const ages = ageFactsFromVerified(self, verified);
  const gateway = createPolicyGateway({
    engine,
    clock: () => NOW,
    ages,
    relationships: {
      userId: self,
      serverName: "localhost",
      contacts: () => contacts.contacts,
      sharedRoomCount: (userId) =>
        contacts.contacts.some((contact) => contact.userId === userId) ? 1 : 0,
    },
    helpServiceNames: [],
  });
  const exchange = fakeExchange(verified);
  const failed = vi.fn<(message: string, error: unknown) => void>();
  const answerDiscoveryProbe = discoveryProbeResponder({
    engine,
    clock: () => NOW,
    ages,
    isContact: (userId) => contacts.contacts.some((contact) => contact.userId === userId),
    settings: {
      discoverySettings: () => contacts.settings,
      setDiscoverySettings: () => Promise.reject(new Error("not in this test")),
      ownDisplayName: () => Promise.resolve(undefined),
    },
    disclosure: (userId) => gateway.disclosure(userId),
  });
  const start = (): (() => void) =>
    applyAgeExchangePolicy(exchange.port, contacts.source, gateway, {
      clock: () => NOW,
      failed,
      answerDiscoveryProbe,
    });
  return { verified, contacts, gateway, exchange, failed, start };
}

/** Lets promise callbacks (a rejected present()) run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("replying to a presentation", () => {
  it("an adult presents back when asked, once, and never when not asked", async () => {
    const { exchange, start } = setup(ALEX, { bands: [[ALEX, band("18+")]] });
    start();
    exchange.presentationArrives(NOOR, false);
    expect(exchange.present).not.toHaveBeenCalled();
    exchange.presentationArrives(NOOR, true);
    expect(exchange.present).toHaveBeenCalledExactlyOnceWith(NOOR, { reply: false });
    // Asked again in the same session: already shown.
    exchange.presentationArrives(NOOR, true);
    await settle();
    expect(exchange.present).toHaveBeenCalledTimes(1);
  });

  it("a 13-15 does not present back to an adult or unverified stranger", () => {
    const { exchange, start } = setup(NOOR, {
      bands: [
        [NOOR, band("13-15")],
        [ALEX, band("18+")],
      ],
    });
    start();
    exchange.presentationArrives(ALEX, true);
    exchange.presentationArrives(STRANGER, true);
    expect(exchange.present).not.toHaveBeenCalled();
  });

  it("a 13-15 presents back to a verified peer who asks", () => {
    const { exchange, start } = setup(NOOR, {
      bands: [
        [NOOR, band("13-15")],
        [LOTTE, band("13-15")],
      ],
    });
    start();
    exchange.presentationArrives(LOTTE, true);
    expect(exchange.present).toHaveBeenCalledExactlyOnceWith(LOTTE, { reply: false });
  });

  it("a device without a verified band never presents", () => {
    const { exchange, start } = setup(MARK, { contacts: [ALEX] });
    start();
    exchange.presentationArrives(NOOR, true);
    exchange.presentationArrives(ALEX, true);
    expect(exchange.present).not.toHaveBeenCalled();
  });

  it("the baseline control arm never presents", () => {
    const { exchange, start } = setup(ALEX, {
      bands: [[ALEX, band("18+")]],
      contacts: [BOB],
      pack: "baseline",
    });
    start();
    exchange.presentationArrives(NOOR, true);
    expect(exchange.present).not.toHaveBeenCalled();
  });
});

describe("presenting to contacts", () => {
  it("presents once per session to contacts whose band is unknown, asking for theirs", async () => {
    const { exchange, contacts, start } = setup(ALEX, {
      bands: [
        [ALEX, band("18+")],
        [BOB, band("18+")],
      ],
      contacts: [BOB, LOTTE],
    });
    start();
    expect(exchange.present.mock.calls).toEqual([[LOTTE, { reply: true }]]);
    contacts.change([BOB, LOTTE]);
    await settle();
    expect(exchange.present).toHaveBeenCalledTimes(1);
    contacts.change([BOB, LOTTE, STRANGER]);
    expect(exchange.present.mock.calls).toEqual([
      [LOTTE, { reply: true }],
      [STRANGER, { reply: true }],
    ]);
  });

  it("a 13-15 shows its band to contacts, also adult ones (a parent)", () => {
    const { exchange, start } = setup(NOOR, {
      bands: [[NOOR, band("13-15")]],
      contacts: [ALEX],
    });
    start();
    expect(exchange.present).toHaveBeenCalledExactlyOnceWith(ALEX, { reply: true });
  });

  it("does not present to a contact whose band it learned meanwhile", () => {
    const { exchange, contacts, verified, start } = setup(ALEX, {
      bands: [[ALEX, band("18+")]],
    });
    start();
    verified.set(LOTTE, band("13-15"));
    contacts.change([LOTTE]);
    expect(exchange.present).not.toHaveBeenCalled();
  });

  it("reports a failed send and presents again at the next change", async () => {
    const { exchange, contacts, failed, start } = setup(ALEX, {
      bands: [[ALEX, band("18+")]],
      contacts: [LOTTE],
    });
    const error = new Error("end-to-end encryption is not running");
    exchange.present.mockRejectedValueOnce(error);
    start();
    await settle();
    expect(failed).toHaveBeenCalledExactlyOnceWith(FAILED_MESSAGE, error);
    contacts.change([LOTTE]);
    await settle();
    expect(exchange.present).toHaveBeenCalledTimes(2);
    // That one went out: no third time.
    contacts.change([LOTTE]);
    await settle();
    expect(exchange.present).toHaveBeenCalledTimes(2);
    expect(failed).toHaveBeenCalledTimes(1);
  });

  it("stops following the contact list when stopped", () => {
    const { exchange, contacts, start } = setup(ALEX, { bands: [[ALEX, band("18+")]] });
    const stop = start();
    expect(contacts.listeners.size).toBe(1);
    stop();
    expect(contacts.listeners.size).toBe(0);
    contacts.change([LOTTE]);
    expect(exchange.present).not.toHaveBeenCalled();
  });
});

describe("answering search probes (the engine's discovery and disclosure decisions)", () => {
  const silent = { answer: false, disclose: false };

  it("answers a verified peer only while the device user has opted in, with the band", () => {
    const { exchange, contacts, start } = setup(NOOR, {
      bands: [
        [NOOR, band("13-15")],
        [LOTTE, band("16-17")],
      ],
    });
    start();
    expect(exchange.searchProbeArrives(LOTTE)).toEqual(silent);
    contacts.settings.findableByPeers = true;
    expect(exchange.searchProbeArrives(LOTTE)).toEqual({ answer: true, disclose: true });
    contacts.settings.findableByPeers = false;
    expect(exchange.searchProbeArrives(LOTTE)).toEqual(silent);
    // The answer's presentation is the exchange's business; the policy presents nothing itself.
    expect(exchange.present).not.toHaveBeenCalled();
  });

  it("an opted-in 13-15 never answers an adult, an unverified account or an unknown 8-12", () => {
    const { exchange, contacts, start } = setup(NOOR, {
      bands: [
        [NOOR, band("13-15")],
        [ALEX, band("18+")],
        [SAM, band("8-12")],
      ],
    });
    contacts.settings.findableByPeers = true;
    start();
    for (const searcher of [ALEX, MARK, STRANGER, SAM]) {
      expect({ searcher, ...exchange.searchProbeArrives(searcher) }).toEqual({
        searcher,
        ...silent,
      });
    }
  });

  it("an opted-in adult answers an adult and an unverified account, showing the band", () => {
    const { exchange, contacts, start } = setup(BOB, {
      bands: [
        [BOB, band("18+")],
        [ALEX, band("18+")],
        [NOOR, band("13-15")],
      ],
    });
    contacts.settings.findableByPeers = true;
    start();
    expect(exchange.searchProbeArrives(ALEX)).toEqual({ answer: true, disclose: true });
    expect(exchange.searchProbeArrives(MARK)).toEqual({ answer: true, disclose: true });
    // A minor's engine hides adults in search: an adult never answers one.
    expect(exchange.searchProbeArrives(NOOR)).toEqual(silent);
  });
});

describe("answering contact probes with the engine's protectsMinor", () => {
  it("a 13-15 device protects its user from adult and unverified strangers", () => {
    const { exchange, start } = setup(NOOR, {
      bands: [
        [NOOR, band("13-15")],
        [ALEX, band("18+")],
      ],
    });
    start();
    expect(exchange.probeArrives(ALEX)).toBe(true);
    expect(exchange.probeArrives(STRANGER)).toBe(true);
  });

  it("a 13-15 device answers false for a contact", () => {
    const { exchange, start } = setup(NOOR, {
      bands: [
        [NOOR, band("13-15")],
        [ALEX, band("18+")],
      ],
      contacts: [ALEX],
    });
    start();
    expect(exchange.probeArrives(ALEX)).toBe(false);
  });

  it("an 8-12 device protects its user from anyone unknown", () => {
    const { exchange, start } = setup(SAM, { bands: [[SAM, band("8-12")]] });
    start();
    expect(exchange.probeArrives(STRANGER)).toBe(true);
  });

  it("an adult device, and one without a verified band, answer false", () => {
    for (const self of [ALEX, MARK]) {
      const { exchange, start } = setup(self, { bands: [[ALEX, band("18+")]] });
      start();
      expect(exchange.probeArrives(STRANGER)).toBe(false);
      expect(exchange.probeArrives(NOOR)).toBe(false);
    }
  });

  it("a 13-15 device under the baseline control arm answers false", () => {
    const { exchange, start } = setup(NOOR, {
      bands: [
        [NOOR, band("13-15")],
        [ALEX, band("18+")],
      ],
      pack: "baseline",
    });
    start();
    expect(exchange.probeArrives(ALEX)).toBe(false);
  });

  it("answering a probe presents nothing", () => {
    const { exchange, start } = setup(NOOR, { bands: [[NOOR, band("13-15")]] });
    start();
    exchange.probeArrives(STRANGER);
    expect(exchange.present).not.toHaveBeenCalled();
  });
});
