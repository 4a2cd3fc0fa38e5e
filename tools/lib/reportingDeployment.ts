// Tooling: the reporting side of a local deployment (demo or tests), made
// once per homeserver instance beside the moderation key:
//
//   .local/moderation/<instance>/intake-password   the report intake's account password (600)
//   .local/moderation/<instance>/handoff-keys.json the receiving bodies' key pairs (600)
//
// The handoff keys stand in for the keys a real police unit or hotline would
// publish: the client's build gets their public halves (VITE_HANDOFF_KEYS),
// and tests and `npm run open-handoff` open packages with the secret halves,
// as the body would. Only the demo and the tests have the secret halves.

import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  generateModerationKeyPair,
  keyToText,
  moderationKeyPairFromText,
  OUTCOME_MAILBOX_RETENTION_DAYS,
} from "@safety-by-design/protocol";
import { repoRoot, type HomeserverInstance } from "./homeserver.ts";
import { moderationRoomAlias, reportIntakeUserId } from "./reportIntakeService.ts";

/** The report intake's HTTP port per instance (tools/lib/reportIntakeService.ts). */
export const REPORT_INTAKE_PORTS: Readonly<Record<HomeserverInstance, number>> = {
  demo: 8012,
  test: 8122,
  "test-b": 8142,
  integration: 8132,
  "integration-b": 8152,
};

/** The bodies a moderator can hand a report to: the engine's resource ids. */
export const HANDOFF_BODIES = ["politie", "meldpunt-kinderporno", "helpwanted"] as const;
export type HandoffBodyId = (typeof HANDOFF_BODIES)[number];
export type HandoffKeyText = { readonly publicKey: string; readonly secretKey: string };

/**
 * Handling deadlines in hours per report category ("*": every other one).
 * 24 hours for abuse material and the categories that can lead to it: the
 * Dutch term for hotline notices of child sexual abuse material today
 * (seed 002); 72 hours otherwise.
 */
export const MODERATION_DEADLINE_HOURS: Readonly<Record<string, number>> = {
  "child-sexual-abuse-material": 24,
  "sexual-content-to-minor": 24,
  "asking-for-images": 24,
  grooming: 24,
  sextortion: 24,
  "image-abuse": 24,
  "threat-or-violence": 24,
  "*": 72,
};

/**
 * How long an outcome waits at the intake for the reporter's device, and how
 * long that device keeps the report's reply key (days): 90, a season of
 * school holidays and then some; after that neither the ciphertext nor the
 * key exists anywhere (docs/measures/reporting.md, "What the operator can see").
 */
export const OUTCOME_MAILBOX_DAYS = OUTCOME_MAILBOX_RETENTION_DAYS;
export const OUTCOME_RETENTION_MS = OUTCOME_MAILBOX_DAYS * 24 * 60 * 60 * 1000;

export type ReportingDeployment = {
  readonly intakePassword: string;
  readonly handoffKeys: Readonly<Record<HandoffBodyId, HandoffKeyText>>;
  readonly handoffKeysFile: string;
};

/** Where the report intake keeps sealed outcomes until the reporter's device takes them. */
export function outcomeStorageDir(instance: HomeserverInstance): string {
  return join(folder(instance), "outcomes");
}

function folder(instance: HomeserverInstance): string {
  return join(repoRoot, ".local", "moderation", instance);
}

export function handoffKeysFile(instance: HomeserverInstance): string {
  return join(folder(instance), "handoff-keys.json");
}

async function readOrCreate(file: string, create: () => Promise<string>): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    await mkdir(join(file, ".."), { recursive: true, mode: 0o700 });
    const text = await create();
    await writeFile(file, text, { mode: 0o600, flag: "wx" }).catch(() => undefined);
    await chmod(file, 0o600);
    return readFile(file, "utf8");
  }
}

export async function prepareReportingDeployment(
  instance: HomeserverInstance,
): Promise<ReportingDeployment> {
  const intakePassword = (
    await readOrCreate(join(folder(instance), "intake-password"), () =>
      Promise.resolve(`${randomBytes(24).toString("hex")}\n`),
    )
  ).trim();
  const file = handoffKeysFile(instance);
  const keys = JSON.parse(
    await readOrCreate(file, async () => {
      const entries: [string, HandoffKeyText][] = [];
      for (const body of HANDOFF_BODIES) {
        const pair = await generateModerationKeyPair();
        entries.push([
          body,
          {
            publicKey: await keyToText(pair.publicKey),
            secretKey: await keyToText(pair.secretKey),
          },
        ]);
      }
      return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
    }),
  ) as Record<HandoffBodyId, HandoffKeyText>;
  for (const body of HANDOFF_BODIES) {
    if ((await moderationKeyPairFromText(keys[body])) === undefined) {
      throw new Error(`${file}: ${body} is not a key pair; delete the file to make new ones`);
    }
  }
  return { intakePassword, handoffKeys: keys, handoffKeysFile: file };
}

/** The client's build environment for reporting (public values only). */
export function reportingBuildEnvironment(
  instance: HomeserverInstance,
  serverName: string,
  reporting: ReportingDeployment,
): Record<string, string> {
  return {
    VITE_REPORT_INTAKE_URL: `http://127.0.0.1:${REPORT_INTAKE_PORTS[instance]}`,
    VITE_REPORT_INTAKE_USER: reportIntakeUserId(serverName),
    VITE_MODERATION_ROOM: moderationRoomAlias(serverName),
    VITE_HANDOFF_KEYS: JSON.stringify(
      Object.fromEntries(
        HANDOFF_BODIES.map((body) => [body, reporting.handoffKeys[body].publicKey]),
      ),
    ),
    VITE_MODERATION_DEADLINES: JSON.stringify(MODERATION_DEADLINE_HOURS),
  };
}
