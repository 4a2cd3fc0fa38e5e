// View model of the facilitator console (console.html) of a classroom
// (Over 400 lines: the console's sections share one session with the study service; the views are split by section.)
// session: any browser, the laptop's or a phone's. Everything it shows comes
// from the study service (tools/lib/studyService.ts), read again every
// POLL_MS: the seats (study accounts p01…pNN with their band, pack, consent
// and scenario), every participant's newest events (ids only), and the
// summaries. Actions that cannot be undone for a participant (withdrawal,
// resetting a seat's account, a fresh sign-in code, clearing the session)
// ask to confirm first and report what they did. A seat's QR link holds its
// one-time code; the link shows as text only when the facilitator asks.

import type { MessageKey } from "../i18n/i18n.ts";
import { exportStudyCsv, exportStudyJson } from "../study/export.ts";
import { seatSignInLink } from "../study/seatSignIn.ts";
import type { PackChoice } from "../study/packCatalogue.ts";
import type { StudyRecord } from "../study/events.ts";
import type {
  ScenarioListing,
  SeatPlan,
  SeatView,
  StudyServicePort,
} from "../study/studyServiceClient.ts";
import { summariseScenarios, type ScenarioSummary } from "../study/summary.ts";
import { ViewModel } from "./ViewModel.ts";

export type ConsoleSignIn = (
  username: string,
  password: string,
) => Promise<{ readonly userId: string; readonly accessToken: string } | undefined>;

/** Where the console keeps its access token: this window only (sessionStorage). */
export type ConsoleTokenStore = {
  load(): string | null;
  save(accessToken: string): void;
  clear(): void;
};

/** Runs `work` after `ms`; returns a cancel. */
export type ConsoleTimer = (work: () => void, ms: number) => () => void;

export type ConsoleDependencies = {
  readonly signIn: ConsoleSignIn;
  /** Whose token this is, as the homeserver says (undefined: no longer valid). */
  readonly whoAmI: (accessToken: string) => Promise<string | undefined>;
  /** Ends the token's session on the homeserver. */
  readonly signOut: (accessToken: string) => Promise<void>;
  readonly tokens: ConsoleTokenStore;
  readonly now: () => number;
  readonly schedule: ConsoleTimer;
  /** Matrix IDs allowed to use the console (deployment configuration). */
  readonly facilitators: readonly string[];
  readonly serviceFor: (accessToken: string) => StudyServicePort | undefined;
  readonly catalogue: readonly PackChoice[];
  /** The app's address: a seat's QR code opens `${appUrl}#seat=p07.<code>`. */
  readonly appUrl: string;
  /** The classroom CA certificate's address (HTTPS classroom only); undefined elsewhere. */
  readonly certificateUrl: string | undefined;
};

/** A seat as the console shows it. */
export type ConsoleSeat = SeatView & {
  /**
   * Signs one phone in as this seat (the QR code): the app's address with
   * the seat's one-time code in the fragment. Undefined once a phone used it.
   */
  readonly signInLink: string | undefined;
  /** The facilitator asked to see the link as text ("Toon link"). */
  readonly linkShown: boolean;
  /** The scenario the facilitator picked for this seat's next run. */
  readonly chosenScenario: string | undefined;
};

/** An action waiting for the facilitator's "yes". */
export type ConsoleConfirmation =
  | { readonly kind: "withdraw"; readonly seat: string; readonly recorded: number }
  | { readonly kind: "reset"; readonly seat: string }
  | { readonly kind: "renew-code"; readonly seat: string }
  | { readonly kind: "clear"; readonly seats: number };

/** What the last action did, in words (a status line). */
export type ConsoleResult = {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
};

export type ConsoleSnapshot = {
  readonly facilitator: string | undefined;
  readonly busy: boolean;
  readonly error: MessageKey | undefined;
  readonly packs: readonly PackChoice[];
  readonly seats: readonly ConsoleSeat[];
  readonly scenarios: readonly ScenarioListing[];
  /** Newest first: every participant's last events, with the seat they came from. */
  readonly timeline: readonly (StudyRecord & { readonly seat: string | undefined })[];
  readonly summaries: readonly ScenarioSummary[];
  readonly confirmation: ConsoleConfirmation | undefined;
  readonly result: ConsoleResult | undefined;
  readonly certificateUrl: string | undefined;
};

export const POLL_MS = 1500;
/** Summaries come from the whole log: read every this many polls (and after a stop). */
const SUMMARY_EVERY = 5;

const SIGNED_OUT = {
  facilitator: undefined,
  busy: false,
  seats: [],
  scenarios: [],
  timeline: [],
  summaries: [],
  confirmation: undefined,
  result: undefined,
} as const;

/** What the console's views may ask for. */
export type ConsoleViewActions = {
  readonly signIn: (username: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
  readonly createSeats: (plan: SeatPlan) => Promise<void>;
  readonly setPack: (seat: string, packId: string) => Promise<void>;
  readonly chooseScenario: (seat: string, scenarioId: string) => void;
  readonly giveConsent: (seat: string) => Promise<void>;
  readonly askToWithdraw: (seat: string) => void;
  readonly askToReset: (seat: string) => void;
  readonly askToRenewCode: (seat: string) => void;
  readonly showLink: (seat: string) => void;
  readonly askToClear: () => void;
  readonly cancelConfirmation: () => void;
  readonly confirm: () => Promise<void>;
  readonly startScenario: (seat: string) => Promise<void>;
  readonly stopScenario: (seat: string) => Promise<void>;
  readonly exportCsv: () => Promise<string | undefined>;
  readonly exportJson: () => Promise<string | undefined>;
};

export class ConsoleViewModel extends ViewModel<ConsoleSnapshot> implements ConsoleViewActions {
  readonly #deps: ConsoleDependencies;
  #service: StudyServicePort | undefined;
  #accessToken: string | undefined;
  #cancelPoll: (() => void) | undefined;
  #polls = 0;
  readonly #chosen = new Map<string, string>();
  /** Seats whose link the facilitator asked to see as text, for the code it showed. */
  readonly #shownCodes = new Map<string, string>();

  constructor(deps: ConsoleDependencies) {
    super({
      ...SIGNED_OUT,
      error: undefined,
      packs: deps.catalogue,
      certificateUrl: deps.certificateUrl,
    });
    this.#deps = deps;
    this.onDispose(() => {
      this.#stopPolling();
      this.#accessToken = undefined;
      this.#service = undefined;
    });
  }

  /** On opening the page: resumes with this window's token if it is still a facilitator's. */
  readonly resume = async (): Promise<void> => {
    const token = this.#deps.tokens.load();
    if (token === null) return;
    this.update({ ...this.getSnapshot(), busy: true });
    const userId = await this.#deps.whoAmI(token).catch(() => undefined);
    if (userId === undefined || !this.#deps.facilitators.includes(userId)) {
      this.#deps.tokens.clear();
      this.update({ ...this.getSnapshot(), busy: false });
      return;
    }
    await this.#enter(userId, token);
  };

  readonly signIn = async (username: string, password: string): Promise<void> => {
    this.update({ ...this.getSnapshot(), busy: true, error: undefined });
    const session = await this.#deps.signIn(username, password).catch(() => undefined);
    if (session === undefined) {
      this.update({ ...this.getSnapshot(), busy: false, error: "facilitator.error.signIn" });
      return;
    }
    if (!this.#deps.facilitators.includes(session.userId)) {
      // Not a facilitator: this token has no use here, so it is ended at once.
      await this.#deps.signOut(session.accessToken).catch(() => undefined);
      this.update({
        ...this.getSnapshot(),
        busy: false,
        error: "facilitator.error.notFacilitator",
      });
      return;
    }
    this.#deps.tokens.save(session.accessToken);
    await this.#enter(session.userId, session.accessToken);
  };

  /** Signs the console out; the participants' phones are not affected. */
  readonly signOut = async (): Promise<void> => {
    const token = this.#accessToken;
    this.#stopPolling();
    this.#service = undefined;
    this.#accessToken = undefined;
    this.#deps.tokens.clear();
    this.update({ ...this.getSnapshot(), ...SIGNED_OUT, error: undefined });
    if (token !== undefined) await this.#deps.signOut(token).catch(() => undefined);
  };

  async #enter(userId: string, accessToken: string): Promise<void> {
    this.#accessToken = accessToken;
    this.#service = this.#deps.serviceFor(accessToken);
    this.update({ ...this.getSnapshot(), facilitator: userId, busy: false, error: undefined });
    try {
      const scenarios = (await this.#service?.scenarios()) ?? [];
      this.update({ ...this.getSnapshot(), scenarios });
    } catch {
      this.update({ ...this.getSnapshot(), error: "facilitator.error.service" });
    }
    this.#polls = 0;
    await this.refresh();
  }

  /** Reads the session from the service now, then again every POLL_MS while signed in. */
  readonly refresh = async (): Promise<void> => {
    this.#stopPolling();
    const service = this.#service;
    if (service === undefined) return;
    try {
      const withSummaries = this.#polls % SUMMARY_EVERY === 0;
      this.#polls += 1;
      const [session, log] = await Promise.all([
        service.session(),
        withSummaries ? service.exportLog() : Promise.resolve(undefined),
      ]);
      if (service !== this.#service) return; // signed out meanwhile
      const seatOf = new Map(
        session.seats.flatMap((s) => (s.participant === null ? [] : [[s.participant, s.seat]])),
      );
      this.update({
        ...this.getSnapshot(),
        seats: session.seats.map((seat) => this.#seatOf(seat)),
        timeline: session.timeline.map((record) => ({
          ...record,
          seat: seatOf.get(record.participant),
        })),
        summaries:
          log === undefined ? this.getSnapshot().summaries : summariseScenarios(log.records),
        error:
          this.getSnapshot().error === "facilitator.error.service"
            ? undefined
            : this.getSnapshot().error,
      });
    } catch {
      if (service !== this.#service) return;
      this.update({ ...this.getSnapshot(), error: "facilitator.error.service" });
    }
    this.#cancelPoll = this.#deps.schedule(() => {
      void this.refresh();
    }, POLL_MS);
  };

  readonly createSeats = async (plan: SeatPlan): Promise<void> => {
    await this.#act(async (service) => {
      const created = await service.createSeats(plan);
      return {
        key: "facilitator.result.seatsCreated",
        params: {
          count: created.length,
          first: created[0] ?? "–",
          last: created[created.length - 1] ?? "–",
        },
      };
    });
  };

  readonly setPack = async (seat: string, packId: string): Promise<void> => {
    const choice = this.#deps.catalogue.find((c) => c.id === packId);
    if (choice === undefined || !choice.valid) return;
    await this.#act(async (service) => {
      await service.setPack(seat, packId);
      return { key: "facilitator.result.packSet", params: { seat, pack: packId } };
    });
  };

  readonly chooseScenario = (seat: string, scenarioId: string): void => {
    if (!this.getSnapshot().scenarios.some((s) => s.id === scenarioId)) return;
    this.#chosen.set(seat, scenarioId);
    this.update({
      ...this.getSnapshot(),
      seats: this.getSnapshot().seats.map((s) => (s.seat === seat ? this.#seatOf(s) : s)),
    });
  };

  readonly giveConsent = async (seat: string): Promise<void> => {
    await this.#act(async (service) => {
      const participant = await service.giveConsent(seat);
      return { key: "facilitator.result.consentGiven", params: { seat, participant } };
    });
  };

  readonly askToWithdraw = (seat: string): void => {
    const found = this.getSnapshot().seats.find((s) => s.seat === seat);
    if (found?.consent === null || found === undefined) return;
    this.update({
      ...this.getSnapshot(),
      confirmation: { kind: "withdraw", seat, recorded: found.recorded },
      result: undefined,
    });
  };

  readonly askToReset = (seat: string): void => {
    if (!this.getSnapshot().seats.some((s) => s.seat === seat)) return;
    this.update({
      ...this.getSnapshot(),
      confirmation: { kind: "reset", seat },
      result: undefined,
    });
  };

  /** Phone lost or reset: a fresh QR code for the seat, which signs its other devices out. */
  readonly askToRenewCode = (seat: string): void => {
    if (!this.getSnapshot().seats.some((s) => s.seat === seat)) return;
    this.update({
      ...this.getSnapshot(),
      confirmation: { kind: "renew-code", seat },
      result: undefined,
    });
  };

  /** Shows the seat's link as text, for someone who cannot scan; until the code changes. */
  readonly showLink = (seat: string): void => {
    const found = this.getSnapshot().seats.find((s) => s.seat === seat);
    if (found?.signInCode === null || found === undefined) return;
    this.#shownCodes.set(seat, found.signInCode);
    this.update({
      ...this.getSnapshot(),
      seats: this.getSnapshot().seats.map((s) => (s.seat === seat ? this.#seatOf(s) : s)),
    });
  };

  readonly askToClear = (): void => {
    this.update({
      ...this.getSnapshot(),
      confirmation: { kind: "clear", seats: this.getSnapshot().seats.length },
      result: undefined,
    });
  };

  readonly cancelConfirmation = (): void => {
    this.update({ ...this.getSnapshot(), confirmation: undefined });
  };

  /** The facilitator said yes: the action runs, and the console says what it did. */
  readonly confirm = async (): Promise<void> => {
    const confirmation = this.getSnapshot().confirmation;
    if (confirmation === undefined) return;
    this.update({ ...this.getSnapshot(), confirmation: undefined });
    switch (confirmation.kind) {
      case "withdraw":
        await this.#act(async (service) => {
          const { deleted } = await service.withdrawConsent(confirmation.seat);
          return {
            key: "facilitator.result.withdrawn",
            params: { seat: confirmation.seat, deleted },
          };
        });
        return;
      case "reset":
        await this.#act(async (service) => {
          const { declined, left } = await service.resetSeat(confirmation.seat);
          return {
            key: "facilitator.result.reset",
            params: { seat: confirmation.seat, declined, left },
          };
        });
        return;
      case "renew-code":
        await this.#act(async (service) => {
          const { signedOut } = await service.renewSignInCode(confirmation.seat);
          return {
            key: "facilitator.result.codeRenewed",
            params: { seat: confirmation.seat, signedOut },
          };
        });
        return;
      case "clear":
        await this.#act(async (service) => {
          const { records, consents } = await service.clearSession();
          this.#chosen.clear();
          return { key: "facilitator.result.cleared", params: { records, consents } };
        });
        return;
    }
  };

  readonly startScenario = async (seat: string): Promise<void> => {
    const scenarioId = this.getSnapshot().seats.find((s) => s.seat === seat)?.chosenScenario;
    if (scenarioId === undefined) return;
    await this.#act(async (service) => {
      await service.start(seat, scenarioId);
      return { key: "facilitator.result.started", params: { seat } };
    });
  };

  /** Stops the seat's actor and closes its run in the log, so later taps do not count towards it. */
  readonly stopScenario = async (seat: string): Promise<void> => {
    this.#polls = 0;
    await this.#act(async (service) => {
      await service.stop(seat);
      return { key: "facilitator.result.stopped", params: { seat } };
    });
  };

  /** The merged log of every seat as CSV; undefined when the service did not answer. */
  readonly exportCsv = async (): Promise<string | undefined> => {
    const log = await this.#exportLog();
    return log === undefined ? undefined : exportStudyCsv(log.records);
  };

  readonly exportJson = async (): Promise<string | undefined> => {
    const log = await this.#exportLog();
    return log === undefined ? undefined : exportStudyJson(log, this.#deps.now());
  };

  async #exportLog(): Promise<Awaited<ReturnType<StudyServicePort["exportLog"]>> | undefined> {
    const service = this.#service;
    if (service === undefined) return undefined;
    try {
      return await service.exportLog();
    } catch {
      this.update({ ...this.getSnapshot(), error: "facilitator.error.service" });
      return undefined;
    }
  }

  #seatOf(seat: SeatView): ConsoleSeat {
    const scenarios = this.getSnapshot().scenarios;
    const chosen =
      this.#chosen.get(seat.seat) ??
      scenarios.find((s) => s.band === seat.band)?.id ??
      scenarios[0]?.id;
    const code = seat.signInCode;
    return {
      ...seat,
      signInLink:
        code === null ? undefined : seatSignInLink(this.#deps.appUrl, { seat: seat.seat, code }),
      linkShown: code !== null && this.#shownCodes.get(seat.seat) === code,
      chosenScenario: chosen,
    };
  }

  async #act(work: (service: StudyServicePort) => Promise<ConsoleResult>): Promise<void> {
    const service = this.#service;
    if (service === undefined) {
      this.update({ ...this.getSnapshot(), error: "facilitator.error.service" });
      return;
    }
    this.update({ ...this.getSnapshot(), busy: true, error: undefined, result: undefined });
    try {
      const result = await work(service);
      this.update({ ...this.getSnapshot(), busy: false, result });
    } catch {
      this.update({ ...this.getSnapshot(), busy: false, error: "facilitator.error.action" });
    }
    await this.refresh();
  }

  #stopPolling(): void {
    this.#cancelPoll?.();
    this.#cancelPoll = undefined;
  }
}
