import type { IncomingPresentation, RoomPresentation } from "../../model/effects.ts";
import { assertNever } from "../../engine/assert-never.ts";

/**
 * How a member's first-contact presentation shapes the room's: a request
 * becomes the group safety overview. Only the inviter can make a room
 * declined; a declined stranger inside a friend's group holds it aside.
 */
export function roomPresentationOf(
  presentation: IncomingPresentation,
  isInviter: boolean,
): RoomPresentation {
  switch (presentation) {
    case "normal":
      return "normal";
    case "request":
      return "overview";
    case "filtered":
      return "filtered";
    case "declined":
      return isInviter ? "declined" : "filtered";
    default:
      return assertNever(presentation, "incoming presentation");
  }
}
