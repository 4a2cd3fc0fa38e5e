// Services layer, reporting: the moderator's side of the outcome back to the
// reporter (issue 18, acceptance 3). The outcome is sealed on the
// moderator's device to the reply key the report carried (protocol
// report/outcome.ts) and left in the report's mailbox at the report intake,
// with an OpenID token that shows the intake a moderator is asking (only the
// team may leave outcomes). The intake sees a mailbox ID and a ciphertext;
// it cannot tell which report, which reporter, or what was decided.

import {
  sealReportOutcome,
  type ReplyChannel,
  type ReportOutcome,
} from "@safety-by-design/protocol";

/**
 * "sent": the intake stored it; "refused": the intake will not take it from
 * this account (not on the team); "failed": no answer or a server error, try again.
 */
export type OutcomeSendResult = "sent" | "refused" | "failed";

export type OutcomeSender = {
  send(replyTo: ReplyChannel, outcome: ReportOutcome): Promise<OutcomeSendResult>;
};

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function createFetchOutcomeSender(options: {
  readonly homeserverUrl: string;
  readonly accessToken: string;
  readonly userId: string;
  readonly intakeUrl: string;
  readonly fetch?: Fetch;
  readonly timeoutMs?: number;
}): OutcomeSender {
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const homeserver = options.homeserverUrl.replace(/\/+$/, "");
  const intake = options.intakeUrl.replace(/\/+$/, "");
  return {
    async send(replyTo, outcome) {
      try {
        const sealed = await sealReportOutcome(outcome, replyTo);
        const tokenResponse = await fetchImpl(
          `${homeserver}/_matrix/client/v3/user/${encodeURIComponent(options.userId)}/openid/request_token`,
          {
            method: "POST",
            headers: {
              authorization: `Bearer ${options.accessToken}`,
              "content-type": "application/json",
            },
            body: "{}",
            signal: AbortSignal.timeout(timeoutMs),
          },
        );
        if (!tokenResponse.ok) return "failed";
        const openId = (await tokenResponse.json()) as {
          access_token?: unknown;
          matrix_server_name?: unknown;
        };
        const response = await fetchImpl(`${intake}/v1/outcomes/${replyTo.mailbox}`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            matrix_server_name: openId.matrix_server_name,
            openid_token: openId.access_token,
            sealed,
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) return "sent";
        return response.status === 403 ? "refused" : "failed";
      } catch {
        return "failed";
      }
    },
  };
}
