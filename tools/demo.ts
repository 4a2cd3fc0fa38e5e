// `npm start`: the whole demo on this machine. Starts the demo homeserver
// (or uses MATRIX_HOMESERVER_URL), makes sure the persona accounts exist,
// starts the demo age-assurance provider, builds and serves the client, and
// prints where to go and how to sign in. Ctrl-C stops all of it.

import { spawn } from "node:child_process";
import { startAgeIssuerService, type AgeIssuerService } from "./lib/ageIssuerService.ts";
import { startBackground, type BackgroundProcess } from "./lib/background.ts";
import {
  AGE_ISSUER_PORTS,
  clientBuildEnvironment,
  prepareLocalDeployment,
} from "./lib/deployment.ts";
import { homeserverCommand, repoRoot, resolveHomeserver } from "./lib/homeserver.ts";
import { DEMO_PASSWORD } from "./lib/personas.ts";
import { seedPersonaAccounts } from "./lib/seed.ts";

const CLIENT_PORT = Number(process.env["DEMO_PORT"] ?? 5173);
const usesExternalHomeserver = (process.env["MATRIX_HOMESERVER_URL"] ?? "") !== "";

function runToEnd(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
    });
  });
}

let client: BackgroundProcess | undefined;
let ageIssuer: AgeIssuerService | undefined;
let stopping = false;

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the demo…");
  client?.stop();
  void ageIssuer?.close();
  if (!usesExternalHomeserver) {
    try {
      homeserverCommand("demo", "stop");
    } catch {
      console.error("Stopping the homeserver failed: run `npm run homeserver -- stop`.");
    }
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on("SIGINT", () => {
    stopAll(0);
  });
  process.on("SIGTERM", () => {
    stopAll(0);
  });

  if (!usesExternalHomeserver) homeserverCommand("demo", "start");
  const homeserver = resolveHomeserver("demo");
  const personas = await seedPersonaAccounts(homeserver);
  const deployment = await prepareLocalDeployment("demo");
  ageIssuer = await startAgeIssuerService({
    issuer: deployment.issuer,
    issuerDir: deployment.issuerDir,
    homeserver,
    port: AGE_ISSUER_PORTS.demo,
  });

  console.log("Building the client…");
  await runToEnd(
    "npx",
    ["vite", "build", "--logLevel", "warn"],
    clientBuildEnvironment(deployment, homeserver.url),
  );
  client = startBackground("npx", [
    "vite",
    "preview",
    "--port",
    String(CLIENT_PORT),
    "--logLevel",
    "warn",
  ]);
  client.child.on("exit", (code) => {
    if (!stopping) {
      console.error(`The client server stopped unexpectedly (exit ${code}).`);
      stopAll(1);
    }
  });

  const url = `http://127.0.0.1:${CLIENT_PORT}/`;
  console.log(`
safety-by-design chat is running.

  Open:       ${url}
  Homeserver: ${homeserver.url}
  Age issuer: ${ageIssuer.url}   (demo age-assurance provider)
  Moderation key: ${deployment.moderationKeyFile}   (the moderator imports it)
  Password:   ${DEMO_PASSWORD}   (every demo account)

  account        persona      age  band        role`);
  for (const p of personas) {
    console.log(
      `  ${p.username.padEnd(14)} ${p.displayName.padEnd(12)} ${String(p.age ?? "?").padEnd(4)} ${p.band.padEnd(11)} ${p.role}`,
    );
  }
  console.log("\nSign in with an account name and the password. Press Ctrl-C to stop everything.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
