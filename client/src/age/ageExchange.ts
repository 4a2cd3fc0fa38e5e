// Services layer, age exchange: presentations between devices. Everything
// (Over 400 lines: both sides of one exchange (ask, answer, verify, rate limits) are read together when checking it.)
// travels as Olm-encrypted to-device messages (the Matrix layer implements
// the ToDeviceTransport port), never in invites, room state or profiles, so
// the homeserver sees only that a few hundred encrypted bytes went from one
// device to another (docs/age-assurance.md, "Carriage"; the message formats
// are the protocol's, docs/protocol.md, "To-device messages").
//
//   org.safety-by-design.age_presentation  { presentation, reply }
//       "this is my band, for you": verified on arrival; `reply` asks the
//       recipient to present back if its own policy allows.
//   org.safety-by-design.contact_probe     { probe_id, presentation? }
//       "I am about to start a chat with you" (with the sender's presentation
//       when the sender's policy discloses it).
//   org.safety-by-design.contact_answer    { probe_id, protects_minor }
//       the recipient device's answer: would it hold such a contact aside to
//       protect a minor? No band is disclosed.
//   org.safety-by-design.discovery_probe   { probe_id, presentation? }
//       "you came up in my search" (with the searcher's presentation when the
//       searcher's policy discloses it): only a device whose user opted in,
//       and whose own engine lets this searcher find them, answers, with
//   org.safety-by-design.discovery_answer  { probe_id, findable_by_peers, presentation? }
//       its presentation for the searcher when its disclosure decision allows,
//       so the searcher's engine judges a verified band. Silence means "not
//       findable".
//
// This module only carries and verifies. What to disclose, and how to answer
// a probe, are policy decisions: the policy layer registers the handlers.
// How often it answers one sender is protocol hygiene, decided here: probes
// beyond a per-sender budget (probeAnswerLimit.ts) are dropped unanswered,
// before any presentation in them is verified.

import {
  AGE_PRESENTATION_TYPE,
  CONTACT_ANSWER_TYPE,
  CONTACT_PROBE_TYPE,
  DISCOVERY_ANSWER_TYPE,
  DISCOVERY_PROBE_TYPE,
  MAX_PROBE_ID_CHARS,
  createMemoryReplayCache,
  createPresentation,
  verifyPresentation,
  type AgePresentation,
  type AgePresentationContent,
  type AgeVerification,
  type ContactAnswerContent,
  type ContactProbeContent,
  type DiscoveryAnswerContent,
  type DiscoveryProbeContent,
  type ReplayCacheEntry,
  type TrustedIssuer,
} from "@safety-by-design/protocol";
import {
  DEFAULT_PROBE_ANSWER_LIMIT,
  ProbeAnswerBudget,
  type ProbeAnswerLimit,
} from "./probeAnswerLimit.ts";
import type { OwnAge } from "./wallet.ts";

/** A searched person's device answered: findable, with a band that verified (or not). */
export type DiscoveryAnswer = { readonly findableByPeers: boolean } | "no-answer";

/** What the Matrix layer gives this module: encrypted to-device messages only. */
export type ToDeviceTransport = {
  /** Encrypts `content` for every device of `userId` and sends it; resolves with how many. */
  send(userId: string, type: string, content: Record<string, unknown>): Promise<number>;
  /**
   * Calls `handler` with each to-device message that arrived Olm-encrypted;
   * `sender` is the Matrix user the decryption authenticated. Plaintext
   * to-device messages are never passed on.
   */
  onEncrypted(
    handler: (message: {
      readonly type: string;
      readonly sender: string;
      readonly content: Record<string, unknown>;
    }) => void,
  ): () => void;
};

export type VerifiedPeerBand = {
  readonly band: Extract<AgeVerification, { verified: true }>["band"];
  /** ms since the epoch: after this the band is forgotten. */
  readonly validUntil: number;
};

export type ProbeAnswer = "protects-minor" | "open" | "no-answer";

export type AgeExchangeDependencies = {
  readonly selfUserId: string;
  readonly transport: ToDeviceTransport;
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** This device's own credentials (from the wallet). */
  readonly ownAge: () => OwnAge;
  readonly now: () => number;
  /** Persists verified bands and the replay cache across reloads; absent: memory only. */
  readonly storage?: Pick<Storage, "getItem" | "setItem"> | undefined;
  readonly randomId: () => string;
  /** Contact and discovery probes answered per sender (on `now`); default DEFAULT_PROBE_ANSWER_LIMIT. */
  readonly probeAnswerLimit?: ProbeAnswerLimit | undefined;
};

type PresentationHandler = (
  from: string,
  verification: AgeVerification,
  replyRequested: boolean,
) => void;
type ProbeHandler = (
  from: string,
  verification: AgeVerification | undefined,
) => { readonly protectsMinor: boolean };

/** Called after the searcher's presentation (if any) was verified, so its band is known. */
type DiscoveryProbeHandler = (from: string) => {
  readonly answer: boolean;
  readonly disclose: boolean;
};

type Persisted = {
  readonly bands: Record<string, VerifiedPeerBand>;
  readonly nonces: readonly ReplayCacheEntry[];
};

export class AgeExchange {
  readonly #deps: AgeExchangeDependencies;
  readonly #bands = new Map<string, VerifiedPeerBand>();
  readonly #replayCache;
  readonly #listeners = new Set<() => void>();
  readonly #observers = new Set<(from: string, verification: AgeVerification) => void>();
  readonly #pendingProbes = new Map<string, (answer: ProbeAnswer) => void>();
  readonly #pendingDiscovery = new Map<string, (answer: DiscoveryAnswer) => void>();
  readonly #answerBudget: ProbeAnswerBudget;
  #onDiscoveryProbe: DiscoveryProbeHandler = () => ({ answer: false, disclose: false });
  #onPresentation: PresentationHandler = () => undefined;
  #onProbe: ProbeHandler = () => ({ protectsMinor: false });
  readonly #stopReceiving: () => void;

  constructor(deps: AgeExchangeDependencies) {
    this.#deps = deps;
    this.#answerBudget = new ProbeAnswerBudget(
      deps.probeAnswerLimit ?? DEFAULT_PROBE_ANSWER_LIMIT,
      deps.now,
    );
    const persisted = this.#readPersisted();
    for (const [userId, band] of Object.entries(persisted.bands)) this.#bands.set(userId, band);
    this.#replayCache = createMemoryReplayCache({ entries: persisted.nonces });
    this.#stopReceiving = deps.transport.onEncrypted((message) => {
      void this.#receive(message.type, message.sender, message.content);
    });
  }

  stop(): void {
    this.#stopReceiving();
    for (const resolve of this.#pendingProbes.values()) resolve("no-answer");
    this.#pendingProbes.clear();
    for (const resolve of this.#pendingDiscovery.values()) resolve("no-answer");
    this.#pendingDiscovery.clear();
  }

  /** What this device has verified about `userId`'s band, while it is valid. */
  verifiedBand(userId: string): VerifiedPeerBand | undefined {
    const known = this.#bands.get(userId);
    if (known === undefined) return undefined;
    if (known.validUntil <= this.#deps.now()) {
      this.#bands.delete(userId);
      return undefined;
    }
    return known;
  }

  /** Called when a verified band arrives or expires. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Every verification outcome, accepted or not, with its reason (for tests,
   * diagnostics and a study log of reasons; never the presentation itself).
   */
  observe(observer: (from: string, verification: AgeVerification) => void): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  /** The policy layer decides whether to present back. */
  handlePresentations(handler: PresentationHandler): void {
    this.#onPresentation = handler;
  }

  /** The policy layer decides how this device answers contact probes. */
  handleProbes(handler: ProbeHandler): void {
    this.#onProbe = handler;
  }

  /** The policy layer decides whether this device answers a search, and whether with its band. */
  handleDiscoveryProbes(handler: DiscoveryProbeHandler): void {
    this.#onDiscoveryProbe = handler;
  }

  /**
   * Asks the devices of someone who came up in a search whether they want to
   * be found, with this device's presentation when `disclose`; an answer
   * carries their presentation, verified before this resolves. Silence (not
   * opted in, not for this searcher, or offline) gives "no-answer".
   */
  async probeDiscovery(
    userId: string,
    options: { readonly disclose: boolean; readonly timeoutMs: number },
  ): Promise<DiscoveryAnswer> {
    const { timeoutMs } = options;
    const probeId = this.#deps.randomId();
    const answered = new Promise<DiscoveryAnswer>((resolve) => {
      this.#pendingDiscovery.set(probeId, resolve);
    });
    let devices: number;
    try {
      const presentation = options.disclose ? await this.#presentationFor(userId) : undefined;
      devices = await this.#deps.transport.send(userId, DISCOVERY_PROBE_TYPE, {
        probe_id: probeId,
        ...(presentation === undefined ? {} : { presentation }),
      } satisfies DiscoveryProbeContent);
    } catch {
      // Not reachable: treated as silence, so the person is simply not shown.
      devices = 0;
    }
    if (devices === 0) {
      this.#pendingDiscovery.delete(probeId);
      return "no-answer";
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<DiscoveryAnswer>((resolve) => {
      timer = setTimeout(() => {
        resolve("no-answer");
      }, timeoutMs);
    });
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
      this.#pendingDiscovery.delete(probeId);
    }
  }

  /** Presents this device's band to `userId` (only call it when the disclosure decision allows). */
  async present(
    userId: string,
    options: { readonly reply: boolean },
  ): Promise<"sent" | "nothing-to-present" | "no-devices"> {
    const presentation = await this.#presentationFor(userId);
    if (presentation === undefined) return "nothing-to-present";
    const devices = await this.#deps.transport.send(userId, AGE_PRESENTATION_TYPE, {
      presentation,
      reply: options.reply,
    } satisfies AgePresentationContent);
    return devices === 0 ? "no-devices" : "sent";
  }

  /**
   * Tells `userId`'s devices that a chat is about to start, with this
   * device's presentation when `disclose`, and waits up to `timeoutMs` for
   * the first answer. A recipient that is offline gives "no-answer"; its
   * device still enforces when it sees the invite.
   */
  async probeContact(
    userId: string,
    options: { readonly disclose: boolean; readonly timeoutMs: number },
  ): Promise<ProbeAnswer> {
    const probeId = this.#deps.randomId();
    const answered = new Promise<ProbeAnswer>((resolve) => {
      this.#pendingProbes.set(probeId, resolve);
    });
    let devices: number;
    try {
      const presentation = options.disclose ? await this.#presentationFor(userId) : undefined;
      devices = await this.#deps.transport.send(userId, CONTACT_PROBE_TYPE, {
        probe_id: probeId,
        ...(presentation === undefined ? {} : { presentation }),
      } satisfies ContactProbeContent);
    } catch {
      // Like an offline recipient: the sender goes ahead, the recipient's device still enforces.
      devices = 0;
    }
    if (devices === 0) {
      this.#pendingProbes.delete(probeId);
      return "no-answer";
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<ProbeAnswer>((resolve) => {
      timer = setTimeout(() => {
        resolve("no-answer");
      }, options.timeoutMs);
    });
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
      this.#pendingProbes.delete(probeId);
    }
  }

  async #presentationFor(userId: string): Promise<AgePresentation | undefined> {
    const own = this.#deps.ownAge();
    if (own.status !== "verified") return undefined;
    return createPresentation(own.credentials.holder, own.credentials.attestation, {
      audienceUserId: userId,
      now: this.#deps.now(),
    });
  }

  async #receive(type: string, sender: string, content: Record<string, unknown>): Promise<void> {
    if (sender === this.#deps.selfUserId) return;
    switch (type) {
      case AGE_PRESENTATION_TYPE: {
        const verification = await this.#verify(sender, content["presentation"]);
        this.#onPresentation(sender, verification, content["reply"] === true);
        return;
      }
      case CONTACT_PROBE_TYPE: {
        const probeId = content["probe_id"];
        if (typeof probeId !== "string" || probeId.length > MAX_PROBE_ID_CHARS) return;
        // Over budget: dropped unanswered; to the sender it looks like an offline device.
        if (!this.#answerBudget.take(sender)) return;
        const verification =
          content["presentation"] === undefined
            ? undefined
            : await this.#verify(sender, content["presentation"]);
        const { protectsMinor } = this.#onProbe(sender, verification);
        await this.#deps.transport.send(sender, CONTACT_ANSWER_TYPE, {
          probe_id: probeId,
          protects_minor: protectsMinor,
        } satisfies ContactAnswerContent);
        return;
      }
      case CONTACT_ANSWER_TYPE: {
        const probeId = content["probe_id"];
        if (typeof probeId !== "string") return;
        this.#pendingProbes.get(probeId)?.(
          content["protects_minor"] === true ? "protects-minor" : "open",
        );
        return;
      }
      case DISCOVERY_PROBE_TYPE: {
        const probeId = content["probe_id"];
        if (typeof probeId !== "string" || probeId.length > MAX_PROBE_ID_CHARS) return;
        if (!this.#answerBudget.take(sender)) return;
        // The searcher's band, when shown, is verified (and remembered) before the policy answers.
        if (content["presentation"] !== undefined) {
          await this.#verify(sender, content["presentation"]);
        }
        const { answer, disclose } = this.#onDiscoveryProbe(sender);
        if (!answer) return;
        const presentation = disclose ? await this.#presentationFor(sender) : undefined;
        await this.#deps.transport.send(sender, DISCOVERY_ANSWER_TYPE, {
          probe_id: probeId,
          findable_by_peers: true,
          ...(presentation === undefined ? {} : { presentation }),
        } satisfies DiscoveryAnswerContent);
        return;
      }
      case DISCOVERY_ANSWER_TYPE: {
        const probeId = content["probe_id"];
        if (typeof probeId !== "string") return;
        const resolve = this.#pendingDiscovery.get(probeId);
        if (resolve === undefined) return;
        // Verify (and remember the band) before the searcher's engine is asked.
        if (content["presentation"] !== undefined)
          await this.#verify(sender, content["presentation"]);
        resolve({ findableByPeers: content["findable_by_peers"] === true });
        return;
      }
      default:
        return;
    }
  }

  /** Verifies and, when valid, remembers the band; never throws. */
  async #verify(sender: string, presentation: unknown): Promise<AgeVerification> {
    const verification = await verifyPresentation(presentation, {
      audienceUserId: this.#deps.selfUserId,
      subjectUserId: sender,
      now: this.#deps.now(),
      trustedIssuers: this.#deps.trustedIssuers,
      replayCache: this.#replayCache,
    });
    if (verification.verified) {
      this.#bands.set(sender, { band: verification.band, validUntil: verification.validUntil });
      this.#persist();
      for (const listener of this.#listeners) listener();
    }
    for (const observer of this.#observers) observer(sender, verification);
    return verification;
  }

  #storageKey(): string {
    return `sbd.age-peers.${this.#deps.selfUserId}`;
  }

  #readPersisted(): Persisted {
    const empty: Persisted = { bands: {}, nonces: [] };
    try {
      const text = this.#deps.storage?.getItem(this.#storageKey());
      if (text === null || text === undefined) return empty;
      const value = JSON.parse(text) as Partial<Persisted>;
      const bands: Record<string, VerifiedPeerBand> = {};
      // Stored data is untrusted too: a broken entry is skipped, never the whole cache.
      for (const [userId, entry] of Object.entries(value.bands ?? {}) as [string, unknown][]) {
        const band = (typeof entry === "object" && entry !== null ? entry : {}) as Partial<
          Record<keyof VerifiedPeerBand, unknown>
        >;
        if (
          typeof band.band === "string" &&
          ["8-12", "13-15", "16-17", "18+"].includes(band.band) &&
          typeof band.validUntil === "number"
        ) {
          bands[userId] = {
            band: band.band as VerifiedPeerBand["band"],
            validUntil: band.validUntil,
          };
        }
      }
      const nonces = Array.isArray(value.nonces)
        ? (value.nonces as readonly unknown[]).filter(
            (entry): entry is ReplayCacheEntry =>
              typeof entry === "object" &&
              entry !== null &&
              typeof (entry as Partial<ReplayCacheEntry>).key === "string" &&
              typeof (entry as Partial<ReplayCacheEntry>).keepUntil === "number",
          )
        : [];
      return { bands, nonces };
    } catch {
      return empty;
    }
  }

  #persist(): void {
    if (this.#deps.storage === undefined) return;
    const now = this.#deps.now();
    const bands: Record<string, VerifiedPeerBand> = {};
    for (const [userId, band] of this.#bands) if (band.validUntil > now) bands[userId] = band;
    const persisted: Persisted = { bands, nonces: this.#replayCache.snapshot(now) };
    this.#deps.storage.setItem(this.#storageKey(), JSON.stringify(persisted));
  }
}
