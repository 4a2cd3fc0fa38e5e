// Services layer, reporting: one report request to the homeserver, and what its
// answer means for the outbox. Kept behind a small type so the outbox can be
// tested without a server and a deployment could route reports elsewhere.
//
// Endpoints (client-server API v3; Synapse >= 1.133 for users):
//   POST /_matrix/client/v3/rooms/{roomId}/report/{eventId}   { reason }
//   POST /_matrix/client/v3/users/{userId}/report             { reason }

export type DeliveryProblem = {
  /** HTTP status; null when no answer came (offline, refused, timed out). */
  readonly status: number | null;
  /** The Matrix error code (M_NOT_FOUND, M_LIMIT_EXCEEDED, ...), when the server sent one. */
  readonly errcode: string | null;
  readonly message: string;
};

export type DeliveryResult =
  | { readonly kind: "delivered" }
  /** Worth trying again later: no answer, 5xx, 429, 408, or an access token that was refused. */
  | {
      readonly kind: "retryable";
      readonly problem: DeliveryProblem;
      /** The server's own wait (429), when it gave one. */
      readonly retryAfterMs: number | null;
    }
  /** Trying again cannot help: e.g. the event does not exist or is not visible (404). */
  | { readonly kind: "permanent"; readonly problem: DeliveryProblem };

export type ReportTransport = {
  reportEvent(roomId: string, eventId: string, reason: string): Promise<DeliveryResult>;
  reportUser(userId: string, reason: string): Promise<DeliveryResult>;
  /**
   * One part of a report that withholds the reporter, to the deployment's
   * report intake (tools/lib/reportIntakeService.ts), which posts it into the
   * moderation room as itself: the homeserver's report records, which name
   * who filed, never see it. Absent, or a permanent failure, when no intake
   * is configured.
   */
  deliverToIntake?(part: string): Promise<DeliveryResult>;
  /**
   * Reported media (RMEDIA): a reported image's re-encrypted copy, uploaded
   * under the reporter's own account (a report that names the reporter).
   */
  uploadMedia?(ciphertext: Uint8Array<ArrayBuffer>): Promise<MediaUploadResult>;
  /**
   * The same through the report intake, which uploads it under its own
   * account: the homeserver records the uploader of every file, so a report
   * that withholds the reporter never uploads from their account.
   */
  uploadMediaToIntake?(ciphertext: Uint8Array<ArrayBuffer>): Promise<MediaUploadResult>;
};

/** An upload's answer: the mxc URI, or what went wrong (reported media, RMEDIA). */
export type MediaUploadResult =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly problem: DeliveryProblem };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type FetchReportTransportOptions = {
  readonly homeserverUrl: string;
  /** A function when the token can change (a new sign-in) while the outbox runs. */
  readonly accessToken: string | (() => string);
  readonly fetch?: Fetch;
  /** A request that hangs would stall the outbox; give up and retry after this. */
  readonly timeoutMs?: number;
  /** The signed-in user (the OpenID token is requested for them). */
  readonly userId?: string;
  /** The report intake's base URL; undefined: reports that withhold the reporter cannot go. */
  readonly intakeUrl?: string | undefined;
};

const DEFAULT_TIMEOUT_MS = 60_000;

export function createFetchReportTransport(options: FetchReportTransportOptions): ReportTransport {
  const base = options.homeserverUrl.replace(/\/+$/, "");
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const token = options.accessToken;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const post = async (path: string, reason: string): Promise<DeliveryResult> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${typeof token === "string" ? token : token()}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ reason }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return {
        kind: "retryable",
        problem: { status: null, errcode: null, message: describe(error) },
        retryAfterMs: null,
      };
    }
    return classifyResponse(response);
  };

  // Reported media (RMEDIA): an upload's answer, as the content repository and the intake give it.
  const uploaded = async (response: Response): Promise<MediaUploadResult> => {
    if (!response.ok) {
      const result = await classifyResponse(response);
      return { ok: false, problem: result.kind === "delivered" ? noAnswer("") : result.problem };
    }
    const body = (await response.json().catch(() => undefined)) as
      { content_uri?: unknown } | undefined;
    return typeof body?.content_uri === "string" && body.content_uri.startsWith("mxc://")
      ? { ok: true, url: body.content_uri }
      : { ok: false, problem: noAnswer("the upload gave no mxc URI") };
  };

  return {
    async uploadMedia(ciphertext) {
      try {
        const response = await fetchImpl(`${base}/_matrix/media/v3/upload`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${typeof token === "string" ? token : token()}`,
            "content-type": "application/octet-stream",
          },
          body: ciphertext,
          signal: AbortSignal.timeout(timeoutMs),
        });
        return await uploaded(response);
      } catch (error) {
        return { ok: false, problem: noAnswer(describe(error)) };
      }
    },
    async uploadMediaToIntake(ciphertext) {
      const { intakeUrl, userId } = options;
      if (intakeUrl === undefined || userId === undefined) {
        return { ok: false, problem: noAnswer("no report intake is configured") };
      }
      try {
        const openIdResponse = await fetchImpl(
          `${base}/_matrix/client/v3/user/${encodeURIComponent(userId)}/openid/request_token`,
          {
            method: "POST",
            headers: {
              authorization: `Bearer ${typeof token === "string" ? token : token()}`,
              "content-type": "application/json",
            },
            body: "{}",
            signal: AbortSignal.timeout(timeoutMs),
          },
        );
        if (!openIdResponse.ok) return await uploaded(openIdResponse);
        const openId = (await openIdResponse.json()) as {
          access_token?: unknown;
          matrix_server_name?: unknown;
        };
        const response = await fetchImpl(`${intakeUrl.replace(/\/+$/, "")}/v1/media`, {
          method: "POST",
          headers: {
            "content-type": "application/octet-stream",
            "x-openid-token": String(openId.access_token),
            "x-matrix-server-name": String(openId.matrix_server_name),
          },
          body: ciphertext,
          signal: AbortSignal.timeout(timeoutMs),
        });
        return await uploaded(response);
      } catch (error) {
        return { ok: false, problem: noAnswer(describe(error)) };
      }
    },
    reportEvent: (roomId, eventId, reason) =>
      post(
        `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/report/${encodeURIComponent(eventId)}`,
        reason,
      ),
    reportUser: (userId, reason) =>
      post(`/_matrix/client/v3/users/${encodeURIComponent(userId)}/report`, reason),
    async deliverToIntake(part) {
      const { intakeUrl, userId } = options;
      if (intakeUrl === undefined || userId === undefined) {
        return {
          kind: "permanent",
          problem: { status: null, errcode: null, message: "no report intake is configured" },
        };
      }
      // An OpenID token proves to the intake who asks (for its rate limit),
      // and nothing else: it is not an access token.
      let openId: { access_token?: unknown; matrix_server_name?: unknown };
      try {
        const response = await fetchImpl(
          `${base}/_matrix/client/v3/user/${encodeURIComponent(userId)}/openid/request_token`,
          {
            method: "POST",
            headers: {
              authorization: `Bearer ${typeof token === "string" ? token : token()}`,
              "content-type": "application/json",
            },
            body: "{}",
            signal: AbortSignal.timeout(timeoutMs),
          },
        );
        if (!response.ok) return await classifyResponse(response);
        openId = (await response.json()) as typeof openId;
      } catch (error) {
        return {
          kind: "retryable",
          problem: { status: null, errcode: null, message: describe(error) },
          retryAfterMs: null,
        };
      }
      try {
        const response = await fetchImpl(`${intakeUrl.replace(/\/+$/, "")}/v1/reports`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            openid_token: openId.access_token,
            matrix_server_name: openId.matrix_server_name,
            part,
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        return await classifyResponse(response);
      } catch (error) {
        return {
          kind: "retryable",
          problem: { status: null, errcode: null, message: describe(error) },
          retryAfterMs: null,
        };
      }
    },
  };
}

/** Sorts an HTTP answer into delivered, retryable or permanent. */
export async function classifyResponse(response: Response): Promise<DeliveryResult> {
  if (response.ok) return { kind: "delivered" };
  const body = (await response.json().catch(() => undefined)) as
    { errcode?: unknown; error?: unknown; retry_after_ms?: unknown } | undefined;
  const problem: DeliveryProblem = {
    status: response.status,
    errcode: typeof body?.errcode === "string" ? body.errcode : null,
    message:
      typeof body?.error === "string"
        ? body.error.slice(0, 500)
        : `HTTP ${response.status} ${response.statusText}`.trim(),
  };
  const status = response.status;
  if (status === 429) {
    return { kind: "retryable", problem, retryAfterMs: retryAfter(response, body?.retry_after_ms) };
  }
  // 401: the token was refused (expired, or signed out elsewhere). The report
  // must not be lost for that: it waits for a working token (the next
  // sign-in resumes the outbox).
  if (status >= 500 || status === 408 || status === 401) {
    return { kind: "retryable", problem, retryAfterMs: null };
  }
  return { kind: "permanent", problem };
}

function retryAfter(response: Response, retryAfterMs: unknown): number | null {
  if (typeof retryAfterMs === "number" && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    return retryAfterMs;
  }
  const header = response.headers.get("retry-after");
  if (header !== null && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  return null;
}

function noAnswer(message: string): DeliveryProblem {
  return { status: null, errcode: null, message };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.name === "TimeoutError" ? "the homeserver did not answer in time" : error.message;
  }
  return "network error";
}
