// Tooling: the trust anchors of a local deployment (demo or tests), made once
// per homeserver instance and kept in .local/ beside the homeserver's data:
//
//   .local/age-issuer/<instance>/   the demo age issuer's key pair (secret: mode 600)
//   .local/moderation/<instance>/   the moderation team's key pairs (secret: mode 600):
//       moderation-key.json            the first moderator's ("moderation")
//       moderator-keys/<name>.json     every other moderator's own key (e.g. yara)
//
// Their public halves go into the client's build environment (the VITE_*
// variables client/src/deployment.ts reads). The moderation secret never goes
// into the client build: the moderator imports it on their own device.

import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  generateModerationKeyPair,
  keyToText,
  moderationKeyPairFromText,
  type IssuerKeyPair,
} from "@safety-by-design/protocol";
import { loadOrCreateIssuer } from "./ageIssuer.ts";
import { repoRoot, type Homeserver, type HomeserverInstance } from "./homeserver.ts";
import { MODERATOR_USERNAMES } from "./personas.ts";
import {
  prepareReportingDeployment,
  reportingBuildEnvironment,
  type ReportingDeployment,
} from "./reportingDeployment.ts";

/** The demo age issuer's HTTP port per instance (tools/lib/ageIssuerService.ts). */
export const AGE_ISSUER_PORTS: Readonly<Record<HomeserverInstance, number>> = {
  demo: 8009,
  test: 8119,
  "test-b": 8139,
  integration: 8129,
  "integration-b": 8149,
};

/** The study service's HTTP port per instance (tools/lib/studyService.ts). */
export const STUDY_SERVICE_PORTS: Readonly<Record<HomeserverInstance, number>> = {
  demo: 8010,
  test: 8120,
  "test-b": 8140,
  integration: 8130,
  "integration-b": 8150,
};

/** The discovery gatekeeper's HTTP port per instance (tools/lib/discoveryService.ts). */
export const DISCOVERY_SERVICE_PORTS: Readonly<Record<HomeserverInstance, number>> = {
  demo: 8011,
  test: 8121,
  "test-b": 8141,
  integration: 8131,
  "integration-b": 8151,
};

/** The moderation team's own accounts (the moderator personas): never flagged as a look-alike. */
export function moderationUserIds(serverName: string): readonly string[] {
  return MODERATOR_USERNAMES.map((name) => `@${name}:${serverName}`);
}

/** The accounts that may run the facilitator console (the Facilitator persona). */
export function facilitatorUserIds(serverName: string): readonly string[] {
  return [`@facilitator:${serverName}`];
}

/** `{ publicKey, secretKey }` as base64url text; what the moderator imports. */
export type ModerationKeyText = { readonly publicKey: string; readonly secretKey: string };

export type LocalDeployment = {
  readonly instance: HomeserverInstance;
  readonly issuer: IssuerKeyPair;
  readonly issuerDir: string;
  readonly ageIssuerUrl: string;
  readonly discoveryServiceUrl: string;
  /** The first moderator's key ("moderation"): the team key of a team of one. */
  readonly moderationKey: ModerationKeyText;
  readonly moderationKeyFile: string;
  /**
   * Every moderator's own key, by persona name ("moderation" is moderationKey):
   * reports are sealed to all of them, so each moderator opens them with their own.
   */
  readonly moderatorKeys: Readonly<Record<string, ModerationKeyText>>;
  /** The report intake's password, the handoff bodies' keys (reportingDeployment.ts). */
  readonly reporting: ReportingDeployment;
};

export function ageIssuerDir(instance: HomeserverInstance): string {
  return join(repoRoot, ".local", "age-issuer", instance);
}

export function moderationKeyFile(instance: HomeserverInstance, moderator = "moderation"): string {
  return moderator === "moderation"
    ? join(repoRoot, ".local", "moderation", instance, "moderation-key.json")
    : join(repoRoot, ".local", "moderation", instance, "moderator-keys", `${moderator}.json`);
}

/** Loads the instance's issuer and moderation keys, making them the first time. */
export async function prepareLocalDeployment(
  instance: HomeserverInstance,
): Promise<LocalDeployment> {
  const issuerDir = ageIssuerDir(instance);
  const issuer = await loadOrCreateIssuer(issuerDir);
  const keyFile = moderationKeyFile(instance);
  return {
    instance,
    issuer,
    issuerDir,
    ageIssuerUrl: `http://127.0.0.1:${AGE_ISSUER_PORTS[instance]}`,
    discoveryServiceUrl: `http://127.0.0.1:${DISCOVERY_SERVICE_PORTS[instance]}`,
    moderationKey: await loadOrCreateModerationKey(keyFile),
    moderationKeyFile: keyFile,
    moderatorKeys: Object.fromEntries(
      await Promise.all(
        MODERATOR_USERNAMES.map(
          async (name) =>
            [name, await loadOrCreateModerationKey(moderationKeyFile(instance, name))] as const,
        ),
      ),
    ),
    reporting: await prepareReportingDeployment(instance),
  };
}

/** The client's build environment for this deployment (public values only). */
export function clientBuildEnvironment(
  deployment: LocalDeployment,
  homeserver: Pick<Homeserver, "url" | "serverName">,
): Record<string, string> {
  return {
    VITE_HOMESERVER_URL: homeserver.url,
    VITE_STUDY_SERVICE_URL: `http://127.0.0.1:${STUDY_SERVICE_PORTS[deployment.instance]}`,
    VITE_STUDY_FACILITATORS: facilitatorUserIds(homeserver.serverName).join(","),
    VITE_MODERATION_ACCOUNTS: moderationUserIds(homeserver.serverName).join(","),
    // The demo and the tests run the study kit: the console's pack assignments apply.
    VITE_STUDY_MODE: "1",
    VITE_AGE_ISSUER_URL: deployment.ageIssuerUrl,
    VITE_DISCOVERY_SERVICE_URL: deployment.discoveryServiceUrl,
    VITE_TRUSTED_AGE_ISSUERS: JSON.stringify([
      { keyId: deployment.issuer.keyId, publicKey: deployment.issuer.publicKey },
    ]),
    // Every moderator's own key: a report opens with any one of them.
    VITE_MODERATION_PUBLIC_KEY: MODERATOR_USERNAMES.map(
      (name) => deployment.moderatorKeys[name]?.publicKey ?? "",
    )
      .filter((key) => key !== "")
      .join(","),
    ...reportingBuildEnvironment(deployment.instance, homeserver.serverName, deployment.reporting),
  };
}

async function loadOrCreateModerationKey(file: string): Promise<ModerationKeyText> {
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const pair = await generateModerationKeyPair();
    const text: ModerationKeyText = {
      publicKey: await keyToText(pair.publicKey),
      secretKey: await keyToText(pair.secretKey),
    };
    await mkdir(join(file, ".."), { recursive: true, mode: 0o700 });
    await writeFile(file, `${JSON.stringify(text, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    await chmod(file, 0o600);
    return text;
  }
  const text = JSON.parse(await readFile(file, "utf8")) as ModerationKeyText;
  if ((await moderationKeyPairFromText(text)) === undefined) {
    throw new Error(`${file} is not a moderation key pair; delete it to make a new one`);
  }
  return text;
}
