// Matrix layer: how much matrix-js-sdk writes to the console.
//
// The SDK logs through one process-wide loglevel logger ("matrix") and child
// loggers made from it with getChild ("matrix-sync", "matrix-[RustBackupManager]",
// "matrix-PollingCachedValue<RTCTransports>", one per room's encryption, ...).
// Each child is a loglevel logger of its own that the SDK sets to DEBUG when it
// makes it, so a level set on the parent never reaches it. What a child does
// take from its parent is the `methodFactory`, copied in getChild. So the
// level is enforced there: the factory installed below drops every line under
// the current level, at call time, for the root and every child made from it.
//
// It is installed when this module loads, and chatSession.ts imports it before
// the SDK: some SDK modules bind a logging method once, when they load
// (event-timeline-set.ts: `debuglog = logger.log.bind(logger)`), and only a
// method built by this factory obeys a level set later.

import { logger as sdkRootLogger } from "matrix-js-sdk/lib/logger.js";

export type SdkLogLevel = "debug" | "info" | "warn" | "error" | "silent";

type LogMethodName = "trace" | "debug" | "info" | "warn" | "error";
type LogMethod = (...args: unknown[]) => void;
type MethodFactory = (methodName: LogMethodName, level: number, loggerName: unknown) => LogMethod;

/** The part of loglevel's Logger this module relies on; checked at run time. */
type LoglevelLogger = {
  methodFactory: MethodFactory;
  rebuild(): void;
  getChild(name: string): unknown;
};

const RANK: Readonly<Record<LogMethodName | SdkLogLevel, number>> = {
  trace: 0,
  debug: 1,
  info: 2,
  warn: 3,
  error: 4,
  silent: 5,
};

/**
 * Children the SDK makes when its modules load. Where the SDK loaded before
 * this module (a test that imports it first), getChild gives them the root's,
 * by then our, factory again. Children made later (per client, per room, per
 * request) inherit it when they are made.
 */
const CHILDREN_MADE_AT_LOAD = ["RoomStickyEvents"] as const;

let threshold: number = RANK.warn;

function asLoglevelLogger(logger: unknown): LoglevelLogger {
  const candidate = logger as Partial<LoglevelLogger> | null;
  if (
    typeof candidate?.methodFactory !== "function" ||
    typeof candidate.rebuild !== "function" ||
    typeof candidate.getChild !== "function"
  ) {
    // An SDK upgrade changed its logger: fail here (and in the unit test), not by flooding the console.
    throw new Error("matrix-js-sdk's logger is no longer a loglevel logger: see sdkLogging.ts");
  }
  return candidate as LoglevelLogger;
}

/**
 * A request the SDK gave up because the session stopped (sign-out, a closed
 * tab, a tool's actor finishing) is logged as an error ("Failed to process
 * outgoing request 0: AbortError: This operation was aborted",
 * OutgoingRequestsManager) though nothing failed: it counts as debug.
 */
function rankOf(rank: number, args: readonly unknown[]): number {
  const aborted = args.some(
    (arg) =>
      (arg instanceof Error && arg.name === "AbortError") ||
      (typeof arg === "string" && /\bAbortError\b/.test(arg)),
  );
  return aborted ? RANK.debug : rank;
}

function installLevelledFactory(): void {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the process-wide root is what every SDK logger derives from
  const root = asLoglevelLogger(sdkRootLogger);
  const write = root.methodFactory;
  root.methodFactory = (methodName, level, loggerName) => {
    const method = write(methodName, level, loggerName);
    const rank = RANK[methodName];
    // `this` is the logger the line is written through: the SDK's factory reads its prefix.
    return function (this: unknown, ...args: unknown[]): void {
      if (rankOf(rank, args) >= threshold) method.apply(this, args);
    };
  };
  root.rebuild();
  for (const name of CHILDREN_MADE_AT_LOAD) root.getChild(name);
}

installLevelledFactory();

/** Sets the level for every SDK logger in this process, those made before and after. */
export function setSdkLogLevel(level: SdkLogLevel): void {
  threshold = RANK[level];
}
