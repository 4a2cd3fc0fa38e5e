// Tooling (Node only): the demo age-assurance provider as a small HTTP
// service. It stands in for a real provider (docs/age-assurance.md,
// "Replacing the demo issuer") and follows the same shape:
//
//   POST /v1/attestations
//   { "matrix_server_name", "openid_token", "holder_key" }
//
// 1. Who is asking? The client sends a Matrix OpenID token (never its access
//    token); the service asks the homeserver whose it is
//    (/_matrix/federation/v1/openid/userinfo). A token is single-purpose and
//    short-lived, so the service learns the user ID and nothing else.
// 2. How old are they? A real provider checks a document or an eID. The demo
//    looks the user up in its register: the personas' bands, plus
//    register.json in the issuer's folder (tests add accounts there).
// 3. It signs an attestation bound to the holder key the device made. The
//    holder's secret key never leaves the device.
//
// Answers: 200 { attestation }, 404 { errcode: "NOT_VERIFIED" } for someone
// whose age it does not know (Mark, the unverified persona), 400/401 for bad
// requests and tokens. CORS is open: the client runs on another port.

import { readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import {
  closeServer,
  readJsonBody,
  sendJson,
  userIdForOpenIdToken,
  listenOnLoopback,
} from "./localHttp.ts";
import { join } from "node:path";
import {
  isAttestedAgeBand,
  type AttestedAgeBand,
  type IssuerKeyPair,
} from "@safety-by-design/protocol";
import { issueAttestation } from "./ageIssuer.ts";
import type { Homeserver } from "./homeserver.ts";
import { PERSONAS } from "./personas.ts";

export const REGISTER_FILE = "register.json";
/** Attestations the demo issues are valid this long (the format allows 90 days at most). */
const VALIDITY_DAYS = 30;
const MAX_BODY_BYTES = 4096;

export type AgeIssuerService = {
  readonly url: string;
  close(): Promise<void>;
};

export type AgeIssuerServiceOptions = {
  readonly issuer: IssuerKeyPair;
  readonly issuerDir: string;
  readonly homeserver: Homeserver;
  /** 0: any free port (tests); the service's `url` says which. */
  readonly port: number;
};

/** The bands the demo provider "knows": personas with a band, then the register file. */
export async function registeredBand(
  issuerDir: string,
  homeserver: Homeserver,
  userId: string,
): Promise<AttestedAgeBand | undefined> {
  const persona = PERSONAS.find((p) => `@${p.username}:${homeserver.serverName}` === userId);
  if (persona !== undefined) return isAttestedAgeBand(persona.band) ? persona.band : undefined;
  const register = await readRegister(issuerDir);
  const band = register[userId];
  return isAttestedAgeBand(band) ? band : undefined;
}

/** Records that the provider has checked this user's age (tests use it for fresh accounts). */
export async function registerAgeBand(
  issuerDir: string,
  userId: string,
  band: AttestedAgeBand,
): Promise<void> {
  const register = await readRegister(issuerDir);
  register[userId] = band;
  await writeFile(join(issuerDir, REGISTER_FILE), `${JSON.stringify(register, null, 2)}\n`);
}

async function readRegister(issuerDir: string): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await readFile(join(issuerDir, REGISTER_FILE), "utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function startAgeIssuerService(
  options: AgeIssuerServiceOptions,
): Promise<AgeIssuerService> {
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      send(response, 500, { errcode: "INTERNAL", error: String(error) });
    });
  });
  const url = await listenOnLoopback(server, options.port);
  return {
    url,
    close: () => closeServer(server),
  };
}

async function handle(
  options: AgeIssuerServiceOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method === "OPTIONS") {
    send(response, 204, undefined);
    return;
  }
  if (request.method !== "POST" || request.url !== "/v1/attestations") {
    send(response, 404, { errcode: "NOT_FOUND", error: "POST /v1/attestations" });
    return;
  }
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  const token = body?.["openid_token"];
  const holderKey = body?.["holder_key"];
  if (typeof token !== "string" || token === "" || typeof holderKey !== "string") {
    send(response, 400, { errcode: "BAD_REQUEST", error: "openid_token and holder_key needed" });
    return;
  }
  const userId = await userIdForOpenIdToken(options.homeserver.url, token);
  if (userId === undefined) {
    send(response, 401, { errcode: "UNKNOWN_TOKEN", error: "the homeserver does not know it" });
    return;
  }
  const band = await registeredBand(options.issuerDir, options.homeserver, userId);
  if (band === undefined) {
    send(response, 404, { errcode: "NOT_VERIFIED", error: "no age check on record" });
    return;
  }
  try {
    const attestation = await issueAttestation(options.issuer, {
      userId,
      band,
      holderKey,
      days: VALIDITY_DAYS,
    });
    send(response, 200, { attestation });
  } catch (error) {
    // issueAttestation refuses an invalid holder key.
    send(response, 400, { errcode: "BAD_HOLDER_KEY", error: String(error) });
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  sendJson(response, status, body, { methods: "POST, OPTIONS", headers: "content-type" });
}
