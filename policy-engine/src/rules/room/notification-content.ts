import type { RoomContribution } from "../contributions.ts";
import type { RoomFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const notificationContent: Rule<RoomFacts, RoomContribution> = {
  id: "room/notification-content",
  summary:
    "A notification can be read by anyone holding the phone, outside every protection of the app: in a chat the person is in, it shows no more than the pack allows for their band (for minors only 'new message', never who wrote or what).",
  evaluate: ({ request, selfBand }, pack) => {
    const allowed = pack.room.notifications[selfBand];
    // Only a joined room notifies; sender and text is the unrestricted case and needs no reason.
    if (request.membership !== "join" || allowed === "sender-and-text") return null;
    return { notices: [], notification: allowed };
  },
};
