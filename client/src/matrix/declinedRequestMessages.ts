// Matrix layer: the messages of a request this account declined without
// reading, for a report. While invited, the homeserver shares only the
// invitation (an invited account may not read the room: 403); after
// declining, it lets the account read the room's history up to its leave
// (Synapse: `/messages` for a departed member, with the room's default
// "shared" history). So a request is declined first and read after, and the
// stranger sees nothing but the decline. The room keys came with the
// invitation (a sender's client shares them with invited devices), so the
// messages are decrypted here, on the device, and go no further up than the
// report sheet's sealed bundle: no screen shows them.
import { Direction, type MatrixClient } from "matrix-js-sdk";
import { toTimelineMessage } from "./roomTimeline.ts";
import type { TimelineMessage } from "./sessionTypes.ts";

/** A page of the history before the leave is enough: the bundle carries at most 20. */
const PAGE_SIZE = 50;

/**
 * The other people's messages in a room this account has just left, oldest
 * first, decrypted where the keys are on this device ("undecryptable"
 * otherwise). Rejects when the homeserver does not answer.
 */
export async function declinedRequestMessages(
  client: MatrixClient,
  roomId: string,
): Promise<readonly TimelineMessage[]> {
  const ownUserId = client.getUserId();
  const page = await client.createMessagesRequest(roomId, null, PAGE_SIZE, Direction.Backward);
  const mapper = client.getEventMapper();
  const events = page.chunk.map((raw) => mapper(raw));
  await Promise.all(
    events.map(async (event) => {
      await client.decryptEventIfNeeded(event);
    }),
  );
  return (
    events
      .map((event) => toTimelineMessage(event, true))
      .filter(
        (message): message is TimelineMessage =>
          message !== undefined && message.sender !== ownUserId,
      )
      // The page comes newest first.
      .reverse()
  );
}
