// The session's settings and profile screens, as a person reaches them: from
// the chat list's header, from a conversation's menu; back returns; a profile
// reports the person with target "profile". (SessionViewModel.test.ts covers
// the session's other screens and the back button.)
import { describe, expect, it, vi } from "vitest";
import { deviceInMemory } from "./device.ts";
import { fakeBrowserHistory } from "./historyTestKit.ts";
import { Navigation } from "./navigation.ts";
import { SessionViewModel, type SessionDependencies } from "./SessionViewModel.ts";
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

async function opened(d: SessionDependencies = deps()): Promise<SessionViewModel> {
  const session = new SessionViewModel(fakeSession(), d);
  await session.open(false);
  return session;
}

function screenOf<K extends string>(session: SessionViewModel, kind: K) {
  const { screen } = session.getSnapshot();
  if (screen.kind !== kind) throw new Error(`expected ${kind}, got ${screen.kind}`);
  return screen as Extract<typeof screen, { kind: K }>;
}

describe("Settings and profile screens", () => {
  it("opens Settings from the chat list and goes back to it", async () => {
    const session = await opened();
    screenOf(session, "chats").chatList.openSettings();
    const { settings } = screenOf(session, "settings");
    expect(settings.getSnapshot().rules.about?.label.nl).toBe("Standaard (Nederland)");
    settings.back();
    expect(session.getSnapshot().screen.kind).toBe("chats");
  });

  it("changes the language and the theme through the root's and the device's", async () => {
    const setLocale = vi.fn();
    const device = deviceInMemory();
    const session = await opened(deps({ setLocale, device }));
    screenOf(session, "chats").chatList.openSettings();
    const { settings } = screenOf(session, "settings");
    settings.setLocale("en");
    expect(setLocale).toHaveBeenCalledWith("en");
    settings.setTheme("dark");
    expect(device.theme.get()).toBe("dark");
  });

  it("opens a person's profile from the conversation's menu, and reports them from it", async () => {
    const session = await opened();
    screenOf(session, "chats").chatList.open("!a");
    const { conversation } = screenOf(session, "conversation");
    const lotte = conversation.getSnapshot().others[0];
    if (lotte === undefined) throw new Error("Lotte is in the chat");
    conversation.openProfile(lotte.handle);
    const { profile } = screenOf(session, "profile");
    expect(profile.getSnapshot().name).toEqual({
      kind: "name",
      label: "Lotte",
      userId: "@lotte:hs",
    });
    profile.report();
    const report = session.getSnapshot().report;
    expect(report).toBeDefined();
    expect(report?.getSnapshot().target).toBe("profile");
    profile.back();
    expect(session.getSnapshot().screen.kind).toBe("conversation");
  });

  it("counts unread messages for the tab's title for as long as the session runs", async () => {
    const session = await opened();
    // Lotte's chat has one unread message (sessionTestKit).
    expect(session.attention.getSnapshot().unread).toBe(1);
    const listener = vi.fn();
    session.attention.subscribe(listener);
    session.dispose();
    expect(listener).not.toHaveBeenCalled();
  });
});
