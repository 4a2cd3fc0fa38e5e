// Study kit: the facilitator console's client for the classroom's study
// service (tools/lib/studyService.ts): seats, consent, scenarios per seat,
// the live session and the merged export. Every call carries the
// facilitator's access token; the service checks it. What comes back is
// checked again here with the study's vocabulary before the console shows
// or exports it, so a record can only hold what recording allows.

import { isConsentTextVersion, sanitizeConsent, type ConsentRecord } from "./consent.ts";
import {
  isCount,
  isParticipantId,
  isScenarioId,
  isSlug,
  isTime,
  sanitizeRecord,
  type StudyRecord,
  type StudyVocabulary,
} from "./events.ts";
import { isSeat } from "./sessionLog.ts";

export type ScenarioListing = {
  readonly id: string;
  readonly title: { readonly nl: string; readonly en: string };
  /** The persona the script was written for (its words name them). */
  readonly participant: string;
  /** That persona's band: the console suggests the scenario to seats of the same band. */
  readonly band: string;
};

export type ScenarioRunView = {
  readonly scenarioId: string;
  readonly status: "running" | "finished" | "failed" | "stopped";
  readonly steps: readonly {
    readonly index: number;
    readonly step: string;
    readonly status: string;
  }[];
};

export type SeatView = {
  readonly seat: string;
  readonly band: string;
  readonly packId: string;
  readonly participant: string | null;
  readonly consent: { readonly textVersion: string; readonly givenAt: number } | null;
  readonly loggedRun: { readonly scenario: string; readonly run: number } | null;
  readonly recorded: number;
  readonly actor: ScenarioRunView | null;
  /**
   * The seat's open one-time sign-in code, for its QR link on this console
   * only; null once a phone used it (or the service restarted since).
   */
  readonly signInCode: string | null;
};

export type SessionView = {
  readonly seats: readonly SeatView[];
  /** Newest first. */
  readonly timeline: readonly StudyRecord[];
};

export type SeatPlan = {
  readonly count: number;
  readonly bands: readonly string[];
  readonly packs: readonly string[];
  readonly balanced: boolean;
};

export type StudyServicePort = {
  scenarios(): Promise<readonly ScenarioListing[]>;
  session(): Promise<SessionView>;
  createSeats(plan: SeatPlan): Promise<readonly string[]>;
  setPack(seat: string, packId: string): Promise<void>;
  giveConsent(seat: string): Promise<string>;
  withdrawConsent(seat: string): Promise<{ readonly deleted: number }>;
  resetSeat(seat: string): Promise<{ readonly declined: number; readonly left: number }>;
  /** A fresh sign-in code for the seat; every device signed in as it is signed out. */
  renewSignInCode(seat: string): Promise<{ readonly signedOut: number }>;
  start(seat: string, scenarioId: string): Promise<void>;
  stop(seat: string): Promise<void>;
  exportLog(): Promise<{
    readonly consents: readonly ConsentRecord[];
    readonly records: readonly StudyRecord[];
  }>;
  clearSession(): Promise<{ readonly records: number; readonly consents: number }>;
};

const RUN_STATUSES = ["running", "finished", "failed", "stopped"] as const;
/** The study service's one-time sign-in codes: 24 random bytes, base64url. */
const SIGN_IN_CODE = /^[A-Za-z0-9_-]{32}$/;

export function createStudyServiceClient(
  baseUrl: string,
  accessToken: string,
  vocabulary: StudyVocabulary,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): StudyServicePort {
  const call = async (
    method: "GET" | "POST" | "PUT",
    path: string,
    body?: unknown,
  ): Promise<unknown> => {
    const response = await fetchImpl(`${baseUrl.replace(/\/+$/, "")}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return response.json();
  };
  const seatPath = (seat: string, rest: string): string => {
    if (!isSeat(seat)) throw new Error("not a seat");
    return `/seats/${seat}/${rest}`;
  };
  const records = (value: unknown): StudyRecord[] =>
    (Array.isArray(value) ? value : []).flatMap((r: unknown) => {
      const record = sanitizeRecord(r, vocabulary);
      return record === null ? [] : [record];
    });
  return {
    scenarios: async () => {
      const list = await call("GET", "/scenarios");
      return (Array.isArray(list) ? list : []).flatMap((item: unknown) => {
        const listing = fields(item);
        const title = fields(listing["title"]);
        const { id, participant, band } = listing;
        if (!isSlug(id) || !isSlug(participant) || typeof band !== "string") return [];
        if (typeof title["nl"] !== "string" || typeof title["en"] !== "string") return [];
        return [{ id, participant, band, title: { nl: title["nl"], en: title["en"] } }];
      });
    },
    session: async () => {
      const view = fields(await call("GET", "/session"));
      const seats = (Array.isArray(view["seats"]) ? view["seats"] : []).flatMap((s: unknown) => {
        const seat = seatView(s, vocabulary);
        return seat === null ? [] : [seat];
      });
      return { seats, timeline: records(view["timeline"]) };
    },
    createSeats: async (plan) => {
      const created = fields(await call("POST", "/seats", plan))["created"];
      return Array.isArray(created) ? created.filter(isSeat) : [];
    },
    setPack: async (seat, packId) => {
      await call("PUT", seatPath(seat, "pack"), { packId });
    },
    giveConsent: async (seat) => {
      const participant = fields(await call("POST", seatPath(seat, "consent")))["participant"];
      if (!isParticipantId(participant)) throw new Error("the service sent no pseudonym");
      return participant;
    },
    withdrawConsent: async (seat) => {
      const deleted = fields(await call("POST", seatPath(seat, "withdraw")))["deleted"];
      return { deleted: isCount(deleted) ? deleted : 0 };
    },
    resetSeat: async (seat) => {
      const result = fields(await call("POST", seatPath(seat, "reset")));
      const { declined, left } = result;
      return { declined: isCount(declined) ? declined : 0, left: isCount(left) ? left : 0 };
    },
    renewSignInCode: async (seat) => {
      const signedOut = fields(await call("POST", seatPath(seat, "sign-in-code")))["signedOut"];
      return { signedOut: isCount(signedOut) ? signedOut : 0 };
    },
    start: async (seat, scenarioId) => {
      if (!isSlug(scenarioId)) throw new Error("not a scenario id");
      await call("POST", seatPath(seat, `scenarios/${scenarioId}/start`));
    },
    stop: async (seat) => {
      await call("POST", seatPath(seat, "scenarios/stop"));
    },
    exportLog: async () => {
      const log = fields(await call("GET", "/export"));
      const consents = (Array.isArray(log["consents"]) ? log["consents"] : []).flatMap(
        (c: unknown) => {
          const consent = sanitizeConsent(c);
          return consent === null ? [] : [consent];
        },
      );
      return { consents, records: records(log["records"]) };
    },
    clearSession: async () => {
      const result = fields(await call("POST", "/session/clear"));
      const { records: deleted, consents } = result;
      return {
        records: isCount(deleted) ? deleted : 0,
        consents: isCount(consents) ? consents : 0,
      };
    },
  };
}

function fields(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function seatView(value: unknown, vocabulary: StudyVocabulary): SeatView | null {
  const view = fields(value);
  const { seat, band, packId, participant, recorded, signInCode } = view;
  if (!isSeat(seat) || typeof band !== "string" || !isSlug(packId) || !isCount(recorded)) {
    return null;
  }
  const consent = fields(view["consent"]);
  const run = fields(view["loggedRun"]);
  const actor = fields(view["actor"]);
  const steps = Array.isArray(actor["steps"]) ? actor["steps"] : [];
  const status = actor["status"];
  return {
    seat,
    band,
    packId,
    participant: isParticipantId(participant) ? participant : null,
    consent:
      isConsentTextVersion(consent["textVersion"]) && isTime(consent["givenAt"])
        ? { textVersion: consent["textVersion"], givenAt: consent["givenAt"] }
        : null,
    loggedRun:
      isScenarioId(run["scenario"], vocabulary) && isCount(run["run"])
        ? { scenario: run["scenario"], run: run["run"] }
        : null,
    recorded,
    actor:
      isSlug(actor["scenarioId"]) &&
      typeof status === "string" &&
      (RUN_STATUSES as readonly string[]).includes(status)
        ? {
            scenarioId: actor["scenarioId"],
            status: status as ScenarioRunView["status"],
            steps: steps.flatMap((s: unknown) => {
              const step = fields(s);
              return isCount(step["index"]) && isSlug(step["step"]) && isSlug(step["status"])
                ? [{ index: step["index"], step: step["step"], status: step["status"] }]
                : [];
            }),
          }
        : null,
    signInCode: typeof signInCode === "string" && SIGN_IN_CODE.test(signInCode) ? signInCode : null,
  };
}
