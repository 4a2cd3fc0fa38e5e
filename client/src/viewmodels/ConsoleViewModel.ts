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

export type ConsoleDependencies = {
  readonly signIn: ConsoleSignIn;
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
  readonly scenarios: readonly ScenarioListing[];
  readonly run: ScenarioRunView | null;
  /** Newest first, the last 50 records. */
  readonly timeline: readonly StudyRecord[];
  readonly summaries: readonly ScenarioSummary[];
};

const POLL_MS = 1500;

export class ConsoleViewModel extends ViewModel<ConsoleSnapshot> {
  readonly #deps: ConsoleDependencies;
  #service: StudyServicePort | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;

  constructor(deps: ConsoleDependencies) {
    super({
      facilitator: undefined,
      busy: false,
      error: undefined,
      participants: [],
      packs: deps.catalogue,
      consent: undefined,
      scenarios: [],
      run: null,
      timeline: [],
      summaries: [],
    });
    this.#deps = deps;
    this.onDispose(() => {
      clearInterval(this.#poll);
    });
  }

  readonly signIn = async (username: string, password: string): Promise<void> => {
    this.update({ ...this.getSnapshot(), busy: true, error: undefined });
    const session = await this.#deps.signIn(username, password).catch(() => undefined);
    if (session === undefined) {
      this.update({ ...this.getSnapshot(), busy: false, error: "facilitator.error.signIn" });
      return;
    }
    if (!this.#deps.facilitators.includes(session.userId)) {
      this.update({
        ...this.getSnapshot(),
        busy: false,
        error: "facilitator.error.notFacilitator",
      });
      return;
    }
    this.#service = this.#deps.serviceFor(session.accessToken);
    this.update({ ...this.getSnapshot(), facilitator: session.userId, busy: false });
    this.refresh();
    try {
      const scenarios = (await this.#service?.scenarios()) ?? [];
      this.update({ ...this.getSnapshot(), scenarios });
      await this.#pollStatus();
    } catch {
      this.update({ ...this.getSnapshot(), error: "facilitator.error.service" });
    }
  };

  /** Re-reads the device's study log and assignments (on every `storage` event, and after changes). */
  readonly refresh = (): void => {
    const facilitator = this.getSnapshot().facilitator;
    if (facilitator === undefined) return;
    this.#deps.log.reload();
    const server = this.#deps.serverName(facilitator);
    const consent = this.#deps.log.consent();
    const records = this.#deps.log.records();
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

  /** Withdrawal deletes every record of the current participant. */
  readonly withdrawConsent = (): void => {
    this.#deps.log.withdrawConsent();
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

  readonly stopScenario = async (): Promise<void> => {
    await this.#withService(async (service) => {
      await service.stop();
      this.#deps.log.endScenario();
    });
    await this.#pollStatus();
  };

  readonly exportCsv = (): string => exportStudyCsv(this.#deps.log.records());

  readonly exportJson = (): string =>
    exportStudyJson(
      { records: this.#deps.log.records(), consents: this.#deps.log.consents() },
      Date.now(),
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

  async #pollStatus(): Promise<void> {
    const run = (await this.#service?.status().catch(() => null)) ?? null;
    this.update({ ...this.getSnapshot(), run });
    clearInterval(this.#poll);
    if (run?.status === "running") {
      this.#poll = setInterval(() => {
        void this.#pollStatus();
      }, POLL_MS);
    }
  }
}
