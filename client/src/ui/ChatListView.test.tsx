// The home screen rendered from plain snapshots (no view model, no session):
// what the snapshot says is what shows, and nothing the snapshot leaves out.
import { describe, expect, it } from "vitest";
import type { ChatListSnapshot, ChatListViewActions } from "../viewmodels/ChatListViewModel.ts";
import { CHAT_ROWS_PER_FRAME, ChatListView } from "./ChatListView.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions: ChatListViewActions = {
  showTab: notCalled,
  open: notCalled,
  openRequest: notCalled,
  acceptInvitation: notCalled,
  startNewChat: notCalled,
  startNewGroup: notCalled,
  findPeople: notCalled,
  openModeration: notCalled,
  openSettings: notCalled,
};

const snapshot = (over: Partial<ChatListSnapshot> = {}): ChatListSnapshot => ({
  userId: "@noor:localhost",
  offline: false,
  tab: "chats",
  chats: [
    {
      roomId: "!lotte",
      title: {
        kind: "people",
        names: [{ kind: "name", label: "Lotte", userId: "@lotte:localhost" }],
      },
      avatar: { kind: "initials", initials: "L", colour: 3 },
      preview: { kind: "text", text: "Kom je morgen?", from: undefined },
      activity: { kind: "time", timestamp: Date.UTC(2026, 11, 6, 13, 5) },
      unreadCount: 2,
      lastActivityTs: 2,
      blocked: false,
    },
  ],
  invitations: [
    {
      roomId: "!sam",
      inviter: { kind: "name", label: "Sam", userId: "@sam:localhost" },
      group: undefined,
    },
  ],
  requests: [
    {
      roomId: "!stranger",
      inviter: { kind: "unknown", tag: 2 },
      isGroup: false,
      invitedAt: 1,
      presentation: "filtered",
    },
  ],
  policyFailedClosed: false,
  controlArm: false,
  studyAssignmentIgnored: false,
  canModerate: false,
  canFindPeople: false,
  canOpenSettings: true,
  newOutcomes: 0,
  ...over,
});

/** A chat row like Lotte's, with what the test changes. */
const chatWith = (over: Partial<ChatListSnapshot["chats"][number]>) => {
  const lotte = snapshot().chats[0];
  if (lotte === undefined) throw new Error("the snapshot has Lotte's chat");
  return snapshot({ chats: [{ ...lotte, ...over }], invitations: [] });
};

const { t, plural } = wordsIn();

describe("ChatListView", () => {
  it("shows the chats with their unread count, a friend's invitation, and the requests count on its tab", () => {
    const html = renderView(<ChatListView view={snapshot()} actions={actions} />);
    expect(html).toContain(">Lotte</bdi>");
    expect(html).toContain(asHtml(plural("chats.unread", 2)));
    expect(html).toContain(asHtml(t("invitation.wantsToChat", { name: "Sam" })));
    expect(html).toContain(`${t("home.tab.requests")} (1)`);
    expect(html).toContain('aria-current="page"');
    expect(html).toContain(asHtml(t("chats.signedInAs", { userId: "@noor:localhost" })));
    // The requests themselves are on the other tab.
    expect(html).not.toContain(t("requests.heldAside"));
    // Offered only when the snapshot says so.
    expect(html).not.toContain(t("findPeople.open"));
    expect(html).not.toContain(t("moderation.entry"));
    expect(html).not.toContain('role="alert"');
  });

  it("shows a held-aside request with a shape for someone it does not name, and no Matrix ID", () => {
    const html = renderView(
      <ChatListView view={snapshot({ tab: "requests" })} actions={actions} />,
    );
    expect(html).toContain(t("requests.heldAside"));
    // "Held aside" is a state under the name; the pill says what a tap does.
    expect(html).toContain(`<span class="row-id">${t("requests.heldAside")}</span>`);
    expect(html).toContain(`<span class="tag tag-open">${t("requests.open")}</span>`);
    expect(html).toContain(asHtml(t("person.unknown")));
    expect(html).toContain("stranger-tag-2");
    expect(html).not.toContain("@stranger");
    expect(html).not.toContain(">Lotte</bdi>");
  });

  it("offers Find people and moderation, and warns when the policy failed closed or a study was ignored", () => {
    const html = renderView(
      <ChatListView
        view={snapshot({
          canFindPeople: true,
          canModerate: true,
          policyFailedClosed: true,
          studyAssignmentIgnored: true,
          offline: true,
        })}
        actions={actions}
      />,
    );
    expect(html).toContain(t("findPeople.open"));
    expect(html).toContain(t("moderation.entry"));
    expect(html).toContain(asHtml(t("home.policyFailedClosed")));
    expect(html).toContain(asHtml(t("home.studyAssignmentIgnored")));
    expect(html).toContain(asHtml(t("chats.offline")));
  });

  it("says there are no chats when there is nothing to list", () => {
    const html = renderView(
      <ChatListView
        view={snapshot({ chats: [], invitations: [], requests: [] })}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("chats.empty")));
    expect(html).toContain(`>${t("home.tab.requests")}</button>`);
  });

  it("shows a chat like the apps people know: initials, the last message, its time, the count", () => {
    const html = renderView(<ChatListView view={snapshot()} actions={actions} />);
    expect(html).toContain(
      'class="avatar avatar-medium avatar-colour-3" aria-hidden="true">L</span>',
    );
    expect(html).toContain("<bdi>Kom je morgen?</bdi>");
    const time = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit" }).format(
      Date.UTC(2026, 11, 6, 13, 5),
    );
    expect(html).toContain(`>${time}</time>`);
    expect(html).toContain('<span aria-hidden="true">2</span>');
    expect(html).not.toContain("<img");
  });

  it("words the preview as the view model says: mine, a group member's, kept back, unreadable", () => {
    const mine = renderView(
      <ChatListView
        view={chatWith({ preview: { kind: "text", text: "Tot zo", from: "me" } })}
        actions={actions}
      />,
    );
    expect(mine).toContain(asHtml(t("chats.preview.you", { text: "Tot zo" })));
    const group = renderView(
      <ChatListView
        view={chatWith({
          preview: {
            kind: "text",
            text: "Huiswerk?",
            from: { kind: "name", label: "Sam", userId: "@sam:localhost" },
          },
        })}
        actions={actions}
      />,
    );
    expect(group).toContain(asHtml(t("chats.preview.from", { name: "Sam", text: "Huiswerk?" })));
    const kept = renderView(
      <ChatListView view={chatWith({ preview: { kind: "kept-back" } })} actions={actions} />,
    );
    expect(kept).toContain(t("chats.preview.keptBack"));
    expect(kept).not.toContain("Kom je morgen?");
    const unreadable = renderView(
      <ChatListView view={chatWith({ preview: { kind: "unreadable" } })} actions={actions} />,
    );
    expect(unreadable).toContain(t("chats.preview.unreadable"));
  });

  it("says yesterday or the date, marks a blocked chat, and shows no badge without unread messages", () => {
    const yesterday = renderView(
      <ChatListView
        view={chatWith({ activity: { kind: "yesterday" }, blocked: true, unreadCount: 0 })}
        actions={actions}
      />,
      "nl",
    );
    expect(yesterday).toContain(wordsIn("nl").t("chats.yesterday"));
    expect(yesterday).toContain(wordsIn("nl").t("chats.blocked"));
    expect(yesterday).not.toContain('class="badge"');
    const older = renderView(
      <ChatListView
        view={chatWith({
          activity: { kind: "date", timestamp: Date.UTC(2025, 10, 20, 12), withYear: true },
        })}
        actions={actions}
      />,
    );
    expect(older).toContain("2025");
  });

  it("draws someone whose name is kept back without letters, and a group with a group mark", () => {
    const unknown = renderView(
      <ChatListView
        view={chatWith({ avatar: { kind: "unknown", colour: 1 } })}
        actions={actions}
      />,
    );
    expect(unknown).toContain("avatar-unknown");
    const group = renderView(
      <ChatListView view={chatWith({ avatar: { kind: "group", colour: 5 } })} actions={actions} />,
    );
    expect(group).toContain("avatar-colour-5");
  });

  it("offers settings from the list's header, only when the snapshot does", () => {
    expect(renderView(<ChatListView view={snapshot()} actions={actions} />)).toContain(
      `aria-label="${t("home.settings")}"`,
    );
    expect(
      renderView(<ChatListView view={snapshot({ canOpenSettings: false })} actions={actions} />),
    ).not.toContain(`aria-label="${t("home.settings")}"`);
  });

  it("counts new outcomes of this device's reports on the settings entry, in its name too", () => {
    const none = renderView(<ChatListView view={snapshot()} actions={actions} />, "nl");
    expect(none).not.toContain("settings-new-outcomes");
    const one = renderView(
      <ChatListView view={snapshot({ newOutcomes: 1 })} actions={actions} />,
      "nl",
    );
    expect(one).toContain('aria-label="Instellingen, 1 nieuw antwoord"');
    expect(one).toMatch(/data-testid="settings-new-outcomes" aria-hidden="true">1</);
    const two = renderView(<ChatListView view={snapshot({ newOutcomes: 2 })} actions={actions} />);
    expect(two).toContain(`aria-label="${asHtml(plural("home.settingsNew", 2))}"`);
  });

  it("draws a screenful and more of a long list at once; the rest follow frame by frame", () => {
    const lotte = snapshot().chats[0];
    if (lotte === undefined) throw new Error("the snapshot has Lotte's chat");
    const chats = Array.from({ length: 1000 }, (_, index) => ({
      ...lotte,
      roomId: `!chat-${String(index)}`,
    }));
    const html = renderView(
      <ChatListView view={snapshot({ chats, invitations: [] })} actions={actions} />,
    );
    expect(html.match(/class="row chat-row"/g)).toHaveLength(CHAT_ROWS_PER_FRAME);
  });
});
