// The study log on a participant's device: consent, scenario runs and the
// events view models record. The facilitator console owns it; view models
// only get its `recorder`. Nothing is sent anywhere: the console exports.

import { isConsentGiven, isConsentTextVersion, type ConsentRecord } from "./consent.ts";
import {
  isTime,
  sanitizeEvent,
  type StudyEvent,
  type StudyRecord,
  type StudyVocabulary,
} from "./events.ts";
import type { StudyRecorder } from "./recorder.ts";
import type { StudyState, StudyStore } from "./store.ts";

/** Enough for a long session of scripted scenarios; past it nothing more is recorded. */
export const MAX_STUDY_RECORDS = 10_000;

export type RecordOutcome =
  "recorded" | "no-consent" | "invalid" | "log-full" | "not-saved" | "no-scenario";

export type StudyLogOptions = {
  readonly store: StudyStore;
  readonly vocabulary: StudyVocabulary;
  /** Version of the consent text the console shows; stored with each consent. */
  readonly consentTextVersion: string;
  readonly now: () => number;
  /** Fills a buffer with random bytes (crypto.getRandomValues in the app). */
  readonly randomBytes: (bytes: Uint8Array) => void;
  readonly maxRecords?: number;
};

export class StudyLog {
  readonly #store: StudyStore;
  readonly #vocabulary: StudyVocabulary;
  readonly #textVersion: string;
  readonly #now: () => number;
  readonly #randomBytes: (bytes: Uint8Array) => void;
  readonly #maxRecords: number;
  #state: StudyState;
  #dropped = 0;

  constructor(options: StudyLogOptions) {
    if (!isConsentTextVersion(options.consentTextVersion)) {
      throw new TypeError("consent text version must be digits, e.g. 2025-06 or 1.2");
    }
    this.#store = options.store;
    this.#vocabulary = options.vocabulary;
    this.#textVersion = options.consentTextVersion;
    this.#now = options.now;
    this.#randomBytes = options.randomBytes;
    this.#maxRecords = options.maxRecords ?? MAX_STUDY_RECORDS;
    this.#state = options.store.load(options.vocabulary);
  }

  /** The port handed to view models. */
  readonly recorder: StudyRecorder = {
    record: (event) => {
      this.record(event);
    },
  };

  /** The current participant's consent, if any participant is being recorded. */
  consent(): ConsentRecord | undefined {
    const current = this.#state.current;
    if (current === null) return undefined;
    return this.#state.consents.find((c) => c.participant === current.participant);
  }

  /** Consent given now: starts recording a new participant and returns their pseudonym. */
  giveConsent(): string {
    const participant = this.#newParticipantId();
    const consent: ConsentRecord = {
      participant,
      textVersion: this.#textVersion,
      givenAt: this.#time(),
      withdrawnAt: null,
    };
    this.#save({
      ...this.#state,
      current: { participant, scenario: null, run: 0 },
      consents: [...this.#state.consents, consent],
    });
    return participant;
  }

  /**
   * Consent withdrawn: deletes every record of the participant (the current
   * one by default) and stops recording them. Only the consent record stays,
   * marked withdrawn, so the researcher can see the withdrawal was honoured.
   */
  withdrawConsent(participant: string | undefined = this.#state.current?.participant): void {
    if (participant === undefined) return;
    const at = this.#time();
    this.#save({
      current: this.#state.current?.participant === participant ? null : this.#state.current,
      consents: this.#state.consents.map((c) =>
        c.participant === participant && c.withdrawnAt === null ? { ...c, withdrawnAt: at } : c,
      ),
      records: this.#state.records.filter((r) => r.participant !== participant),
    });
  }

  /** Starts a run of one of the study's scenarios (ending any run in progress). */
  startScenario(scenarioId: string): RecordOutcome {
    if (!this.#vocabulary.scenarioIds.has(scenarioId)) return this.#drop("invalid");
    const current = this.#state.current;
    if (current === null || !isConsentGiven(this.consent())) return "no-consent";
    if (current.scenario !== null) this.endScenario();
    const lastRun = Math.max(
      0,
      ...this.#state.records.filter((r) => r.participant === current.participant).map((r) => r.run),
    );
    this.#save({ ...this.#state, current: { ...current, scenario: scenarioId, run: lastRun + 1 } });
    return this.#append({ kind: "scenario-started" });
  }

  /** The scenario run records are grouped under now, if one is open. */
  currentRun(): { readonly scenario: string; readonly run: number } | undefined {
    const current = this.#state.current;
    if (current === null || current.scenario === null) return undefined;
    return { scenario: current.scenario, run: current.run };
  }

  endScenario(): RecordOutcome {
    const current = this.#state.current;
    if (current === null) return "no-consent";
    if (current.scenario === null) return "no-scenario";
    const outcome = this.#append({ kind: "scenario-ended" });
    this.#save({ ...this.#state, current: { ...current, scenario: null, run: 0 } });
    return outcome;
  }

  /** Records one event for the current participant; see `StudyRecorder.record`. */
  record(event: unknown): RecordOutcome {
    if (!isConsentGiven(this.consent())) return "no-consent";
    const clean = sanitizeEvent(event, this.#vocabulary);
    if (clean === null || clean.kind === "scenario-started" || clean.kind === "scenario-ended") {
      return this.#drop("invalid");
    }
    return this.#append(clean);
  }

  records(): readonly StudyRecord[] {
    return this.#state.records;
  }

  consents(): readonly ConsentRecord[] {
    return this.#state.consents;
  }

  /** Events refused since this log was opened (invalid, full or unsaved); no content is kept. */
  droppedCount(): number {
    return this.#dropped;
  }

  /**
   * Reads the stored log again: another page of this device (the facilitator
   * console) gave consent, started a scenario or deleted records. Call it on
   * the window's `storage` event, or the next record would overwrite them.
   */
  reload(): void {
    this.#state = this.#store.load(this.#vocabulary);
  }

  /** Deletes everything: every participant's records and consents (after an export). */
  deleteAll(): void {
    this.#save({ current: null, consents: [], records: [] });
  }

  #append(event: StudyEvent): RecordOutcome {
    const current = this.#state.current;
    if (current === null) return "no-consent";
    if (this.#state.records.length >= this.#maxRecords) return this.#drop("log-full");
    const at = this.#now();
    if (!isTime(at)) return this.#drop("invalid");
    const seq =
      1 +
      this.#state.records.reduce(
        (max, r) => (r.participant === current.participant ? Math.max(max, r.seq) : max),
        0,
      );
    const record: StudyRecord = {
      ...event,
      participant: current.participant,
      scenario: current.scenario,
      run: current.run,
      seq,
      at,
    };
    const saved = this.#save({ ...this.#state, records: [...this.#state.records, record] });
    return saved ? "recorded" : this.#drop("not-saved");
  }

  /**
   * Stores the next state. If the device refuses, a new record is dropped, but
   * consent changes and deletions still hold for this session (replacing the
   * document with a smaller one does not run into the storage quota).
   */
  #save(next: StudyState): boolean {
    const saved = this.#store.save(next);
    if (saved || next.records.length <= this.#state.records.length) this.#state = next;
    return saved;
  }

  #drop(outcome: Exclude<RecordOutcome, "recorded" | "no-consent" | "no-scenario">): RecordOutcome {
    this.#dropped += 1;
    return outcome;
  }

  #time(): number {
    const at = this.#now();
    return isTime(at) ? at : 0;
  }

  #newParticipantId(): string {
    const bytes = new Uint8Array(8);
    this.#randomBytes(bytes);
    return `p-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  }
}
