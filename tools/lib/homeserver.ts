// Tooling (Node only): reach the project's homeserver and create accounts on it.
// Used by the demo, the test runner, integration tests and e2e set-up.
// Accounts are made with Synapse's shared-secret registration API, so the
// homeserver needs no open registration.

import { createHmac } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const homeserverScript = join(repoRoot, "tools", "homeserver", "homeserver.sh");

/**
 * The local homeserver instances: the demo's, the e2e suite's two (`test` and
 * `test-b`: the suite runs in two halves side by side, each against its own
 * homeserver, client build and services; e2eHalves.ts), and the integration
 * suite's two (`integration` and `integration-b`, its halves the same way;
 * integrationHalves.ts), so the real-stack suites run side by side without
 * sharing accounts, rooms or load (tools/run-tests.ts).
 */
export type HomeserverInstance = "demo" | "test" | "test-b" | "integration" | "integration-b";

/**
 * The instance the integration tests use: the half's own (`integration` or
 * `integration-b`) when the test runner runs them (SBD_TEST_HOMESERVER_INSTANCE),
 * otherwise `test`, so a developer can run one test file against the usual instance.
 */
export function integrationTestInstance(): HomeserverInstance {
  const instance = process.env["SBD_TEST_HOMESERVER_INSTANCE"];
  return instance === "integration" || instance === "integration-b" ? instance : "test";
}

export type Homeserver = {
  readonly url: string;
  readonly serverName: string;
  /** Present when accounts can be created (local instance, or given by the environment). */
  readonly registrationSharedSecret: string | undefined;
  /** The local instance's data folder (database, media, logs); absent for an external homeserver. */
  readonly dataDir: string | undefined;
};

export function instanceDataDir(instance: HomeserverInstance): string {
  return join(repoRoot, ".local", "homeserver", instance);
}

/** Runs tools/homeserver/homeserver.sh with a command, for one instance. */
export function homeserverCommand(
  instance: HomeserverInstance,
  command: "start" | "stop" | "status" | "reset",
): void {
  execFileSync("bash", [homeserverScript, command], {
    stdio: "inherit",
    env: { ...process.env, HOMESERVER_INSTANCE: instance },
  });
}

/** Where the instance is: an external homeserver from the environment, or the local one. */
export function resolveHomeserver(instance: HomeserverInstance): Homeserver {
  const external = process.env["MATRIX_HOMESERVER_URL"];
  if (external !== undefined && external !== "") {
    return {
      url: external.replace(/\/+$/, ""),
      serverName: process.env["MATRIX_SERVER_NAME"] ?? new URL(external).hostname,
      registrationSharedSecret: process.env["MATRIX_REGISTRATION_SHARED_SECRET"],
      // A local instance run by hand (e.g. .local/homeserver/h2): its storage can be searched too.
      dataDir: process.env["MATRIX_HOMESERVER_DATA_DIR"]?.trim()
        ? process.env["MATRIX_HOMESERVER_DATA_DIR"]
        : undefined,
    };
  }
  const dataDir = instanceDataDir(instance);
  const info = JSON.parse(readFileSync(join(dataDir, "instance.json"), "utf8")) as {
    homeserverUrl: string;
    serverName: string;
    registrationSharedSecret: string;
  };
  return {
    url: info.homeserverUrl,
    serverName: info.serverName,
    registrationSharedSecret: info.registrationSharedSecret,
    dataDir,
  };
}

export type RegisteredAccount = {
  readonly userId: string;
  readonly username: string;
  readonly password: string;
};

/**
 * Creates an account, or confirms it exists with that password (idempotent:
 * the demo seeding and the tests may run many times against one homeserver).
 */
export async function ensureAccount(
  homeserver: Homeserver,
  account: { username: string; password: string; displayName: string; admin?: boolean },
): Promise<RegisteredAccount> {
  const userId = `@${account.username}:${homeserver.serverName}`;
  if (await canLogIn(homeserver, account.username, account.password)) {
    return { userId, username: account.username, password: account.password };
  }
  const secret = homeserver.registrationSharedSecret;
  if (secret === undefined) {
    throw new Error(
      `cannot create ${userId}: set MATRIX_REGISTRATION_SHARED_SECRET for the homeserver at ${homeserver.url}`,
    );
  }
  const endpoint = `${homeserver.url}/_synapse/admin/v1/register`;
  const { nonce } = (await (await fetch(endpoint)).json()) as { nonce: string };
  const admin = account.admin === true;
  // Synapse's HMAC-SHA1 over nonce, user, password and admin flag, NUL-separated.
  const mac = createHmac("sha1", secret)
    .update([nonce, account.username, account.password, admin ? "admin" : "notadmin"].join("\0"))
    .digest("hex");
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      nonce,
      username: account.username,
      password: account.password,
      displayname: account.displayName,
      admin,
      mac,
    }),
  });
  if (!response.ok) {
    throw new Error(`registering ${userId} failed: ${response.status} ${await response.text()}`);
  }
  return { userId, username: account.username, password: account.password };
}

async function canLogIn(
  homeserver: Homeserver,
  username: string,
  password: string,
): Promise<boolean> {
  const response = await fetch(`${homeserver.url}/_matrix/client/v3/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "m.login.password",
      identifier: { type: "m.id.user", user: username },
      password,
    }),
  });
  if (!response.ok) return false;
  // Do not leave a device behind for every check.
  const { access_token: token } = (await response.json()) as { access_token: string };
  await fetch(`${homeserver.url}/_matrix/client/v3/logout`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
  });
  return true;
}
