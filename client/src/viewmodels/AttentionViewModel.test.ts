import type { PersonFacts } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { RoomSnapshot, TimelineMessage } from "../matrix/sessionTypes.ts";
import { member, roomSnapshot, TEST_NOW, testRooms } from "../policy/testKit.ts";
import { AttentionViewModel } from "./AttentionViewModel.ts";
import type { DeviceNotification, DeviceNotifications } from "./device.ts";

const ME = "@me:localhost";
const LOTTE = "@lotte:localhost";
const ALEX = "@alex:localhost";
const DAAN = "@daan:localhost";

const message = (sender: string, body: string, eventId = `$${body}`): TimelineMessage => ({
  eventId,
  sender,
  timestamp: TEST_NOW,
  kind: "text",
  body,
  sendState: "sent",
});

/** The person's session with these rooms, as `band`, notifications on and the app hidden. */
function attention(band: PersonFacts["ageBand"], rooms: readonly RoomSnapshot[]) {
  const bands = new Map<string, PersonFacts>([
    [ME, { ageBand: band, ageVerified: band !== "unverified" }],
    [LOTTE, { ageBand: "13-15", ageVerified: true }],
    [DAAN, { ageBand: "18+", ageVerified: true }],
    [ALEX, { ageBand: "18+", ageVerified: true }],
  ]);
  const { store, set } = testRooms({
    self: ME,
    bands,
    contacts: new Map([
      [LOTTE, "Lotte"],
      [DAAN, "Daan"],
    ]),
    rooms,
  });
  const last = new Map<string, TimelineMessage>();
  const shown: DeviceNotification[] = [];
  let hidden = true;
  let enabled = true;
  const notifications: DeviceNotifications = {
    permission: () => "granted",
    requestPermission: () => Promise.resolve("granted"),
    enabled: () => enabled,
    setEnabled: (on) => {
      enabled = on;
    },
    hidden: () => hidden,
    show: (notification) => {
      shown.push(notification);
    },
  };
  const open = vi.fn();
  const vm = new AttentionViewModel({
    source: { userId: ME, lastMessage: (roomId) => last.get(roomId) },
    rooms: store,
    notifications,
    words: { appName: () => "Veilig Chatten", newMessage: () => "Nieuw bericht" },
    open,
  });
  return {
    vm,
    shown,
    open,
    /** A message arrives in a room (the session syncs; the store recomputes). */
    arrive: (roomId: string, next: TimelineMessage, snapshots: readonly RoomSnapshot[] = rooms) => {
      last.set(roomId, next);
      set(snapshots);
    },
    setHidden: (value: boolean) => {
      hidden = value;
    },
    setEnabled: (value: boolean) => {
      enabled = value;
    },
  };
}

const chatWith = (userId: string, name: string, unreadCount = 0) =>
  roomSnapshot({
    roomId: `!${name}`,
    membership: "join",
    isDirect: true,
    members: [member(userId, name)],
    unreadCount,
  });

describe("AttentionViewModel: notifications", () => {
  it("tells a minor only 'new message': not who, not what, not which chat", () => {
    const { shown, arrive, open } = attention("13-15", [chatWith(LOTTE, "Lotte")]);
    arrive("!Lotte", message(LOTTE, "Kom je morgen naar mijn feest?"));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      title: "Veilig Chatten",
      body: "Nieuw bericht",
      tag: "new-message",
    });
    expect(JSON.stringify(shown)).not.toContain("Lotte");
    expect(JSON.stringify(shown)).not.toContain("feest");
    shown[0]?.onClick();
    expect(open).toHaveBeenCalledWith("!Lotte");
  });

  it("shows an adult the sender and the first line of a chat shown normally", () => {
    const { shown, arrive } = attention("18+", [chatWith(DAAN, "Daan")]);
    arrive("!Daan", message(DAAN, "Ben je er?\nIk sta voor de deur"));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: "Daan", body: "Ben je er?", tag: "!Daan" });
  });

  it("never notifies of a request, nor of a stranger kept back in a chat", () => {
    const request = roomSnapshot({
      roomId: "!request",
      isDirect: true,
      members: [member(ALEX, "Alex")],
    });
    const group = roomSnapshot({
      roomId: "!group",
      membership: "join",
      members: [member(LOTTE, "Lotte"), member(ALEX, "Alex")],
    });
    const { shown, arrive } = attention("13-15", [request, group]);
    arrive("!request", message(ALEX, "hoi schatje"));
    arrive("!group", message(ALEX, "stuur een foto"));
    expect(shown).toEqual([]);
  });

  it("does not notify of what was there before, of the person's own messages, or while the app is in front", () => {
    const { shown, arrive, setHidden, setEnabled } = attention("18+", [chatWith(DAAN, "Daan")]);
    arrive("!Daan", message(ME, "hoi"));
    setHidden(false);
    arrive("!Daan", message(DAAN, "hallo", "$1"));
    setHidden(true);
    setEnabled(false);
    arrive("!Daan", message(DAAN, "hallo?", "$2"));
    expect(shown).toEqual([]);
    setEnabled(true);
    arrive("!Daan", message(DAAN, "hallo??", "$3"));
    expect(shown.map((n) => n.body)).toEqual(["hallo??"]);
    // The same newest message again (another sync) is not new.
    arrive("!Daan", message(DAAN, "hallo??", "$3"));
    expect(shown).toHaveLength(1);
  });

  it("does not notify of the history a newly joined room brings", () => {
    const { shown, arrive } = attention("18+", []);
    arrive("!Daan", message(DAAN, "oud bericht"), [chatWith(DAAN, "Daan")]);
    expect(shown).toEqual([]);
  });
});

describe("AttentionViewModel: the unread count", () => {
  it("adds up the unread messages of the chats the person is in, not of requests", () => {
    const request = roomSnapshot({
      roomId: "!request",
      isDirect: true,
      members: [member(ALEX, "Alex")],
      unreadCount: 5,
    });
    const { vm, arrive } = attention("13-15", [chatWith(LOTTE, "Lotte", 2), request]);
    expect(vm.getSnapshot().unread).toBe(2);
    arrive("!Lotte", message(LOTTE, "nog een"), [chatWith(LOTTE, "Lotte", 3), request]);
    expect(vm.getSnapshot().unread).toBe(3);
  });
});
