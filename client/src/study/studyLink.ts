// Study kit: a participant's device and the classroom's study service. At
// session start the device asks the service whether its account has a seat
// and which policy pack the facilitator assigned; from then on the events
// view models record go to the service, and nowhere else, but only while the
// service says the facilitator recorded consent: every send first asks. The
// device keeps nothing on disk: events wait in memory until they are sent,
// and a withdrawal (the service answers "no consent") drops them at once.
// Without a study service, or for an account without a seat, nothing is sent.

import type { StudyEventInput } from "./events.ts";
import type { StudyRecorder } from "./recorder.ts";

export type StudyLinkOptions = {
  /** The study service's base URL (same origin in a classroom); undefined: no study. */
  readonly baseUrl: string | undefined;
  readonly fetch: typeof fetch;
  /** Waits before a retry (setTimeout in the app; tests pass their own). */
  readonly wait: (ms: number) => Promise<void>;
  readonly failed: (message: string, error: unknown) => void;
};

export type SeatAssignment = {
  readonly packId: string | undefined;
  /**
   * The service confirmed the seat: a study account, reset after the
   * session (the app offers it no recovery key). False when the service did
   * not answer at session start.
   */
  readonly resetAfterSession: boolean;
};

export type StudyLink = {
  /** The port handed to view models. */
  readonly recorder: StudyRecorder;
  /** At session start: the seat's assignment, undefined when this account has no seat. */
  readonly join: (accessToken: string) => Promise<SeatAssignment | undefined>;
  /** At sign-out: stops sending; events not yet sent are dropped. */
  readonly leave: () => void;
  /** Resolves when every queued event was sent or dropped (tests and the bench). */
  readonly settled: () => Promise<void>;
};

/** Events waiting at most; more while the service is away are dropped. */
export const MAX_QUEUED_EVENTS = 500;
const RETRIES = 5;
const RETRY_MS = 2000;

type ParticipantView = { readonly consent: boolean; readonly packId: string | null };

function isParticipantView(value: unknown): value is ParticipantView {
  if (typeof value !== "object" || value === null) return false;
  const { consent, packId } = value as Record<string, unknown>;
  return typeof consent === "boolean" && (packId === null || typeof packId === "string");
}

export function createStudyLink(options: StudyLinkOptions): StudyLink {
  let token: string | undefined;
  let queue: StudyEventInput[] = [];
  let sending: Promise<void> | undefined;

  const call = async (method: "GET" | "POST", path: string, body?: unknown): Promise<Response> => {
    const base = options.baseUrl ?? "";
    return options.fetch(`${base.replace(/\/+$/, "")}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token ?? ""}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  };

  const participant = async (): Promise<ParticipantView | undefined> => {
    const response = await call("GET", "/participant");
    // No seat: { seated: false } (an older service: 404).
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`the study service answered ${response.status}`);
    const view: unknown = await response.json();
    if (isNotSeated(view)) return undefined;
    if (!isParticipantView(view)) throw new Error("the study service sent something else");
    return view;
  };

  /** Sends what is queued, asking about consent first; retries while the service is away. */
  const drain = async (): Promise<void> => {
    let tries = 0;
    while (queue.length > 0 && token !== undefined) {
      // A copy: events recorded while this batch is under way wait for the next one.
      const batch = [...queue];
      try {
        const view = await participant();
        if (view === undefined || !view.consent) {
          // No seat, no consent, or withdrawn: nothing is sent and nothing kept.
          queue = queue.slice(batch.length);
          continue;
        }
        const response = await call("POST", "/participant/events", { events: batch });
        if (!response.ok) throw new Error(`the study service answered ${response.status}`);
        queue = queue.slice(batch.length);
        tries = 0;
      } catch (error) {
        tries += 1;
        if (tries > RETRIES) {
          options.failed("study events could not be sent; dropped", error);
          queue = queue.slice(batch.length);
          tries = 0;
          continue;
        }
        await options.wait(RETRY_MS);
      }
    }
  };

  const kick = (): void => {
    if (sending !== undefined) return;
    sending = drain().finally(() => {
      sending = undefined;
      if (queue.length > 0 && token !== undefined) kick();
    });
  };

  return {
    recorder: {
      record: (event) => {
        if (options.baseUrl === undefined || token === undefined) return;
        if (queue.length >= MAX_QUEUED_EVENTS) return;
        queue.push(event);
        kick();
      },
    },
    join: async (accessToken) => {
      if (options.baseUrl === undefined) return undefined;
      token = accessToken;
      try {
        const view = await participant();
        if (view === undefined) {
          token = undefined;
          return undefined;
        }
        return { packId: view.packId ?? undefined, resetAfterSession: true };
      } catch (error) {
        // The seat stays linked: sending retries later, consent is asked each time.
        options.failed("the study service did not answer at session start", error);
        return { packId: undefined, resetAfterSession: false };
      }
    },
    leave: () => {
      token = undefined;
      queue = [];
    },
    settled: async () => {
      while (sending !== undefined) await sending;
    },
  };
}

function isNotSeated(value: unknown): boolean {
  return typeof value === "object" && value !== null && "seated" in value && value.seated === false;
}
