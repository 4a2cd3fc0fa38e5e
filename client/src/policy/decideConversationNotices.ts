// Policy layer: the standing notices of an accepted conversation (the
// engine's `conversation-notice` point), e.g. the calm reminder that stays for
// a while after accepting a stranger's request. This gathers the facts about
// how the conversation started; the engine decides what shows and until when.
// Decision owned here: `conversation-notice`.

import type { ConversationNoticeDecision, PolicyEngine } from "@safety-by-design/policy-engine";
import type { ConversationOriginRecord } from "../matrix/sessionTypes.ts";
import type { AgeFactsSource } from "./ageFacts.ts";

/** What the conversation screen knows about one other person in it. */
export type ConversationNoticeQuery = {
  readonly otherUserId: string;
  readonly otherDisplayName: string | undefined;
  /** As recorded on this account when it started; undefined when nothing was recorded. */
  readonly recorded: ConversationOriginRecord | undefined;
  /** When this account joined the room: the start time when nothing was recorded. */
  readonly joinedAt: number | undefined;
};

export type ConversationNoticeDecider = (
  query: ConversationNoticeQuery,
) => ConversationNoticeDecision;

export type ConversationNoticeDependencies = {
  readonly engine: PolicyEngine;
  readonly clock: () => number;
  readonly ages: AgeFactsSource;
  /** The name looks like one of the device user's contacts (who is not this person). */
  readonly resemblesContact: (userId: string, displayName: string | undefined) => boolean;
  /** The name looks like a help service (the deployment's own moderators excepted). */
  readonly resemblesHelpService: (userId: string, displayName: string) => boolean;
};

export function conversationNoticeDecider(
  deps: ConversationNoticeDependencies,
): ConversationNoticeDecider {
  const { engine, clock, ages } = deps;
  return (query) => {
    const now = clock();
    // Nothing recorded (another client, an older version, a failed write): the
    // origin is "unknown", which the engine reads as an accepted request. The
    // join time stands in for the acceptance; without it, "now" keeps the
    // reminder up for its whole window rather than hiding it.
    const origin = query.recorded?.origin ?? "unknown";
    const acceptedAt = query.recorded?.acceptedAt ?? query.joinedAt ?? now;
    return engine.decide(
      {
        point: "conversation-notice",
        self: ages.self(),
        other: ages.about(query.otherUserId),
        origin,
        acceptedAt,
        nameResemblesContact: deps.resemblesContact(query.otherUserId, query.otherDisplayName),
        nameResemblesHelpService:
          query.otherDisplayName !== undefined &&
          deps.resemblesHelpService(query.otherUserId, query.otherDisplayName),
      },
      now,
    );
  };
}
