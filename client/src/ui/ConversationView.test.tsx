// The conversation rendered from a plain snapshot: every kind of row, date
// lines and runs, the reminder slot, what takes the composer's place, and
// that a kept-back person's words and ID never show.
import { describe, expect, it } from "vitest";
import type {
  ConversationViewActions,
  ConversationViewSnapshot,
  MessageRow,
  NewcomerRow,
} from "../viewmodels/ConversationViewModel.ts";
import { ConversationView } from "./ConversationView.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions: ConversationViewActions = {
  close: notCalled,
  setDraft: notCalled,
  send: notCalled,
  retry: notCalled,
  loadOlder: notCalled,
  leave: notCalled,
  block: notCalled,
  unblock: notCalled,
  viewMember: notCalled,
  reportMessage: notCalled,
  reportPerson: notCalled,
  openProfile: notCalled,
  tapMedia: notCalled,
  unblurMedia: notCalled,
  mediaVisible: notCalled,
  mediaHidden: notCalled,
  openMedia: notCalled,
  closeMedia: notCalled,
};

const LOTTE = { kind: "name", label: "Lotte", userId: "@lotte:localhost" } as const;
const STRANGER = { kind: "unknown", tag: 3 } as const;

const message = (over: Partial<MessageRow>): MessageRow => ({
  type: "message",
  id: "$m",
  count: 1,
  mine: false,
  senderHandle: "person-1",
  sender: LOTTE,
  body: "",
  kind: "text",
  canView: false,
  why: undefined,
  sendState: "sent",
  timestamp: Date.UTC(2026, 11, 6, 12),
  media: undefined,
  withdrawn: false,
  continues: false,
  showSender: true,
  ...over,
});

const newcomer = (over: Partial<NewcomerRow> = {}): NewcomerRow => ({
  type: "newcomer",
  id: "newcomer-person-2-5",
  handle: "person-2",
  name: STRANGER,
  relationship: "adult-stranger",
  notices: [
    { id: "stranger-joined", severity: "caution", copyKey: "notice.strangerJoined.teen13" },
  ],
  help: ["kindertelefoon"],
  canView: true,
  blocked: false,
  why: { audience: "teen", ruleIds: ["room/announce-strangers-joining"], pack: "nl-default 1" },
  timestamp: 5,
  ...over,
});

const snapshot = (over: Partial<ConversationViewSnapshot> = {}): ConversationViewSnapshot => ({
  roomId: "!room",
  title: { kind: "name", text: "Klas 2b", flagged: false },
  found: true,
  isGroup: true,
  rows: [
    { type: "day", id: "day-1", day: { kind: "today" } },
    message({ id: "$1", kind: "undecryptable", count: 3, showSender: false }),
    message({ id: "$2", body: "hoi Noor" }),
    message({ id: "$2b", body: "ben je er?", continues: true, showSender: false }),
    message({
      id: "$3",
      mine: true,
      sender: LOTTE,
      body: "hoi!",
      sendState: "failed",
      showSender: false,
    }),
    message({
      id: "$4",
      kind: "hidden",
      sender: STRANGER,
      senderHandle: "person-2",
      canView: true,
    }),
    newcomer(),
  ],
  draft: "",
  canLoadOlder: true,
  loadingOlder: false,
  others: [
    { handle: "person-1", name: LOTTE, blocked: false },
    { handle: "person-2", name: STRANGER, blocked: false },
  ],
  state: { kind: "open" },
  notice: undefined,
  viewer: undefined,
  ...over,
});

const words = wordsIn();
const { t, plural } = words;

describe("ConversationView", () => {
  it("renders each row as the snapshot has it: text, unreadable runs, a failed send, a kept-back message, a newcomer", () => {
    const html = renderView(<ConversationView view={snapshot()} actions={actions} />);
    expect(html).toContain(">Klas 2b</bdi>");
    expect(html).toContain(asHtml(plural("conversation.undecryptable", 3)));
    expect(html).toContain(">hoi Noor</p>");
    expect(html).toContain(asHtml(t("report.messageButtonLabel", { name: "Lotte" })));
    expect(html).toContain(t("conversation.failed"));
    expect(html).toContain(`>${t("conversation.retry")}</button>`);
    expect(html).toContain(asHtml(t("conversation.hiddenMessage")));
    expect(html).toContain(asHtml(words.notice("notice.strangerJoined.teen13")));
    expect(html).toContain(t("relationship.adult-stranger"));
    expect(html).toContain(`>${t("conversation.loadOlder")}</button>`);
    expect(html).toContain(asHtml(t("conversation.leaveGroup")));
    // The composer: a text box that grows, and a send button that waits for a draft.
    expect(html).toMatch(/<textarea[^>]*rows="1"/);
    expect(html).toMatch(/<button type="submit" class="send" disabled="">/);
    expect(html).toContain(`<span class="visually-hidden">${t("conversation.send")}</span>`);
  });

  it("shows a photo in its bubble, its caption only when it has one, and a taken-back message as a line", () => {
    const media = {
      display: "picture",
      kind: "image",
      name: "foto.jpg",
      mimetype: "image/jpeg",
      size: 1000,
      width: 10,
      height: 10,
      state: { kind: "placeholder", problem: "not-mxc" },
      notices: [],
      help: [],
      canBlock: false,
      canReport: false,
      why: undefined,
    } as const;
    const html = renderView(
      <ConversationView
        view={snapshot({
          rows: [
            message({ id: "$p", body: "foto.jpg", media }),
            message({ id: "$c", body: "op het strand", media }),
            message({ id: "$w", body: "", withdrawn: true }),
          ],
        })}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("media.problem.not-mxc")));
    expect(html).not.toContain(">foto.jpg</p>");
    expect(html).toContain(">op het strand</p>");
    expect(html).toContain(asHtml(t("conversation.withdrawn")));
    expect(html).not.toContain('<p class="message-body"></p>');
  });

  it("puts a date line where a day starts, and names a sender once per run", () => {
    const html = renderView(<ConversationView view={snapshot()} actions={actions} />);
    expect(html).toContain(
      `<li class="day-separator"><span>${t("conversation.today")}</span></li>`,
    );
    // "hoi Noor" opens Lotte's run and names her; "ben je er?" continues it, named for screen readers only.
    expect(html).toContain('<span class="message-sender"><bdi class="person-name">Lotte</bdi>');
    expect(html).toContain('class="message theirs continues"');
    expect(html).toContain(
      '<span class="visually-hidden"><bdi class="person-name">Lotte</bdi> </span><p class="message-body">ben je er?</p>',
    );
  });

  it("words older days in the reader's language: yesterday, a weekday, a date", () => {
    const thursday = new Date(2026, 11, 10, 12).getTime();
    const html = renderView(
      <ConversationView
        view={snapshot({
          rows: [
            { type: "day", id: "a", day: { kind: "yesterday" } },
            { type: "day", id: "b", day: { kind: "weekday", timestamp: thursday } },
            { type: "day", id: "c", day: { kind: "date", timestamp: thursday, withYear: true } },
          ],
        })}
        actions={actions}
      />,
      "nl",
    );
    expect(html).toContain(">Gisteren</span>");
    expect(html).toContain(">donderdag</span>");
    expect(html).toContain(">10 december 2026</span>");
  });

  it("puts the reminder it is given under the header, and shows a notice from the view model", () => {
    const html = renderView(
      <ConversationView
        view={snapshot({ notice: "conversation.loadOlderFailed", canLoadOlder: false })}
        actions={actions}
        reminder={<div className="reminder">standing reminder</div>}
      />,
    );
    expect(html.indexOf('id="conversation-title"')).toBeLessThan(html.indexOf("standing reminder"));
    expect(html.indexOf("standing reminder")).toBeLessThan(
      html.indexOf(t("conversation.encrypted")),
    );
    expect(html).toContain(asHtml(t("conversation.loadOlderFailed")));
    // Only where the history really starts: "Begin van het gesprek", and no "load older".
    expect(html).toContain(`<p class="history-start">${t("conversation.noOlder")}</p>`);
    expect(html).not.toContain(t("conversation.loadOlder"));
  });

  it("keeps the menu in the header: block or unblock and report each person, and leave", () => {
    const html = renderView(
      <ConversationView
        view={snapshot({
          others: [
            { handle: "person-1", name: LOTTE, blocked: true },
            { handle: "person-2", name: STRANGER, blocked: false },
          ],
        })}
        actions={actions}
      />,
    );
    const header = html.slice(0, html.indexOf('class="conversation-body"'));
    expect(header).toMatch(/<button type="button" class="menu-button" aria-expanded="false"/);
    expect(header).toContain(`>${t("conversation.actions")}</span>`);
    expect(header).toContain(asHtml(t("conversation.unblock", { name: "Lotte" })));
    expect(header).toContain(asHtml(t("conversation.block", { name: t("person.unknown") })));
    expect(header).toContain(asHtml(t("report.person", { name: "Lotte" })));
    expect(header).toContain(`>${t("conversation.leaveGroup")}</button>`);
  });

  it("a blocked chat says so instead of the composer, and offers to unblock, report and leave", () => {
    const blocked = { handle: "person-1", name: LOTTE, blocked: true } as const;
    const html = renderView(
      <ConversationView
        view={snapshot({
          isGroup: false,
          others: [blocked],
          state: { kind: "blocked", people: [blocked] },
        })}
        actions={actions}
      />,
    );
    expect(html).not.toContain('class="composer"');
    expect(html).toContain(asHtml(t("conversation.blockedState", { name: "Lotte" })));
    expect(html).toContain(asHtml(t("conversation.blockedHint", { name: "Lotte" })));
    const state = html.slice(html.indexOf('class="conversation-state"'));
    expect(state).toContain(`>${t("conversation.unblockShort")}</button>`);
    expect(state).toContain(`>${t("conversation.reportPerson")}</button>`);
    expect(state).toContain(`>${t("conversation.leave")}</button>`);
  });

  it("a chat nobody else is in says so, and only that", () => {
    const html = renderView(
      <ConversationView
        view={snapshot({
          title: { kind: "people", names: [] },
          isGroup: false,
          others: [],
          state: { kind: "alone" },
        })}
        actions={actions}
      />,
      "nl",
    );
    const nl = wordsIn("nl");
    expect(html).toContain(`<h1 id="conversation-title"><span class="room-name">Gesprek</span>`);
    expect(html).toContain(nl.t("conversation.alone"));
    expect(html).not.toContain('class="composer"');
    expect(html).not.toMatch(/Empty room|Leeg gesprek/);
  });

  it("a newcomer the person blocked is one short line with unblock, not the full announcement", () => {
    const html = renderView(
      <ConversationView
        view={snapshot({ rows: [newcomer({ blocked: true })] })}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("conversation.newcomerBlocked")));
    expect(html).toContain(`>${t("conversation.unblockShort")}</button>`);
    expect(html).not.toContain(asHtml(words.notice("notice.strangerJoined.teen13")));
    expect(html).not.toContain(`>${t("conversation.showMessages")}</button>`);
  });

  it("names nobody it may not name: a stranger is a shape, in rows and in the options", () => {
    const html = renderView(<ConversationView view={snapshot()} actions={actions} />);
    expect(html).toContain("stranger-tag-3");
    expect(html).toContain(asHtml(t("conversation.block", { name: t("person.unknown") })));
    expect(html).not.toMatch(/@(?!lotte)[a-z-]+:localhost/);
  });

  it("says the chat is gone when it is not found", () => {
    const html = renderView(
      <ConversationView view={snapshot({ found: false, rows: [] })} actions={actions} />,
    );
    expect(html).toContain(asHtml(t("conversation.notFound")));
    expect(html).not.toContain('class="composer"');
  });
});
