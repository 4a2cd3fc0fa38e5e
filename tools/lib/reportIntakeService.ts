// Tooling: the report intake, a small service the deployment runs so that a
// (Over 400 lines: one small service with three endpoints (report parts, reported media, outcome mailboxes) that share its account, room, rate limit and error answers.)
// report whose reporter withholds their identity (DSA Art. 16(2)(c), reports
// of child sexual abuse) reaches the moderators without the reporter's
// account on it. Matrix's report API records who filed every report, and the
// moderators read those records; so such a report never goes there. The
// reporter's device posts each sealed part here instead, with a Matrix OpenID
// token (proving who asks, for the rate limit only); the intake posts the part
// into the moderation room as its own account, `@report-intake`, and forgets
// who sent it. Moderators read the room: every report in it was sent by the
// intake, none by a reporter. See docs/measures/reporting.md, "Anonymity".
//
//   POST /v1/reports  { matrix_server_name, openid_token, part }
//     200 {}                       posted (a repeat of the same part is posted once)
//     400 BAD_REQUEST              not a report part of this protocol
//     401 UNKNOWN_TOKEN            the token is not one of this homeserver's
//     429 LIMIT_EXCEEDED           too many parts from this account just now
//     502 MODERATION_ROOM_UNAVAILABLE  the homeserver did not take the post (retry)
//
// It keeps no record of who sent what: not in memory beyond the rate limit's
// counters (user ID -> tokens, no report IDs), not on disk, no log. The part
// is sealed to the moderators' key: the intake cannot read it. It listens on
// 127.0.0.1 only.
//
// The outcome back to the reporter (issue 18, acceptance 3; protocol
// report/outcome.ts). Every report carries a mailbox ID of its own (128
// random bits) and a reply key; the moderator leaves the outcome, sealed to
// that key, in the mailbox, and the reporter's device fetches it.
//
//   PUT /v1/outcomes/<mailbox>  { matrix_server_name, openid_token, sealed }
//     200 {}                     stored (a later outcome for the mailbox replaces it)
//     400 BAD_REQUEST            not a mailbox ID, or not a sealed outcome
//     401 UNKNOWN_TOKEN          the token is not one of this homeserver's
//     403 NOT_A_MODERATOR        the token's owner is not on the moderation team
//     429 LIMIT_EXCEEDED         too many outcomes from this account just now
//     507 MAILBOXES_FULL         the intake holds as many outcomes as it may
//   GET /v1/outcomes/<mailbox>   no authentication (see below)
//     200 { sealed }  |  404 NOT_FOUND (nothing there yet, already taken, or expired)
//   DELETE /v1/outcomes/<mailbox>  no authentication: the reporter's device
//     200 {}                     has stored the outcome (also when it was gone)
//
// A mailbox expires (retention, docs/measures/reporting.md): an outcome no
// device fetched within `outcomeRetentionMs` of being left (90 days in a
// deployment, reportingDeployment.ts) is gone: a read after that answers 404
// and deletes it, and a sweep on start and every `outcomeSweepMs` deletes the
// rest, so no ciphertext stays at the intake forever.
//
// Only a moderator may leave an outcome (a configured moderator or a member
// of the moderation room). Fetching and deleting need no account on purpose:
// the mailbox ID is an unguessable capability only the reporter's device
// holds, and asking for an account would tie the reporter to their mailbox,
// which is what a report that withholds the reporter must never do. The
// intake keeps the ciphertext and nothing else (no log of who fetched, no
// report ID, no reporter), until the reporter's device says it stored it.
//
//   POST /v1/media  (reported media, RMEDIA) the body is a reported image's
//       re-encrypted copy (application/octet-stream); headers
//       x-openid-token and x-matrix-server-name. The intake uploads it under
//       its own account (the homeserver records every uploader) and answers
//       200 { content_uri }. The key is in the sealed report only: the intake
//       holds opaque bytes it cannot read, and forgets who sent them.
//     400 BAD_REQUEST   no body / no token     401 UNKNOWN_TOKEN
//     413 TOO_LARGE     over maxMediaBytes     429 LIMIT_EXCEEDED
//     502 MEDIA_UNAVAILABLE  the homeserver did not take the upload (retry)

import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createServer } from "node:http";
import {
  isMailboxId,
  MAX_HANDOFF_MEDIA_BYTES,
  OUTCOME_MAILBOX_RETENTION_DAYS,
  MAX_SEALED_OUTCOME_LENGTH,
  parseReportPart,
} from "@safety-by-design/protocol";
import { ensureAccount, type Homeserver } from "./homeserver.ts";
import {
  closeServer,
  listenOnLoopback,
  readJsonBody,
  sendJson,
  userIdForOpenIdToken,
} from "./localHttp.ts";
import { rawCall, rawCreateRoom, rawLogin, type RawSession } from "./rawMatrix.ts";

/** The event type of one sealed part in the moderation room. */
export const REPORT_PART_EVENT_TYPE = "org.safety-by-design.report_part";
/** A room event is at most 65,536 bytes: a part sent through the intake is at most this long. */
export const INTAKE_PART_LIMIT = 60_000;
export const REPORT_INTAKE_USERNAME = "report-intake";

/** The intake's account and the moderation room's alias on a homeserver. */
export function reportIntakeUserId(serverName: string): string {
  return `@${REPORT_INTAKE_USERNAME}:${serverName}`;
}
export function moderationRoomAlias(serverName: string): string {
  return `#moderation-intake:${serverName}`;
}

const MAX_BODY_BYTES = INTAKE_PART_LIMIT + 4096;
/**
 * Reported media (RMEDIA): one re-encrypted image or file, at most this many
 * bytes by default: what a handoff package can carry, the reporter's own cap
 * (AES-CTR adds nothing to the size).
 */
export const DEFAULT_INTAKE_MEDIA_BYTES = MAX_HANDOFF_MEDIA_BYTES;
/** The outcomes path and its mailbox: 32 lowercase hex characters, nothing else. */
const OUTCOME_PATH = /^\/v1\/outcomes\/([^/]*)$/;
/** Outcomes held at once; beyond this a new mailbox is refused, never an old one dropped. */
export const DEFAULT_MAX_OUTCOMES = 100_000;
/** How long an outcome waits for the reporter's device (the protocol's default; a deployment sets its own). */
export const DEFAULT_OUTCOME_RETENTION_MS = OUTCOME_MAILBOX_RETENTION_DAYS * 24 * 60 * 60 * 1000;
/** How often expired outcomes are swept while the intake runs. */
export const DEFAULT_OUTCOME_SWEEP_MS = 60 * 60 * 1000;
const DEFAULT_BURST = 60;
const DEFAULT_REFILL_MS = 1000;

export type ReportIntakeOptions = {
  readonly homeserver: Homeserver;
  /** The intake account's password (deployment secret; the demo derives one per instance). */
  readonly password: string;
  /** Moderators invited to the moderation room (they join from their app). */
  readonly moderators: readonly string[];
  readonly port: number;
  /** Parts per account at once, then one more per refillMs. */
  readonly burst?: number;
  readonly refillMs?: number;
  readonly now?: () => number;
  /**
   * Where outcomes wait until the reporter's device takes them (one file per
   * mailbox, the ciphertext only), so a restart loses none; undefined: in
   * memory (tests).
   */
  readonly outcomeStorageDir?: string | undefined;
  readonly maxOutcomes?: number;
  /** An outcome not fetched within this long after it was left is deleted (ms). */
  readonly outcomeRetentionMs?: number;
  /** How often the expired ones are swept while running (ms); also once on start. */
  readonly outcomeSweepMs?: number;
  /** Reported media (RMEDIA): the largest upload taken (bytes). */
  readonly maxMediaBytes?: number;
};

export type ReportIntake = {
  readonly url: string;
  readonly userId: string;
  readonly roomId: string;
  close(): Promise<void>;
};

/**
 * The moderation room: private, invite only, shared history (a moderator who
 * joins later reads earlier reports), the intake and the moderators invited.
 * Made once; found again by its alias.
 */
export async function ensureModerationRoom(
  intake: RawSession,
  moderators: readonly string[],
): Promise<string> {
  const alias = moderationRoomAlias(intake.homeserver.serverName);
  const existing = await fetch(
    `${intake.homeserver.url}/_matrix/client/v3/directory/room/${encodeURIComponent(alias)}`,
  );
  let roomId: string;
  if (existing.ok) {
    roomId = ((await existing.json()) as { room_id: string }).room_id;
  } else {
    roomId = await rawCreateRoom(intake, {
      preset: "private_chat",
      name: "Moderatie: meldingen via de intake",
      room_alias_name: alias.slice(1, alias.indexOf(":")),
      initial_state: [
        {
          type: "m.room.history_visibility",
          state_key: "",
          content: { history_visibility: "shared" },
        },
      ],
    });
  }
  const members = (await rawCall(
    intake,
    "GET",
    `/rooms/${encodeURIComponent(roomId)}/joined_members`,
  )) as {
    joined: Record<string, unknown>;
  };
  for (const moderator of moderators) {
    if (moderator in members.joined) continue;
    await rawCall(intake, "POST", `/rooms/${encodeURIComponent(roomId)}/invite`, {
      user_id: moderator,
    }).catch(() => undefined); // already invited
  }
  return roomId;
}

/** A sealed outcome and when it was left (ms): the only things the intake keeps about an outcome. */
export type HeldOutcome = { readonly sealed: string; readonly storedAt: number };

/** Sealed outcomes by mailbox. */
export type OutcomeMailboxes = {
  get(mailbox: string): Promise<HeldOutcome | undefined>;
  put(mailbox: string, sealed: string, storedAt: number): Promise<void>;
  delete(mailbox: string): Promise<void>;
  count(): Promise<number>;
  /** Deletes every outcome left before `cutoff` (ms); answers how many went. */
  deleteStoredBefore(cutoff: number): Promise<number>;
};

export function memoryOutcomeMailboxes(): OutcomeMailboxes {
  const held = new Map<string, HeldOutcome>();
  return {
    get: (mailbox) => Promise.resolve(held.get(mailbox)),
    put: (mailbox, sealed, storedAt) => {
      held.set(mailbox, { sealed, storedAt });
      return Promise.resolve();
    },
    delete: (mailbox) => {
      held.delete(mailbox);
      return Promise.resolve();
    },
    count: () => Promise.resolve(held.size),
    deleteStoredBefore: (cutoff) => {
      const expired = [...held].filter(([, o]) => o.storedAt < cutoff).map(([mailbox]) => mailbox);
      for (const mailbox of expired) held.delete(mailbox);
      return Promise.resolve(expired.length);
    },
  };
}

/**
 * One file per mailbox (the name is the mailbox ID, checked before it gets
 * here); the file's modification time is when the outcome was left, so the
 * file holds the ciphertext and nothing else.
 */
export async function fileOutcomeMailboxes(dir: string): Promise<OutcomeMailboxes> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = (mailbox: string) => join(dir, `${mailbox}.sealed`);
  const storedAt = async (path: string) => (await stat(path)).mtimeMs;
  return {
    get: async (mailbox) => {
      try {
        const sealed = await readFile(file(mailbox), "utf8");
        return { sealed, storedAt: await storedAt(file(mailbox)) };
      } catch {
        return undefined;
      }
    },
    put: async (mailbox, sealed, at) => {
      // Written aside and renamed: a crash never leaves half an outcome.
      const temporary = `${file(mailbox)}.${randomBytes(6).toString("hex")}`;
      await writeFile(temporary, sealed, { mode: 0o600 });
      await utimes(temporary, at / 1000, at / 1000);
      await rename(temporary, file(mailbox));
    },
    delete: (mailbox) => rm(file(mailbox), { force: true }),
    count: async () => (await readdir(dir)).filter((name) => name.endsWith(".sealed")).length,
    deleteStoredBefore: async (cutoff) => {
      let deleted = 0;
      for (const name of await readdir(dir)) {
        // Expired outcomes, and what a crash left half-written (never renamed into place).
        const path = join(dir, name);
        const at = await storedAt(path).catch(() => undefined);
        if (at === undefined || at >= cutoff || !/\.sealed(\.[0-9a-f]+)?$/.test(name)) continue;
        await rm(path, { force: true });
        if (name.endsWith(".sealed")) deleted += 1;
      }
      return deleted;
    },
  };
}

/**
 * The mailboxes with their expiry: what was left more than `retentionMs` ago
 * is never answered (a read deletes it), and `sweep` deletes all of those.
 */
export function expiringOutcomeMailboxes(
  inner: OutcomeMailboxes,
  options: { readonly retentionMs: number; readonly now: () => number },
): OutcomeMailboxes & { sweep(): Promise<number> } {
  const expired = (held: HeldOutcome) => held.storedAt <= options.now() - options.retentionMs;
  return {
    ...inner,
    async get(mailbox) {
      const held = await inner.get(mailbox);
      if (held === undefined || !expired(held)) return held;
      await inner.delete(mailbox);
      return undefined;
    },
    sweep: () => inner.deleteStoredBefore(options.now() - options.retentionMs + 1),
  };
}

/** A request's raw body (reported media), or "too-large" beyond maxBytes (reading stops there). */
async function readBytesBody(
  request: AsyncIterable<unknown>,
  maxBytes: number,
): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startReportIntake(options: ReportIntakeOptions): Promise<ReportIntake> {
  const { homeserver } = options;
  const now = options.now ?? (() => Date.now());
  const burst = options.burst ?? DEFAULT_BURST;
  const refillMs = options.refillMs ?? DEFAULT_REFILL_MS;
  await ensureAccount(homeserver, {
    username: REPORT_INTAKE_USERNAME,
    password: options.password,
    displayName: "Meldingen (intake)",
  });
  const intake = await rawLogin(homeserver, REPORT_INTAKE_USERNAME, options.password);
  const roomId = await ensureModerationRoom(intake, options.moderators);
  const allowance = new Map<string, { tokens: number; at: number }>();
  const mailboxes = expiringOutcomeMailboxes(
    options.outcomeStorageDir === undefined
      ? memoryOutcomeMailboxes()
      : await fileOutcomeMailboxes(options.outcomeStorageDir),
    { retentionMs: options.outcomeRetentionMs ?? DEFAULT_OUTCOME_RETENTION_MS, now },
  );
  const maxOutcomes = options.maxOutcomes ?? DEFAULT_MAX_OUTCOMES;
  // Expired outcomes go on start and then every so often, fetched or not.
  await mailboxes.sweep();
  const sweeper = setInterval(() => {
    void mailboxes.sweep().catch(() => undefined);
  }, options.outcomeSweepMs ?? DEFAULT_OUTCOME_SWEEP_MS);
  sweeper.unref();

  const take = (userId: string): boolean => {
    const time = now();
    const last = allowance.get(userId) ?? { tokens: burst, at: time };
    const tokens = Math.min(burst, last.tokens + (time - last.at) / refillMs);
    allowance.set(userId, { tokens: tokens >= 1 ? tokens - 1 : tokens, at: time });
    return tokens >= 1;
  };

  type Answer = readonly [number, unknown];
  const failure = (status: number, errcode: string, error: string): Answer => [
    status,
    { errcode, error },
  ];

  const post = async (body: Record<string, unknown>): Promise<Answer> => {
    const token = body["openid_token"];
    const part = body["part"];
    if (typeof token !== "string" || token === "" || typeof part !== "string") {
      return failure(400, "BAD_REQUEST", "openid_token, matrix_server_name and part needed");
    }
    if (body["matrix_server_name"] !== homeserver.serverName) {
      return failure(401, "UNKNOWN_TOKEN", "only this deployment's homeserver");
    }
    if (part.length > INTAKE_PART_LIMIT || parseReportPart(part) === undefined) {
      return failure(400, "BAD_REQUEST", "not a sealed report part");
    }
    const userId = await userIdForOpenIdToken(homeserver.url, token);
    if (userId === undefined) return failure(401, "UNKNOWN_TOKEN", "the token was not accepted");
    if (!take(userId)) return failure(429, "LIMIT_EXCEEDED", "too many report parts just now");
    // The transaction ID is the part's digest: a retried part is the same
    // request to Synapse, which answers with the first event instead of a second.
    const txn = createHash("sha256").update(part).digest("hex");
    const response = await fetch(
      `${homeserver.url}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/${REPORT_PART_EVENT_TYPE}/${txn}`,
      {
        method: "PUT",
        headers: {
          authorization: `Bearer ${intake.accessToken}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ part }),
      },
    ).catch(() => undefined);
    if (response?.ok !== true) {
      return failure(502, "MODERATION_ROOM_UNAVAILABLE", "the homeserver did not take the report");
    }
    return [200, {}];
  };

  /** A moderator: configured for this deployment, or a member of the moderation room. */
  const isModerator = async (userId: string): Promise<boolean> => {
    if (options.moderators.includes(userId)) return true;
    if (userId === intake.userId) return false;
    const members = (await rawCall(
      intake,
      "GET",
      `/rooms/${encodeURIComponent(roomId)}/joined_members`,
    ).catch(() => ({ joined: {} }))) as { joined: Record<string, unknown> };
    return userId in members.joined;
  };

  const putOutcome = async (mailbox: string, body: Record<string, unknown>): Promise<Answer> => {
    const token = body["openid_token"];
    const sealed = body["sealed"];
    if (typeof token !== "string" || token === "" || typeof sealed !== "string") {
      return failure(400, "BAD_REQUEST", "openid_token, matrix_server_name and sealed needed");
    }
    if (body["matrix_server_name"] !== homeserver.serverName) {
      return failure(401, "UNKNOWN_TOKEN", "only this deployment's homeserver");
    }
    // A sealed box of a small JSON object, base64url: the intake cannot check more (it cannot open it).
    if (
      sealed.length < 66 ||
      sealed.length > MAX_SEALED_OUTCOME_LENGTH ||
      !/^[A-Za-z0-9_-]+$/.test(sealed)
    ) {
      return failure(
        400,
        "BAD_REQUEST",
        "not a sealed outcome (base64url, at most 2,000 characters)",
      );
    }
    const userId = await userIdForOpenIdToken(homeserver.url, token);
    if (userId === undefined) return failure(401, "UNKNOWN_TOKEN", "the token was not accepted");
    if (!(await isModerator(userId))) {
      return failure(403, "NOT_A_MODERATOR", "only the moderation team leaves outcomes");
    }
    if (!take(userId)) return failure(429, "LIMIT_EXCEEDED", "too many outcomes just now");
    if ((await mailboxes.get(mailbox)) === undefined && (await mailboxes.count()) >= maxOutcomes) {
      return failure(507, "MAILBOXES_FULL", "the intake holds as many outcomes as it may");
    }
    await mailboxes.put(mailbox, sealed, now());
    return [200, {}];
  };

  const outcome = async (
    method: string,
    mailbox: string,
    request: Parameters<typeof readJsonBody>[0],
  ): Promise<Answer> => {
    if (!isMailboxId(mailbox)) {
      return failure(400, "BAD_REQUEST", "a mailbox ID is 32 lowercase hex characters");
    }
    if (method === "GET") {
      const held = await mailboxes.get(mailbox);
      return held === undefined
        ? failure(404, "NOT_FOUND", "no outcome here")
        : [200, { sealed: held.sealed }];
    }
    if (method === "DELETE") {
      await mailboxes.delete(mailbox);
      return [200, {}];
    }
    const body = await readJsonBody(request, MAX_SEALED_OUTCOME_LENGTH + 4096);
    return body === undefined
      ? failure(400, "BAD_REQUEST", "a JSON object body is needed")
      : putOutcome(mailbox, body);
  };

  // Reported media (RMEDIA): the ciphertext goes up under the intake's account, never the reporter's.
  const maxMediaBytes = options.maxMediaBytes ?? DEFAULT_INTAKE_MEDIA_BYTES;
  const postMedia = async (
    headers: Record<string, string | string[] | undefined>,
    body: Buffer | "too-large",
  ): Promise<Answer> => {
    const token = headers["x-openid-token"];
    if (typeof token !== "string" || token === "") {
      return failure(400, "BAD_REQUEST", "x-openid-token and x-matrix-server-name needed");
    }
    if (headers["x-matrix-server-name"] !== homeserver.serverName) {
      return failure(401, "UNKNOWN_TOKEN", "only this deployment's homeserver");
    }
    if (body === "too-large") {
      return failure(413, "TOO_LARGE", `a reported file may be at most ${maxMediaBytes} bytes`);
    }
    if (body.length === 0) return failure(400, "BAD_REQUEST", "the body is the encrypted file");
    const userId = await userIdForOpenIdToken(homeserver.url, token);
    if (userId === undefined) return failure(401, "UNKNOWN_TOKEN", "the token was not accepted");
    if (!take(userId)) return failure(429, "LIMIT_EXCEEDED", "too many uploads just now");
    const response = await fetch(`${homeserver.url}/_matrix/media/v3/upload`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${intake.accessToken}`,
        "content-type": "application/octet-stream",
      },
      body: new Uint8Array(body),
    }).catch(() => undefined);
    const uploaded = (await response?.json().catch(() => undefined)) as
      { content_uri?: unknown } | undefined;
    if (response?.ok !== true || typeof uploaded?.content_uri !== "string") {
      return failure(502, "MEDIA_UNAVAILABLE", "the homeserver did not take the upload");
    }
    return [200, { content_uri: uploaded.content_uri }];
  };

  const send = (response: Parameters<typeof sendJson>[0], status: number, body: unknown) => {
    sendJson(response, status, body, {
      methods: "GET, POST, PUT, DELETE, OPTIONS",
      headers: "content-type, x-openid-token, x-matrix-server-name",
    });
  };

  const server = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      send(response, 204, undefined);
      return;
    }
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const mailbox = OUTCOME_PATH.exec(path)?.[1];
    const method = request.method ?? "";
    if (method === "POST" && path === "/v1/media") {
      readBytesBody(request, maxMediaBytes)
        .then((body) => postMedia(request.headers, body))
        .then(([status, body]) => {
          send(response, status, body);
        })
        .catch(() => {
          send(response, 500, { errcode: "INTERNAL", error: "internal error" });
        });
      return;
    }
    if (mailbox !== undefined && ["GET", "PUT", "DELETE"].includes(method)) {
      outcome(method, mailbox, request)
        .then(([status, body]) => {
          send(response, status, body);
        })
        .catch(() => {
          send(response, 500, { errcode: "INTERNAL", error: "internal error" });
        });
      return;
    }
    if (method !== "POST" || path !== "/v1/reports") {
      send(response, 404, {
        errcode: "NOT_FOUND",
        error: "POST /v1/reports, or GET/PUT/DELETE /v1/outcomes/<mailbox>",
      });
      return;
    }
    readJsonBody(request, MAX_BODY_BYTES)
      .then((body) =>
        body === undefined
          ? failure(400, "BAD_REQUEST", "a JSON object body is needed")
          : post(body),
      )
      .then(([status, body]) => {
        send(response, status, body);
      })
      .catch(() => {
        send(response, 500, { errcode: "INTERNAL", error: "internal error" });
      });
  });
  const url = await listenOnLoopback(server, options.port);
  return {
    url,
    userId: intake.userId,
    roomId,
    close: () => {
      clearInterval(sweeper);
      return closeServer(server);
    },
  };
}
