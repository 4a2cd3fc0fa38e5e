// `npm start`: the whole demo on this machine. Starts the demo homeserver
// (or uses MATRIX_HOMESERVER_URL), makes sure the persona accounts and their
// starting state exist (tools/lib/demoSeed.ts: Noor and Lotte's history, Daan
// findable by peers), starts the demo age-assurance provider and the
// discovery gatekeeper ("Find people"), builds and serves the client, and
// prints where to go and how to sign in. Ctrl-C stops
// all of it; `npm run demo:reset` (tools/demo-reset.ts) returns to the seeded state.

import { spawn } from "node:child_process";
import { join } from "node:path";
import { startAgeIssuerService, type AgeIssuerService } from "./lib/ageIssuerService.ts";
import { startDiscoveryService, type DiscoveryService } from "./lib/discoveryService.ts";
import { startStudyService, studyStorageDir, type StudyService } from "./lib/studyService.ts";
import { renewAccountPassword } from "./lib/studySeatAccounts.ts";
import { startBackground, type BackgroundProcess } from "./lib/background.ts";
import { startReportIntake, type ReportIntake } from "./lib/reportIntakeService.ts";
import {
  OUTCOME_RETENTION_MS,
  outcomeStorageDir,
  REPORT_INTAKE_PORTS,
} from "./lib/reportingDeployment.ts";
import {
  AGE_ISSUER_PORTS,
  clientBuildEnvironment,
  DISCOVERY_SERVICE_PORTS,
  facilitatorUserIds,
  moderationUserIds,
  prepareLocalDeployment,
  STUDY_SERVICE_PORTS,
} from "./lib/deployment.ts";
import { homeserverCommand, repoRoot, resolveHomeserver } from "./lib/homeserver.ts";
import { recoveryKeyFile, seedDemoState, type DemoSeed } from "./lib/demoSeed.ts";
import { DEMO_PASSWORD } from "./lib/personas.ts";
import { seedPersonaAccounts, type SeededPersona } from "./lib/seed.ts";
import {
  buildLanClient,
  LAN_FACILITATOR,
  lanClientEnvironment,
  lanOptionsFrom,
  startClassroomFront,
  type Classroom,
} from "./lib/lanClassroom.ts";

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
let discovery: DiscoveryService | undefined;
let studyService: StudyService | undefined;
let reportIntake: ReportIntake | undefined;
let classroom: Classroom | undefined;
let stopping = false;
// `npm start -- --lan`: a classroom session over HTTPS on the laptop's network
// address (tools/lib/lanClassroom.ts). Without it nothing listens beyond loopback.
const lan = lanOptionsFrom(process.argv.slice(2));

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the demo…");
  client?.stop();
  void ageIssuer?.close();
  void discovery?.close();
  void studyService?.close();
  void reportIntake?.close();
  void classroom?.front.close();
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
  console.log("Seeding the demo's conversations and settings…");
  const seed = await seedDemoState(homeserver);
  console.log(
    seed.historySentNow
      ? "  sent Noor and Lotte's chat history (encrypted)"
      : "  Noor and Lotte's chat history is already there",
  );
  const deployment = await prepareLocalDeployment("demo");
  ageIssuer = await startAgeIssuerService({
    issuer: deployment.issuer,
    issuerDir: deployment.issuerDir,
    homeserver,
    port: AGE_ISSUER_PORTS.demo,
  });
  discovery = await startDiscoveryService({
    homeserver,
    trustedIssuers: [{ keyId: deployment.issuer.keyId, publicKey: deployment.issuer.publicKey }],
    port: DISCOVERY_SERVICE_PORTS.demo,
  });
  // A classroom's console is the begeleider's alone, with a password of this start (lanClassroom.ts).
  const lanFacilitatorPassword =
    lan === undefined
      ? undefined
      : await renewAccountPassword(homeserver, LAN_FACILITATOR, "Begeleider");
  studyService = await startStudyService({
    homeserver,
    deployment,
    facilitators:
      lan === undefined
        ? facilitatorUserIds(homeserver.serverName)
        : [`@${LAN_FACILITATOR}:${homeserver.serverName}`],
    port: STUDY_SERVICE_PORTS.demo,
    storageDir: studyStorageDir("demo"),
  });

  reportIntake = await startReportIntake({
    homeserver,
    password: deployment.reporting.intakePassword,
    moderators: moderationUserIds(homeserver.serverName),
    port: REPORT_INTAKE_PORTS.demo,
    // Outcomes for reporters wait on disk: a restart of the demo loses none.
    outcomeStorageDir: outcomeStorageDir("demo"),
    outcomeRetentionMs: OUTCOME_RETENTION_MS,
  });

  if (lanFacilitatorPassword !== undefined) {
    await startClassroom(homeserver, deployment, personas, seed, lanFacilitatorPassword);
    return;
  }
  console.log("Building the client…");
  await runToEnd(
    "npx",
    ["vite", "build", "--logLevel", "warn"],
    // The demo build, and only it, knows the shared demo password, so its
    // sign-in links fill in the whole form (never in the tests' or a real build).
    { ...clientBuildEnvironment(deployment, homeserver), VITE_DEMO_PASSWORD: DEMO_PASSWORD },
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

  Open:       ${url}   (a phone-sized window)
  Homeserver: ${homeserver.url}
  Age issuer: ${ageIssuer.url}   (demo age-assurance provider)
  Discovery:  ${discovery.url}   (the gatekeeper "Mensen zoeken" asks)
  Facilitator console: ${url}console.html   (sign in as facilitator)
`);
  console.log(personaTable(personas, url));
  console.log(signInNotes(seed, deployment.moderationKeyFile));
}

/** The classroom: the app built for the HTTPS origin, and the front on the network address. */
async function startClassroom(
  homeserver: ReturnType<typeof resolveHomeserver>,
  deployment: Awaited<ReturnType<typeof prepareLocalDeployment>>,
  personas: readonly SeededPersona[],
  seed: DemoSeed,
  facilitatorPassword: string,
): Promise<void> {
  if (lan === undefined) return;
  const origin = `https://${lan.address}:${String(lan.port)}`;
  const clientDir = join(repoRoot, ".local", "lan", "dist");
  console.log(`Building the client for ${origin}…`);
  // No demo password in the app the phones load: seats sign in by their one-time QR code only.
  await buildLanClient(
    lanClientEnvironment(deployment, homeserver, origin, [
      `@${LAN_FACILITATOR}:${homeserver.serverName}`,
    ]),
    clientDir,
  );
  classroom = await startClassroomFront({
    lan,
    clientDir,
    upstreams: {
      homeserver: homeserver.url,
      study: `http://127.0.0.1:${STUDY_SERVICE_PORTS.demo}`,
      age: `http://127.0.0.1:${AGE_ISSUER_PORTS.demo}`,
      discovery: `http://127.0.0.1:${DISCOVERY_SERVICE_PORTS.demo}`,
      intake: `http://127.0.0.1:${REPORT_INTAKE_PORTS.demo}`,
    },
  });
  console.log(`
safety-by-design chat is running for a classroom, over HTTPS on ${lan.address}.

  Facilitator console: ${origin}/console.html
    sign in as ${LAN_FACILITATOR}, password ${facilitatorPassword}
    (new at every start, shown here only: the console holds every seat's QR code)
  Certificate (CA):    ${origin}/lan/ca.crt
    fingerprint SHA-256 ${classroom.authority.fingerprint}
  Phones on the same network trust that certificate once (the console shows how), then scan
  their seat's QR code in the console: it signs in one phone, once (a fresh one signs the old
  phone out). The demo password signs in no seat. Everything else stays on 127.0.0.1;
  registration is closed.
`);
  console.log(personaTable(personas, `${origin}/`));
  console.log(signInNotes(seed, deployment.moderationKeyFile, false));
}

/** One row per persona, with a one-click sign-in link (this local demo only). */
function personaTable(personas: readonly SeededPersona[], url: string): string {
  const rows = [
    ["account", "persona", "age", "verified band", "role", "sign in (one click)"],
    ...personas.map((p) => [
      p.username,
      p.displayName,
      String(p.age ?? "?"),
      p.band === "unverified" ? "niet geverifieerd" : p.band,
      p.role,
      `${url}#signin=${p.username}`,
    ]),
  ];
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  return rows
    .map((row) =>
      `  ${row.map((cell, column) => cell.padEnd(widths?.[column] ?? 0)).join("  ")}`.trimEnd(),
    )
    .join("\n");
}

/** `linksFillPassword`: the build carries the demo password (not the classroom's). */
function signInNotes(seed: DemoSeed, moderationKeyFile: string, linksFillPassword = true): string {
  const key = (name: "noor" | "lotte"): string =>
    seed.recoveryKeys[name] ?? "unknown (run `npm run demo:reset`, then `npm start`)";
  return `
  Bands are verified at sign-in: each persona's app fetches a signed age attestation from the
  demo age issuer. Mark gets none, so he stays "niet geverifieerd".

  Password:   ${DEMO_PASSWORD}   (every demo account; ${linksFillPassword ? 'the links above fill it in, tap "Inloggen"' : "the links above fill in the name only"})

  Noor and Lotte are friends with a short encrypted chat. At sign-in the app asks for the
  herstelcode (recovery key) that unlocks it ("Oude berichten lezen"); paste:
    noor   ${key("noor")}
    lotte  ${key("lotte")}
  (kept in ${recoveryKeyFile}; "Later" skips it and the old messages stay locked)
  Daan is findable by peers in "Mensen zoeken" while his app is open (his device registers him
  with the discovery gatekeeper and answers the searcher's device).

  Moderation key: ${moderationKeyFile}
    The moderator signs in as moderation, opens "Moderatie: meldingen" and pastes the whole file once
    (it stays on that browser only). The second moderator, yara, has her own key beside it
    (moderator-keys/yara.json): every report opens with either.

Sign in in a private window per persona, or sign out first. Press Ctrl-C to stop everything.`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
