// Shared by the integration tests: fresh accounts on the real test
// homeserver, new devices signed in through the client's own Matrix layer,
// and waiting for something that arrives over sync.
import "fake-indexeddb/auto";
import { randomBytes, randomUUID } from "node:crypto";
import {
  ChatSession,
  signInWithPassword,
  type ChatSessionOptions,
  type SessionCredentials,
} from "@safety-by-design/client/actors";
import {
  ensureAccount,
  integrationTestInstance,
  resolveHomeserver,
  type Homeserver,
} from "../../../tools/lib/homeserver.ts";

export const testHomeserver: Homeserver = resolveHomeserver(integrationTestInstance());

export type TestAccount = { readonly username: string; readonly password: string };

/** A new account with a random name and password. */
export async function freshAccount(
  label: string,
  options: { admin?: boolean } = {},
): Promise<TestAccount> {
  const account = {
    username: `${label}-${randomUUID().slice(0, 8)}`,
    password: randomBytes(12).toString("hex"),
  };
  await ensureAccount(testHomeserver, {
    ...account,
    displayName: label,
    admin: options.admin === true,
  });
  return account;
}

/** Signs in as the sign-in screen does; every call is a new device. */
export async function signInNewDevice(account: TestAccount): Promise<SessionCredentials> {
  const result = await signInWithPassword(testHomeserver.url, account.username, account.password);
  if (!result.ok) throw new Error(`sign-in failed: ${result.failure.kind}`);
  return result.credentials;
}

/** A new device of the account, running with Rust crypto in memory. */
export async function startNewDevice(
  account: TestAccount,
  options: Partial<ChatSessionOptions> = {},
): Promise<ChatSession> {
  return ChatSession.start(await signInNewDevice(account), {
    storage: "memory",
    sdkLogLevel: "error",
    ...options,
  });
}

/** Polls until `probe` gives a value (not undefined or false), or fails after the timeout. */
export async function until<T>(
  probe: () => T | undefined | false,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A device's network that a test can cut: see cuttableNetwork. */
export type CuttableNetwork = {
  /** For ChatSessionOptions.fetchFn: every request of the session goes through it. */
  readonly fetchFn: typeof fetch;
  /** From now on every request fails as a lost connection does, requests in flight included. */
  cut(): void;
  /** Requests go through again. */
  restore(): void;
};

/**
 * Cuts a device off at the fetch level, as pulling the cable would: the SDK
 * sees the same failure (a TypeError from fetch) and goes through its own
 * reconnecting path (keep-alive polls, then a sync from its last token).
 */
export function cuttableNetwork(): CuttableNetwork {
  let isCut = false;
  const inFlight = new Set<AbortController>();
  const lost = (): TypeError => new TypeError("fetch failed (the test cut this device's network)");
  const fetchFn: typeof fetch = async (input, init) => {
    if (isCut) throw lost();
    const controller = new AbortController();
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : undefined;
    inFlight.add(controller);
    try {
      return await fetch(input, { ...init, signal: signal ?? controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw lost();
      throw error;
    } finally {
      inFlight.delete(controller);
    }
  };
  return {
    fetchFn,
    cut: () => {
      isCut = true;
      for (const controller of inFlight) controller.abort();
    },
    restore: () => {
      isCut = false;
    },
  };
}
