// Study kit: the central log of a classroom session, kept by the study
// service (tools/lib/studyService.ts) for every participant at once. Each
// participant sits at a seat (a fictional study account, p01…pNN); the
// facilitator records consent per seat, which draws a random pseudonym, and
// opens and closes that seat's scenario runs. Events from a seat's device are
// stamped here with the seat's pseudonym and its open run, on arrival: the
// run is the service's, never the device's, so an event can only land in the
// run that is open for that seat when it arrives (issue 15, "(1)" attributed
// to a finished run).
//
// What it keeps (`stored()`) holds pseudonyms, engine ids and times only. The
// link between a seat and its pseudonym lives in this object alone, never in
// what it stores, so the stored log cannot be tied back to a seat.

import {
  isConsentGiven,
  isConsentTextVersion,
  sanitizeConsent,
  type ConsentRecord,
} from "./consent.ts";
import {
  isParticipantId,
  isTime,
  sanitizeEvent,
  sanitizeRecord,
  type StudyEvent,
  type StudyRecord,
  type StudyVocabulary,
} from "./events.ts";

/** A seat of the classroom: the study account's local part, `p` and two or three digits. */
const SEAT = /^p\d{2,3}$/;

export function isSeat(value: unknown): value is string {
  return typeof value === "string" && SEAT.test(value);
}

/** The seat of account `p07` is `p07`; p01…p999. */
export function seatName(index: number): string {
  return `p${String(index).padStart(2, "0")}`;
}

export type SessionRecordOutcome =
  "recorded" | "no-consent" | "invalid" | "log-full" | "no-scenario";

/** What the log keeps between restarts: pseudonyms, ids and times, nothing else. */
export type StoredSessionLog = {
  readonly consents: readonly ConsentRecord[];
  readonly records: readonly StudyRecord[];
};

export const SESSION_LOG_FORMAT = "safety-by-design.study-session.v1";

/** Enough for 30 participants and a long session; past it nothing more is recorded. */
export const MAX_SESSION_RECORDS = 100_000;

export type SessionLogOptions = {
  readonly vocabulary: StudyVocabulary;
  readonly consentTextVersion: string;
  readonly now: () => number;
  readonly randomBytes: (bytes: Uint8Array) => void;
  /** What was stored before (a restart keeps records, not the seat links). */
  readonly stored?: StoredSessionLog;
  readonly maxRecords?: number;
};

/** A seat's state as the console sees it. */
export type SeatState = {
  readonly seat: string;
  readonly participant: string | undefined;
  readonly consent: ConsentRecord | undefined;
  readonly run: { readonly scenario: string; readonly run: number } | undefined;
  /** Records of this seat's participant so far. */
  readonly recorded: number;
};

type Seat = {
  participant: string | undefined;
  scenario: string | null;
  run: number;
};

export class SessionLog {
  readonly #vocabulary: StudyVocabulary;
  readonly #textVersion: string;
  readonly #now: () => number;
  readonly #randomBytes: (bytes: Uint8Array) => void;
  readonly #maxRecords: number;
  readonly #seats = new Map<string, Seat>();
  #consents: ConsentRecord[];
  #records: StudyRecord[];
  #dropped = 0;

  constructor(options: SessionLogOptions) {
    if (!isConsentTextVersion(options.consentTextVersion)) {
      throw new TypeError("consent text version must be digits, e.g. 2025-06 or 1.2");
    }
    this.#vocabulary = options.vocabulary;
    this.#textVersion = options.consentTextVersion;
    this.#now = options.now;
    this.#randomBytes = options.randomBytes;
    this.#maxRecords = options.maxRecords ?? MAX_SESSION_RECORDS;
    this.#consents = [...(options.stored?.consents ?? [])];
    this.#records = [...(options.stored?.records ?? [])];
  }

  /** Consent recorded for the seat now: a new pseudonym, unless one is already consented. */
  giveConsent(seat: string): string {
    const state = this.#seat(seat);
    const existing = this.#consentOf(state.participant);
    if (state.participant !== undefined && isConsentGiven(existing)) return state.participant;
    // Pseudonyms are random; one already in the log would merge two participants.
    let participant = this.#newParticipantId();
    for (let tries = 0; this.#consents.some((c) => c.participant === participant); tries++) {
      if (tries >= 8) throw new Error("no fresh pseudonym: the random source repeats itself");
      participant = this.#newParticipantId();
    }
    this.#consents.push({
      participant,
      textVersion: this.#textVersion,
      givenAt: this.#time(),
      withdrawnAt: null,
    });
    this.#seats.set(seat, { participant, scenario: null, run: 0 });
    return participant;
  }

  /**
   * Consent withdrawn: every record of the seat's participant is deleted and
   * the seat forgets its pseudonym. Only the consent record stays, marked
   * withdrawn, so the researcher sees the withdrawal was honoured.
   */
  withdrawConsent(seat: string): { readonly deleted: number } {
    const participant = this.#seats.get(seat)?.participant;
    if (participant === undefined) return { deleted: 0 };
    const at = this.#time();
    const before = this.#records.length;
    this.#records = this.#records.filter((r) => r.participant !== participant);
    this.#consents = this.#consents.map((c) =>
      c.participant === participant && c.withdrawnAt === null ? { ...c, withdrawnAt: at } : c,
    );
    this.#seats.set(seat, { participant: undefined, scenario: null, run: 0 });
    return { deleted: before - this.#records.length };
  }

  /** Whether the seat's device may send events now. */
  hasConsent(seat: string): boolean {
    return isConsentGiven(this.#consentOf(this.#seats.get(seat)?.participant));
  }

  /** Opens a run of a scenario for the seat (closing the open one first). */
  startRun(seat: string, scenarioId: string): SessionRecordOutcome {
    if (!this.#vocabulary.scenarioIds.has(scenarioId)) return this.#drop("invalid");
    const state = this.#seats.get(seat);
    if (state === undefined || !this.hasConsent(seat)) return "no-consent";
    if (state.scenario !== null) this.endRun(seat);
    const participant = state.participant;
    const lastRun = Math.max(
      0,
      ...this.#records.filter((r) => r.participant === participant).map((r) => r.run),
    );
    state.scenario = scenarioId;
    state.run = lastRun + 1;
    return this.#append(seat, { kind: "scenario-started" });
  }

  /** Closes the seat's open run; later events of the seat belong to no run. */
  endRun(seat: string): SessionRecordOutcome {
    const state = this.#seats.get(seat);
    if (state === undefined || !this.hasConsent(seat)) return "no-consent";
    if (state.scenario === null) return "no-scenario";
    const outcome = this.#append(seat, { kind: "scenario-ended" });
    state.scenario = null;
    state.run = 0;
    return outcome;
  }

  /** One event from the seat's device: checked, then stamped with pseudonym, open run and time. */
  record(seat: string, event: unknown): SessionRecordOutcome {
    if (!this.hasConsent(seat)) return "no-consent";
    const clean = sanitizeEvent(event, this.#vocabulary);
    if (clean === null || clean.kind === "scenario-started" || clean.kind === "scenario-ended") {
      return this.#drop("invalid");
    }
    return this.#append(seat, clean);
  }

  seatState(seat: string): SeatState {
    const state = this.#seats.get(seat);
    const participant = state?.participant;
    const consent = this.#consentOf(participant);
    return {
      seat,
      participant,
      consent,
      run:
        state === undefined || state.scenario === null
          ? undefined
          : { scenario: state.scenario, run: state.run },
      recorded:
        participant === undefined
          ? 0
          : this.#records.filter((r) => r.participant === participant).length,
    };
  }

  records(): readonly StudyRecord[] {
    return this.#records;
  }

  consents(): readonly ConsentRecord[] {
    return this.#consents;
  }

  /** Events refused since the service started (invalid or log full); no content is kept. */
  droppedCount(): number {
    return this.#dropped;
  }

  /** Deletes every record and consent and forgets every seat (a new session). */
  clear(): { readonly records: number; readonly consents: number } {
    const counts = { records: this.#records.length, consents: this.#consents.length };
    this.#records = [];
    this.#consents = [];
    this.#seats.clear();
    return counts;
  }

  /** What goes to disk: pseudonyms, ids and times. The seat links stay in memory. */
  stored(): StoredSessionLog {
    return { consents: this.#consents, records: this.#records };
  }

  #append(seat: string, event: StudyEvent): SessionRecordOutcome {
    const state = this.#seats.get(seat);
    const participant = state?.participant;
    if (state === undefined || participant === undefined) return "no-consent";
    if (this.#records.length >= this.#maxRecords) return this.#drop("log-full");
    const at = this.#now();
    if (!isTime(at)) return this.#drop("invalid");
    let seq = 0;
    for (const r of this.#records) if (r.participant === participant && r.seq > seq) seq = r.seq;
    this.#records.push({
      ...event,
      participant,
      scenario: state.scenario,
      run: state.run,
      seq: seq + 1,
      at,
    });
    return "recorded";
  }

  #seat(seat: string): Seat {
    if (!isSeat(seat)) throw new TypeError(`not a seat: ${JSON.stringify(seat)}`);
    const state = this.#seats.get(seat) ?? { participant: undefined, scenario: null, run: 0 };
    this.#seats.set(seat, state);
    return state;
  }

  #consentOf(participant: string | undefined): ConsentRecord | undefined {
    if (participant === undefined) return undefined;
    return this.#consents.find((c) => c.participant === participant);
  }

  #drop(outcome: "invalid" | "log-full"): SessionRecordOutcome {
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

/** The stored log as one JSON document. */
export function serializeSessionLog(log: StoredSessionLog): string {
  return `${JSON.stringify({ format: SESSION_LOG_FORMAT, ...log })}\n`;
}

/** Reads a stored document, keeping only what passes the same checks as recording. */
export function parseSessionLog(text: string, vocabulary: StudyVocabulary): StoredSessionLog {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { consents: [], records: [] };
  }
  if (typeof value !== "object" || value === null) return { consents: [], records: [] };
  const { format, consents, records } = value as Record<string, unknown>;
  if (format !== SESSION_LOG_FORMAT) return { consents: [], records: [] };
  return {
    consents: (Array.isArray(consents) ? consents : [])
      .map(sanitizeConsent)
      .filter((consent) => consent !== null),
    records: (Array.isArray(records) ? records : []).flatMap((value: unknown) => {
      const record = sanitizeRecord(value, vocabulary);
      return record !== null && isParticipantId(record.participant) ? [record] : [];
    }),
  };
}
