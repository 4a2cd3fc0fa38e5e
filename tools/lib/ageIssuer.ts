// Tooling (Node only): the demo age issuer. Stands in for a real
// age-assurance provider (docs/age-assurance.md): keeps an issuer key pair in
// a folder and issues attestations with the protocol's own code
// (@safety-by-design/protocol), so there is one implementation of signing and
// verifying. Used by
// tools/age-issuer.ts and, programmatically, by the demo seeding.

import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  checkIssuerKeyPair,
  createHolderKeyPair,
  createIssuerKeyPair,
  isAttestedAgeBand,
  issueAgeAttestation,
  type AgeAttestation,
  type AgeBand,
  type AttestedAgeBand,
  type HolderKeyPair,
  type IssuerKeyPair,
  type TrustedIssuer,
} from "@safety-by-design/protocol";

/** The issuer's whole key pair; mode 600, never leaves the issuer. */
export const ISSUER_SECRET_FILE = "issuer-secret.json";
/** `{ keyId, publicKey }`: what a deployment lists among its trusted issuers. */
export const ISSUER_PUBLIC_FILE = "issuer-public.json";

export type CreatedIssuer = TrustedIssuer & {
  readonly secretFile: string;
  readonly publicFile: string;
};

/**
 * Makes a new issuer key pair in `dir`. Refuses to overwrite an existing one
 * unless `force`: replacing an issuer key silently invalidates every
 * attestation it issued.
 */
export async function createIssuer(
  dir: string,
  options: { readonly force?: boolean } = {},
): Promise<CreatedIssuer> {
  const issuer = await createIssuerKeyPair();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const secretFile = join(dir, ISSUER_SECRET_FILE);
  const publicFile = join(dir, ISSUER_PUBLIC_FILE);
  const flag = options.force === true ? "w" : "wx";
  try {
    await writeFile(secretFile, `${JSON.stringify(issuer, null, 2)}\n`, { mode: 0o600, flag });
  } catch (error) {
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
    throw new Error(
      `an issuer already exists in ${dir}; --force replaces it and invalidates what it issued`,
      { cause: error },
    );
  }
  // writeFile's mode applies only when it creates the file; an overwritten one keeps its old mode.
  await chmod(secretFile, 0o600);
  const trusted: TrustedIssuer = { keyId: issuer.keyId, publicKey: issuer.publicKey };
  await writeFile(publicFile, `${JSON.stringify(trusted, null, 2)}\n`, { flag });
  return { ...trusted, secretFile, publicFile };
}

/** Reads and checks the issuer key pair in `dir`; refuses a secret file others can read. */
export async function loadIssuer(dir: string): Promise<IssuerKeyPair> {
  const secretFile = join(dir, ISSUER_SECRET_FILE);
  const { mode } = await stat(secretFile).catch((error: unknown) => {
    throw new Error(`no issuer in ${dir} (make one with create-issuer)`, { cause: error });
  });
  if ((mode & 0o077) !== 0) {
    throw new Error(`${secretFile} is readable by others; run: chmod 600 ${secretFile}`);
  }
  return checkIssuerKeyPair(JSON.parse(await readFile(secretFile, "utf8")) as unknown);
}

/** The issuer in `dir`, made first if there is none (the demo's issuer lives in .local/). */
export async function loadOrCreateIssuer(dir: string): Promise<IssuerKeyPair> {
  try {
    await stat(join(dir, ISSUER_SECRET_FILE));
  } catch {
    await createIssuer(dir);
  }
  return loadIssuer(dir);
}

export type IssueRequest = {
  readonly userId: string;
  readonly band: AttestedAgeBand;
  /** The holder's Ed25519 public key, base64url (unpadded, URL-safe alphabet). */
  readonly holderKey: string;
  /** 1 to 90; 90 when absent. */
  readonly days?: number;
  /** Milliseconds since the epoch; the current time when absent. */
  readonly now?: number;
};

export function issueAttestation(
  issuer: IssuerKeyPair,
  request: IssueRequest,
): Promise<AgeAttestation> {
  return issueAgeAttestation(issuer, {
    subject: request.userId,
    holderKey: request.holderKey,
    band: request.band,
    now: request.now ?? Date.now(),
    ...(request.days === undefined ? {} : { validForDays: request.days }),
  });
}

/** What a persona's client needs to prove its band: its holder key pair and its attestation. */
export type PersonaAgeCredentials = {
  readonly userId: string;
  readonly holder: HolderKeyPair;
  readonly attestation: AgeAttestation;
};

/**
 * A fresh holder key pair and an attestation bound to it, for one persona.
 * In real use the holder key is made on the device and only its public half
 * goes to the issuer; the demo makes both here and hands them to the persona's
 * client. Undefined for "unverified": such an account has no attestation.
 */
export async function createPersonaAgeCredentials(
  issuer: IssuerKeyPair,
  persona: {
    readonly userId: string;
    readonly band: AgeBand;
    readonly now?: number;
    readonly days?: number;
  },
): Promise<PersonaAgeCredentials | undefined> {
  if (!isAttestedAgeBand(persona.band)) return undefined;
  const holder = await createHolderKeyPair();
  const attestation = await issueAttestation(issuer, {
    userId: persona.userId,
    band: persona.band,
    holderKey: holder.publicKey,
    ...(persona.now === undefined ? {} : { now: persona.now }),
    ...(persona.days === undefined ? {} : { days: persona.days }),
  });
  return { userId: persona.userId, holder, attestation };
}
