// View model of the facilitator console: a page of its own (console.html) on
// the lab device, beside the participant's client in another window. It
// works on the device's study log (same storage; the participant's window
// writes to it, this one re-reads it on every `storage` event: the live
// timeline) and on the per-account pack assignments; scenarios run in Node
// through the local study service. It shows engine ids and counts only: the
// log holds nothing else.

import type { MessageKey } from "../i18n/i18n.ts";
import { assignPack, packFor } from "../study/assignment.ts";
import { exportStudyCsv, exportStudyJson } from "../study/export.ts";
import type { PackChoice } from "../study/packCatalogue.ts";
import type { StudyStorage } from "../study/store.ts";
import type { StudyLog } from "../study/studyLog.ts";
import type {
  ScenarioListing,
  ScenarioRunView,
  StudyServicePort,
} from "../study/studyServiceClient.ts";
import { summariseScenarios, type ScenarioSummary } from "../study/summary.ts";
import type { StudyRecord } from "../study/events.ts";
import { ViewModel } from "./ViewModel.ts";

export type ConsoleParticipant = {
  readonly username: string;
  readonly name: string;
  readonly band: string;
  readonly packId: string;
};

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

export type ConsoleDependencies = {
  readonly signIn: ConsoleSignIn;
  /** Whose token this is, as the homeserver says (undefined: no longer valid). */
  readonly whoAmI: (accessToken: string) => Promise<string | undefined>;
  /** Ends the token's session on the homeserver. */
  readonly signOut: (accessToken: string) => Promise<void>;
  readonly tokens: ConsoleTokenStore;
  readonly now: () => number;
  /** Matrix IDs allowed to use the console (deployment configuration). */
  readonly facilitators: readonly string[];
  readonly serviceFor: (accessToken: string) => StudyServicePort | undefined;
  readonly storage: StudyStorage;
  readonly log: StudyLog;
  readonly catalogue: readonly PackChoice[];
  /** The personas a facilitator can seat a participant as (username, shown name, band). */
  readonly participants: readonly Omit<ConsoleParticipant, "packId">[];
  readonly serverName: (facilitatorUserId: string) => string;
};

export type ConsoleSnapshot = {
  readonly facilitator: string | undefined;
  readonly busy: boolean;
  readonly error: MessageKey | undefined;
  readonly participants: readonly ConsoleParticipant[];
  readonly packs: readonly PackChoice[];
  readonly consent:
    | { readonly participant: string; readonly textVersion: string; readonly givenAt: number }
    | undefined;
  /** The facilitator asked to withdraw consent and has not yet confirmed the deletion. */
  readonly confirmingWithdrawal: boolean;
  readonly scenarios: readonly ScenarioListing[];
  /** The scripted actor's run, as the study service reports it. */
  readonly run: ScenarioRunView | null;
  /** The run the device's log groups records under now (open until the facilitator stops it). */
  readonly loggedRun: { readonly scenario: string; readonly run: number } | undefined;
  /** Newest first, the last 50 records. */
  readonly timeline: readonly StudyRecord[];
  readonly summaries: readonly ScenarioSummary[];
};

const POLL_MS = 1500;

const SIGNED_OUT = {
  facilitator: undefined,
  busy: false,
  participants: [],
  consent: undefined,
  confirmingWithdrawal: false,
  scenarios: [],
  run: null,
  loggedRun: undefined,
  timeline: [],
  summaries: [],
} as const;

/** What the console's views may ask for. */
export type ConsoleViewActions = {
  readonly signIn: (username: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
  readonly setPack: (username: string, packId: string) => void;
  readonly resetParticipant: (username: string) => Promise<void>;
  readonly giveConsent: () => void;
  readonly askToWithdrawConsent: () => void;
  readonly cancelWithdrawal: () => void;
  readonly withdrawConsent: () => void;
  readonly startScenario: (scenarioId: string) => Promise<void>;
  readonly stopScenario: () => Promise<void>;
  readonly exportCsv: () => string;
  readonly exportJson: () => string;
};

export class ConsoleViewModel extends ViewModel<ConsoleSnapshot> implements ConsoleViewActions {
  readonly #deps: ConsoleDependencies;
  #service: StudyServicePort | undefined;
  #accessToken: string | undefined;
  #poll: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: ConsoleDependencies) {
    super({ ...SIGNED_OUT, error: undefined, packs: deps.catalogue });
    this.#deps = deps;
    this.onDispose(() => {
      clearTimeout(this.#poll);
      this.#poll = undefined;
      this.#accessToken = undefined;
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

  /** Signs the console out (the participant's window is not affected). */
  readonly signOut = async (): Promise<void> => {
    const token = this.#accessToken;
    clearTimeout(this.#poll);
    this.#poll = undefined;
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
    this.refresh();
    try {
      const scenarios = (await this.#service?.scenarios()) ?? [];
      this.update({ ...this.getSnapshot(), scenarios });
      await this.#pollStatus();
    } catch {
      this.update({ ...this.getSnapshot(), error: "facilitator.error.service" });
    }
  }

  /** Re-reads the device's study log and assignments (on every `storage` event, and after changes). */
  readonly refresh = (): void => {
    const facilitator = this.getSnapshot().facilitator;
    if (facilitator === undefined) return;
    this.#deps.log.reload();
    const server = this.#deps.serverName(facilitator);
    const consent = this.#deps.log.consent();
    const records = this.#deps.log.records();
    const confirming = this.getSnapshot().confirmingWithdrawal;
    this.update({
      ...this.getSnapshot(),
      participants: this.#deps.participants.map((p) => ({
        ...p,
        packId: packFor(this.#deps.storage, `@${p.username}:${server}`),
      })),
      consent:
        consent === undefined || consent.withdrawnAt !== null
          ? undefined
          : {
              participant: consent.participant,
              textVersion: consent.textVersion,
              givenAt: consent.givenAt,
            },
      confirmingWithdrawal: confirming && consent !== undefined && consent.withdrawnAt === null,
      loggedRun: this.#deps.log.currentRun(),
      timeline: records.slice(-50).reverse(),
      summaries: summariseScenarios(records),
    });
  };

  readonly setPack = (username: string, packId: string): void => {
    const facilitator = this.getSnapshot().facilitator;
    const choice = this.#deps.catalogue.find((c) => c.id === packId);
    if (facilitator === undefined || choice === undefined || !choice.valid) return;
    assignPack(this.#deps.storage, `@${username}:${this.#deps.serverName(facilitator)}`, packId);
    this.refresh();
  };

  readonly giveConsent = (): void => {
    this.#deps.log.giveConsent();
    this.refresh();
  };

  /** First step of a withdrawal: the view asks to confirm that the records will be deleted. */
  readonly askToWithdrawConsent = (): void => {
    if (this.getSnapshot().consent === undefined) return;
    this.update({ ...this.getSnapshot(), confirmingWithdrawal: true });
  };

  readonly cancelWithdrawal = (): void => {
    this.update({ ...this.getSnapshot(), confirmingWithdrawal: false });
  };

  /** Withdrawal confirmed: deletes every record of the current participant. */
  readonly withdrawConsent = (): void => {
    this.#deps.log.withdrawConsent();
    this.update({ ...this.getSnapshot(), confirmingWithdrawal: false });
    this.refresh();
  };

  readonly resetParticipant = async (username: string): Promise<void> => {
    await this.#withService((service) => service.resetParticipant(username));
  };

  readonly startScenario = async (scenarioId: string): Promise<void> => {
    await this.#withService(async (service) => {
      await service.start(scenarioId);
      this.#deps.log.startScenario(scenarioId);
    });
    await this.#pollStatus();
  };

  /**
   * Stops the scripted actor and closes the run in the log. The run closes
   * even when the service does not answer (or the script had already ended),
   * so later taps are not counted as part of it.
   */
  readonly stopScenario = async (): Promise<void> => {
    this.#deps.log.endScenario();
    await this.#withService(async (service) => {
      await service.stop();
    });
    await this.#pollStatus();
  };

  readonly exportCsv = (): string => exportStudyCsv(this.#deps.log.records());

  readonly exportJson = (): string =>
    exportStudyJson(
      { records: this.#deps.log.records(), consents: this.#deps.log.consents() },
      this.#deps.now(),
    );

  async #withService(work: (service: StudyServicePort) => Promise<void>): Promise<void> {
    const service = this.#service;
    if (service === undefined) {
      this.update({ ...this.getSnapshot(), error: "facilitator.error.service" });
      return;
    }
    this.update({ ...this.getSnapshot(), busy: true, error: undefined });
    try {
      await work(service);
      this.update({ ...this.getSnapshot(), busy: false });
    } catch {
      this.update({ ...this.getSnapshot(), busy: false, error: "facilitator.error.service" });
    }
    this.refresh();
  }

  /** Asks the service for the actor's progress, again every POLL_MS while it runs. */
  async #pollStatus(): Promise<void> {
    clearTimeout(this.#poll);
    this.#poll = undefined;
    const service = this.#service;
    if (service === undefined) return;
    const run = await service.status().catch(() => null);
    if (service !== this.#service) return; // signed out meanwhile
    this.update({ ...this.getSnapshot(), run });
    if (run?.status === "running") {
      this.#poll = setTimeout(() => {
        void this.#pollStatus();
      }, POLL_MS);
    }
  }
}
