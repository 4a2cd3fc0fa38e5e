// Tooling: the report intake, a small service the deployment runs so that a
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

import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { parseReportPart } from "@safety-by-design/protocol";
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

  const send = (response: Parameters<typeof sendJson>[0], status: number, body: unknown) => {
    sendJson(response, status, body, {
      methods: "POST, OPTIONS",
      headers: "content-type",
    });
  };

  const server = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      send(response, 204, undefined);
      return;
    }
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (request.method !== "POST" || path !== "/v1/reports") {
      send(response, 404, { errcode: "NOT_FOUND", error: "POST /v1/reports" });
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
    close: () => closeServer(server),
  };
}
