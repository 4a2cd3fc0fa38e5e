// Tooling (Node only): what `npm start -- --lan` adds to the demo, and what
// the classroom e2e test and bench start the same way: the app built for one
// HTTPS origin on a network address, and the front (lanFront.ts) with a
// certificate for that address from the project's CA (lanCertificates.ts).
//
// The address is the laptop's own network address in a classroom
// (`lanAddressOfThisMachine`, only ever called by `npm start`); tests and
// benches pass a loopback alias such as 127.0.0.2 (--lan-address), so no
// test traffic leaves the loopback range.

import { spawn } from "node:child_process";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { clientBuildEnvironment, type LocalDeployment } from "./deployment.ts";
import { repoRoot, type Homeserver } from "./homeserver.ts";
import {
  issueServerCertificate,
  loadOrCreateAuthority,
  type CertificateAuthority,
  type ServerCertificate,
} from "./lanCertificates.ts";
import { startLanFront, type LanFront } from "./lanFront.ts";

/** The HTTPS port of the classroom's front by default. */
export const LAN_PORT = 8443;

export const LAN_CA_DIR = join(repoRoot, ".local", "lan", "ca");

export type LanOptions = { readonly address: string; readonly port: number };

/**
 * Reads `--lan`, `--lan-address <ip>` and `--lan-port <n>` from the command
 * line; undefined without `--lan`. Without an address, the laptop's first
 * IPv4 network address (`npm start` only; tests always pass one).
 */
export function lanOptionsFrom(
  args: readonly string[],
  detect: () => string | undefined = lanAddressOfThisMachine,
): LanOptions | undefined {
  const valueOf = (flag: string): string | undefined => {
    const index = args.indexOf(flag);
    return index === -1 ? undefined : args[index + 1];
  };
  const addressArg = valueOf("--lan-address");
  if (!args.includes("--lan") && addressArg === undefined) return undefined;
  const address = addressArg ?? detect();
  if (address === undefined) {
    throw new Error(
      "no network address found: connect to the classroom network, or pass --lan-address",
    );
  }
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) throw new Error(`not an IPv4 address: ${address}`);
  const port = Number(valueOf("--lan-port") ?? LAN_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error("--lan-port: 1 to 65535");
  return { address, port };
}

/** The laptop's first non-internal IPv4 address: where phones on its network reach it. */
export function lanAddressOfThisMachine(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const entry of addresses ?? []) {
      if (entry.family === "IPv4" && !entry.internal) return entry.address;
    }
  }
  return undefined;
}

/**
 * The classroom's facilitator account (`npm start -- --lan`): not the demo's
 * `facilitator`, whose password is the demo's shared one that anyone may
 * know, but an account of its own with a fresh random password at every
 * start, shown on the laptop's terminal only. The console shows every seat's
 * one-time QR code, so whoever signs in to it could sign in as any seat.
 */
export const LAN_FACILITATOR = "begeleider";

/** The client's build environment for the classroom origin: every service on the same origin. */
export function lanClientEnvironment(
  deployment: LocalDeployment,
  homeserver: Pick<Homeserver, "url" | "serverName">,
  origin: string,
  /** Who may use the console; default the deployment's (the demo's facilitator). */
  facilitators?: readonly string[],
): Record<string, string> {
  return {
    ...clientBuildEnvironment(deployment, homeserver),
    ...(facilitators === undefined ? {} : { VITE_STUDY_FACILITATORS: facilitators.join(",") }),
    VITE_HOMESERVER_URL: origin,
    VITE_STUDY_SERVICE_URL: `${origin}/study`,
    VITE_AGE_ISSUER_URL: `${origin}/age`,
    VITE_DISCOVERY_SERVICE_URL: `${origin}/discovery`,
    VITE_REPORT_INTAKE_URL: `${origin}/intake`,
  };
}

/** Builds the client for the classroom origin into `outDir`. */
export function buildLanClient(env: Record<string, string>, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "npx",
      ["vite", "build", "--logLevel", "warn", "--outDir", outDir, "--emptyOutDir"],
      { cwd: repoRoot, stdio: "inherit", env: { ...process.env, ...env } },
    );
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build for the classroom exited with ${code}`));
    });
  });
}

export type Classroom = {
  readonly front: LanFront;
  readonly authority: CertificateAuthority;
  readonly certificate: ServerCertificate;
};

/** The project's CA (made once), a certificate for the address, and the front on it. */
export async function startClassroomFront(options: {
  readonly lan: LanOptions;
  readonly clientDir: string;
  readonly upstreams: Parameters<typeof startLanFront>[0]["upstreams"];
  readonly caDir?: string;
}): Promise<Classroom> {
  const authority = await loadOrCreateAuthority(options.caDir ?? LAN_CA_DIR);
  const certificate = issueServerCertificate(authority, options.lan.address, new Date());
  const front = await startLanFront({
    address: options.lan.address,
    port: options.lan.port,
    certificate,
    authority,
    clientDir: options.clientDir,
    upstreams: options.upstreams,
  });
  return { front, authority, certificate };
}
