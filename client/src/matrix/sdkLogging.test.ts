import { logger, type BaseLogger, type Logger } from "matrix-js-sdk/lib/logger.js";
import { afterAll, describe, expect, it, vi } from "vitest";
import { setSdkLogLevel } from "./sdkLogging.ts";

// eslint-disable-next-line @typescript-eslint/no-deprecated -- the process-wide root logger is what is tested
const sdkRootLogger: Logger = logger;

// The unit setup makes every console call throw; here the calls are counted instead.
function consoleCalls(): () => Record<"debug" | "info" | "warn" | "error", number> {
  const spies = {
    debug: vi.spyOn(console, "debug").mockImplementation(() => undefined),
    info: vi.spyOn(console, "info").mockImplementation(() => undefined),
    warn: vi.spyOn(console, "warn").mockImplementation(() => undefined),
    error: vi.spyOn(console, "error").mockImplementation(() => undefined),
  };
  return () => ({
    debug: spies.debug.mock.calls.length,
    info: spies.info.mock.calls.length,
    warn: spies.warn.mock.calls.length,
    error: spies.error.mock.calls.length,
  });
}

function logEveryLevel(logger: BaseLogger): void {
  logger.debug("a debug line");
  logger.info("an info line");
  logger.warn("a warn line");
  logger.error("an error line");
}

describe("setSdkLogLevel", () => {
  afterAll(() => {
    setSdkLogLevel("warn");
  });

  it("reaches child loggers, which the SDK sets to debug when it makes them", () => {
    const counts = consoleCalls();
    setSdkLogLevel("error");
    // As the client makes its sync logger and PollingCachedValue its own.
    const child = sdkRootLogger.getChild("sync").getChild("PollingCachedValue<RTCTransports>");
    logEveryLevel(child);
    expect(counts()).toEqual({ debug: 0, info: 0, warn: 0, error: 1 });
  });

  it("applies a new level to children that already exist", () => {
    const counts = consoleCalls();
    setSdkLogLevel("warn");
    const child = sdkRootLogger.getChild("[RustBackupManager]");
    logEveryLevel(child);
    setSdkLogLevel("silent");
    logEveryLevel(child);
    logEveryLevel(sdkRootLogger);
    expect(counts()).toEqual({ debug: 0, info: 0, warn: 1, error: 1 });
  });

  it("counts a request aborted because the session stopped as debug, not as an error", () => {
    const counts = consoleCalls();
    setSdkLogLevel("warn");
    const child = sdkRootLogger.getChild("[OutgoingRequestsManager]");
    const aborted = new Error("This operation was aborted");
    aborted.name = "AbortError";
    child.error(`Failed to process outgoing request 0: ${String(aborted)}`);
    child.error("Failed to process outgoing request", aborted);
    child.error(`Failed to process outgoing request 0: ${String(new Error("M_FORBIDDEN"))}`);
    expect(counts().error).toBe(1);
    setSdkLogLevel("debug");
    child.error(`Failed to process outgoing request 0: ${String(aborted)}`);
    expect(counts()).toMatchObject({ error: 2 });
  });
});
