// Policy layer: what this person's notifications may show, in general (for
// Settings, before any message arrived). The engine decides it per member of
// each room (`room` decision, `members[].notification`); each message's
// notification reads that from the decision store. Here the same point is
// asked about the plainest case, a contact's message in a direct chat the
// person is in, so Settings says what the rules allow at most: never more
// than any room's own decision. Owns no decision of its own.

import type {
  NotificationContent,
  PersonFacts,
  PolicyEngine,
} from "@safety-by-design/policy-engine";

export function decideNotificationContent(
  engine: PolicyEngine,
  clock: () => number,
  self: PersonFacts,
): NotificationContent {
  const decision = engine.decide(
    {
      point: "room",
      self,
      membership: "join",
      isDirect: true,
      membersKnown: true,
      members: [
        {
          person: self,
          isContact: true,
          sharedRoomCount: 1,
          sameServer: true,
          nameResemblesContact: false,
          nameResemblesHelpService: false,
          roles: [],
          acceptedHere: true,
        },
      ],
      profileSetBy: [],
      roomNameResemblesContact: false,
      roomNameResemblesHelpService: false,
    },
    clock(),
  );
  return decision.members[0]?.notification ?? "none";
}
