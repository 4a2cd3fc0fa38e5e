import { describe, expect, it, vi } from "vitest";
import { fakeBrowserHistory, type FakeBrowserHistory } from "./historyTestKit.ts";
import { Navigation } from "./navigation.ts";
import {
  SessionViewModel,
  type RunningSession,
  type SessionDependencies,
  type SessionScreen,
} from "./SessionViewModel.ts";
import { fakeSession } from "./sessionTestKit.ts";

function deps(overrides: Partial<SessionDependencies> = {}): SessionDependencies {
  return {
    locale: () => "nl",
    openHelp: vi.fn(),
    signOut: vi.fn(() => Promise.resolve()),
    reportError: vi.fn(),
    wakeAt: () => () => undefined,
    study: { record: vi.fn() },
    navigation: new Navigation(fakeBrowserHistory().browser, "load-1"),
    ...overrides,
  };
}

/** A session whose back button is a fake browser's: press it, settle, look. */
async function withBrowser(
  running: RunningSession = fakeSession(),
): Promise<{ session: SessionViewModel; browser: FakeBrowserHistory }> {
  const browser = fakeBrowserHistory(["the page before"]);
  const session = await opened(
    running,
    deps({ navigation: new Navigation(browser.browser, "load-1") }),
  );
  return { session, browser };
}

function pressBack(browser: FakeBrowserHistory): void {
  browser.pressBack();
  browser.settle();
  // Anything the app moved in reply (a step it left, one it opened) arrives too.
  browser.settle();
}

async function opened(
  running: RunningSession = fakeSession(),
  d: SessionDependencies = deps(),
  justSignedIn = false,
): Promise<SessionViewModel> {
  const session = new SessionViewModel(running, d);
  await session.open(justSignedIn);
  return session;
}

function chatList(session: SessionViewModel) {
  const screen = session.getSnapshot().screen;
  if (screen.kind !== "chats") throw new Error(`expected chats, got ${screen.kind}`);
  return screen.chatList;
}

/** Opens Lotte's chat from the list and reports her from the conversation's options. */
function reportLotte(session: SessionViewModel): SessionScreen {
  chatList(session).open("!a");
  const screen = session.getSnapshot().screen;
  if (screen.kind !== "conversation") throw new Error(`expected conversation, got ${screen.kind}`);
  const lotte = screen.conversation.getSnapshot().others[0];
  if (lotte === undefined) throw new Error("Lotte is not in the conversation");
  screen.conversation.reportPerson(lotte.handle);
  return screen;
}

describe("SessionViewModel", () => {
  it("is opening until it knows the first screen, then shows the chats", async () => {
    const session = new SessionViewModel(fakeSession(), deps());
    expect(session.getSnapshot().screen.kind).toBe("opening");
    await session.open(false);
    expect(session.getSnapshot().screen.kind).toBe("chats");
  });

  it("asks for the recovery key first on a new device, and goes on to the chats after", async () => {
    const session = await opened(
      fakeSession({ recoveryStatus: () => Promise.resolve("needs-recovery-key") }),
      deps(),
      true,
    );
    const screen = session.getSnapshot().screen;
    if (screen.kind !== "recovery") throw new Error(`expected recovery, got ${screen.kind}`);
    expect(screen.recovery.getSnapshot().step).toBe("enter-key");
    screen.recovery.finish();
    expect(session.getSnapshot().screen.kind).toBe("chats");
  });

  it("offers no recovery key to a classroom seat, whose account is reset after the session", async () => {
    const recoveryStatus = vi.fn(() => Promise.resolve("not-set-up" as const));
    const seat = await opened(
      { ...fakeSession({ recoveryStatus }), accountResetAfterSession: true },
      deps(),
      true,
    );
    expect(seat.getSnapshot().screen.kind).toBe("chats");
    expect(recoveryStatus).not.toHaveBeenCalled();
    // Any other account just signed in is offered one.
    const other = await opened(
      { ...fakeSession({ recoveryStatus }), accountResetAfterSession: false },
      deps(),
      true,
    );
    expect(other.getSnapshot().screen.kind).toBe("recovery");
  });

  it("never blocks on a recovery check that fails: it says so and shows the chats", async () => {
    const d = deps();
    const session = await opened(
      fakeSession({ recoveryStatus: () => Promise.reject(new Error("no backup api")) }),
      d,
      true,
    );
    expect(session.getSnapshot().screen.kind).toBe("chats");
    expect(d.reportError).toHaveBeenCalledWith(
      "checking the recovery key failed",
      expect.any(Error),
    );
  });

  it("shows on the chat list that a study assignment was ignored, and nothing when there was none", async () => {
    const ignored = await opened({ ...fakeSession(), ignoredStudyAssignment: "baseline" });
    const list = chatList(ignored);
    expect(list.getSnapshot().studyAssignmentIgnored).toBe(true);
    // It stays after the list refreshes (another tab, a sync).
    list.showTab("requests");
    expect(list.getSnapshot().studyAssignmentIgnored).toBe(true);

    const plain = await opened();
    expect(chatList(plain).getSnapshot().studyAssignmentIgnored).toBe(false);
  });

  it("opens the report sheet over the conversation; its help is the root's help", () => {
    const d = deps();
    const session = new SessionViewModel(fakeSession(), d);
    return session.open(false).then(() => {
      const behind = reportLotte(session);
      const report = session.getSnapshot().report;
      expect(report?.getSnapshot()).toMatchObject({
        target: "profile",
        reportedLabel: "Lotte",
        // No moderation key in the fake session: nothing can be sent, the rest is offered.
        phase: "unavailable",
      });
      // The screen behind stays as it was.
      expect(session.getSnapshot().screen).toBe(behind);
      report?.help();
      expect(d.openHelp).toHaveBeenCalledWith("after-report", expect.any(String));
      report?.close();
      expect(session.getSnapshot().report).toBeUndefined();
    });
  });

  it("leaving from the report sheet returns to the chats and keeps the sheet open", async () => {
    const running = fakeSession();
    const session = await opened(running);
    reportLotte(session);
    const report = session.getSnapshot().report;
    await report?.leave();
    expect(running.session.leave).toHaveBeenCalledWith("!a");
    expect(session.getSnapshot().screen.kind).toBe("chats");
    expect(session.getSnapshot().report).toBe(report);
    expect(report?.getSnapshot().left).toBe(true);
  });

  it("quick exit closes the report sheet and lands on the plain chat list", async () => {
    const session = await opened();
    reportLotte(session);
    session.quickExit();
    expect(session.getSnapshot().report).toBeUndefined();
    expect(session.getSnapshot().screen.kind).toBe("chats");
  });

  it("signing out from Settings closes the sheet and hands over to the root", async () => {
    const d = deps();
    const session = await opened(fakeSession(), d);
    chatList(session).openSettings();
    const { screen } = session.getSnapshot();
    if (screen.kind !== "settings") throw new Error("expected settings");
    await screen.settings.signOut();
    expect(d.signOut).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot().report).toBeUndefined();
  });

  it("opens Mijn meldingen from the sheet after reporting and from Settings; back returns (OUT)", async () => {
    const session = await opened();
    reportLotte(session);
    session.getSnapshot().report?.openMyReports?.();
    expect(session.getSnapshot().report).toBeUndefined();
    const fromSheet = session.getSnapshot().screen;
    if (fromSheet.kind !== "my-reports") throw new Error("expected my reports");
    // Back returns to where the report was made.
    fromSheet.myReports.back();
    expect(session.getSnapshot().screen.kind).toBe("conversation");

    const other = await opened();
    chatList(other).openSettings();
    const settings = other.getSnapshot().screen;
    if (settings.kind !== "settings") throw new Error("expected settings");
    settings.settings.openMyReports();
    const mine = other.getSnapshot().screen;
    if (mine.kind !== "my-reports") throw new Error("expected my reports");
    mine.myReports.back();
    expect(other.getSnapshot().screen.kind).toBe("settings");
  });

  it("back from a conversation returns to the chat list, from the screen's button or the browser's", async () => {
    const { session, browser } = await withBrowser();
    chatList(session).open("!a");
    expect(session.getSnapshot().screen.kind).toBe("conversation");
    expect(browser.index()).toBe(2);

    pressBack(browser);
    expect(session.getSnapshot().screen.kind).toBe("chats");

    chatList(session).open("!a");
    const screen = session.getSnapshot().screen;
    if (screen.kind !== "conversation")
      throw new Error(`expected conversation, got ${screen.kind}`);
    screen.conversation.close();
    browser.settle();
    expect(session.getSnapshot().screen.kind).toBe("chats");
    // The history is back where it began: the browser's back now leaves the app.
    expect(browser.index()).toBe(1);
    pressBack(browser);
    expect(browser.leftTheApp()).toBe(1);
  });

  it("the browser's back closes the report sheet first, then goes back a screen", async () => {
    const { session, browser } = await withBrowser();
    reportLotte(session);
    expect(session.getSnapshot().report).toBeDefined();
    pressBack(browser);
    expect(session.getSnapshot().report).toBeUndefined();
    expect(session.getSnapshot().screen.kind).toBe("conversation");
    pressBack(browser);
    expect(session.getSnapshot().screen.kind).toBe("chats");
    expect(browser.leftTheApp()).toBe(0);
  });

  it("after leaving from the report sheet, back closes the sheet and then leaves the app", async () => {
    const { session, browser } = await withBrowser();
    reportLotte(session);
    await session.getSnapshot().report?.leave();
    browser.settle();
    expect(session.getSnapshot().screen.kind).toBe("chats");
    pressBack(browser);
    expect(session.getSnapshot().report).toBeUndefined();
    expect(session.getSnapshot().screen.kind).toBe("chats");
    pressBack(browser);
    expect(browser.leftTheApp()).toBe(1);
  });

  it("the chat list comes back on the tab it was left on", async () => {
    const { session, browser } = await withBrowser();
    chatList(session).showTab("requests");
    chatList(session).openRequest("!b");
    expect(session.getSnapshot().screen.kind).toBe("request");
    pressBack(browser);
    expect(chatList(session).getSnapshot().tab).toBe("requests");
  });

  it("an accepted request becomes the chat in its place: back goes to the chats", async () => {
    const running = fakeSession({ join: vi.fn(() => Promise.resolve()) });
    const { session, browser } = await withBrowser(running);
    chatList(session).showTab("requests");
    chatList(session).openRequest("!b");
    const screen = session.getSnapshot().screen;
    if (screen.kind !== "request") throw new Error(`expected request, got ${screen.kind}`);
    await screen.request.accept();
    expect(session.getSnapshot().screen.kind).toBe("conversation");
    expect(browser.index()).toBe(2);
    pressBack(browser);
    expect(chatList(session).getSnapshot().tab).toBe("chats");
    expect(browser.index()).toBe(1);
  });

  it("closing a screen from the browser's back disposes it", async () => {
    const { session, browser } = await withBrowser();
    chatList(session).open("!a");
    const screen = session.getSnapshot().screen;
    if (screen.kind !== "conversation")
      throw new Error(`expected conversation, got ${screen.kind}`);
    const listener = vi.fn();
    screen.conversation.subscribe(listener);
    pressBack(browser);
    expect(session.getSnapshot().screen.kind).toBe("chats");
    expect(listener).not.toHaveBeenCalled();
    // Disposed: nothing it does reaches a view any more.
    screen.conversation.setDraft("hoi");
    expect(listener).not.toHaveBeenCalled();
  });

  it("signing out leaves its steps: no history entry points into the ended session", async () => {
    const { session, browser } = await withBrowser();
    chatList(session).open("!a");
    session.dispose();
    browser.settle();
    expect(browser.index()).toBe(1);
  });

  it("opens no screen after it was disposed while checking the recovery key", async () => {
    let answer: (status: "not-set-up") => void = () => undefined;
    const session = new SessionViewModel(
      fakeSession({
        recoveryStatus: () =>
          new Promise((resolve) => {
            answer = resolve;
          }),
      }),
      deps(),
    );
    const opening = session.open(true);
    session.dispose();
    answer("not-set-up");
    await opening;
    expect(session.getSnapshot().screen.kind).toBe("opening");
  });
});
