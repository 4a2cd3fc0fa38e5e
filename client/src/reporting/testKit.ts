// Services layer, reporting: fakes shared by this folder's tests (only
// *.test.ts files import this): a manual clock and timer, a scripted
// transport, and (from the protocol's fixtures) a typical report as the UI
// would file it.

import type { Clock, Timer } from "./outbox.ts";
import type { DeliveryResult, ReportTransport } from "./transport.ts";

export {
  ALEX,
  NOOR,
  ROOM,
  fixedEnvironment,
  message,
  messageReport,
} from "@safety-by-design/protocol/testing";

/** Time that moves only when a test says so; timers fire in order as it moves. */
export class ManualTime implements Clock, Timer {
  #now: number;
  #nextHandle = 1;
  readonly #tasks = new Map<number, { at: number; callback: () => void }>();

  constructor(start = 1_700_000_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const handle = this.#nextHandle++;
    this.#tasks.set(handle, { at: this.#now + delayMs, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.#tasks.delete(handle as number);
  }

  /** Delays of the timers still pending, from now. */
  pending(): number[] {
    return [...this.#tasks.values()].map((t) => t.at - this.#now).sort((a, b) => a - b);
  }

  /** Moves time forward, firing each timer that falls due (earliest first). */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#tasks) {
        if (entry[1].at <= end && (due === undefined || entry[1].at < due[1].at)) due = entry;
      }
      if (due === undefined) break;
      this.#tasks.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].callback();
    }
    this.#now = end;
  }
}

export type TransportCall = {
  readonly kind: "event" | "user" | "intake";
  readonly target: string;
  readonly reason: string;
};

/** Answers each request with the next scripted result (the last one repeats). */
export function scriptedTransport(
  script: readonly DeliveryResult[] | ((call: TransportCall) => DeliveryResult),
): ReportTransport & { readonly calls: TransportCall[] } {
  const calls: TransportCall[] = [];
  const answer = (call: TransportCall): Promise<DeliveryResult> => {
    calls.push(call);
    if (typeof script === "function") return Promise.resolve(script(call));
    const result = script[Math.min(calls.length - 1, script.length - 1)];
    if (result === undefined) throw new Error("empty script");
    return Promise.resolve(result);
  };
  return {
    calls,
    reportEvent: (roomId, eventId, reason) =>
      answer({ kind: "event", target: `${roomId}/${eventId}`, reason }),
    reportUser: (userId, reason) => answer({ kind: "user", target: userId, reason }),
    deliverToIntake: (part) => answer({ kind: "intake", target: "intake", reason: part }),
  };
}

export const DELIVERED: DeliveryResult = { kind: "delivered" };
export const OFFLINE: DeliveryResult = {
  kind: "retryable",
  problem: { status: null, errcode: null, message: "fetch failed" },
  retryAfterMs: null,
};
export const SERVER_DOWN: DeliveryResult = {
  kind: "retryable",
  problem: { status: 502, errcode: null, message: "Bad Gateway" },
  retryAfterMs: null,
};
export const NOT_FOUND: DeliveryResult = {
  kind: "permanent",
  problem: { status: 404, errcode: "M_NOT_FOUND", message: "Unable to report event" },
};
